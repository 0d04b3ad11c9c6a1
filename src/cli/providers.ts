import { parseArgs } from 'node:util';
import { describeRule } from '../core/provider-rules.ts';
import type { Command } from './arguments.ts';

/** Prints every provider's stages and clocks as a table. */
export const run: Command = async (args, io, wiring) => {
  const content = await wiring.content();
  parseArgs({ args, options: {}, strict: true });
  const rows: string[][] = [['provider', 'stage', 'handler', 'acknowledge', 'respond', 'ask for next stage']];
  for (const provider of await content.providers()) {
    for (const stage of provider.stages) {
      rows.push([
        provider.slug,
        stage.id,
        stage.handler.role,
        describeRule(stage.acknowledge),
        describeRule(stage.respond),
        describeRule(stage.escalateWithin),
      ]);
    }
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const [i, row] of rows.entries()) {
    io.out(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) io.out(widths.map((width) => '-'.repeat(width)).join('  '));
  }
  return 0;
};
