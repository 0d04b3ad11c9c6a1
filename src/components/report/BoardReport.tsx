import { renderToStaticMarkup } from 'react-dom/server';
import type { BreakdownRow, ClockFigures, PeriodFigures, ShownCount } from '../../core/report-figures.ts';
import { barChartSvg, svgDataUrl } from './charts.ts';
import { REPORT_CSS } from './report-css.ts';

/**
 * The board report as one self-contained HTML file: styles inline, charts as SVG images drawn on
 * the server, no script and nothing fetched, so it can be mailed, committed and opened anywhere,
 * and printed on A4. Every value goes through React, which escapes it.
 */

export interface BoardReportProps {
  providerName: string;
  /** Who the policy says receives the report, in its words. */
  recipients: string;
  /** The policy sentence that promises the report. */
  quote: string;
  /** The day the figures were worked out: clocks stand as they were on it. */
  asOf: string;
  current: PeriodFigures;
  previous: PeriodFigures;
  /** Stage ids and their names, in the procedure's order. */
  stageNames: ReadonlyMap<string, string>;
}

const FEWER = 'fewer than 3';
const NOT_SHOWN = 'not shown (see note)';
// No script at all, and images only from inside the file: the report stays inert wherever it is opened.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const countText = (count: ShownCount): string =>
  count.shown ? String(count.value) : count.complementary ? NOT_SHOWN : FEWER;
const chartValue = (count: ShownCount): number | null => (count.shown ? count.value : null);

const CLOCK_WORDS: Record<string, string> = {
  acknowledge: 'acknowledge',
  respond: 'respond',
  interim: 'reply by the date an interim response gave',
  chase: 'close before the chase',
  'write-up': 'write up an oral complaint',
};

function clockText(figures: ClockFigures | undefined): string {
  if (figures === undefined) return 'none due';
  const parts = [
    figures.percentOnTime === undefined
      ? `${countText(figures.due)} due`
      : `${figures.percentOnTime}% on time, of ${countText(figures.due)}`,
  ];
  if (figures.medianDays !== undefined) {
    parts.push(`median ${figures.medianDays} working days, 90th percentile ${figures.p90Days}`);
  }
  return parts.join('; ');
}

interface FigureProps {
  id: string;
  title: string;
  /** The heading of the table's first column. */
  rowHeading: string;
  current: PeriodFigures;
  previous: PeriodFigures;
  rows: (figures: PeriodFigures) => BreakdownRow[];
}

/** A breakdown: its chart, the chart in words, and the table of its figures. */
function Breakdown({ id, title, rowHeading, current, previous, rows }: FigureProps) {
  const now = rows(current);
  const before = new Map(rows(previous).map((row) => [row.key, row]));
  const keys = [
    ...now.map((row) => row.key),
    ...[...before.keys()].filter((key) => !now.some((row) => row.key === key)),
  ];
  const lines = keys.map((key) => {
    const row = now.find((candidate) => candidate.key === key);
    const old = before.get(key);
    return {
      key,
      label: row?.label ?? old?.label ?? key,
      now: row?.count ?? ({ shown: true, value: 0 } as const),
      before: old?.count ?? ({ shown: true, value: 0 } as const),
    };
  });
  const svg = barChartSvg(
    lines.map((line) => line.label),
    [
      { name: current.period.label, values: lines.map((line) => chartValue(line.now)) },
      { name: previous.period.label, values: lines.map((line) => chartValue(line.before)) },
    ],
  );
  const words = lines
    .map(
      (line) => `${line.label}: ${countText(line.now)} (${previous.period.label}: ${countText(line.before)})`,
    )
    .join('; ');
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <figure>
        <img
          src={svgDataUrl(svg)}
          alt={`Bar chart: ${title.toLowerCase()}, ${current.period.label} beside ${previous.period.label}. The figures are in words below and in the table.`}
        />
        <figcaption>
          {title}, {current.period.label}. {words}. Hidden counts have no bar.
        </figcaption>
      </figure>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            <th scope="col">{current.period.label}</th>
            <th scope="col">{previous.period.label}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key}>
              <th scope="row">{line.label}</th>
              <td>{countText(line.now)}</td>
              <td>{countText(line.before)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Timeliness({
  current,
  previous,
  stageNames,
}: Pick<BoardReportProps, 'current' | 'previous' | 'stageNames'>) {
  const key = (figures: ClockFigures) => `${figures.stage}.${figures.clock}`;
  const before = new Map(previous.clocks.map((figures) => [key(figures), figures]));
  const now = new Map(current.clocks.map((figures) => [key(figures), figures]));
  const keys = [...new Set([...now.keys(), ...before.keys()])];
  const label = (k: string) => {
    const [stage = '', clock = ''] = k.split('.');
    return `${stageNames.get(stage) ?? stage}: ${CLOCK_WORDS[clock] ?? clock}`;
  };
  const percent = (figures: ClockFigures | undefined) => figures?.percentOnTime ?? null;
  const svg = barChartSvg(
    keys.map(label),
    [
      { name: current.period.label, values: keys.map((k) => percent(now.get(k))) },
      { name: previous.period.label, values: keys.map((k) => percent(before.get(k))) },
    ],
    '%',
  );
  const words = keys
    .map(
      (k) => `${label(k)}: ${clockText(now.get(k))} (${previous.period.label}: ${clockText(before.get(k))})`,
    )
    .join('. ');
  return (
    <section aria-labelledby="timeliness">
      <h2 id="timeliness">Deadlines met on time</h2>
      {keys.length === 0 ? (
        <p>No deadline fell due in either period.</p>
      ) : (
        <>
          <figure>
            <img
              src={svgDataUrl(svg)}
              alt={`Bar chart: the share of each deadline met on time, ${current.period.label} beside ${previous.period.label}. The figures are in words below and in the table.`}
            />
            <figcaption>
              Deadlines met on time, stage by stage. {words}. Shares of fewer than 3 deadlines have no bar.
            </figcaption>
          </figure>
          <table>
            <caption>Deadlines met on time, and working days taken</caption>
            <thead>
              <tr>
                <th scope="col">Stage: deadline</th>
                <th scope="col">{current.period.label}</th>
                <th scope="col">{previous.period.label}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k}>
                  <th scope="row">{label(k)}</th>
                  <td>{clockText(now.get(k))}</td>
                  <td>{clockText(before.get(k))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function hasComplementary(figures: PeriodFigures): boolean {
  const rows = [figures.byChannel, figures.bySubject, figures.byStage, figures.outcomes, figures.escalatedTo];
  return rows.flat().some((row) => !row.count.shown && row.count.complementary);
}

export function BoardReport(props: BoardReportProps) {
  const { providerName, current, previous, stageNames } = props;
  const title = `${providerName}: complaints report, ${current.period.label}`;
  const summary: [string, (figures: PeriodFigures) => ShownCount][] = [
    ['Complaints received', (f) => f.received],
    ['Escalated to a further stage', (f) => f.escalated],
    ['Taken to a body outside the provider', (f) => f.externalReferrals],
    ['Complainant under 18', (f) => f.under18],
    ['Made by a representative', (f) => f.represented],
    ['Adjustments asked for', (f) => f.adjustmentsAsked],
  ];
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={CSP} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style>{REPORT_CSS}</style>
      </head>
      <body>
        <header>
          <p className="kicker">Anonymised report for {props.recipients}</p>
          <h1>{title}</h1>
          <p>
            Complaints received from {current.period.from} to {current.period.to}, with the{' '}
            {previous.period.label} figures beside them. Deadlines stand as they were on {props.asOf}.
          </p>
          <blockquote>
            <p>{props.quote}</p>
          </blockquote>
        </header>
        <main>
          <section aria-labelledby="summary">
            <h2 id="summary">In summary</h2>
            <table>
              <caption>
                Complaints in {current.period.label} and {previous.period.label}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Complaints</th>
                  <th scope="col">{current.period.label}</th>
                  <th scope="col">{previous.period.label}</th>
                </tr>
              </thead>
              <tbody>
                {summary.map(([label, pick]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td>{countText(pick(current))}</td>
                    <td>{countText(pick(previous))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <Breakdown
            id="channels"
            title="Complaints by how they were made"
            rowHeading="How made"
            {...props}
            rows={(f) => f.byChannel}
          />
          <Breakdown
            id="subjects"
            title="Complaints by what they were about"
            rowHeading="About"
            {...props}
            rows={(f) => f.bySubject}
          />
          <Breakdown
            id="stages"
            title="Complaints by the furthest stage reached"
            rowHeading="Stage"
            {...props}
            rows={(f) => f.byStage}
          />
          <Timeliness current={current} previous={previous} stageNames={stageNames} />
          <Breakdown
            id="outcomes"
            title="Outcomes"
            rowHeading="Outcome"
            {...props}
            rows={(f) => f.outcomes}
          />
          <Breakdown
            id="escalations"
            title="Escalations, by the stage asked for"
            rowHeading="Stage asked for"
            {...props}
            rows={(f) => f.escalatedTo}
          />
          <section aria-labelledby="learning">
            <h2 id="learning">What was learnt, and what was done</h2>
            <p>Only what staff marked for this report, as they wrote it.</p>
            <h3>Lessons learnt</h3>
            {current.lessons.length === 0 ? (
              <p>None marked for this report.</p>
            ) : (
              <ul className="written">
                {current.lessons.map((lesson, i) => (
                  // Lessons carry no key of their own; their order is the cases' order and never changes.
                  // biome-ignore lint/suspicious/noArrayIndexKey: static markup, rendered once
                  <li key={i}>{lesson}</li>
                ))}
              </ul>
            )}
            <h3>Actions taken</h3>
            {current.actions.length === 0 ? (
              <p>None marked for this report.</p>
            ) : (
              <ul className="written">
                {current.actions.map((action, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: static markup, rendered once
                  <li key={i}>
                    {action.text} <span className="status">({action.done ? 'done' : 'in progress'})</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="notes">
            <h2 id="notes">About these figures</h2>
            <ul>
              <li>
                The report is anonymised: it holds no names, contact details, addresses or dates of birth, and
                nothing a complainant wrote. Cases whose personal data has since been removed are counted from
                the facts kept of them.
              </li>
              <li>
                A count from 1 to 2 shows as “{FEWER}”, so that no one can be picked out; 0 is shown, as it
                says nothing about anyone.
              </li>
              {[current, previous].some(hasComplementary) && (
                <li>
                  Where a table would hide only small counts, the smallest count of 3 or more is hidden too (“
                  {NOT_SHOWN}”), so the hidden counts cannot be worked out from the total.
                </li>
              )}
              <li>
                A deadline counts once it falls due: met on or before its date (on time), met after it, or
                still not met on {props.asOf}. Working days are counted as the procedure counts them: the day
                a complaint arrives is day 0. The share on time is shown once at least 3 deadlines fell due;
                the median and 90th percentile once at least 3 were met.
              </li>
            </ul>
          </section>
        </main>
        <footer>
          <p>Made by Redress on {props.asOf}.</p>
        </footer>
      </body>
    </html>
  );
}

/** The report as a file: the doctype, then the page. */
export function renderBoardReport(props: BoardReportProps): string {
  return `<!doctype html>\n${renderToStaticMarkup(<BoardReport {...props} />)}\n`;
}
