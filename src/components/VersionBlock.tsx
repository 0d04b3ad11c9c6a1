import { Fragment } from 'react';
import type { Policy, ReviewStatus } from '../core/policy.ts';
import { formatDate } from './page-text.ts';

export interface VersionBlockProps {
  policy: Policy;
  /** Where the policy stands against its next review date on the day the page is made. */
  review: ReviewStatus;
  providerName: string;
}

const NOT_STATED = 'Not stated in the policy';

/** The next review date, and where it comes from when the policy does not state it. */
function nextReviewText({ next }: ReviewStatus): string {
  if (next.known) {
    if (next.from === 'stated') return formatDate(next.date);
    const last = next.from === 'review-date' ? 'last reviewed' : 'approved';
    return `${formatDate(next.date)}: not stated in the policy, worked out as a year after it was ${last} on ${formatDate(next.since)}, as it promises a yearly review`;
  }
  return next.promised
    ? 'Not known: the policy promises a yearly review but states no date it was approved or last reviewed'
    : NOT_STATED;
}

/**
 * What the policy says about itself (version, approval, reviews), and a warning once its review is
 * overdue: on a provider's page, and in the publishers' preview of the policy.
 */
export function VersionBlock({ policy, review, providerName }: VersionBlockProps) {
  const facts: [label: string, value: string][] = [
    ['Title', policy.title ?? NOT_STATED],
    ['Version', policy.version ?? NOT_STATED],
    ['Approved by', policy.approvedBy ?? NOT_STATED],
    ['Approved on', policy.approvedOn ? formatDate(policy.approvedOn) : NOT_STATED],
    ['Review date', policy.reviewDate ? formatDate(policy.reviewDate) : NOT_STATED],
    ['Next review', nextReviewText(review)],
  ];
  return (
    <section aria-labelledby="about-this-policy">
      <h2 id="about-this-policy">About this policy</h2>
      {review.state === 'overdue' && (
        <div className="panel warning">
          <p>
            <strong>This policy is overdue for review.</strong> It was due to be reviewed by{' '}
            {formatDate(review.nextReviewDate)}. Some details may have changed: check with {providerName} if
            anything matters to your complaint.
          </p>
        </div>
      )}
      <dl className="facts">
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      {policy.relatedPolicies.length > 0 && (
        <>
          <h3>Related policies</h3>
          <ul>
            {policy.relatedPolicies.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
