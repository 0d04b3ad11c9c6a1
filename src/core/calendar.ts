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

function parse(date: IsoDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!parsed.isValid || parsed.toISODate() !== date) {
    throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
  }
  return parsed;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return parse(date).plus({ days }).toISODate() as IsoDate;
}

/** Monday to Friday, and not a bank holiday of the calendar's nation. */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  return parse(date).weekday <= 5 && !calendar.isBankHoliday(date);
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
  return Math.round(parse(to).diff(parse(from), 'days').days);
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
