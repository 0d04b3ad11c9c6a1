import type { LocalOutboxMailer } from '../../../src/adapters/local-outbox-mailer.ts';
import type { LocalFileLedger } from '../../../src/adapters/notice-ledger.ts';
import type { IsoDate } from '../../../src/core/period.ts';
import type { SweepOptions } from '../../../src/use-cases/sweep-deadlines.ts';
import type { IntakeWorld } from './intake.ts';

/** A sweep over the world's case store on `today`, sending through `mailer` and `ledger`. */
export function sweepOptions(
  world: IntakeWorld,
  mailer: LocalOutboxMailer,
  ledger: LocalFileLedger,
  today: IsoDate,
): SweepOptions {
  return {
    providers: world.providers,
    store: () => world.store,
    mailer: mailer,
    ledger,
    today,
    dryRun: false,
    caseUrl: (provider, path) => world.services.caseUrl(provider, path),
    calendar: world.services.calendar,
    escalationLink: (provider) => `https://complaints.example.org/${provider.slug}/escalate/`,
    log: world.services.log,
  };
}
