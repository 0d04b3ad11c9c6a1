import type { Config } from '@netlify/functions';
import { drainIntake, intakeServices } from '../src/adapters/complaint-intake.ts';
import { adapters } from '../src/adapters/environment.ts';
import { FUNCTION_PROVIDERS_DIR } from '../src/adapters/http.ts';
import { logEvent } from '../src/adapters/log.ts';
import { loadProviders } from '../src/adapters/provider-files.ts';

/**
 * Commits every complaint that was accepted while the case store was failing, and sends its
 * acknowledgements. The same work as `complaints drain`.
 */
export default async (): Promise<Response> => {
  const report = await drainIntake(
    intakeServices(adapters()),
    await loadProviders(FUNCTION_PROVIDERS_DIR),
    new Date(),
  );
  logEvent('intake.drained', { ...report });
  return new Response(null, { status: 204 });
};

// Every five minutes: a complaint waits at most that long for the case store once it is back.
export const config: Config = { schedule: '*/5 * * * *' };
