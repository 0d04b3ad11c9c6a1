import { STAFF_EMAILS } from '../core/notice-messages.ts';
import { NATIONS } from '../core/period.ts';
import { PROVIDER_RULES, RULE_CLOCKS } from '../core/provider-rules.ts';
import { type Command, type Io, UsageError, type Wiring } from './arguments.ts';

export type { Io } from './arguments.ts';

const USAGE = `Usage:
  complaints due --nation <${NATIONS.join('|')}> --from YYYY-MM-DD (--working-days N | --calendar-days N | --weeks N)
  complaints due --provider <slug> --rule (<stage>.<${RULE_CLOCKS.join('|')}>|${PROVIDER_RULES.join('|')}) --from YYYY-MM-DD
  complaints providers
  complaints drain
  complaints sweep [--now YYYY-MM-DD] [--provider <slug>] [--dry-run]
  complaints mail-preview [<${[...STAFF_EMAILS, 'outcome'].join('|')}>]
  complaints review-policies [--now YYYY-MM-DD]
  complaints retention [--provider <slug>] [--dry-run] [--now YYYY-MM-DD]
  complaints erase <reference> [--yes]
  complaints subject-access (--email <address> | --phone <number>) [--out DIR]
  complaints log --provider <slug> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json]
  complaints report --provider <slug> --period YYYY|YYYY-Qn [--out FILE] [--now YYYY-MM-DD]
  complaints doctor`;

/**
 * Each command's module, loaded only when that command runs, with only the adapters it uses: `due`
 * is asked often and answers at once, so it must not wait for the git, GitHub, mail and Netlify
 * Blobs code that `drain` and `sweep` need.
 */
const COMMANDS: Record<string, () => Promise<{ run: Command }>> = {
  due: () => import('./due.ts'),
  providers: () => import('./providers.ts'),
  drain: () => import('./drain.ts'),
  sweep: () => import('./sweep.ts'),
  'mail-preview': () => import('./mail-preview.ts'),
  'review-policies': () => import('./review-policies.ts'),
  retention: () => import('./retention.ts'),
  erase: () => import('./erase.ts'),
  'subject-access': () => import('./subject-access.ts'),
  log: () => import('./log.ts'),
  report: () => import('./report.ts'),
  doctor: () => import('./doctor.ts'),
};

/** This process's own wiring, each half loaded only when a command asks for it. */
const PROCESS_WIRING: Wiring = {
  settings: async () => (await import('../composition/settings.ts')).settings(),
  content: async () => (await import('../composition/content.ts')).content(),
  services: async () => (await import('../composition/services.ts')).services(),
};

/** Runs `complaints <command> ...` and returns the process exit code. */
export async function runComplaints(
  argv: string[],
  io: Io,
  wiring: Wiring = PROCESS_WIRING,
): Promise<number> {
  const [command, ...args] = argv;
  // Own keys only: `complaints toString` is no command.
  const load = command !== undefined && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  try {
    if (load === undefined) {
      throw new UsageError(
        command === undefined ? 'a command is required' : `there is no command "${command}"`,
      );
    }
    const { run } = await load();
    return await run(args, io, wiring);
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
