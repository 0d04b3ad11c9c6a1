import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SubmitDependencies } from '../../../functions/submit-complaint.mts';
import type { LocalOutboxMailer } from '../../../src/adapters/local-outbox-mailer.ts';
import { servicesFrom } from '../../../src/composition/services.ts';
import { settingsFrom } from '../../../src/composition/settings.ts';
import { parseCaseFile } from '../../../src/core/case-file.ts';
import type { Provider } from '../../../src/core/provider.ts';
import type { CaseStore } from '../../../src/ports/case-store.ts';
import type { DrainServices } from '../../../src/use-cases/drain-intake.ts';
import type { EscalationServices } from '../../../src/use-cases/request-escalation.ts';
import { fixtureProviders } from '../../support/fixtures.ts';

const git = promisify(execFile);

/** "Now" for every intake test: Monday 23 November 2026, 10:00 in London. */
export const NOW = new Date('2026-11-23T10:00:00Z');

/** The answers of a complete complaint made by the complainant themselves, as a form posts them. */
export function validFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'full-name': 'Ada Example',
    email: 'ada@example.org',
    phone: '',
    address: '',
    postcode: '',
    'preferred-contact': 'email',
    'for-someone-else': 'no',
    role: 'learner-or-apprentice',
    'under-18': 'no',
    about: 'organisation',
    course: 'Level 3 Digital Marketer',
    'what-happened': 'My assessments were cancelled three times without notice.',
    'happened-day': '2',
    'happened-month': '11',
    'happened-year': '2026',
    'raised-informally': 'yes',
    'raised-with': 'My mentor',
    'outcome-wanted': 'A new assessment date and an apology.',
    adjustments: '',
    ...overrides,
  };
}

/** A world of real local adapters in a folder of its own: git case store, file queue, outbox. */
export interface IntakeWorld {
  dir: string;
  providers: Provider[];
  provider(slug: string): Provider;
  services: DrainServices;
  /** The same adapters, as requests for the next stage use them (a quiet log). */
  escalation: EscalationServices;
  dependencies: SubmitDependencies;
  store: CaseStore;
  mailer: LocalOutboxMailer;
  /** Waits for the work requests left going after their responses: commits and emails. */
  settle(): Promise<void>;
  /** Every case file in the local case store, parsed, by path. */
  cases(): Promise<Map<string, ReturnType<typeof parseCaseFile>>>;
  /** Every message in the local outbox, once the work left going has finished. */
  sent(): ReturnType<LocalOutboxMailer['sent']>;
  /** Paths git has committed (the working tree may hold more). */
  committedPaths(): Promise<string[]>;
  cleanUp(): Promise<void>;
}

export async function createIntakeWorld(
  wrapStore: (store: CaseStore) => CaseStore = (store) => store,
): Promise<IntakeWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'redress-intake-'));
  const chosen = servicesFrom(settingsFrom({ REDRESS_DATA_DIR: dir }));
  const providers = await fixtureProviders();
  const provider = (slug: string) => {
    const found = providers.find((candidate) => candidate.slug === slug);
    if (found === undefined) throw new Error(`no provider ${slug}`);
    return found;
  };
  const store = chosen.caseStore(provider('cqm'));
  const wrapped = wrapStore(store);
  const services: DrainServices = { ...chosen, caseStore: () => wrapped };
  const casesDir = join(dir, 'cases');
  const deferred: Promise<unknown>[] = [];
  return {
    dir,
    providers,
    provider,
    services,
    escalation: { ...chosen, caseStore: () => wrapped, log: () => {} },
    store,
    mailer: chosen.mailer as LocalOutboxMailer,
    dependencies: {
      services,
      providers: async () => providers,
      siteUrl: 'https://complaints.example.org',
      now: () => NOW,
      defer: (task) => {
        deferred.push(task);
      },
    },
    settle: async () => {
      await Promise.all(deferred.splice(0));
    },
    async cases() {
      await Promise.all(deferred.splice(0));
      const paths = (await store.list('')).filter((path) => path.endsWith('.yaml'));
      const files = await store.readMany(paths);
      return new Map([...files].map(([path, file]) => [path, parseCaseFile(file.text, path)]));
    },
    async sent() {
      await Promise.all(deferred.splice(0));
      return (chosen.mailer as LocalOutboxMailer).sent();
    },
    async committedPaths() {
      await Promise.all(deferred.splice(0));
      const entries = await readdir(casesDir).catch(() => []);
      if (entries.length === 0) return [];
      const { stdout } = await git('git', ['-C', casesDir, 'ls-tree', '-r', '--name-only', 'HEAD']);
      return stdout.split('\n').filter((line) => line.endsWith('.yaml'));
    },
    async cleanUp() {
      // Work left going after an answer may still be writing into the folder being removed.
      await Promise.allSettled(deferred.splice(0));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A form post, as a browser without JavaScript sends it. */
export function formPost(slug: string, fields: Record<string, string>): Request {
  return new Request(`http://localhost:4321/api/complaints/${slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A post from the page's script: the same fields, asking for JSON back. */
export function jsonPost(slug: string, fields: Record<string, string>): Request {
  return new Request(`http://localhost:4321/api/complaints/${slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(fields),
  });
}
