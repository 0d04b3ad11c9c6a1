import { type HolidayCalendar, workingDaysBetween } from './calendar.ts';
import type { CaseFile, Clock } from './case.ts';
import { deriveClocks } from './clocks.ts';
import type { IsoDate } from './period.ts';
import { type AnonymousCase, caseFacts } from './personal-data.ts';
import type { Provider } from './provider.ts';

/**
 * The figures of the periodic anonymised report the policies promise (Dynamic: "Dynamic Training
 * Board of Directors will receive quarterly, an anonymized report of complaints made and their
 * resolution"; CQM and DMM annually). Everything here is a count, a share or a number of working
 * days, apart from the lessons and actions staff marked reportable: no names, contact details,
 * addresses, dates of birth or anything else a person wrote.
 */

/** What the report needs of one case: the same whether the case is live or only its anonymous facts are left. */
export interface ReportCase {
  receivedOn: IsoDate;
  channel: string;
  about: string;
  /** The stage the case is at now: the furthest it reached. */
  stage: string;
  status: string;
  events: readonly {
    type: string;
    on: IsoDate;
    stage: string;
    outcome?: string | undefined;
    toStage?: string | undefined;
  }[];
  clocks: readonly Clock[];
  /** Absent for anonymous facts kept before Redress recorded it. */
  under18?: boolean | undefined;
  represented?: boolean | undefined;
  adjustmentsAsked?: boolean | undefined;
  resolutionAgreed?: 'yes' | 'no' | undefined;
  referredExternallyOn?: IsoDate | undefined;
  /** Learning staff marked reportable. */
  lessons: readonly string[];
  /** Actions staff marked reportable, without who took them. */
  actions: readonly { text: string; done: boolean }[];
}

/** A live case as the report counts it, its clocks worked out as they stand on `asOf`. */
export function reportCaseFromFile(
  file: CaseFile,
  provider: Provider,
  asOf: IsoDate,
  calendar: HolidayCalendar,
): ReportCase {
  return {
    ...caseFacts(file),
    clocks: deriveClocks(file, provider, asOf, calendar).clocks,
    lessons: file.learningReportable === true && file.learning !== undefined ? [file.learning] : [],
    actions: file.actions
      .filter((action) => action.reportable === true)
      .map((action) => ({ text: action.text, done: action.doneOn !== undefined })),
  };
}

/** A case whose personal data retention or erasure removed: its kept facts still count. */
export function reportCaseFromFacts(facts: AnonymousCase): ReportCase {
  return {
    receivedOn: facts.receivedOn,
    channel: facts.channel,
    about: facts.about,
    stage: facts.stage,
    status: facts.status,
    events: facts.events,
    clocks: facts.clocks,
    under18: facts.under18,
    represented: facts.represented,
    adjustmentsAsked: facts.adjustmentsAsked,
    resolutionAgreed: facts.resolutionAgreed,
    referredExternallyOn: facts.referredExternallyOn,
    lessons: [],
    actions: [],
  };
}

/** A year (`2026`) or a calendar quarter (`2026-Q2`): what one report covers. */
export interface ReportPeriod {
  id: string;
  from: IsoDate;
  to: IsoDate;
  /** How the report names it: "2026", "April to June 2026". */
  label: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period `id` names, or `undefined` when it names none. */
export function reportPeriod(id: string): ReportPeriod | undefined {
  const match = /^(\d{4})(?:-Q([1-4]))?$/.exec(id);
  if (match === null) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { id, from: `${year}-01-01`, to: `${year}-12-31`, label: String(year) };
  const first = (Number(match[2]) - 1) * 3 + 1;
  const last = first + 2;
  return {
    id,
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}`,
    label: `${MONTHS[first - 1]} to ${MONTHS[last - 1]} ${year}`,
  };
}

/** The period before `period`, of the same length: the report shows its figures beside. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const [year, quarter] = period.id.split('-Q').map(Number) as [number, number | undefined];
  const id =
    quarter === undefined ? String(year - 1) : quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  return reportPeriod(id) as ReportPeriod;
}

/**
 * The last whole period of `cadence` before `today`: the one a report is due for. Quarters are
 * calendar quarters and years calendar years (Redress's reading: no policy names a financial year).
 */
export function lastEndedPeriod(
  cadence: NonNullable<Provider['report']>['cadence'],
  today: IsoDate,
): ReportPeriod {
  const year = Number(today.slice(0, 4));
  if (cadence === 'annual') return reportPeriod(String(year - 1)) as ReportPeriod;
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return previousPeriod(reportPeriod(`${year}-Q${quarter}`) as ReportPeriod);
}

/** A count as the report may show it. */
export type ShownCount =
  | { shown: true; value: number }
  /** `complementary`: hidden only so that another hidden count cannot be worked out from the total. */
  | { shown: false; complementary: boolean };

/** One line of a breakdown: its key, its words and its count. */
export interface BreakdownRow {
  key: string;
  label: string;
  count: ShownCount;
}

/**
 * Counts from 1 to 2 could point to a person, so they show as "fewer than 3"; 0 is shown, as it
 * tells nothing about anyone.
 */
export const SMALLEST_SHOWN = 3;
const isSmall = (n: number) => n > 0 && n < SMALLEST_SHOWN;

export function protectCount(value: number): ShownCount {
  return isSmall(value) ? { shown: false, complementary: false } : { shown: true, value };
}

/**
 * Protects a breakdown whose total is shown elsewhere: hides counts under 3, then makes sure the
 * hidden ones cannot be worked out by subtracting the shown ones from the total. A hidden group
 * with at least one count of 3 or more leaves each small count undetermined, so the smallest such
 * count is hidden beside them; when there is none, every count under 3 (0 too) is hidden.
 */
export function protectBreakdown(
  rows: readonly { key: string; label: string; value: number }[],
): BreakdownRow[] {
  const hidden = new Set(rows.filter((row) => isSmall(row.value)).map((row) => row.key));
  const complementary = new Set<string>();
  if (hidden.size > 0) {
    const partner = rows
      .filter((row) => row.value >= SMALLEST_SHOWN)
      .toSorted((a, b) => a.value - b.value)[0];
    if (partner !== undefined) complementary.add(partner.key);
    else for (const row of rows) if (row.value < SMALLEST_SHOWN) hidden.add(row.key);
  }
  return rows.map(({ key, label, value }) => ({
    key,
    label,
    count:
      hidden.has(key) || complementary.has(key)
        ? { shown: false, complementary: complementary.has(key) }
        : { shown: true, value },
  }));
}

/** How one kind of clock at one stage did. */
export interface ClockFigures {
  stage: string;
  clock: string;
  /** Clocks that fell due or were met: met on time, met late, or overdue on the report's date. */
  due: ShownCount;
  /** Share met on time, in whole per cent; absent when fewer than 3 fell due. */
  percentOnTime?: number | undefined;
  /** Working days from the stage's start to the event, for acknowledge and respond; absent under 3 values. */
  medianDays?: number | undefined;
  p90Days?: number | undefined;
}

export interface PeriodFigures {
  period: ReportPeriod;
  received: ShownCount;
  byChannel: BreakdownRow[];
  bySubject: BreakdownRow[];
  byStage: BreakdownRow[];
  outcomes: BreakdownRow[];
  clocks: ClockFigures[];
  escalated: ShownCount;
  escalatedTo: BreakdownRow[];
  externalReferrals: ShownCount;
  under18: ShownCount;
  represented: ShownCount;
  adjustmentsAsked: ShownCount;
  lessons: string[];
  actions: { text: string; done: boolean }[];
}

/** The median of sorted values (the mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The 90th percentile of sorted values by the nearest-rank method: a value that happened. */
export function percentile90(sorted: readonly number[]): number {
  return sorted[Math.ceil(0.9 * sorted.length) - 1] as number;
}

/** Clocks the report measures: those the provider owes the complainant, not the complainant's own window. */
const MEASURED_CLOCKS: readonly string[] = ['acknowledge', 'respond', 'interim', 'chase', 'write-up'];
/** A clock counts once it fell due: met on time, met late, or still not met after its date. */
const FELL_DUE: readonly string[] = ['met', 'met-late', 'overdue'];
/** The clocks whose working days are summarised, and the event that stops each. */
const TIMED: Record<string, string> = { acknowledge: 'acknowledged', respond: 'responded' };

/** Outcome rows in the policies' order; an outcome a newer Redress records is added after them. */
const OUTCOME_ROWS: [string, string][] = [
  ['upheld', 'Upheld'],
  ['partially-upheld', 'Partly upheld'],
  ['not-upheld', 'Not upheld'],
  ['resolved', 'Resolved with the complainant'],
  ['withdrawn', 'Withdrawn'],
  ['none-yet', 'No outcome yet'],
];

/**
 * The outcome a case ended with: its last stage's finding; else "resolved" where the log records a
 * resolution agreed with the complainant (Interlearn: "Was a satisfactory resolution identified
 * and agreed with the complainant"); else withdrawn, or none yet.
 */
function outcomeOf(item: ReportCase): string {
  const found = item.events.findLast((event) => event.type === 'responded' && event.outcome !== undefined);
  if (found?.outcome !== undefined) return found.outcome;
  if (item.resolutionAgreed === 'yes') return 'resolved';
  return item.status === 'withdrawn' ? 'withdrawn' : 'none-yet';
}

/** The day each stage of the case started: received, or asked for by an escalation. */
function stageStarts(item: ReportCase): Map<string, IsoDate> {
  const starts = new Map<string, IsoDate>();
  for (const event of item.events) {
    if (event.type === 'received' && !starts.has(event.stage)) starts.set(event.stage, event.on);
    if (event.type === 'escalated' && event.toStage !== undefined && !starts.has(event.toStage)) {
      starts.set(event.toStage, event.on);
    }
  }
  return starts;
}

function countRows(
  keys: readonly [string, string][],
  values: readonly string[],
  keepEmpty: boolean,
): { key: string; label: string; value: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const known = new Set(keys.map(([key]) => key));
  const extra = [...counts.keys()]
    .filter((key) => !known.has(key))
    .map((key): [string, string] => [key, key]);
  return [...keys, ...extra]
    .map(([key, label]) => ({ key, label, value: counts.get(key) ?? 0 }))
    .filter((row) => keepEmpty || row.value > 0);
}

/** Words for the rows: the provider's channels, the complaint subjects and the stages. */
export interface ReportWords {
  channels: readonly [string, string][];
  subjects: readonly [string, string][];
  stages: readonly [string, string][];
}

/** The figures of the cases received in `period`, clocks as they stood on the report's date. */
export function periodFigures(
  all: readonly ReportCase[],
  period: ReportPeriod,
  words: ReportWords,
  calendar: HolidayCalendar,
): PeriodFigures {
  const cases = all.filter((item) => item.receivedOn >= period.from && item.receivedOn <= period.to);
  const escalations = cases.flatMap((item) =>
    item.events.filter((event) => event.type === 'escalated').map((event) => event.toStage ?? event.stage),
  );
  const escalatedCases = cases.filter((item) => item.events.some((event) => event.type === 'escalated'));
  const count = (test: (item: ReportCase) => boolean) => protectCount(cases.filter(test).length);

  // One pass over every case's clocks: a yearly report may count 10,000 cases.
  const tallies = new Map<string, { onTime: number; due: number; days: number[] }>();
  for (const item of cases) {
    let starts: Map<string, IsoDate> | undefined;
    for (const clock of item.clocks) {
      if (!MEASURED_CLOCKS.includes(clock.clock) || !FELL_DUE.includes(clock.state)) continue;
      const key = `${clock.stage}.${clock.clock}`;
      let tally = tallies.get(key);
      if (tally === undefined) {
        tally = { onTime: 0, due: 0, days: [] };
        tallies.set(key, tally);
      }
      tally.due += 1;
      if (clock.state === 'met') tally.onTime += 1;
      const stopping = TIMED[clock.clock];
      if (stopping === undefined) continue;
      starts ??= stageStarts(item);
      const start = starts.get(clock.stage);
      const done = item.events.find((event) => event.type === stopping && event.stage === clock.stage);
      if (start !== undefined && done !== undefined)
        tally.days.push(workingDaysBetween(start, done.on, calendar));
    }
  }
  const clocks: ClockFigures[] = [];
  for (const [stage] of words.stages) {
    for (const kind of MEASURED_CLOCKS) {
      const tally = tallies.get(`${stage}.${kind}`);
      if (tally === undefined) continue;
      const days = tally.days.toSorted((a, b) => a - b);
      const timed = days.length >= SMALLEST_SHOWN;
      clocks.push({
        stage,
        clock: kind,
        due: protectCount(tally.due),
        percentOnTime: tally.due >= SMALLEST_SHOWN ? Math.round((100 * tally.onTime) / tally.due) : undefined,
        medianDays: timed ? median(days) : undefined,
        p90Days: timed ? percentile90(days) : undefined,
      });
    }
  }

  const lessons = cases.flatMap((item) => item.lessons);
  return {
    period,
    received: protectCount(cases.length),
    byChannel: protectBreakdown(
      countRows(
        words.channels,
        cases.map((item) => item.channel),
        true,
      ),
    ),
    bySubject: protectBreakdown(
      countRows(
        words.subjects,
        cases.map((item) => item.about),
        true,
      ),
    ),
    byStage: protectBreakdown(
      countRows(
        words.stages,
        cases.map((item) => item.stage),
        true,
      ),
    ),
    outcomes: protectBreakdown(countRows(OUTCOME_ROWS, cases.map(outcomeOf), true)),
    clocks,
    escalated: protectCount(escalatedCases.length),
    escalatedTo: protectBreakdown(countRows(words.stages.slice(1), escalations, true)),
    externalReferrals: count((item) => item.referredExternallyOn !== undefined),
    under18: count((item) => item.under18 === true),
    represented: count((item) => item.represented === true),
    adjustmentsAsked: count((item) => item.adjustmentsAsked === true),
    lessons,
    actions: cases.flatMap((item) => item.actions),
  };
}
