import { parseArgs } from 'node:util';
import { drainIntake } from '../use-cases/drain-intake.ts';
import { describeSkipped } from '../use-cases/tell-case-team.ts';
import type { Command } from './arguments.ts';

/** Commits and acknowledges every accepted complaint the case store did not take the first time. */
export const run: Command = async (args, io, wiring) => {
  parseArgs({ args, options: {}, strict: true });
  const wired = await wiring.services();
  const report = await drainIntake(wired, await wired.providers(), new Date());
  io.out(
    `${report.pending} pending, ${report.completed} committed, ${report.stillPending} still pending, ${report.skipped.length} skipped`,
  );
  for (const line of describeSkipped(report.skipped)) io.out(line);
  return report.stillPending > 0 ? 1 : 0;
};
