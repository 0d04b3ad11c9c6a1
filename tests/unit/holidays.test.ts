import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { addCalendarDays } from '../../src/core/calendar.ts';
import { NATIONS } from '../../src/core/period.ts';

// The official GOV.UK bank holidays, kept beside the repository in shared/ (CI clones it there too).
const official: Record<string, { events: { date: string; title: string }[] }> = JSON.parse(
  readFileSync(new URL('../../../shared/data/uk-bank-holidays.json', import.meta.url), 'utf8'),
);

const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

function weekdayHolidays(nation: (typeof NATIONS)[number], year: number): string[] {
  const calendar = holidayCalendar(nation);
  const dates: string[] = [];
  for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addCalendarDays(date, 1)) {
    if (isWeekday(date) && calendar.isBankHoliday(date)) dates.push(date);
  }
  return dates;
}

describe('the bank-holiday calendar agrees with GOV.UK for 2024–2028', () => {
  const cases = NATIONS.flatMap((nation) => [2024, 2025, 2026, 2027, 2028].map((year) => ({ nation, year })));

  it.each(cases)(
    '$nation $year: the same weekday bank holidays, no more and no fewer',
    ({ nation, year }) => {
      const expected = (official[nation]?.events ?? [])
        .map((event) => event.date)
        .filter((date) => date.startsWith(`${year}-`) && isWeekday(date))
        .sort();
      expect(expected.length).toBeGreaterThan(6);
      expect(weekdayHolidays(nation, year)).toEqual(expected);
    },
  );

  it('includes the one-off Scottish holiday of 15 June 2026 only in Scotland', () => {
    expect(holidayCalendar('scotland').isBankHoliday('2026-06-15')).toBe(true);
    expect(holidayCalendar('england-and-wales').isBankHoliday('2026-06-15')).toBe(false);
    expect(holidayCalendar('northern-ireland').isBankHoliday('2026-06-15')).toBe(false);
  });
});
