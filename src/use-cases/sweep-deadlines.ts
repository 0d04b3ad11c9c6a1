import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import pLimit from 'p-limit';
import { type HolidayCalendar, isWorkingDay } from '../core/calendar.ts';
import type { Case, CaseFile, Derived } from '../core/case.ts';
import { caseFolder, parseCaseFile, serialiseCaseFile } from '../core/case-file.ts';
import { deriveClocks } from '../core/clocks.ts';
import { exampleCase, noticeMessage, noticeTag } from '../core/notice-messages.ts';
import {
  NOTICE_KINDS,
  type Notice,
  type NoticeKind,
  noticeKey,
  noticesDue,
  recipientAddresses,
} from '../core/notices.ts';
import type { IsoDate, Nation } from '../core/period.ts';
import type { Provider } from '../core/provider.ts';
import type { CaseStore, StoredFile } from '../ports/case-store.ts';
import type { Log } from '../ports/log.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { NoticeLedger } from '../ports/notice-ledger.ts';
import { type OutcomeLetterServices, sendOutcomeLetters } from './send-outcome-letters.ts';
import { describeSkipped, type SkippedCase, tellCaseTeam } from './tell-case-team.ts';

/**
 * Case files read per `readMany`: on GitHub the branch head and one GraphQL query per 100 files,
 * locally a bounded burst of file reads.
 */
const BATCH = 500;
/** Cases worked on at once: enough for the local store to commit their updates in groups. */
const CONCURRENCY = 64;
/** A case a person keeps editing is left for the next sweep after this many conflicts. */
const MAX_ATTEMPTS = 5;

export interface SweepOptions {
  providers: readonly Provider[];
  store(provider: Provider): CaseStore;
  mailer: Mailer;
  ledger: NoticeLedger;
  /** The Europe/London date the sweep runs for. */
  today: IsoDate;
  /** Work out and count everything, but write, record and send nothing. */
  dryRun: boolean;
  /** The staff editor's address for a case file. */
  caseUrl(provider: Provider, path: string): string;
  calendar(nation: Nation): HolidayCalendar;
  escalationLink: OutcomeLetterServices['escalationLink'];
  log: Log;
  /**
   * Asked before each case and each notice: true once the run must stop (a scheduled function has
   * 30 s). What is left is the next run's: a notice stays due, and the ledger keeps it to one email.
   */
  timeIsUp?(): boolean;
  /**
   * Where this run starts: providers, and each provider's cases, are taken in turn from a point
   * this number picks, so runs cut short by time do not always leave the same cases for last.
   */
  startingPoint?: number;
}

export interface SweepReport {
  /** Case files read. */
  cases: number;
  /** Case files whose derived fields changed (and, unless a dry run, were written back). */
  changed: number;
  /** Writes that met a newer version (a person saved the case meanwhile) and were redone on it. */
  conflictsRetried: number;
  /** Notices sent (in a dry run: that would be sent), by kind. */
  sent: Record<NoticeKind, number>;
  /** Outcome letters sent to complainants (in a dry run: that would be sent). */
  outcomeLetters: number;
  /** Notices due to nobody with an email address in the provider file; logged by reference. */
  unaddressed: number;
  /** Notices the mailer refused; the ledger keeps them unsent, so the next sweep sends them. */
  failed: number;
  /**
   * Cases left alone because they could not be read, or their events could not be replayed: each
   * named (by reference, or by path when unreadable), and its provider's case team told once.
   */
  skipped: SkippedCase[];
  /** Calls to the case stores (lists, batched reads, re-reads after a conflict), not HTTP requests. */
  storeReads: number;
  /** Milliseconds spent working out clocks and notices, apart from reading, parsing and writing. */
  engineMs: number;
  /** Cases left for the next run because time was up before they were swept. */
  leftForNextRun: number;
}

/**
 * The deadline sweep (DESIGN, "Scheduled work"): for every case of every provider, work out the
 * clocks again, write the derived fields back where they changed (never over a person's edit),
 * and send each notice that is due, once.
 */
export async function sweepDeadlines(options: SweepOptions): Promise<SweepReport> {
  const report: SweepReport = {
    cases: 0,
    changed: 0,
    conflictsRetried: 0,
    sent: Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, 0])) as Record<NoticeKind, number>,
    outcomeLetters: 0,
    unaddressed: 0,
    failed: 0,
    skipped: [],
    storeReads: 0,
    engineMs: 0,
    leftForNextRun: 0,
  };
  const timeIsUp = options.timeIsUp ?? (() => false);
  const turn = options.startingPoint ?? 0;
  for (const provider of rotated(options.providers, turn)) {
    const store = options.store(provider);
    // Nobody reads a notice on a bank holiday; everything still due is sent the next working day
    // (a notice stays due until its clock is met, and its key keeps it to one email).
    const sending = isWorkingDay(options.today, options.calendar(provider.nation));
    const listed = (await store.list(`${caseFolder(provider)}/`)).filter((path) => path.endsWith('.yaml'));
    // Consecutive starting points start far apart in the list (Knuth's multiplicative hash).
    const paths = rotated(listed, turn * 2_654_435_761);
    report.storeReads += 1;
    for (let start = 0; start < paths.length; start += BATCH) {
      if (timeIsUp()) {
        report.leftForNextRun += paths.length - start;
        break;
      }
      const files = await store.readMany(paths.slice(start, start + BATCH));
      report.storeReads += 1;
      await pLimit(CONCURRENCY).map([...files], async ([path, file]) => {
        if (timeIsUp()) {
          report.leftForNextRun += 1;
          return;
        }
        report.cases += 1;
        const refreshed = await refreshCase(options, provider, store, path, file, report);
        if (refreshed === undefined) return;
        // An outcome letter goes on any day: the complainant's window may already be counting.
        const letters = await sendOutcomeLetters(options, provider, refreshed.stored, options.dryRun);
        report.outcomeLetters += letters.sent;
        report.failed += letters.failed;
        if (!sending) return;
        const notices = refreshed.notices.map((notice) => ({ ...notice, file: refreshed.stored }));
        for (const notice of notices) {
          // A case whose notices were not all sent is swept again next time, from the ledger on.
          if (timeIsUp()) {
            report.leftForNextRun += 1;
            return;
          }
          await sendNotice(options, provider, path, notice, report);
        }
      });
    }
  }
  return report;
}

/** `items` starting from position `start` (wrapped round), then the ones before it. */
function rotated<T>(items: readonly T[], start: number): T[] {
  if (items.length === 0) return [];
  const at = start % items.length;
  return [...items.slice(at), ...items.slice(0, at)];
}

/** The engine's part, timed on its own so the benchmark can tell it from I/O. */
function work(
  file: CaseFile,
  provider: Provider,
  today: IsoDate,
  calendar: HolidayCalendar,
  report: SweepReport,
): { stored: Case; derived: Derived; notices: Notice[] } {
  const started = performance.now();
  const { derived: _old, ...stored } = file;
  const derived = deriveClocks(stored, provider, today, calendar);
  const notices = noticesDue({ ...stored, derived }, provider, today, calendar);
  report.engineMs += performance.now() - started;
  return { stored, derived, notices };
}

/**
 * Brings one case file's derived fields up to date and answers the notices it is due. On a
 * conflict the file is read again and its stored fields win: only `derived` is the sweep's.
 */
async function refreshCase(
  options: SweepOptions,
  provider: Provider,
  store: CaseStore,
  path: string,
  first: StoredFile,
  report: SweepReport,
): Promise<{ stored: Case; notices: Notice[] } | undefined> {
  let current: StoredFile | undefined = first;
  for (let attempt = 1; current !== undefined; attempt += 1) {
    let file: CaseFile;
    try {
      file = parseCaseFile(current.text, path);
    } catch {
      // The parser's message may quote what a person wrote; the path names only the case.
      await skip(options, provider, report, {
        name: path,
        path,
        version: current.version,
        problem: UNREADABLE_CASE,
      });
      return undefined;
    }
    let worked: ReturnType<typeof work>;
    try {
      worked = work(file, provider, options.today, options.calendar(provider.nation), report);
    } catch (error) {
      // The engine's reasons name stages, dates and outcomes, never what a person wrote.
      await skip(options, provider, report, {
        name: file.reference,
        path,
        version: current.version,
        problem: `its history cannot be replayed: ${(error as Error).message}.`,
      });
      return undefined;
    }
    const { stored, derived, notices } = worked;
    const withFile = { stored, notices };
    if (isDeepStrictEqual(derived, file.derived)) return withFile;
    if (attempt === 1) report.changed += 1;
    if (options.dryRun) return withFile;
    const result = await store.update(
      path,
      serialiseCaseFile(stored, derived),
      current.version,
      `Update deadlines of ${stored.reference}`,
    );
    if (result.ok) return withFile;
    if (attempt === MAX_ATTEMPTS) {
      options.log('sweep.gave-up', { reference: stored.reference, attempts: attempt });
      return withFile;
    }
    report.conflictsRetried += 1;
    current = await store.read(path);
    report.storeReads += 1;
  }
  return undefined;
}

/** Why the sweep skips a file it cannot parse: the parser's own message may quote what a person wrote. */
const UNREADABLE_CASE = 'the file is not a case Redress can read (its YAML, or one of its fields, is wrong).';
/** What the sweep leaves undone for a case it skips. */
const SKIPPED_BY_THE_SWEEP =
  'Until it is put right, its deadlines are not worked out and no reminders are sent for it.';

/**
 * A case file the sweep could not read, as its case team is told of it: for `complaints mail-preview
 * needs-attention`, so staff see the email before a real case needs it.
 */
export function exampleUnreadableCase(provider: Provider, today: IsoDate): SkippedCase {
  const { path } = exampleCase(provider, today);
  return {
    name: path,
    path,
    version: 'example',
    provider: provider.slug,
    problem: UNREADABLE_CASE,
    consequence: SKIPPED_BY_THE_SWEEP,
  };
}

/** Names a case the sweep could not work on, counts it, and tells its provider's case team once. */
async function skip(
  options: SweepOptions,
  provider: Provider,
  report: SweepReport,
  found: Pick<SkippedCase, 'name' | 'path' | 'version' | 'problem'>,
): Promise<void> {
  const skipped: SkippedCase = {
    ...found,
    provider: provider.slug,
    consequence: SKIPPED_BY_THE_SWEEP,
  };
  report.skipped.push(skipped);
  await tellCaseTeam({ ...options, noticeLedger: options.ledger }, provider, skipped, options.dryRun);
}

async function sendNotice(
  options: SweepOptions,
  provider: Provider,
  path: string,
  notice: Notice & { file: Case },
  report: SweepReport,
): Promise<void> {
  const key = noticeKey(notice);
  const to = recipientAddresses(notice, notice.file, provider);
  if (to.length === 0) {
    options.log('sweep.unaddressed', { reference: notice.reference, notice: notice.kind });
    report.unaddressed += 1;
    return;
  }
  if (options.dryRun) {
    if ((await options.ledger.status(key)) !== 'sent') report.sent[notice.kind] += 1;
    return;
  }
  // Recorded before sending. A run that overlaps this one and finds the record not yet marked sent
  // sends with the same idempotency key, which the mailer answers without mailing twice.
  if ((await options.ledger.record(key)) === 'sent') return;
  try {
    await options.mailer.send({
      to,
      ...noticeMessage(provider, notice, options.caseUrl(provider, path)),
      idempotencyKey: key,
      tag: noticeTag(notice.kind),
    });
  } catch (error) {
    // One refused email must not stop the other cases' notices; the reason is the mailer's own.
    options.log('sweep.send-failed', {
      reference: notice.reference,
      notice: notice.kind,
      reason: (error as Error).message,
    });
    report.failed += 1;
    return;
  }
  await options.ledger.markSent(key);
  report.sent[notice.kind] += 1;
}

/** The report as a person reads it: one line of cases, one of notices. */
export function describeSweep(report: SweepReport, dryRun: boolean): string[] {
  const notices = NOTICE_KINDS.filter((kind) => report.sent[kind] > 0).map(
    (kind) => `${kind} ${report.sent[kind]}`,
  );
  return [
    `${report.cases} cases read (${report.storeReads} store reads), ${report.changed} ${dryRun ? 'would change' : 'updated'}, ${report.conflictsRetried} conflicts retried, ${report.skipped.length} skipped`,
    `${dryRun ? 'would send' : 'sent'}: ${notices.length === 0 ? 'nothing' : notices.join(', ')}; ${report.outcomeLetters} outcome letters; ${report.unaddressed} due to nobody with an email address, ${report.failed} failed`,
    ...(report.leftForNextRun > 0
      ? [`${report.leftForNextRun} cases left for the next run: time was up`]
      : []),
    ...describeSkipped(report.skipped),
  ];
}
