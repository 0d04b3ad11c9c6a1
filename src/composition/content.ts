import { join } from 'node:path';
import { z } from 'zod';
import { loadPolicies, loadProviders } from '../adapters/content-files.ts';
import { holidayCalendar } from '../adapters/holidays.ts';
import type { HolidayCalendar } from '../core/calendar.ts';
import type { Nation } from '../core/period.ts';
import type { Policy } from '../core/policy.ts';
import type { Provider } from '../core/provider.ts';
import { type Settings, settings } from './settings.ts';

/**
 * What Redress reads and never writes: the providers' procedures and policies, and the bank
 * holidays. Part of the services, and to be had without them, so that working out a date
 * (`complaints due`) loads none of the stores, queues and mailers the services are made of.
 */
export interface Content {
  /** The bank holidays of a nation. */
  calendar(nation: Nation): HolidayCalendar;
  /** Every provider's procedure, from `content/providers`, sorted by name. */
  providers(): Promise<Provider[]>;
  /** Every policy's version metadata, from `content/policies`, by slug. */
  policies(): Promise<[string, Policy][]>;
}

export function contentFrom(settings: Pick<Settings, 'contentDir' | 'caseTeams'>): Content {
  return {
    calendar: holidayCalendar,
    providers: async () =>
      withDeploymentCaseTeams(
        await loadProviders(join(settings.contentDir, 'providers')),
        settings.caseTeams,
      ),
    policies: () => loadPolicies(join(settings.contentDir, 'policies')),
  };
}

/**
 * The providers with the case teams this deployment sets (`CASE_TEAM_EMAILS`) in place of their
 * provider files' own. Entries that are not an address are left for `complaints doctor` to report.
 */
export function withDeploymentCaseTeams(
  providers: readonly Provider[],
  caseTeams: Settings['caseTeams'],
): Provider[] {
  return providers.map((provider) => {
    const emails = caseTeams
      .filter(({ slug, email }) => slug === provider.slug && z.email().safeParse(email).success)
      .map(({ email }) => email);
    if (emails.length === 0) return provider;
    return { ...provider, caseTeam: { emails, note: 'Set for this deployment by CASE_TEAM_EMAILS.' } };
  });
}

let current: Content | undefined;

/** This process's content, from the folder its settings name. */
export function content(): Content {
  current ??= contentFrom(settings());
  return current;
}
