import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { reportPeriod } from '../core/report-figures.ts';
import { boardReport, readReportCases } from '../use-cases/board-report.ts';
import { type Command, findProvider, skippedOnStderr, todayFrom, UsageError } from './arguments.ts';

/**
 * Writes a provider's anonymised complaints report for a year or a quarter: one HTML file to open,
 * print or send, with the previous period's figures beside. The same report the scheduled function
 * sends when a period ends.
 */
export const run: Command = async (args, io, wiring) => {
  const { values } = parseArgs({
    args,
    options: {
      provider: { type: 'string' },
      period: { type: 'string' },
      out: { type: 'string' },
      now: { type: 'string' },
    },
    strict: true,
  });
  if (values.provider === undefined) throw new UsageError('--provider is required');
  if (values.period === undefined) throw new UsageError('--period is required, as YYYY or YYYY-Qn');
  const period = reportPeriod(values.period);
  if (period === undefined) {
    throw new UsageError(
      `--period must be a year (2026) or a quarter (2026-Q1 to 2026-Q4) (found "${values.period}")`,
    );
  }
  const today = todayFrom(values.now);
  const wired = await wiring.services();
  const provider = findProvider(await wired.providers(), values.provider);
  const calendar = wired.calendar(provider.nation);
  const cases = await readReportCases(
    wired.caseStore(provider),
    provider,
    today,
    calendar,
    skippedOnStderr(io),
  );
  const html = boardReport(provider, cases, period, today, calendar);
  if (values.out === undefined) {
    io.out(html.replace(/\n$/, ''));
  } else {
    await writeFile(values.out, html);
    io.err(`wrote the ${period.label} report of ${provider.name} to ${values.out}`);
  }
  return 0;
};
