import '../src/composition/production-mode.ts';
import type { Config } from '@netlify/functions';
import { services } from '../src/composition/services.ts';
import { drainIntake } from '../src/use-cases/drain-intake.ts';
import { drainEscalations } from '../src/use-cases/request-escalation.ts';

/**
 * Commits every complaint, and every request for the next stage, accepted while the case store
 * was failing, and sends their acknowledgements. The same work as `complaints drain`.
 */
export default async (): Promise<Response> => {
  const wired = services();
  const providers = await wired.providers();
  const report = await drainIntake(wired, providers, new Date());
  // Each skipped complaint was logged by reference when it was skipped; here it is counted.
  const { skipped, ...counts } = report;
  wired.log('intake.drained', { ...counts, skipped: skipped.length });
  const escalations = await drainEscalations(wired, providers, new Date());
  wired.log('escalation.drained', { ...escalations });
  return new Response(null, { status: 204 });
};

// Every five minutes: a complaint waits at most that long for the case store once it is back.
export const config: Config = { schedule: '*/5 * * * *' };
