import { parseArgs } from 'node:util';
import { describeSweep, sweepDeadlines } from '../use-cases/sweep-deadlines.ts';
import { type Command, findProvider, todayFrom } from './arguments.ts';

/** Brings every open case's clocks up to date and sends the notices due (DESIGN, "Scheduled work"). */
export const run: Command = async (args, io, wiring) => {
  const { values } = parseArgs({
    args,
    options: { now: { type: 'string' }, provider: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    strict: true,
  });
  const today = todayFrom(values.now);
  const wired = await wiring.services();
  const all = await wired.providers();
  const dryRun = values['dry-run'] ?? false;
  const report = await sweepDeadlines({
    ...wired,
    providers: values.provider === undefined ? all : [findProvider(all, values.provider)],
    store: wired.caseStore,
    ledger: wired.noticeLedger,
    today,
    dryRun,
  });
  for (const line of describeSweep(report, dryRun)) io.out(line);
  return report.failed > 0 ? 1 : 0;
};
