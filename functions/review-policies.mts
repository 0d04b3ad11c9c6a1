import { join } from 'node:path';
import type { Config } from '@netlify/functions';
import { adapters } from '../src/adapters/environment.ts';
import { logEvent } from '../src/adapters/log.ts';
import { loadPolicies, remindPublishers } from '../src/adapters/review-policies.ts';
import { londonDate } from '../src/core/calendar.ts';

/** The policies travel with the function (`included_files` in netlify.toml), like the providers. */
const FUNCTION_POLICIES_DIR = join(process.cwd(), 'content', 'policies');

/** Reminds the publishers of policy reviews coming up or due. The same work as `complaints review-policies`. */
export default async (): Promise<Response> => {
  const chosen = adapters();
  const { reminders, sent } = await remindPublishers({
    policies: await loadPolicies(FUNCTION_POLICIES_DIR),
    today: londonDate(new Date()),
    publishers: chosen.publishers,
    mailer: chosen.mailer,
    ledger: chosen.noticeLedger,
    siteUrl: chosen.siteUrl,
  });
  logEvent('policies.reviewed', { reminders: reminders.length, sent, publishers: chosen.publishers.length });
  return new Response(null, { status: 204 });
};

// Daily at 07:30 UTC (07:30 or 08:30 in London): a reminder a day late would still be a month early.
export const config: Config = { schedule: '30 7 * * *' };
