import Holidays from 'date-holidays';
import { type HolidayCalendar, type HolidayList, listHolidays } from '../core/calendar.ts';
import type { IsoDate, Nation } from '../core/period.ts';

const REGIONS: Record<Nation, string> = {
  // GB with no region drops England's August holiday, so each nation names its own region.
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/**
 * Bank holidays proclaimed for one year only, which date-holidays does not know. Found by
 * comparing date-holidays with the official GOV.UK list for 2024–2028, and kept in step with it by
 * tests/unit/holidays.test.ts. (The one-off days of 2020–2023, such as the Platinum Jubilee and
 * the Coronation, date-holidays already has.)
 */
const ONE_OFF_HOLIDAYS: Record<Nation, readonly IsoDate[]> = {
  'england-and-wales': [],
  scotland: [
    // The extra bank holiday proclaimed in Scotland for the FIFA World Cup 2026.
    '2026-06-15',
  ],
  'northern-ireland': [],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function holidaysOfYear(source: Holidays, nation: Nation, year: number): ReadonlySet<IsoDate> {
  const dates = source
    .getHolidays(year)
    // Substitute days ("Boxing Day (substitute day)") are `public` too, and are the days off.
    .filter((holiday) => holiday.type === 'public')
    // `date` is the local calendar date ("2026-04-06 00:00:00"); `start` is an instant, which BST
    // moves to 23:00 UTC the day before.
    .map((holiday) => holiday.date.slice(0, 10));
  const oneOffs = ONE_OFF_HOLIDAYS[nation].filter((date) => date.startsWith(`${year}-`));
  return new Set([...dates, ...oneOffs]);
}

function createCalendar(nation: Nation): HolidayCalendar {
  const source = new Holidays('GB', REGIONS[nation]);
  const years = new Map<number, ReadonlySet<IsoDate>>();
  return {
    nation,
    isBankHoliday(date) {
      // Checked here too, because a malformed date would otherwise ask date-holidays for year NaN.
      if (!ISO_DATE.test(date)) throw new RangeError(`"${date}" is not a calendar date written YYYY-MM-DD`);
      const year = Number(date.slice(0, 4));
      let holidays = years.get(year);
      if (holidays === undefined) {
        holidays = holidaysOfYear(source, nation, year);
        years.set(year, holidays);
      }
      return holidays.has(date);
    },
  };
}

const calendars = new Map<Nation, HolidayCalendar>();

/**
 * The bank-holiday calendar of a nation. Each year is worked out once, on first use, because a
 * deadline sweep asks about the same few hundred days many thousands of times.
 */
export function holidayCalendar(nation: Nation): HolidayCalendar {
  let calendar = calendars.get(nation);
  if (calendar === undefined) {
    calendar = createCalendar(nation);
    calendars.set(nation, calendar);
  }
  return calendar;
}

/** The bank holidays of a nation from one year to another, inclusive, as a list to pass on. */
export function holidayList(nation: Nation, fromYear: number, toYear: number): HolidayList {
  return listHolidays(holidayCalendar(nation), fromYear, toYear);
}
