import { londonDate } from '../core/calendar.ts';
import { CaseSchema } from '../core/case.ts';
import { deriveClocks } from '../core/clocks.ts';
import type { Provider } from '../core/provider.ts';
import { completeIntake, type IntakeServices } from './receive-complaint.ts';

/** What one drain did, for the CLI and the scheduled function to report. */
export interface DrainReport {
  pending: number;
  completed: number;
  stillPending: number;
}

/** Commits and acknowledges every accepted complaint that is not done yet, oldest first. */
export async function drainIntake(
  services: IntakeServices,
  providers: readonly Provider[],
  now: Date,
): Promise<DrainReport> {
  const pending = await services.intakeQueue.pending();
  let completed = 0;
  for (const record of pending) {
    const slug = CaseSchema.shape.provider.parse((record.payload as { provider?: unknown }).provider);
    const provider = providers.find((candidate) => candidate.slug === slug);
    if (provider === undefined) {
      services.log('intake.unknown-provider', { reference: record.reference, provider: slug });
      continue;
    }
    const stored = CaseSchema.parse(record.payload);
    const derived = deriveClocks(stored, provider, londonDate(now), services.calendar(provider.nation));
    if (await completeIntake(services, provider, record, stored, derived)) completed += 1;
  }
  const stillPending = (await services.intakeQueue.pending()).length;
  return { pending: pending.length, completed, stillPending };
}
