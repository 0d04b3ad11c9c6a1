import { stringify } from 'csv-stringify/sync';
import { CaseEventSchema, type CaseEventType, type CaseFile, CaseFileSchema, OUTCOME_WORDS } from './case.ts';
import type { IsoDate } from './period.ts';
import { closedOn } from './personal-data.ts';
import type { LogField, Provider } from './provider.ts';
import { ROLE_LABELS } from './submission-rules.ts';

/**
 * The provider's complaints log (DMM's Record of Complaint, Interlearn's Customer Services Log,
 * ACE's complaints log): one row per complaint, in the columns and words the policy uses. It is for
 * staff and holds personal data; the board report (./report-figures.ts) is the anonymous one.
 */

/**
 * A case file as stored, read so that an event this version cannot read (a kind it does not know,
 * or a field it does not know, written by a newer Redress) is left out rather than failing the
 * whole case; anything else wrong still fails.
 */
export function readCaseForReport(data: unknown): ReturnType<typeof CaseFileSchema.safeParse> {
  if (typeof data === 'object' && data !== null && Array.isArray((data as { events?: unknown }).events)) {
    const events = (data as { events: unknown[] }).events.filter(
      (event) => CaseEventSchema.safeParse(event).success,
    );
    return CaseFileSchema.safeParse({ ...data, events });
  }
  return CaseFileSchema.safeParse(data);
}

/** The day a case was received: the day of its first event, which starts the clocks. */
export const receivedOn = (file: Pick<CaseFile, 'events'>): IsoDate => file.events[0]?.on ?? '';

function lastOf<T extends CaseEventType>(file: CaseFile, type: T) {
  return file.events.findLast((event): event is Extract<CaseFile['events'][number], { type: T }> => {
    return event.type === type;
  });
}

/** What fills each column the policies name, from one case. Dates stay `YYYY-MM-DD` so a spreadsheet sorts them. */
const COLUMN_VALUES: Record<LogField['source'], (file: CaseFile) => string> = {
  receivedOn,
  complainantRole: (file) => ROLE_LABELS[file.complainant.role],
  complainantName: (file) => file.complainant.name,
  complainantAddress: (file) => file.complainant.address ?? '',
  complainantPhone: (file) => file.complainant.phone ?? '',
  course: (file) => file.complaint.course ?? '',
  summary: (file) => file.complaint.whatHappened,
  receivedFrom: (file) =>
    file.representative === undefined
      ? file.complainant.name
      : `${file.representative.name} (${file.representative.relationship ?? 'representative'}) for ${file.complainant.name}`,
  receivedBy: (file) => file.log?.receivedBy ?? '',
  reportedTo: (file) => file.log?.reportedTo ?? '',
  referralDepartment: (file) => file.log?.referralDepartment ?? '',
  referralManager: (file) => file.log?.referralManager ?? '',
  resolutionAgreed: (file) => ({ yes: 'Yes', no: 'No', none: '' })[file.log?.resolutionAgreed ?? 'none'],
  acknowledgedOn: (file) => file.events.find((event) => event.type === 'acknowledged')?.on ?? '',
  referredOn: (file) => file.log?.referredOn ?? '',
  handlerAcknowledgedOn: (file) => file.log?.managerAcknowledgedOn ?? '',
  respondedOn: (file) => lastOf(file, 'responded')?.on ?? '',
  response: (file) => lastOf(file, 'responded')?.summary ?? '',
  actions: (file) =>
    file.actions
      .map((action) => {
        const done = action.doneOn === undefined ? 'to do' : `done ${action.doneOn}`;
        return `${action.text} (by ${action.by}, ${action.on}; ${done})`;
      })
      .join('\n'),
  resolution: (file) => {
    const response = lastOf(file, 'responded');
    const found =
      response === undefined ? [] : [`${OUTCOME_WORDS[response.outcome] ?? response.outcome} ${response.on}`];
    const ended = closedOn(file);
    if (ended !== undefined) found.push(`${file.status === 'withdrawn' ? 'withdrawn' : 'closed'} ${ended}`);
    return found.join('; ');
  },
  closedOn: (file) => closedOn(file) ?? '',
  area: (file) => file.category ?? '',
  progress: (file) =>
    [
      ...file.events.map((event) => `${event.on} ${event.type} (${event.stage})`),
      `now: ${file.stage}, ${file.status}`,
    ].join('\n'),
  notes: (file) => file.notes.map((note) => `${note.on} ${note.kind}, ${note.by}: ${note.text}`).join('\n'),
};

/** The log of `provider`'s cases received from `from` to `to` (both included), oldest first. */
export function complaintsLog(
  provider: Pick<Provider, 'log'>,
  files: readonly CaseFile[],
  range: { from?: IsoDate | undefined; to?: IsoDate | undefined } = {},
): { columns: string[]; rows: string[][] } {
  const within = files
    .filter((file) => {
      const day = receivedOn(file);
      return (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);
    })
    .toSorted((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.reference.localeCompare(b.reference));
  const { fields } = provider.log;
  return {
    columns: fields.map((field) => field.label),
    rows: within.map((file) => fields.map((field) => COLUMN_VALUES[field.source](file))),
  };
}

/**
 * OWASP, "CSV Injection": a spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and tab
 * or carriage return, which some skip first) as a formula. Prefixing the cell with a single quote
 * makes it text, which is what a complainant's words are. Applied to every cell, headings included.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
export const spreadsheetSafe = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/**
 * The log as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line
 * break), every cell spreadsheet-safe. It starts with a byte order mark so Excel reads it as UTF-8
 * rather than mangling names such as "Siân".
 */
export function logAsCsv(log: { columns: string[]; rows: string[][] }): string {
  return stringify(
    [log.columns, ...log.rows].map((row) => row.map(spreadsheetSafe)),
    { bom: true, record_delimiter: 'windows' },
  );
}

/** The log as JSON: one object per complaint, keyed by the policy's column names. */
export function logAsJson(log: { columns: string[]; rows: string[][] }): string {
  const objects = log.rows.map((row) => Object.fromEntries(log.columns.map((column, i) => [column, row[i]])));
  return `${JSON.stringify(objects, null, 2)}\n`;
}
