import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/period.ts';
import {
  remindPublishers,
  reviewReminder,
  reviewReminderMessage,
} from '../../src/use-cases/review-policies.ts';
import { fixtureServices } from '../support/fixtures.ts';

const policy = { title: 'Complaints Policy', nextReviewDate: '2027-01-15', relatedPolicies: [] };
const reviewCycle = { every: 'year', quote: 'We review this policy annually.' } as const;

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

  it('says nothing for a policy that states no review date and promises no review', () => {
    expect(reviewReminder('acme', { relatedPolicies: [] }, '2027-01-15')).toBeUndefined();
  });

  it('works the date out from the last review when the policy promises a yearly review but states no next date', () => {
    const yearly = { relatedPolicies: [], reviewCycle, reviewDate: '2026-02-01', approvedOn: '2025-06-01' };
    expect(reviewReminder('acme', yearly, '2027-01-10')).toMatchObject({
      when: 'soon',
      nextReviewDate: '2027-02-01',
    });
  });

  it('asks once a year for a date when the policy promises a yearly review but gives no date to count from', () => {
    const reminder = reviewReminder('acme', { relatedPolicies: [], reviewCycle }, '2027-03-01');
    expect(reminder).toEqual({ slug: 'acme', title: 'acme policy', when: 'no-date', year: '2027' });
    if (reminder === undefined) throw new Error('expected a reminder');
    const message = reviewReminderMessage(reminder, 'https://complaints.example.org');
    expect(message.subject).toBe('Policy review date unknown: acme policy');
    expect(message.text).toContain(
      'promises a yearly review, but states no date it was approved or last reviewed',
    );
  });

  it('names the policy, its date and its page', () => {
    const reminder = reviewReminder('acme', policy, '2027-01-04');
    if (reminder === undefined) throw new Error('expected a reminder');
    const message = reviewReminderMessage(reminder, 'https://complaints.example.org');
    expect(message.text).toContain('Friday 15 January 2027');
    expect(message.text).toContain('https://complaints.example.org/acme/');
  });
});

describe('remindPublishers: every policy that promises a review reaches the publishers', () => {
  it('over the fixture policies: CQM’s overdue review, and a date asked for DMM and Dynamic once a year', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'redress-review-'));
    try {
      const services = fixtureServices({ REDRESS_DATA_DIR: dir });
      const policies = await services.policies();
      const remind = (today: IsoDate) =>
        remindPublishers({
          policies,
          today,
          publishers: ['publishers@example.org'],
          mailer: services.mailer,
          ledger: services.noticeLedger,
          siteUrl: 'https://complaints.example.org',
        });
      const first = await remind('2027-01-10');
      expect(first.reminders.map((reminder) => `${reminder.slug} ${reminder.when}`)).toEqual([
        'cqm due',
        'digital-marketing-mentor no-date',
        'dynamic-training no-date',
      ]);
      expect(first.sent).toBe(3);
      expect((await remind('2027-06-10')).sent).toBe(0);
      // A new year asks again for the missing dates, and Example Academy's review (31 August 2027)
      // has come due; CQM's overdue review was already sent.
      const next = await remind('2028-01-10');
      expect(next.reminders.map((reminder) => `${reminder.slug} ${reminder.when}`)).toEqual([
        'cqm due',
        'digital-marketing-mentor no-date',
        'dynamic-training no-date',
        'example-academy due',
      ]);
      expect(next.sent).toBe(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
