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
  wired.log('intake.drained', { ...report });
  return new Response(null, { status: 204 });
};

// Every five minutes: a complaint waits at most that long for the case store once it is back.
export const config: Config = { schedule: '*/5 * * * *' };
