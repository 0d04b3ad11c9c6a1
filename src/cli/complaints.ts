import { parseArgs } from 'node:util';
import { type Services, services } from '../composition/services.ts';
import { londonDate } from '../core/calendar.ts';
import { dueDate } from '../core/deadlines.ts';
import { exampleNotice } from '../core/notice-messages.ts';
import { NOTICE_KINDS, type NoticeKind, noticeKey } from '../core/notices.ts';
import { NATIONS, NationSchema, type Period } from '../core/period.ts';
import { describeRule, findRule, RULE_CLOCKS } from '../core/provider-rules.ts';
import { drainIntake } from '../use-cases/drain-intake.ts';
import { remindPublishers } from '../use-cases/review-policies.ts';
import { describeSweep, sweepDeadlines } from '../use-cases/sweep-deadlines.ts';
import { findProvider, type Io, parseCount, parseDate, todayFrom, UsageError } from './arguments.ts';

export type { Io } from './arguments.ts';

const USAGE = `Usage:
  complaints due --nation <${NATIONS.join('|')}> --from YYYY-MM-DD (--working-days N | --calendar-days N | --weeks N)
  complaints due --provider <slug> --rule <stage>.<${RULE_CLOCKS.join('|')}> --from YYYY-MM-DD
  complaints providers
  complaints drain
  complaints sweep [--now YYYY-MM-DD] [--provider <slug>] [--dry-run]
  complaints mail-preview [<${NOTICE_KINDS.join('|')}>]
  complaints review-policies [--now YYYY-MM-DD]
  complaints retention [--provider <slug>] [--dry-run] [--now YYYY-MM-DD]
  complaints erase <reference> [--yes]
  complaints subject-access (--email <address> | --phone <number>) [--out DIR]`;

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

async function due(args: string[], io: Io, wire: () => Services): Promise<void> {
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
    const provider = findProvider(await wire().providers(), values.provider);
    const rule = findRule(provider, values.rule);
    if (!rule.ok) throw new UsageError(rule.problem);
    io.out(dueDate(from, rule.period, wire().calendar(provider.nation)));
    return;
  }
  const nation = NationSchema.safeParse(values.nation);
  if (!nation.success) {
    throw new UsageError(
      values.nation === undefined
        ? '--nation (or --provider) is required'
        : `--nation must be one of ${NATIONS.join(', ')} (found "${values.nation}")`,
    );
  }
  io.out(dueDate(from, periodFrom(values), wire().calendar(nation.data)));
}

async function providers(args: string[], io: Io, wire: () => Services): Promise<void> {
  parseArgs({ args, options: {}, strict: true });
  const rows: string[][] = [['provider', 'stage', 'handler', 'acknowledge', 'respond', 'ask for next stage']];
  for (const provider of await wire().providers()) {
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
}

/** Commits and acknowledges every accepted complaint the case store did not take the first time. */
async function drain(args: string[], io: Io, wire: () => Services): Promise<void> {
  parseArgs({ args, options: {}, strict: true });
  const wired = wire();
  const report = await drainIntake(wired, await wired.providers(), new Date());
  io.out(`${report.pending} pending, ${report.completed} committed, ${report.stillPending} still pending`);
  if (report.stillPending > 0) process.exitCode = 1;
}

/** Brings every open case's clocks up to date and sends the notices due (DESIGN, "Scheduled work"). */
async function sweep(args: string[], io: Io, wire: () => Services): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { now: { type: 'string' }, provider: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    strict: true,
  });
  const today = todayFrom(values.now);
  const wired = wire();
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
  if (report.failed > 0) process.exitCode = 1;
}

/** Writes an example of each notice (or of one kind) to the mailer, to see what staff get. */
async function mailPreview(args: string[], io: Io, wire: () => Services): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  const [kind, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError('give at most one notice kind');
  if (kind !== undefined && !(NOTICE_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`there is no notice "${kind}"; the notices are: ${NOTICE_KINDS.join(', ')}`);
  }
  const wired = wire();
  const [provider] = await wired.providers();
  if (provider === undefined) throw new Error('there are no providers in content/providers');
  const today = londonDate(new Date());
  for (const each of kind === undefined ? NOTICE_KINDS : [kind as NoticeKind]) {
    const { notice, message } = exampleNotice(provider, each, today, (path) => wired.caseUrl(provider, path));
    const { id } = await wired.mailer.send({
      to: ['staff@example.org'],
      ...message,
      idempotencyKey: `preview-${noticeKey(notice)}-${Date.now()}`,
      tag: 'preview',
    });
    io.out(`${each}: ${id}`);
  }
}

/** Reminds the publishers of policy reviews coming up or due. */
async function reviewPolicies(args: string[], io: Io, wire: () => Services): Promise<void> {
  const { values } = parseArgs({ args, options: { now: { type: 'string' } }, strict: true });
  const wired = wire();
  const { publishers, siteUrl } = wired.settings;
  const { reminders, sent } = await remindPublishers({
    policies: await wired.policies(),
    today: todayFrom(values.now),
    publishers,
    mailer: wired.mailer,
    ledger: wired.noticeLedger,
    siteUrl,
  });
  for (const reminder of reminders) {
    io.out(
      `${reminder.slug}: review ${reminder.when === 'due' ? 'was due' : 'due'} ${reminder.nextReviewDate}`,
    );
  }
  io.out(
    publishers.length === 0
      ? `${reminders.length} reminders; PUBLISHERS_EMAIL is not set, so none was mailed`
      : `${reminders.length} reminders, ${sent} mailed`,
  );
}

const COMMANDS: Record<string, (args: string[], io: Io, wire: () => Services) => Promise<number | void>> = {
  due,
  providers,
  drain,
  sweep,
  'mail-preview': mailPreview,
  'review-policies': reviewPolicies,
  retention: async (...given) => (await import('./retention.ts')).run(...given),
  erase: async (...given) => (await import('./erase.ts')).run(...given),
  'subject-access': async (...given) => (await import('./subject-access.ts')).run(...given),
};

/**
 * Runs `complaints <command> ...` and returns the process exit code. The services are the
 * composition root's for this process, made only when a command needs them (tests pass their own).
 */
export async function runComplaints(
  argv: string[],
  io: Io,
  wire: () => Services = services,
): Promise<number> {
  const [command, ...args] = argv;
  const run = command === undefined ? undefined : COMMANDS[command];
  try {
    if (run === undefined) {
      throw new UsageError(
        command === undefined ? 'a command is required' : `there is no command "${command}"`,
      );
    }
    return (await run(args, io, wire)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`complaints: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}
