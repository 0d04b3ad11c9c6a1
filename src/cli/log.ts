import { parseArgs } from 'node:util';
import { complaintsLog, logAsCsv, logAsJson } from '../core/complaints-log.ts';
import { readCaseFiles } from '../use-cases/board-report.ts';
import { type Command, findProvider, parseDate, skippedOnStderr, UsageError } from './arguments.ts';

const FORMATS = ['csv', 'json'] as const;

/**
 * Writes the provider's complaints log to stdout, one row per complaint, in the columns its policy
 * names. It holds personal data: for staff, never for the board (that is `complaints report`).
 */
export const run: Command = async (args, io, wiring) => {
  const { values } = parseArgs({
    args,
    options: {
      provider: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'csv' },
    },
    strict: true,
  });
  if (values.provider === undefined) throw new UsageError('--provider is required');
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new UsageError(`--format must be csv or json (found "${values.format}")`);
  }
  const from = values.from === undefined ? undefined : parseDate(values.from, '--from');
  const to = values.to === undefined ? undefined : parseDate(values.to, '--to');
  if (from !== undefined && to !== undefined && from > to) {
    throw new UsageError(`--from (${from}) must not be after --to (${to})`);
  }
  const wired = await wiring.services();
  const provider = findProvider(await wired.providers(), values.provider);
  const files = await readCaseFiles(wired.caseStore(provider), provider, skippedOnStderr(io));
  const log = complaintsLog(provider, files, { from, to });
  io.out((format === 'csv' ? logAsCsv(log) : logAsJson(log)).replace(/\r?\n$/, ''));
  return 0;
};
