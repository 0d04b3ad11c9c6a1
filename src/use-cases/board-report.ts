import { parse } from 'yaml';
import { renderBoardReport } from '../components/report/BoardReport.tsx';
import type { HolidayCalendar } from '../core/calendar.ts';
import type { CaseFile } from '../core/case.ts';
import { caseFolder } from '../core/case-file.ts';
import { readCaseForReport } from '../core/complaints-log.ts';
import type { IsoDate } from '../core/period.ts';
import { AnonymousCaseSchema } from '../core/personal-data.ts';
import { CHANNEL_PHRASES, capitalise } from '../core/procedure-summary.ts';
import type { Provider } from '../core/provider.ts';
import {
  lastEndedPeriod,
  type PeriodFigures,
  periodFigures,
  previousPeriod,
  type ReportCase,
  type ReportPeriod,
  reportCaseFromFacts,
  reportCaseFromFile,
} from '../core/report-figures.ts';
import { SUBJECT_LABELS } from '../core/submission-rules.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { Log } from '../ports/log.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { NoticeLedger } from '../ports/notice-ledger.ts';

/**
 * The complaints log and the periodic anonymised report (DESIGN, "Scheduled work": board report):
 * reading a provider's cases, with the anonymous facts of those whose personal data was removed,
 * building the report, and sending it once per period.
 */

/** Where a provider's report for a period is kept: beside its cases, not among them, as anonymous facts are. */
export const reportPath = (provider: Pick<Provider, 'slug' | 'caseStore'>, period: ReportPeriod): string =>
  `reports/${caseFolder(provider)}/${period.id}.html`;

/**
 * Every case file of the provider, read leniently (see `readCaseForReport`); a file that cannot be
 * read is named in the log, by path only, and left out.
 */
export async function readCaseFiles(store: CaseStore, provider: Provider, log: Log): Promise<CaseFile[]> {
  const paths = (await store.list(`${caseFolder(provider)}/`)).filter((path) => path.endsWith('.yaml'));
  const files = await store.readMany(paths);
  return [...files].flatMap(([path, { text }]) => {
    let result: ReturnType<typeof readCaseForReport>;
    try {
      result = readCaseForReport(parse(text));
    } catch {
      result = { success: false } as ReturnType<typeof readCaseForReport>;
    }
    if (result.success) return [result.data];
    log('report.unreadable', { provider: provider.slug, path });
    return [];
  });
}

/** What the report counts: every live case, as of `asOf`, and the anonymous facts of removed ones. */
export async function readReportCases(
  store: CaseStore,
  provider: Provider,
  asOf: IsoDate,
  calendar: HolidayCalendar,
  log: Log,
): Promise<ReportCase[]> {
  const live = (await readCaseFiles(store, provider, log)).flatMap((file) => {
    try {
      return [reportCaseFromFile(file, provider, asOf, calendar)];
    } catch {
      // A case at a stage the procedure no longer has cannot have its clocks worked out.
      log('report.unreadable', { provider: provider.slug, reference: file.reference });
      return [];
    }
  });
  const factPaths = (await store.list(`anonymised/${caseFolder(provider)}/`)).filter((path) =>
    path.endsWith('.yaml'),
  );
  const facts = [...(await store.readMany(factPaths))].flatMap(([path, { text }]) => {
    const result = AnonymousCaseSchema.safeParse(parse(text));
    if (result.success) return [reportCaseFromFacts(result.data)];
    log('report.unreadable', { provider: provider.slug, path });
    return [];
  });
  return [...live, ...facts];
}

/** The figures of `period` and of the one before it. */
export function reportFigures(
  provider: Provider,
  cases: readonly ReportCase[],
  period: ReportPeriod,
  calendar: HolidayCalendar,
): { current: PeriodFigures; previous: PeriodFigures } {
  const words = {
    channels: provider.channels.accepted.map((channel): [string, string] => [
      channel,
      capitalise(CHANNEL_PHRASES[channel]),
    ]),
    subjects: Object.entries(SUBJECT_LABELS),
    stages: provider.stages
      .filter((stage) => !stage.informal)
      .map((stage): [string, string] => [stage.id, stage.name]),
  };
  return {
    current: periodFigures(cases, period, words, calendar),
    previous: periodFigures(cases, previousPeriod(period), words, calendar),
  };
}

/** The report of `period` as a self-contained HTML file. */
export function boardReport(
  provider: Provider,
  cases: readonly ReportCase[],
  period: ReportPeriod,
  asOf: IsoDate,
  calendar: HolidayCalendar,
): string {
  const { current, previous } = reportFigures(provider, cases, period, calendar);
  return renderBoardReport({
    providerName: provider.name,
    recipients: provider.report?.recipients ?? 'the provider',
    quote: provider.report?.quote ?? provider.log.quote,
    asOf,
    current,
    previous,
    stageNames: new Map(provider.stages.map((stage) => [stage.id, stage.name])),
  });
}

/** The email addresses of the contacts the provider's report is mailed to. */
export function reportRecipients(provider: Provider): string[] {
  const ids = provider.report?.mailTo ?? [];
  return provider.contacts
    .filter((contact) => ids.includes(contact.id))
    .flatMap((contact) => (contact.email === undefined ? [] : [contact.email]));
}

export interface SendReportsOptions {
  providers: readonly Provider[];
  today: IsoDate;
  store(provider: Provider): CaseStore;
  calendar(nation: Provider['nation']): HolidayCalendar;
  mailer: Mailer;
  ledger: NoticeLedger;
  log: Log;
}

export interface SentReport {
  provider: string;
  period: string;
  path: string;
  /** Nobody to mail it to: the provider file's report contacts have no email address. */
  mailed: boolean;
}

/**
 * Sends each provider's report for its last whole period, once: committed to its case store
 * (`reports/<folder>/<period>.html`, where staff with access to the cases can open it) and mailed
 * to the contacts its provider file names. The ledger keeps it to once per period; a run that
 * committed the report but failed to mail it mails the committed one next time, and a report kept
 * while no contact had an address is mailed once one has.
 */
/** Builds the report of `period` and commits it; answers the text kept, which a concurrent run may have written first. */
async function makeReport(
  options: SendReportsOptions,
  store: CaseStore,
  provider: Provider,
  period: ReportPeriod,
  path: string,
): Promise<string> {
  const calendar = options.calendar(provider.nation);
  const cases = await readReportCases(store, provider, options.today, calendar, options.log);
  const html = boardReport(provider, cases, period, options.today, calendar);
  const created = await store.create(path, html, `Report ${provider.slug} ${period.id}`);
  return created.created ? html : ((await store.read(path))?.text ?? html);
}

export async function sendBoardReports(options: SendReportsOptions): Promise<SentReport[]> {
  const sent: SentReport[] = [];
  for (const provider of options.providers) {
    if (provider.report === undefined) continue;
    const period = lastEndedPeriod(provider.report.cadence, options.today);
    const key = `report-${provider.slug}.${period.id}`;
    if ((await options.ledger.status(key)) === 'sent') continue;
    const store = options.store(provider);
    const path = reportPath(provider, period);
    // Made once: a later run (a retry, or a provider whose contacts have no address yet) sends the
    // report already kept, without reading every case again.
    const kept = (await store.read(path))?.text ?? (await makeReport(options, store, provider, period, path));
    const to = reportRecipients(provider);
    if (to.length === 0) {
      // Left unsent in the ledger, so the report goes once a contact has an address.
      options.log('report.no-recipients', { provider: provider.slug, period: period.id });
      sent.push({ provider: provider.slug, period: period.id, path, mailed: false });
      continue;
    }
    if ((await options.ledger.record(key)) === 'sent') continue;
    await options.mailer.send({
      to,
      subject: `${provider.name}: complaints report, ${period.label}`,
      text: [
        `The anonymised complaints report of ${provider.name} for ${period.label} is the HTML part of this email.`,
        `It is also kept with the cases, at ${path}.`,
      ].join('\n\n'),
      html: kept,
      idempotencyKey: key,
      tag: 'board-report',
    });
    await options.ledger.markSent(key);
    options.log('report.sent', { provider: provider.slug, period: period.id });
    sent.push({ provider: provider.slug, period: period.id, path, mailed: true });
  }
  return sent;
}
