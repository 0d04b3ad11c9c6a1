import type { Config } from '@netlify/functions';
import { services } from '../src/composition/services.ts';
import { drainIntake } from '../src/use-cases/drain-intake.ts';

/**
 * Commits every complaint that was accepted while the case store was failing, and sends its
 * acknowledgements. The same work as `complaints drain`.
 */
export default async (): Promise<Response> => {
  const wired = services();
  const report = await drainIntake(wired, await wired.providers(), new Date());
  // Each skipped complaint was logged by reference when it was skipped; here it is counted.
  const { skipped, ...counts } = report;
  wired.log('intake.drained', { ...counts, skipped: skipped.length });
  return new Response(null, { status: 204 });
};

// Every five minutes: a complaint waits at most that long for the case store once it is back.
export const config: Config = { schedule: '*/5 * * * *' };
