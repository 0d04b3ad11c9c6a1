import { z } from 'zod';
import { type IsoDate, IsoDateSchema } from './period.ts';

/**
 * A front-matter date. YAML reads an unquoted `2024-11-24` as a timestamp, so a publisher who
 * forgets the quotes still gets the calendar date they typed rather than a build error.
 */
const PolicyDateSchema = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  IsoDateSchema,
);

/**
 * The front matter of `content/policies/<slug>.md`: what the published policy says about itself.
 * Only what the policy states is filled in; anything it does not state is left out, and the page
 * says "not stated in the policy" rather than guessing.
 */
export const PolicySchema = z.strictObject({
  /** The policy's own title, as printed on it, e.g. "Complaints Policy 2018-2019"; absent when it prints none. */
  title: z.string().trim().min(1).optional(),
  /** The version the policy prints, e.g. "5". */
  version: z.string().trim().min(1).optional(),
  /** Who approved the policy, e.g. "Executive Team". */
  approvedBy: z.string().trim().min(1).optional(),
  /** When the policy was approved. */
  approvedOn: PolicyDateSchema.optional(),
  /** The review date the policy prints. */
  reviewDate: PolicyDateSchema.optional(),
  /** When the policy says it is next due for review; once passed, the page warns that the review is overdue. */
  nextReviewDate: PolicyDateSchema.optional(),
  /**
   * The review the policy promises, quoted: with no next review date stated, the next one is worked
   * out from the last review (or approval) date, so publishers are reminded all the same.
   */
  reviewCycle: z
    .strictObject({
      every: z.literal('year'),
      /** The policy sentence that promises the review, quoted exactly. */
      quote: z.string().trim().min(1),
    })
    .optional(),
  /** Other policies and procedures the policy names, in its words, e.g. "Assessment Appeals Procedure". */
  relatedPolicies: z.array(z.string().trim().min(1)).default([]),
});
export type Policy = z.output<typeof PolicySchema>;

/**
 * When the policy is next due for review, and how that is known: the date it states; a year after
 * its last review or approval, when it promises a yearly review but states no next date; or not at
 * all, when it promises a review but gives no date to count from, or promises none.
 */
export type NextReview =
  | { known: true; date: IsoDate; from: 'stated' }
  | { known: true; date: IsoDate; from: 'review-date' | 'approved-on'; since: IsoDate }
  | { known: false; promised: boolean };

/** The same day a year later (29 February moves to 1 March). */
function aYearAfter(date: IsoDate): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10);
}

export function nextReview(
  policy: Pick<Policy, 'nextReviewDate' | 'reviewDate' | 'approvedOn' | 'reviewCycle'>,
): NextReview {
  if (policy.nextReviewDate !== undefined)
    return { known: true, date: policy.nextReviewDate, from: 'stated' };
  if (policy.reviewCycle === undefined) return { known: false, promised: false };
  // The later of the two: a policy reviewed since it was approved counts its year from the review.
  const since = [policy.reviewDate, policy.approvedOn]
    .filter((date) => date !== undefined)
    .sort()
    .at(-1);
  if (since === undefined) return { known: false, promised: true };
  const from = since === policy.reviewDate ? 'review-date' : 'approved-on';
  return { known: true, date: aYearAfter(since), from, since };
}

/** Where a policy stands against its next review date on a given day. */
export type ReviewStatus =
  | { state: 'not-stated'; next: Extract<NextReview, { known: false }> }
  | { state: 'due'; nextReviewDate: IsoDate; next: Extract<NextReview, { known: true }> }
  | { state: 'overdue'; nextReviewDate: IsoDate; next: Extract<NextReview, { known: true }> };

/** Whether the policy's next review date has passed by `today` (the review date itself is not yet overdue). */
export function checkReview(
  policy: Pick<Policy, 'nextReviewDate' | 'reviewDate' | 'approvedOn' | 'reviewCycle'>,
  today: IsoDate,
): ReviewStatus {
  const next = nextReview(policy);
  if (!next.known) return { state: 'not-stated', next };
  return today > next.date
    ? { state: 'overdue', nextReviewDate: next.date, next }
    : { state: 'due', nextReviewDate: next.date, next };
}
