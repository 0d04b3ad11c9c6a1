import { join } from 'node:path';
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

export function contentFrom(settings: Pick<Settings, 'contentDir'>): Content {
  return {
    calendar: holidayCalendar,
    providers: () => loadProviders(join(settings.contentDir, 'providers')),
    policies: () => loadPolicies(join(settings.contentDir, 'policies')),
  };
}

let current: Content | undefined;

/** This process's content, from the folder its settings name. */
export function content(): Content {
  current ??= contentFrom(settings());
  return current;
}
