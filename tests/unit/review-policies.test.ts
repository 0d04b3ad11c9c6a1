import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/period.ts';
import { reviewReminder, reviewReminderMessage } from '../../src/use-cases/review-policies.ts';

const policy = { title: 'Complaints Policy', nextReviewDate: '2027-01-15', relatedPolicies: [] };

describe('reviewReminder: publishers are reminded from 30 days before a policy’s next review date', () => {
  it.each<[IsoDate, string | undefined]>([
    ['2026-12-15', undefined],
    ['2026-12-16', 'soon'],
    ['2027-01-14', 'soon'],
    ['2027-01-15', 'due'],
    ['2027-03-01', 'due'],
  ])('on %s: %s', (today, when) => {
    expect(reviewReminder('acme', policy, today)?.when).toBe(when);
  });

  it('says nothing for a policy that states no review date', () => {
    expect(reviewReminder('acme', { relatedPolicies: [] }, '2027-01-15')).toBeUndefined();
  });

  it('names the policy, its date and its page', () => {
    const reminder = reviewReminder('acme', policy, '2027-01-04');
    if (reminder === undefined) throw new Error('expected a reminder');
    const message = reviewReminderMessage(reminder, 'https://complaints.example.org');
    expect(message.text).toContain('Friday 15 January 2027');
    expect(message.text).toContain('https://complaints.example.org/providers/acme/');
  });
});
