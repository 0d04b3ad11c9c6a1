import { londonDate } from '../core/calendar.ts';
import { type Case, CaseSchema, type Derived } from '../core/case.ts';
import { casePath } from '../core/case-file.ts';
import { deriveClocks } from '../core/clocks.ts';
import type { Provider } from '../core/provider.ts';
import type { NoticeLedger } from '../ports/notice-ledger.ts';
import { completeIntake, type IntakeServices } from './receive-complaint.ts';
import { type SkippedCase, tellCaseTeam } from './tell-case-team.ts';

/** What one drain did, for the CLI and the scheduled function to report. */
export interface DrainReport {
  pending: number;
  completed: number;
  stillPending: number;
  /** Complaints left queued because they could not be read as cases: named, and the case team told. */
  skipped: SkippedCase[];
}

/** Intake's ports, and the ledger that keeps a case team's "needs attention" email to one. */
export type DrainServices = IntakeServices & { noticeLedger: NoticeLedger };

/**
 * Commits and acknowledges every accepted complaint that is not done yet, oldest first. One that
 * cannot be read as a case stays queued and is skipped, so it never holds up the ones after it.
 */
export async function drainIntake(
  services: DrainServices,
  providers: readonly Provider[],
  now: Date,
): Promise<DrainReport> {
  const pending = await services.intakeQueue.pending();
  let completed = 0;
  const skipped: SkippedCase[] = [];
  for (const record of pending) {
    const slug = (record.payload as { provider?: unknown } | undefined)?.provider;
    const provider = providers.find((candidate) => candidate.slug === slug);
    if (provider === undefined) {
      // No provider, so no case team to tell: the log is where an operator finds it.
      services.log('intake.unknown-provider', { reference: record.reference, provider: String(slug) });
      continue;
    }
    const path = casePath(provider, { reference: record.reference, receivedAt: record.acceptedAt });
    let ready: { stored: Case; derived: Derived };
    try {
      const stored = CaseSchema.parse(record.payload);
      ready = {
        stored,
        derived: deriveClocks(stored, provider, londonDate(now), services.calendar(provider.nation)),
      };
    } catch {
      // The schema's message may quote what the complainant wrote; the reference names the case.
      const unreadable: SkippedCase = {
        name: record.reference,
        provider: provider.slug,
        path,
        version: record.key,
        problem: 'the complaint accepted for it is not a case Redress can read.',
        consequence: 'It stays in the intake queue, not committed to the case store and not acknowledged.',
      };
      skipped.push(unreadable);
      await tellCaseTeam(services, provider, unreadable, false);
      continue;
    }
    if (await completeIntake(services, provider, record, ready.stored, ready.derived)) completed += 1;
  }
  const stillPending = (await services.intakeQueue.pending()).length;
  return { pending: pending.length, completed, stillPending, skipped };
}
