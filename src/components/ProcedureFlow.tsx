import type { ProcedureSummary } from '../core/procedure-summary.ts';
import { toTelHref } from './page-text.ts';

export interface ProcedureFlowProps {
  summary: ProcedureSummary;
  /** Heading level of each stage name, so the flow fits the page's outline. */
  level: 3 | 4;
  /** Show the policy's own words under each timescale. */
  showQuotes: boolean;
}

/**
 * The stages in order, who handles each and its timescales. An ordered list, so a screen reader
 * announces "list, N items" and each stage's position; the circles and connecting line are
 * decoration added by CSS. The site's pages and the publishers' preview both render it.
 */
export function ProcedureFlow({ summary, level, showQuotes }: ProcedureFlowProps) {
  const Heading = `h${level}` as const;
  const { external } = summary;
  return (
    <ol className="flow">
      {summary.stages.map((stage) => (
        <li key={stage.id}>
          <Heading>
            {stage.name}
            {stage.informal && !/informal/i.test(stage.name) && <span className="muted"> (informal)</span>}
          </Heading>
          <p className="handler">
            Handled by: <strong>{stage.handledBy}</strong>
            {stage.contact?.name && ` (${stage.contact.name})`}
            {stage.contact?.email && (
              <>
                <br />
                Email: <a href={`mailto:${stage.contact.email}`}>{stage.contact.email}</a>
              </>
            )}
          </p>
          <p>{stage.what}</p>
          {stage.clocks.length > 0 && (
            <ul className="clocks">
              {stage.clocks.map((clock) => (
                <li key={clock.kind}>
                  {clock.text}
                  {showQuotes && (
                    <span className="clock-quote">
                      The policy says: <q>{clock.quote}</q>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
      {external && (
        <li className="flow-external">
          <Heading>{external.name}</Heading>
          <p>{external.text}</p>
          {(external.email || external.phone) && (
            <p>
              {external.email && (
                <>
                  Email <a href={`mailto:${external.email}`}>{external.email}</a>
                </>
              )}
              {external.phone && (
                <>
                  {external.email ? ' or call ' : 'Call '}
                  <a href={toTelHref(external.phone)}>{external.phone}</a>
                </>
              )}
            </p>
          )}
          {showQuotes && (
            <p className="clock-quote">
              The policy says: <q>{external.quote}</q>
            </p>
          )}
        </li>
      )}
    </ol>
  );
}
