import { DateTime } from 'luxon';
import type { IsoDate, Nation } from './period.ts';

/**
 * Which dates are bank holidays in one nation. Built at the edge (src/adapters/holidays.ts) and
 * passed in, so the engine never reads a cached table or the clock.
 */
export interface HolidayCalendar {
  readonly nation: Nation;
  isBankHoliday(date: IsoDate): boolean;
}

const LONDON = 'Europe/London';

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

function parse(date: IsoDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!parsed.isValid || parsed.toISODate() !== date) {
    throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
  }
  return parsed;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Milliseconds since 1970 at the start of `date` in UTC, checked like `parse`. Day arithmetic is
 * done on these rather than with luxon because a deadline sweep counts days millions of times.
 */
function utcMs(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  const day = new Date(0);
  if (match !== null) day.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (match === null || isoOf(day.getTime()) !== date) {
    throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
  }
  return day.getTime();
}

function isoOf(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
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
  const weekday = (((Math.floor(ms / DAY_MS) + 4) % 7) + 7) % 7;
  return weekday !== 0 && weekday !== 6 && !calendar.isBankHoliday(isoOf(ms));
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

/**
 * The Europe/London calendar date of an instant, e.g. 23:30 UTC in June is the next day in London.
 * A string without an offset is read as London wall time, never as the machine's own time zone.
 */
export function londonDate(instant: Date | string): IsoDate {
  const dateTime =
    typeof instant === 'string'
      ? DateTime.fromISO(instant, { zone: LONDON })
      : DateTime.fromJSDate(instant, { zone: LONDON });
  if (!dateTime.isValid) throw new RangeError(`"${String(instant)}" is not a valid instant`);
  return dateTime.toISODate() as IsoDate;
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
  return LONG_DATE.format(parse(date).toJSDate()).replace(',', '');
}
