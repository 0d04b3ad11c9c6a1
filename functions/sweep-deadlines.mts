import type { Config } from '@netlify/functions';
import { intakeServices } from '../src/adapters/complaint-intake.ts';
import { adapters } from '../src/adapters/environment.ts';
import { FUNCTION_PROVIDERS_DIR } from '../src/adapters/http.ts';
import { logEvent } from '../src/adapters/log.ts';
import { loadProviders } from '../src/adapters/provider-files.ts';
import { sweepDeadlines } from '../src/adapters/sweep.ts';
import { londonDate } from '../src/core/calendar.ts';

/**
 * Brings every case's clocks up to date and sends the notices due today. The same work as
 * `complaints sweep`.
 */
export default async (): Promise<Response> => {
  const chosen = adapters();
  const report = await sweepDeadlines({
    providers: await loadProviders(FUNCTION_PROVIDERS_DIR),
    store: chosen.caseStore,
    mailer: chosen.mailer,
    ledger: chosen.noticeLedger,
    today: londonDate(new Date()),
    dryRun: false,
    caseUrl: intakeServices(chosen).caseUrl,
  });
  const { sent, ...counts } = report;
  logEvent('sweep.done', { ...counts, ...sent });
  return new Response(null, { status: 204 });
};

// Weekdays at 07:00 UTC, which is 07:00 in London in winter (GMT) and 08:00 in summer (BST): the
// notices are waiting when staff start work, all year. Netlify's cron runs in UTC only.
export const config: Config = { schedule: '0 7 * * 1-5' };
