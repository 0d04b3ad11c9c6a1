import { parse } from 'yaml';
import { type HolidayCalendar, londonDate } from '../src/core/calendar.ts';
import {
  type Case,
  type CaseEvent,
  CaseEventSchema,
  CaseSchema,
  type Derived,
  DerivedSchema,
} from '../src/core/case.ts';
import { deriveClocks } from '../src/core/clocks.ts';
import type { IsoDate } from '../src/core/period.ts';
import type { Provider } from '../src/core/provider.ts';
import { createReference } from '../src/core/reference.ts';
import { judgeStaffSave } from '../src/core/staff-save.ts';
import { EVENT_LABELS } from './case-config.ts';
import { describePath, emptyValuePaths, isPlainObject, type Path, schemaProblems } from './entry-checks.ts';

/**
 * What the staff editor does to a case just before Decap writes it (its `preSave` event): clear
 * what Decap leaves behind for fields left empty, and judge the save as the decider would (DESIGN,
 * "After stage 1"), with messages a handler can act on.
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

/** The case as it will be stored, or why it cannot be saved, each problem naming its field. */
export type CaseReview = { ok: true; saved: Case } | { ok: false; problems: string[] };

/**
 * Judges a save. `data` is the case as cleaned for saving; `storedText` the file as Decap read it
 * before this edit (empty for a new case). Stage and status come back worked out from the events.
 */
export function reviewCase(
  data: Record<string, unknown>,
  storedText: string,
  provider: Provider,
  calendar: HolidayCalendar,
): CaseReview {
  const { derived: _derived, ...edited } = data;
  const problems = schemaProblems(CaseSchema, edited);
  if (problems.length > 0) return { ok: false, problems };
  const parsed = CaseSchema.parse(edited);
  const judged = judgeStaffSave(storedEvents(storedText), parsed, { provider, calendar });
  if (judged.ok) return judged;
  return { ok: false, problems: [`${describeField(judged.field, parsed)}: ${judged.message}`] };
}

/** A field as the form labels it; an event also by what it records and its date. */
function describeField(field: readonly (string | number)[], edited: Case): string {
  const [top, index] = field;
  const event = top === 'events' && typeof index === 'number' ? edited.events[index] : undefined;
  return event === undefined
    ? describePath(field)
    : `${describePath(field)} (${EVENT_LABELS[event.type]}, ${event.on})`;
}

/**
 * The events of the case as stored, read from the file's text: the ones that are valid events, up
 * to the first that is not (a file edited outside the editor); none for a new case.
 */
export function storedEvents(text: string): CaseEvent[] {
  let events: unknown;
  try {
    events = (parse(text) as { events?: unknown } | null)?.events;
  } catch {
    return [];
  }
  if (!Array.isArray(events)) return [];
  const valid: CaseEvent[] = [];
  for (const event of events) {
    const parsed = CaseEventSchema.safeParse(event);
    if (!parsed.success) break;
    valid.push(parsed.data);
  }
  return valid;
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
 * The clocks of a case as staff save it, worked out as the sweep would, so the list shows at once
 * what the save changed: a call's write-up date, a clock met, the stage an escalation moved to.
 * Outside the years the page's calendar lists, the block stays as the file had it (none for a new
 * case): the next sweep works it out.
 */
export function derivedOnSave(
  data: Record<string, unknown>,
  provider: Provider,
  today: IsoDate,
  calendar: HolidayCalendar,
): Derived {
  const { derived, ...stored } = data;
  try {
    return deriveClocks(CaseSchema.parse(stored), provider, today, calendar);
  } catch (error) {
    if (error instanceof RangeError) return DerivedSchema.safeParse(derived).data ?? { clocks: [] };
    throw error;
  }
}
