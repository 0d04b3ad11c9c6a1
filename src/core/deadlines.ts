import { addCalendarDays, calendarDaysBetween, type HolidayCalendar, isWorkingDay } from './calendar.ts';
import type { IsoDate, Period } from './period.ts';

/**
 * The `count`th working day after `from`. The day of receipt is day 0, so a complaint received on
 * a working day starts counting the next working day; one received on a weekend or bank holiday
 * makes the next working day day 1. Both are "the Nth working day strictly after `from`".
 */
export function addWorkingDays(from: IsoDate, count: number, calendar: HolidayCalendar): IsoDate {
  let date = from;
  let counted = 0;
  while (counted < count) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  // calendarDaysBetween checks both dates, so a malformed `to` throws instead of ending the count early.
  const days = calendarDaysBetween(from, to);
  let counted = 0;
  for (let day = 1; day <= days; day += 1) {
    if (isWorkingDay(addCalendarDays(from, day), calendar)) counted += 1;
  }
  return counted;
}

/** The date a period ends, counted from `from` by the one convention of "Counting time". */
export function dueDate(from: IsoDate, period: Period, calendar: HolidayCalendar): IsoDate {
  switch (period.unit) {
    case 'working-days':
      return addWorkingDays(from, period.count, calendar);
    case 'calendar-days':
      return addCalendarDays(from, period.count);
    case 'weeks':
      return addCalendarDays(from, period.count * 7);
    default: {
      const unreachable: never = period;
      throw new Error(`unknown period ${JSON.stringify(unreachable)}`);
    }
  }
}

/** A period in plain words, e.g. "10 working days", "12 weeks", "1 day". */
export function describePeriod(period: Period): string {
  const plural = period.count === 1 ? '' : 's';
  switch (period.unit) {
    case 'working-days':
      return `${period.count} working day${plural}`;
    case 'calendar-days':
      return `${period.count} day${plural}`;
    case 'weeks':
      return `${period.count} week${plural}`;
    default: {
      const unreachable: never = period;
      throw new Error(`unknown period ${JSON.stringify(unreachable)}`);
    }
  }
}
