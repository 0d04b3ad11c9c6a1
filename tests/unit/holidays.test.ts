import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holidayCalendar, holidayList } from '../../src/adapters/holidays.ts';
import { addCalendarDays, listedCalendar } from '../../src/core/calendar.ts';
import { NATIONS, type Nation } from '../../src/core/period.ts';

// The official GOV.UK bank holidays for 2024–2028 (alphagov/frontend's lib/data/bank-holidays.json,
// its source recorded in the file), copied unchanged from the project's shared/data so the test
// runs from a checkout of this repository alone.
const official: Record<string, { events: { date: string; title: string }[] }> = JSON.parse(
  readFileSync(new URL('../fixtures/uk-bank-holidays.json', import.meta.url), 'utf8'),
);

const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

function weekdayHolidays(nation: Nation, year: number): string[] {
  const calendar = holidayCalendar(nation);
  const dates: string[] = [];
  for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addCalendarDays(date, 1)) {
    if (isWeekday(date) && calendar.isBankHoliday(date)) dates.push(date);
  }
  return dates;
}

describe('the bank-holiday calendar agrees with GOV.UK for 2024–2028', () => {
  const cases = NATIONS.flatMap((nation) => [2024, 2025, 2026, 2027, 2028].map((year) => ({ nation, year })));

  // Only weekdays are compared: a holiday falling on a weekend changes nothing, its substitute does.
  // Comparing dates also catches a calendar that took date-holidays' `start` instant, which BST puts
  // on the Sunday before Easter Monday and every other summer Monday.
  it.each(cases)(
    '$nation $year: the same weekday bank holidays, none missing and none extra',
    ({ nation, year }) => {
      const expected = (official[nation]?.events ?? [])
        .map((event) => event.date)
        .filter((date) => date.startsWith(`${year}-`) && isWeekday(date));
      expect(expected.length, 'the GOV.UK file has this nation and year').toBeGreaterThan(6);
      const actual = weekdayHolidays(nation, year);
      expect({
        missing: expected.filter((date) => !actual.includes(date)),
        extra: actual.filter((date) => !expected.includes(date)),
      }).toEqual({ missing: [], extra: [] });
    },
  );

  it('includes the one-off Scottish holiday of 15 June 2026 only in Scotland', () => {
    expect(holidayCalendar('scotland').isBankHoliday('2026-06-15')).toBe(true);
    expect(holidayCalendar('england-and-wales').isBankHoliday('2026-06-15')).toBe(false);
    expect(holidayCalendar('northern-ireland').isBankHoliday('2026-06-15')).toBe(false);
  });
});

describe('holidayCalendar', () => {
  it('gives the same calendar for the same nation, so each year is worked out once per process', () => {
    expect(holidayCalendar('scotland')).toBe(holidayCalendar('scotland'));
    expect(holidayCalendar('scotland').nation).toBe('scotland');
  });

  it.each(['2026/01/01', '26-01-01', ''])('refuses the malformed date "%s" with a RangeError', (date) => {
    const isBankHoliday = () => holidayCalendar('england-and-wales').isBankHoliday(date);
    expect(isBankHoliday).toThrow(RangeError);
    expect(isBankHoliday).toThrow(`"${date}" is not a calendar date written YYYY-MM-DD`);
  });
});

describe('the list of bank holidays the staff editor carries', () => {
  it.each(NATIONS)('%s: agrees with the calendar on every day of 2025–2028', (nation) => {
    const listed = listedCalendar(holidayList(nation, 2025, 2028));
    const calendar = holidayCalendar(nation);
    for (let date = '2025-01-01'; date <= '2028-12-31'; date = addCalendarDays(date, 1)) {
      expect(listed.isBankHoliday(date), date).toBe(calendar.isBankHoliday(date));
    }
  });

  it('refuses a date outside the years it lists rather than call it a working day', () => {
    const listed = listedCalendar(holidayList('england-and-wales', 2026, 2027));
    expect(() => listed.isBankHoliday('2028-01-03')).toThrow(/listed for 2026–2027, not for 2028-01-03/);
    expect(() => listed.isBankHoliday('2025-12-25')).toThrow(RangeError);
  });
});
