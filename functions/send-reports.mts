import '../src/composition/production-mode.ts';
import type { Config } from '@netlify/functions';
import { services } from '../src/composition/services.ts';
import { londonDate } from '../src/core/calendar.ts';
import { sendBoardReports } from '../src/use-cases/board-report.ts';

/**
 * Sends each provider's anonymised complaints report once its period has ended, to the recipients
 * its provider file names, and keeps a copy in its case store. Once per period: the ledger
 * remembers, so the daily runs after the first send nothing.
 */
export default async (): Promise<Response> => {
  const wired = services();
  const sent = await sendBoardReports({
    providers: await wired.providers(),
    today: londonDate(new Date()),
    store: wired.caseStore,
    calendar: wired.calendar,
    mailer: wired.mailer,
    ledger: wired.noticeLedger,
    log: wired.log,
  });
  wired.log('reports.done', { reports: sent.length, mailed: sent.filter((report) => report.mailed).length });
  return new Response(null, { status: 204 });
};

// Daily at 06:00 UTC: the morning after a period ends, the report is waiting for the board.
export const config: Config = { schedule: '0 6 * * *' };
