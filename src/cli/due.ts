import { parseArgs } from 'node:util';
import { dueDate } from '../core/deadlines.ts';
import { NATIONS, NationSchema, type Period } from '../core/period.ts';
import { findRule } from '../core/provider-rules.ts';
import { type Command, findProvider, parseCount, parseDate, UsageError } from './arguments.ts';

/** Prints the date a period from a day ends: a nation's, or a provider's rule. */
export const run: Command = async (args, io, wiring) => {
  const content = await wiring.content();
  const { values } = parseArgs({
    args,
    options: {
      nation: { type: 'string' },
      provider: { type: 'string' },
      rule: { type: 'string' },
      from: { type: 'string' },
      'working-days': { type: 'string' },
      'calendar-days': { type: 'string' },
      weeks: { type: 'string' },
    },
    strict: true,
  });
  const from = parseDate(values.from, '--from');
  if (values.provider !== undefined) {
    if (values.nation !== undefined) throw new UsageError('give --nation or --provider, not both');
    if (values.rule === undefined)
      throw new UsageError('--rule is required with --provider, e.g. --rule stage-1.respond');
    const provider = findProvider(await content.providers(), values.provider);
    const rule = findRule(provider, values.rule);
    if (!rule.ok) throw new UsageError(rule.problem);
    io.out(dueDate(from, rule.period, content.calendar(provider.nation)));
    return 0;
  }
  const nation = NationSchema.safeParse(values.nation);
  if (!nation.success) {
    throw new UsageError(
      values.nation === undefined
        ? '--nation (or --provider) is required'
        : `--nation must be one of ${NATIONS.join(', ')} (found "${values.nation}")`,
    );
  }
  io.out(dueDate(from, periodFrom(values), content.calendar(nation.data)));
  return 0;
};

function periodFrom(values: Record<string, string | undefined>): Period {
  const given = (['working-days', 'calendar-days', 'weeks'] as const).filter(
    (unit) => values[unit] !== undefined,
  );
  const [unit, ...others] = given;
  if (unit === undefined || others.length > 0) {
    throw new UsageError('give exactly one of --working-days, --calendar-days or --weeks');
  }
  return { unit, count: parseCount(values[unit] as string, `--${unit}`) };
}
