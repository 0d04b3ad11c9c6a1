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
  /** Other policies and procedures the policy names, in its words, e.g. "Assessment Appeals Procedure". */
  relatedPolicies: z.array(z.string().trim().min(1)).default([]),
});
export type Policy = z.output<typeof PolicySchema>;

/** Where a policy stands against its next review date on a given day. */
export type ReviewStatus =
  | { state: 'not-stated' }
  | { state: 'due'; nextReviewDate: IsoDate }
  | { state: 'overdue'; nextReviewDate: IsoDate };

/** Whether the policy's next review date has passed by `today` (the review date itself is not yet overdue). */
export function checkReview(policy: Pick<Policy, 'nextReviewDate'>, today: IsoDate): ReviewStatus {
  const { nextReviewDate } = policy;
  if (nextReviewDate === undefined) return { state: 'not-stated' };
  return today > nextReviewDate ? { state: 'overdue', nextReviewDate } : { state: 'due', nextReviewDate };
}
