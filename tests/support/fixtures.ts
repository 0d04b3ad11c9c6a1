import { fileURLToPath } from 'node:url';
import { loadProvider, loadProviders } from '../../src/adapters/content-files.ts';
import type { Wiring } from '../../src/cli/arguments.ts';
import { runComplaints } from '../../src/cli/complaints.ts';
import { contentFrom } from '../../src/composition/content.ts';
import { type Services, servicesFrom } from '../../src/composition/services.ts';
import { type Environment, type Settings, settingsFrom } from '../../src/composition/settings.ts';
import type { Provider } from '../../src/core/provider.ts';

/**
 * The providers and policies every unit, contract and integration test reads: frozen copies in
 * tests/fixtures, never the live files in content/, which publishers edit in /admin/. A publisher's
 * edit changes only the content check in tests/content.
 */
export const FIXTURE_CONTENT_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const FIXTURE_CONTENT = {
  providers: fileURLToPath(new URL('../fixtures/providers/', import.meta.url)),
  policies: fileURLToPath(new URL('../fixtures/policies/', import.meta.url)),
};

/** The settings of `environment`, reading the fixture providers and policies. */
export function fixtureSettings(environment: Environment = {}): Settings {
  return { ...settingsFrom(environment), contentDir: FIXTURE_CONTENT_DIR };
}

/** The composition root's services for `environment`, reading the fixture providers and policies. */
export function fixtureServices(environment: Environment = {}): Services {
  return servicesFrom(fixtureSettings(environment));
}

/**
 * What the `complaints` command works with in a test: the fixture settings, content and
 * `fixtureServices`, each made once when first asked for, since services refuse some settings
 * (`RESEND_API_KEY` without `MAIL_FROM`) that `complaints doctor` must still read.
 */
export function fixtureWiring(environment: Environment = {}): Wiring {
  const settings = fixtureSettings(environment);
  const content = contentFrom(settings);
  let services: Services | undefined;
  return {
    settings: async () => settings,
    content: async () => content,
    services: async () => {
      services ??= servicesFrom(settings);
      return services;
    },
  };
}

/** Every fixture provider, sorted by name as the site lists them. */
export const fixtureProviders = (): Promise<Provider[]> => loadProviders(FIXTURE_CONTENT.providers);

/** One fixture provider by its slug. */
export const fixtureProvider = (slug: string): Promise<Provider> =>
  loadProvider(slug, FIXTURE_CONTENT.providers);

/** The wiring of one set of services: what a test's own data folder gives every command. */
export function wiringOf(services: Services): Wiring {
  return {
    settings: async () => services.settings,
    content: async () => services,
    services: async () => services,
  };
}

/** Runs `complaints <argv>` over `wiring` and answers its exit code and what it wrote. */
export async function runCommand(
  wiring: Wiring,
  argv: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
  const code = await runComplaints(argv, io, wiring);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
