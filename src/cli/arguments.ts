import { parseArgs } from 'node:util';
import type { Content } from '../composition/content.ts';
import type { Services } from '../composition/services.ts';
import type { Settings } from '../composition/settings.ts';
import { londonDate } from '../core/calendar.ts';
import { IsoDateSchema } from '../core/period.ts';
import type { Provider } from '../core/provider.ts';

/** Where a command writes; tests pass their own to read what a person would see. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Where a command gets what it works with: the composition root's content and services for this
 * process, loaded only when asked for (tests pass their own).
 */
export interface Wiring {
  /** The settings alone: `complaints doctor` must read settings that services refuse to start with. */
  settings(): Promise<Settings>;
  content(): Promise<Content>;
  services(): Promise<Services>;
}

/** A command: given its arguments, it does its work and answers the process exit code. */
export type Command = (args: string[], io: Io, wiring: Wiring) => Promise<number>;

/** Bad arguments: the person is told what is wrong and how to call the command (exit 2). */
export class UsageError extends Error {}

export function parseDate(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`${option} is required, as YYYY-MM-DD`);
  if (!IsoDateSchema.safeParse(value).success) {
    throw new UsageError(`${option} must be a real date written YYYY-MM-DD (found "${value}")`);
  }
  return value;
}

export function parseCount(value: string, option: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) {
    throw new UsageError(`${option} must be a whole number of at least 1 (found "${value}")`);
  }
  return Number(value);
}

export function findProvider(providers: readonly Provider[], slug: string): Provider {
  const provider = providers.find((candidate) => candidate.slug === slug);
  if (provider === undefined) {
    throw new UsageError(
      `no provider is called "${slug}"; the providers are: ${providers.map((p) => p.slug).join(', ')}`,
    );
  }
  return provider;
}

/** `--now`, or today in London. */
export function todayFrom(now: string | undefined): string {
  return now === undefined ? londonDate(new Date()) : parseDate(now, '--now');
}

/**
 * What a batch job over cases is told (`sweep`, `retention`): the day it runs for, which providers,
 * and whether to change nothing and only say what it would do.
 */
export async function batchRun(
  args: string[],
  wiring: Wiring,
): Promise<{ today: string; providers: Provider[]; dryRun: boolean; wired: Services }> {
  const { values } = parseArgs({
    args,
    options: { now: { type: 'string' }, provider: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    strict: true,
  });
  const today = todayFrom(values.now);
  const wired = await wiring.services();
  const all = await wired.providers();
  const providers = values.provider === undefined ? all : [findProvider(all, values.provider)];
  return { today, providers, dryRun: values['dry-run'] ?? false, wired };
}

/**
 * The log a command that writes its answer to standard output gives its use case: a case it
 * skips is named on standard error, so the CSV, JSON or HTML on standard output stays whole.
 */
export function skippedOnStderr(
  io: Io,
): (event: string, fields: Record<string, string | number | boolean>) => void {
  return (_event, fields) => {
    const which = fields.path ?? fields.reference;
    io.err(
      `complaints: left out ${String(which)} of ${String(fields.provider)}: it cannot be read as a case`,
    );
  };
}
