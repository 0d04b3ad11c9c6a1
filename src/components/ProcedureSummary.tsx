import type { ProcedureSummary as Summary } from '../core/procedure-summary.ts';
import { ProcedureFlow } from './ProcedureFlow.tsx';

export interface ProcedureSummaryProps {
  summary: Summary;
  /** Where the procedure diagram with the policy's own words lives. */
  procedureHref: string;
}

/**
 * How to complain and what happens, with every timescale the policy promises: on a provider's
 * page, and in the publishers' preview, so a changed clock shows there before it is saved.
 */
export function ProcedureSummary({ summary, procedureHref }: ProcedureSummaryProps) {
  return (
    <section aria-labelledby="how-to-complain">
      <h2 id="how-to-complain">How to complain and what happens</h2>

      <h3>What counts as a complaint</h3>
      {summary.complaint ? (
        <p>{summary.complaint.text}</p>
      ) : (
        <p>A definition of a complaint is not stated in the policy.</p>
      )}
      {summary.concern && <p>{summary.concern.text}</p>}

      <h3>When to complain</h3>
      {summary.timeLimit ? (
        <p>{summary.timeLimit.text}</p>
      ) : (
        <p>A time limit for complaining is not stated in the policy.</p>
      )}

      <h3>The stages, in order</h3>
      <p className="no-print">
        <a href={procedureHref}>See the procedure as a diagram, with the policy's own words</a>
      </p>
      <ProcedureFlow summary={summary} level={4} showQuotes={false} />

      {summary.exclusions.length > 0 && (
        <>
          <h3>What this procedure does not cover</h3>
          <ul>
            {summary.exclusions.map((exclusion) => (
              <li key={exclusion.text}>{exclusion.text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
