import { addCalendarDays, addWorkingDays, type HolidayCalendar } from './calendar.ts';
import type { IsoDate, Period } from './period.ts';

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
