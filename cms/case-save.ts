import { type HolidayCalendar, londonDate } from '../src/core/calendar.ts';
import { CaseSchema, type Derived } from '../src/core/case.ts';
import { checkCaseRules } from '../src/core/case-rules.ts';
import { deriveClocks } from '../src/core/clocks.ts';
import type { IsoDate } from '../src/core/period.ts';
import type { Provider } from '../src/core/provider.ts';
import { createReference } from '../src/core/reference.ts';
import { describePath, emptyValuePaths, isPlainObject, type Path, schemaProblems } from './entry-checks.ts';

/**
 * What the staff editor does to a case just before Decap writes it (its `preSave` event): clear
 * what Decap leaves behind for fields left empty, and refuse a case the engine could not read or
 * that breaks a case rule, with messages a handler can act on.
 */

/**
 * Everything to remove before saving: the empty values, and the representative group when staff
 * never filled it in (Decap still writes its consent checkbox, unticked).
 */
export function pathsToRemove(data: Record<string, unknown>): Path[] {
  const representative = data.representative;
  const unused = isPlainObject(representative) && (representative.name ?? '') === '';
  return unused
    ? [...emptyValuePaths({ ...data, representative: undefined }), ['representative']]
    : emptyValuePaths(data);
}

/** Why the case cannot be saved as it is; none when it can. `data` is the case as cleaned for saving. */
export function reviewCase(data: Record<string, unknown>, provider: Provider): string[] {
  const { derived: _derived, ...stored } = data;
  const problems = schemaProblems(CaseSchema, stored);
  if (problems.length > 0) return problems;
  return checkCaseRules(CaseSchema.parse(stored), provider).map(
    (problem) => `${describePath(problem.path)}: ${problem.message}`,
  );
}

/**
 * Decap reads a YAML timestamp ending in `Z` (how the engine writes `receivedAt`) as a Date and
 * would write it back with milliseconds; the case keeps the instant as the text it was.
 */
export function instantText(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace(/\.000Z$/, 'Z') : value;
}

/** The reference of a case logged by staff, dated the London day it was received. */
export function referenceFor(provider: Provider, receivedAt: string, random: Uint8Array): string {
  return createReference(provider.slug, londonDate(receivedAt), random);
}

/**
 * The clocks of a case staff have just logged, worked out as the sweep would, so a call's write-up
 * and acknowledgement dates show in the list at once. Outside the years the page's calendar lists,
 * none are given: the next sweep works them out.
 */
export function derivedForNewCase(
  data: Record<string, unknown>,
  provider: Provider,
  today: IsoDate,
  calendar: HolidayCalendar,
): Derived {
  const { derived: _derived, ...stored } = data;
  try {
    return deriveClocks(CaseSchema.parse(stored), provider, today, calendar);
  } catch (error) {
    if (error instanceof RangeError) return { clocks: [] };
    throw error;
  }
}
