import { applyRetention } from '../use-cases/personal-data.ts';
import { describeSkipped } from '../use-cases/tell-case-team.ts';
import { batchRun, type Command } from './arguments.ts';

/**
 * Removes the personal data of closed cases past their provider's retention period, keeping their
 * anonymous facts (DESIGN, "Personal data over its life"). The same work as the daily function.
 */
export const run: Command = async (args, io, wiring) => {
  const { today, providers, dryRun, wired } = await batchRun(args, wiring);
  const { removed, skipped } = await applyRetention(wired, providers, today, dryRun);
  for (const entry of removed) {
    io.out(`${entry.provider} ${entry.reference}: kept until ${entry.keptUntil}`);
  }
  const count = `${removed.length} ${removed.length === 1 ? 'case' : 'cases'}`;
  io.out(
    dryRun
      ? `would remove the personal data of ${count} past retention on ${today}`
      : `removed the personal data of ${count} past retention on ${today}`,
  );
  for (const line of describeSkipped(skipped)) io.out(line);
  return 0;
};
