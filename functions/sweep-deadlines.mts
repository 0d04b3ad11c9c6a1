import '../src/composition/production-mode.ts';
import type { Config } from '@netlify/functions';
import { services } from '../src/composition/services.ts';
import { londonDate } from '../src/core/calendar.ts';
import { sweepDeadlines } from '../src/use-cases/sweep-deadlines.ts';

/** Netlify stops a scheduled function at 30 s; the sweep stops starting work well before. */
const TIME_BUDGET_MS = 22_000;

/**
 * Brings every case's clocks up to date and sends the notices due today. The same work as
 * `complaints sweep`.
 */
export default async (): Promise<Response> => {
  const stopAt = Date.now() + TIME_BUDGET_MS;
  const wired = services();
  const report = await sweepDeadlines({
    ...wired,
    providers: await wired.providers(),
    store: wired.caseStore,
    ledger: wired.noticeLedger,
    today: londonDate(new Date()),
    dryRun: false,
    timeIsUp: () => Date.now() >= stopAt,
    // Each quarter-hour's run starts somewhere else.
    startingPoint: Math.floor(Date.now() / 900_000),
  });
  // Each skipped case was logged by name when it was skipped; here it is counted.
  const { sent, skipped, ...counts } = report;
  wired.log('sweep.done', { ...counts, ...sent, skipped: skipped.length });
  return new Response(null, { status: 204 });
};

// Weekdays every quarter hour from 07:00 to 17:45 UTC (07:00 in London in winter, 08:00 in summer;
// Netlify's cron runs in UTC only): the first run has the day's notices waiting when staff start
// work, and the later ones finish what a run had no time for and answer the day's edits. Each notice
// is still sent once: the ledger remembers it.
export const config: Config = { schedule: '*/15 7-17 * * 1-5' };
