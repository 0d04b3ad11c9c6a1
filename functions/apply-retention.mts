import '../src/composition/production-mode.ts';
import type { Config } from '@netlify/functions';
import { services } from '../src/composition/services.ts';
import { londonDate } from '../src/core/calendar.ts';
import { applyRetention } from '../src/use-cases/personal-data.ts';

/**
 * Removes the personal data of closed cases past their provider's retention period, keeping their
 * anonymous facts. The same work as `complaints retention`.
 */
export default async (): Promise<Response> => {
  const wired = services();
  const { removed, skipped } = await applyRetention(
    wired,
    await wired.providers(),
    londonDate(new Date()),
    false,
  );
  wired.log('retention.done', { cases: removed.length, skipped: skipped.length });
  return new Response(null, { status: 204 });
};

// Daily, at night (Netlify's cron runs in UTC): a case leaves its retention period on a day, not an
// hour, and rewriting a case store's history is best done while nobody is saving cases.
export const config: Config = { schedule: '30 2 * * *' };
