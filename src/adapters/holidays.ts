import Holidays from 'date-holidays';
import type { HolidayCalendar } from '../core/calendar.ts';
import type { IsoDate, Nation } from '../core/period.ts';

const REGIONS: Record<Nation, string> = {
  // GB with no region drops England's August holiday, so each nation names its own region.
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/**
 * Bank holidays proclaimed for one year only, which date-holidays does not know. Each is checked
 * against the official GOV.UK list by tests/unit/holidays.test.ts.
 */
const ONE_OFF_HOLIDAYS: Record<Nation, readonly IsoDate[]> = {
  'england-and-wales': [],
  // The extra bank holiday proclaimed in Scotland for the FIFA World Cup 2026.
  scotland: ['2026-06-15'],
  'northern-ireland': [],
};

function holidaysOfYear(nation: Nation, year: number): ReadonlySet<IsoDate> {
  const source = new Holidays('GB', REGIONS[nation]);
  const dates = source
    .getHolidays(year)
    // `date` is the local calendar date ("2026-12-28 00:00:00"); `start` is an instant that BST shifts.
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => holiday.date.slice(0, 10));
  const oneOffs = ONE_OFF_HOLIDAYS[nation].filter((date) => date.startsWith(`${year}-`));
  return new Set([...dates, ...oneOffs]);
}

const calendars = new Map<Nation, HolidayCalendar>();

/**
 * The bank-holiday calendar of a nation. Each year is worked out once, on first use, because a
 * deadline sweep asks about the same few hundred days many thousands of times.
 */
export function holidayCalendar(nation: Nation): HolidayCalendar {
  const existing = calendars.get(nation);
  if (existing !== undefined) return existing;
  const years = new Map<number, ReadonlySet<IsoDate>>();
  const calendar: HolidayCalendar = {
    nation,
    isBankHoliday(date) {
      const year = Number(date.slice(0, 4));
      let holidays = years.get(year);
      if (holidays === undefined) {
        holidays = holidaysOfYear(nation, year);
        years.set(year, holidays);
      }
      return holidays.has(date);
    },
  };
  calendars.set(nation, calendar);
  return calendar;
}
