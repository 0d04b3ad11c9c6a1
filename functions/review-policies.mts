import '../src/composition/production-mode.ts';
import type { Config } from '@netlify/functions';
import { services } from '../src/composition/services.ts';
import { londonDate } from '../src/core/calendar.ts';
import { remindPublishers } from '../src/use-cases/review-policies.ts';

/** Reminds the publishers of policy reviews coming up or due. The same work as `complaints review-policies`. */
export default async (): Promise<Response> => {
  const wired = services();
  const { publishers, siteUrl } = wired.settings;
  const { reminders, sent } = await remindPublishers({
    policies: await wired.policies(),
    today: londonDate(new Date()),
    publishers,
    mailer: wired.mailer,
    ledger: wired.noticeLedger,
    siteUrl,
  });
  wired.log('policies.reviewed', { reminders: reminders.length, sent, publishers: publishers.length });
  return new Response(null, { status: 204 });
};

// Daily at 07:30 UTC (07:30 or 08:30 in London): a reminder a day late would still be a month early.
export const config: Config = { schedule: '30 7 * * *' };
