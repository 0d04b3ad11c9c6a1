import { parseArgs } from 'node:util';
import { drainIntake } from '../use-cases/drain-intake.ts';
import { drainEscalations } from '../use-cases/request-escalation.ts';
import { describeSkipped } from '../use-cases/tell-case-team.ts';
import type { Command } from './arguments.ts';

/**
 * Commits and acknowledges every accepted complaint, and every accepted request for the next
 * stage, that the case store did not take the first time.
 */
export const run: Command = async (args, io, wiring) => {
  parseArgs({ args, options: {}, strict: true });
  const wired = await wiring.services();
  const providers = await wired.providers();
  const report = await drainIntake(wired, providers, new Date());
  io.out(
    `${report.pending} pending, ${report.completed} committed, ${report.stillPending} still pending, ${report.skipped.length} skipped`,
  );
  for (const line of describeSkipped(report.skipped)) io.out(line);
  const escalations = await drainEscalations(wired, providers, new Date());
  if (escalations.pending > 0) {
    io.out(
      `requests for the next stage: ${escalations.pending} pending, ${escalations.completed} recorded, ${escalations.stillPending} still pending`,
    );
  }
  return report.stillPending > 0 || escalations.stillPending > 0 ? 1 : 0;
};
