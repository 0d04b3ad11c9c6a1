import { describeSweep, sweepDeadlines } from '../use-cases/sweep-deadlines.ts';
import { batchRun, type Command } from './arguments.ts';

/** Brings every open case's clocks up to date and sends the notices due (DESIGN, "Scheduled work"). */
export const run: Command = async (args, io, wiring) => {
  const { today, providers, dryRun, wired } = await batchRun(args, wiring);
  const report = await sweepDeadlines({
    ...wired,
    providers,
    store: wired.caseStore,
    ledger: wired.noticeLedger,
    today,
    dryRun,
  });
  for (const line of describeSweep(report, dryRun)) io.out(line);
  return report.failed > 0 ? 1 : 0;
};
