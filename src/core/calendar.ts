import type { IsoDate, Nation } from './period.ts';

/**
 * Which dates are bank holidays in one nation. Built at the edge (src/adapters/holidays.ts) and
 * passed in, so the engine never reads a cached table or the clock.
 */
export interface HolidayCalendar {
  readonly nation: Nation;
  isBankHoliday(date: IsoDate): boolean;
}

/** The bank holidays of a nation over whole years, as data a page can carry. */
export interface HolidayList {
  readonly nation: Nation;
  readonly fromYear: number;
  readonly toYear: number;
  readonly dates: readonly IsoDate[];
}

/**
 * A calendar over a listed range of years (the staff editor gets one in its page). A date outside
 * the range is a RangeError, never a guess that it is a working day.
 */
export function listedCalendar(list: HolidayList): HolidayCalendar {
  const dates = new Set(list.dates);
  return {
    nation: list.nation,
    isBankHoliday(date) {
      const year = Number(date.slice(0, 4));
      if (!(year >= list.fromYear && year <= list.toYear)) {
        throw new RangeError(`bank holidays are listed for ${list.fromYear}–${list.toYear}, not for ${date}`);
      }
      return dates.has(date);
    },
  };
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * What is already known of each day, because deadlines and reports ask about the same few hundred
 * days over and over (a yearly report over 10,000 cases counts millions of days): the date text's
 * milliseconds, and for each calendar whether a day, by its number since 1970, is a working day.
 * Both are facts of the calendar, so a cached answer is always the answer.
 */
const MS_OF_DATE = new Map<string, number>();
const WORKING_DAYS = new WeakMap<HolidayCalendar, Map<number, boolean>>();

/** Milliseconds since 1970 at the start of `date` in UTC, or NaN when it is not a real calendar date. */
function utcMsOrNaN(date: string): number {
  const known = MS_OF_DATE.get(date);
  if (known !== undefined) return known;
  const ms = parseUtcMs(date);
  if (!Number.isNaN(ms)) MS_OF_DATE.set(date, ms);
  return ms;
}

function parseUtcMs(date: string): number {
  const match = ISO_DATE.exec(date);
  if (match === null) return Number.NaN;
  const day = new Date(0);
  day.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date rolls 30 February over into March: a real date reads back as it was written.
  return isoOf(day.getTime()) === date ? day.getTime() : Number.NaN;
}

/**
 * Milliseconds since 1970 at the start of `date` in UTC. Days are counted on these numbers rather
 * than on date objects because a deadline sweep counts days millions of times.
 */
function utcMs(date: IsoDate): number {
  const ms = utcMsOrNaN(date);
  if (Number.isNaN(ms)) throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
  return ms;
}

function isoOf(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The bank holidays `calendar` has over whole years, as a list a page can carry to `listedCalendar`. */
export function listHolidays(calendar: HolidayCalendar, fromYear: number, toYear: number): HolidayList {
  const dates: IsoDate[] = [];
  for (let ms = Date.UTC(fromYear, 0, 1); ms < Date.UTC(toYear + 1, 0, 1); ms += DAY_MS) {
    if (calendar.isBankHoliday(isoOf(ms))) dates.push(isoOf(ms));
  }
  return { nation: calendar.nation, fromYear, toYear, dates };
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return isoOf(utcMs(date) + days * DAY_MS);
}

/** Monday to Friday, and not a bank holiday of the calendar's nation. */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  return isWorkingDayAt(utcMs(date), calendar);
}

/** `isWorkingDay` on a day already checked and held as `utcMs`: weekends cost no date text. */
function isWorkingDayAt(ms: number, calendar: HolidayCalendar): boolean {
  // 1 January 1970 was a Thursday (4); Sunday is 0 and Saturday 6, as in `getUTCDay`.
  const day = Math.floor(ms / DAY_MS);
  const weekday = (((day + 4) % 7) + 7) % 7;
  if (weekday === 0 || weekday === 6) return false;
  let known = WORKING_DAYS.get(calendar);
  if (known === undefined) {
    known = new Map();
    WORKING_DAYS.set(calendar, known);
  }
  let working = known.get(day);
  if (working === undefined) {
    working = !calendar.isBankHoliday(isoOf(ms));
    known.set(day, working);
  }
  return working;
}

/**
 * The `count`th working day after `from`. The day of receipt is day 0, so a complaint received on
 * a working day starts counting the next working day; one received on a weekend or bank holiday
 * makes the next working day day 1. Both are "the Nth working day strictly after `from`".
 */
export function addWorkingDays(from: IsoDate, count: number, calendar: HolidayCalendar): IsoDate {
  let ms = utcMs(from);
  for (let counted = 0; counted < count; ) {
    ms += DAY_MS;
    if (isWorkingDayAt(ms, calendar)) counted += 1;
  }
  return isoOf(ms);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  const last = utcMs(to);
  let counted = 0;
  for (let ms = utcMs(from) + DAY_MS; ms <= last; ms += DAY_MS) {
    if (isWorkingDayAt(ms, calendar)) counted += 1;
  }
  return counted;
}

const LONDON_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An ISO 8601 date, or date and time with an optional offset: `2026-06-30T23:30:00.000Z`. */
const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

/**
 * The Europe/London calendar date of an instant, e.g. 23:30 UTC in June is the next day in London.
 * A string without an offset is read as London wall time, never as the machine's own time zone.
 * Uses the platform's time zone data (Intl), so the browser can run it without a date library.
 */
export function londonDate(instant: Date | string): IsoDate {
  let at = instant;
  if (typeof at === 'string') {
    const match = ISO_INSTANT.exec(at);
    const date = match?.[1];
    if (match === null || date === undefined || Number.isNaN(utcMsOrNaN(date))) {
      throw new RangeError(`"${at}" is not a valid instant`);
    }
    // London wall time is on the London date it names.
    if (match[3] === undefined) return date;
    at = new Date(at);
  }
  if (Number.isNaN(at.getTime())) throw new RangeError(`"${String(instant)}" is not a valid instant`);
  const parts = LONDON_DAY.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A date as a promise is written to a person, e.g. "Thursday 24 December 2026". */
export function longDate(date: IsoDate): string {
  return LONG_DATE.format(utcMs(date)).replace(',', '');
}
