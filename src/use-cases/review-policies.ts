import { addCalendarDays, longDate } from '../core/calendar.ts';
import { type MessageContent, render } from '../core/intake-messages.ts';
import type { IsoDate } from '../core/period.ts';
import { checkReview, type Policy } from '../core/policy.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { NoticeLedger } from '../ports/notice-ledger.ts';

/** How long before a policy's next review date its publishers are first reminded. */
const REMIND_DAYS_BEFORE = 30;

export type PolicyReminder = {
  /** The policy's file name without `.md`: the provider's slug. */
  slug: string;
  title: string;
} & (
  | {
      nextReviewDate: IsoDate;
      /** `soon`: within 30 days of the date; `due`: the date has come (or passed) and the review is due. */
      when: 'soon' | 'due';
    }
  | {
      /** The policy promises a yearly review but gives no date to count from: asked for once a year. */
      when: 'no-date';
      year: string;
    }
);

/** The reminder a policy is due on `today`, if any: from 30 days before its next review date. */
export function reviewReminder(slug: string, policy: Policy, today: IsoDate): PolicyReminder | undefined {
  const review = checkReview(policy, today);
  const title = policy.title ?? `${slug} policy`;
  if (review.state === 'not-stated') {
    return review.next.promised ? { slug, title, when: 'no-date', year: today.slice(0, 4) } : undefined;
  }
  const { nextReviewDate } = review;
  if (today >= nextReviewDate) return { slug, title, nextReviewDate, when: 'due' };
  if (today >= addCalendarDays(nextReviewDate, -REMIND_DAYS_BEFORE)) {
    return { slug, title, nextReviewDate, when: 'soon' };
  }
  return undefined;
}

export function reviewReminderMessage(reminder: PolicyReminder, siteUrl: string): MessageContent {
  const page = new URL(`/${reminder.slug}/`, siteUrl).href;
  if (reminder.when === 'no-date') {
    return render(`Policy review date unknown: ${reminder.title}`, [
      `"${reminder.title}" (${reminder.slug}) promises a yearly review, but states no date it was approved or last reviewed, so Redress cannot tell when the next review is due.`,
      'Add the date it was approved or last reviewed (or its next review date) in content/policies, and Redress will remind you before each review.',
      `The policy on the site: ${page}`,
    ]);
  }
  const date = longDate(reminder.nextReviewDate);
  return reminder.when === 'soon'
    ? render(`Policy review due ${date}: ${reminder.title}`, [
        `"${reminder.title}" (${reminder.slug}) is due for review on ${date}.`,
        'Once it is reviewed, publish the new policy and update its next review date in content/policies.',
        `The policy on the site: ${page}`,
      ])
    : render(`Policy review due: ${reminder.title}`, [
        `"${reminder.title}" (${reminder.slug}) was due for review on ${date}. Its page now says the review is overdue.`,
        'Publish the reviewed policy and update its next review date in content/policies.',
        `The policy on the site: ${page}`,
      ]);
}

/** Names a reminder in the ledger: once per policy, date and kind, or once a year while no date is known. */
function reminderKey(reminder: PolicyReminder): string {
  const when = reminder.when === 'no-date' ? reminder.year : reminder.nextReviewDate;
  return `policy-${reminder.slug}.review-${reminder.when}.policy.${when}`;
}

export interface ReviewOptions {
  policies: readonly [string, Policy][];
  today: IsoDate;
  /** Who publishes the policies; nobody is mailed when there is no one. */
  publishers: readonly string[];
  mailer: Mailer;
  ledger: NoticeLedger;
  siteUrl: string;
}

/**
 * Reminds the publishers of each policy review coming up or due, once per policy, date and kind
 * of reminder (the same ledger as deadline notices), and answers every reminder due today.
 */
export async function remindPublishers(
  options: ReviewOptions,
): Promise<{ reminders: PolicyReminder[]; sent: number }> {
  const reminders = options.policies
    .map(([slug, policy]) => reviewReminder(slug, policy, options.today))
    .filter((reminder) => reminder !== undefined);
  let sent = 0;
  if (options.publishers.length === 0) return { reminders, sent };
  for (const reminder of reminders) {
    const key = reminderKey(reminder);
    if ((await options.ledger.record(key)) === 'sent') continue;
    await options.mailer.send({
      to: [...options.publishers],
      ...reviewReminderMessage(reminder, options.siteUrl),
      idempotencyKey: key,
      tag: 'policy-review',
    });
    await options.ledger.markSent(key);
    sent += 1;
  }
  return { reminders, sent };
}
