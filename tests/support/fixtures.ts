import { fileURLToPath } from 'node:url';
import { loadProvider, loadProviders } from '../../src/adapters/content-files.ts';
import type { Wiring } from '../../src/cli/arguments.ts';
import { type Services, servicesFrom } from '../../src/composition/services.ts';
import { type Environment, settingsFrom } from '../../src/composition/settings.ts';
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

/** The composition root's services for `environment`, reading the fixture providers and policies. */
export function fixtureServices(environment: Environment = {}): Services {
  return servicesFrom({ ...settingsFrom(environment), contentDir: FIXTURE_CONTENT_DIR });
}

/** What the `complaints` command works with in a test: `fixtureServices`, made once. */
export function fixtureWiring(environment: Environment = {}): Wiring {
  const services = fixtureServices(environment);
  return { content: async () => services, services: async () => services };
}

/** Every fixture provider, sorted by name as the site lists them. */
export const fixtureProviders = (): Promise<Provider[]> => loadProviders(FIXTURE_CONTENT.providers);

/** One fixture provider by its slug. */
export const fixtureProvider = (slug: string): Promise<Provider> =>
  loadProvider(slug, FIXTURE_CONTENT.providers);
