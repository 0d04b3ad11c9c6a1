import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { workingDaysBetween } from '../../src/core/calendar.ts';
import { describePeriod, dueDate } from '../../src/core/deadlines.ts';
import type { IsoDate, Nation, Period } from '../../src/core/period.ts';

const workingDays = (count: number): Period => ({ unit: 'working-days', count });
const calendarDays = (count: number): Period => ({ unit: 'calendar-days', count });
const weeks = (count: number): Period => ({ unit: 'weeks', count });

interface Row {
  nation: Nation;
  from: IsoDate;
  period: Period;
  expected: IsoDate;
  why: string;
}

const E = 'england-and-wales';
const S = 'scotland';
const N = 'northern-ireland';

/*
 * Every expected date was counted by hand, day by day, and checked against the GOV.UK
 * bank-holiday list in shared/data. The convention (DESIGN.md "Counting time"): the day of receipt
 * is day 0; "within N working days" is the Nth working day after it; receipt on a weekend or
 * holiday makes the next working day day 1; calendar days and weeks are date + N (or 7N) days and
 * are not moved off weekends or holidays.
 */
// biome-ignore format: one row a line keeps the table readable as a table
const rows: Row[] = [
  // Ordinary weeks, January 2026 (no holidays between 2 and 30 January in England).
  { nation: E, from: '2026-01-16', period: workingDays(5), expected: '2026-01-23', why: 'Friday receipt: Monday 19 is day 1' },
  { nation: E, from: '2026-01-17', period: workingDays(5), expected: '2026-01-23', why: 'Saturday receipt: Monday 19 is day 1' },
  { nation: E, from: '2026-01-18', period: workingDays(5), expected: '2026-01-23', why: 'Sunday receipt: Monday 19 is day 1' },
  { nation: E, from: '2026-01-19', period: workingDays(5), expected: '2026-01-26', why: 'Monday receipt: Tuesday 20 is day 1' },
  { nation: E, from: '2026-01-16', period: workingDays(10), expected: '2026-01-30', why: 'Friday receipt, two whole weeks' },
  { nation: E, from: '2026-01-14', period: workingDays(2), expected: '2026-01-16', why: '"48 hours (working days)" from a Wednesday is Friday' },
  { nation: E, from: '2026-01-15', period: workingDays(2), expected: '2026-01-19', why: '"48 hours (working days)" from a Thursday is Monday' },
  { nation: E, from: '2026-01-16', period: workingDays(2), expected: '2026-01-20', why: '"48 hours (working days)" from a Friday is Tuesday' },
  { nation: E, from: '2026-02-02', period: workingDays(4), expected: '2026-02-06', why: 'Monday receipt, 4 working days is Friday' },
  { nation: E, from: '2026-02-02', period: workingDays(15), expected: '2026-02-23', why: 'Monday receipt, 15 working days is three weeks on' },

  // Easter: Good Friday and Easter Monday, but Easter Monday is a working day in Scotland.
  { nation: E, from: '2026-04-06', period: workingDays(5), expected: '2026-04-13', why: 'received on Easter Monday (a holiday): Tuesday 7 is day 1' },
  { nation: E, from: '2026-04-02', period: workingDays(2), expected: '2026-04-08', why: 'Good Friday 3 and Easter Monday 6 April skipped' },
  { nation: N, from: '2026-04-02', period: workingDays(2), expected: '2026-04-08', why: 'Good Friday and Easter Monday skipped in Northern Ireland too' },
  { nation: S, from: '2026-04-02', period: workingDays(2), expected: '2026-04-07', why: 'only Good Friday skipped: Easter Monday is a working day in Scotland' },
  { nation: E, from: '2026-04-03', period: workingDays(2), expected: '2026-04-08', why: 'received on Good Friday: Tuesday 7 is day 1' },
  { nation: S, from: '2026-04-03', period: workingDays(2), expected: '2026-04-07', why: 'received on Good Friday in Scotland: Easter Monday 6 is day 1' },
  { nation: E, from: '2027-03-25', period: workingDays(5), expected: '2027-04-05', why: 'Good Friday 26 and Easter Monday 29 March 2027 skipped' },
  { nation: S, from: '2027-03-25', period: workingDays(5), expected: '2027-04-02', why: 'Scotland 2027: Easter Monday 29 March is day 1' },

  // Early May and spring bank holidays.
  { nation: E, from: '2026-04-30', period: workingDays(5), expected: '2026-05-08', why: 'early May bank holiday, Monday 4 May 2026, skipped' },
  { nation: E, from: '2026-05-22', period: workingDays(2), expected: '2026-05-27', why: 'spring bank holiday, Monday 25 May 2026, skipped' },
  { nation: N, from: '2027-05-28', period: workingDays(2), expected: '2027-06-02', why: 'spring bank holiday, Monday 31 May 2027, skipped' },
  { nation: S, from: '2028-04-28', period: workingDays(5), expected: '2028-05-08', why: 'early May bank holiday, Monday 1 May 2028, skipped in Scotland' },

  // Summer: Scotland's is the first Monday of August, and Scotland has no late August holiday.
  { nation: S, from: '2026-07-31', period: workingDays(5), expected: '2026-08-10', why: 'Scotland: first Monday of August (3rd) skipped' },
  { nation: E, from: '2026-07-31', period: workingDays(5), expected: '2026-08-07', why: 'England: first Monday of August is a working day' },
  { nation: S, from: '2026-08-28', period: workingDays(2), expected: '2026-09-01', why: 'Scotland: last Monday of August (31st) is a working day' },
  { nation: E, from: '2026-08-28', period: workingDays(2), expected: '2026-09-02', why: 'England: summer bank holiday, Monday 31 August, skipped' },
  { nation: N, from: '2026-08-28', period: workingDays(2), expected: '2026-09-02', why: 'Northern Ireland: summer bank holiday, Monday 31 August, skipped' },

  // Scotland: 2 January and St Andrew's Day.
  { nation: S, from: '2025-12-31', period: workingDays(2), expected: '2026-01-06', why: 'Scotland: 1 and 2 January 2026 skipped' },
  { nation: E, from: '2025-12-31', period: workingDays(2), expected: '2026-01-05', why: 'England: 2 January 2026 is a working day' },
  { nation: S, from: '2026-11-27', period: workingDays(2), expected: '2026-12-02', why: "St Andrew's Day, Monday 30 November 2026, skipped" },
  { nation: S, from: '2025-11-28', period: workingDays(2), expected: '2025-12-03', why: "St Andrew's Day 2025 is a Sunday: Monday 1 December substitute skipped" },
  { nation: E, from: '2025-11-28', period: workingDays(2), expected: '2025-12-02', why: "England has no St Andrew's Day: Monday 1 December is day 1" },
  { nation: S, from: '2024-11-30', period: workingDays(2), expected: '2024-12-04', why: "received on St Andrew's Day 2024, a Saturday: Monday 2 December substitute skipped" },
  { nation: S, from: '2026-06-12', period: workingDays(2), expected: '2026-06-17', why: 'Scotland: the one-off World Cup holiday, Monday 15 June 2026, skipped' },
  { nation: E, from: '2026-06-12', period: workingDays(2), expected: '2026-06-16', why: 'England: 15 June 2026 is a working day' },

  // Northern Ireland: St Patrick's Day and the Battle of the Boyne, with their substitutes.
  { nation: N, from: '2026-03-16', period: workingDays(2), expected: '2026-03-19', why: "St Patrick's Day, Tuesday 17 March 2026, skipped" },
  { nation: E, from: '2026-03-16', period: workingDays(2), expected: '2026-03-18', why: "England: St Patrick's Day is a working day" },
  { nation: N, from: '2024-03-15', period: workingDays(2), expected: '2024-03-20', why: "St Patrick's Day 2024 is a Sunday: Monday 18 March substitute skipped" },
  { nation: N, from: '2026-07-10', period: workingDays(5), expected: '2026-07-20', why: '12 July 2026 is a Sunday: Monday 13 July substitute skipped' },
  { nation: E, from: '2026-07-10', period: workingDays(5), expected: '2026-07-17', why: 'England: Monday 13 July 2026 is a working day' },
  { nation: N, from: '2025-07-11', period: workingDays(2), expected: '2025-07-16', why: '12 July 2025 is a Saturday: Monday 14 July substitute skipped' },
  { nation: N, from: '2028-07-11', period: workingDays(2), expected: '2028-07-14', why: 'Battle of the Boyne, Wednesday 12 July 2028, skipped' },

  // Christmas and New Year 2024/25: Wednesday and Thursday, then Wednesday 1 January.
  { nation: E, from: '2024-12-20', period: workingDays(5), expected: '2024-12-31', why: '25 and 26 December 2024 skipped' },
  { nation: E, from: '2024-12-20', period: workingDays(10), expected: '2025-01-08', why: '25, 26 December and 1 January skipped' },
  { nation: S, from: '2024-12-20', period: workingDays(10), expected: '2025-01-09', why: 'Scotland also skips 2 January 2025' },

  // Christmas and New Year 2025/26: Thursday and Friday, then Thursday 1 and Friday 2 January.
  { nation: E, from: '2025-12-25', period: workingDays(5), expected: '2026-01-05', why: 'received on Christmas Day 2025: Monday 29 is day 1, 1 January skipped' },
  { nation: S, from: '2025-12-25', period: workingDays(5), expected: '2026-01-06', why: 'Scotland: 1 and 2 January 2026 skipped as well' },
  { nation: E, from: '2025-12-24', period: workingDays(2), expected: '2025-12-30', why: 'Christmas Eve 2025: Christmas Day, Boxing Day and the weekend skipped' },

  // Christmas and New Year 2026/27: Christmas is a Friday, so Monday 28 December is Boxing Day's substitute.
  { nation: E, from: '2026-12-24', period: workingDays(2), expected: '2026-12-30', why: 'Christmas Day and the Boxing Day substitute, Monday 28, skipped' },
  { nation: E, from: '2026-12-24', period: workingDays(5), expected: '2027-01-05', why: 'then Friday 1 January 2027 skipped' },
  { nation: S, from: '2026-12-24', period: workingDays(5), expected: '2027-01-06', why: 'Scotland: 2 January 2027 is a Saturday, so Monday 4 January is skipped too' },
  { nation: N, from: '2026-12-28', period: workingDays(2), expected: '2026-12-30', why: 'received on the Boxing Day substitute: Tuesday 29 is day 1' },

  // Christmas and New Year 2027/28: Christmas is a Saturday, so Monday 27 and Tuesday 28 are substitutes;
  // 1 January 2028 is a Saturday, so Monday 3 January is its substitute.
  { nation: E, from: '2027-12-24', period: workingDays(5), expected: '2028-01-05', why: '27, 28 December and the New Year substitute, 3 January, skipped' },
  { nation: S, from: '2027-12-24', period: workingDays(5), expected: '2028-01-06', why: 'Scotland: Tuesday 4 January 2028, the 2 January substitute, skipped too' },
  { nation: N, from: '2027-12-25', period: workingDays(2), expected: '2027-12-30', why: 'received on Christmas Day, a Saturday: Wednesday 29 is day 1' },
  { nation: E, from: '2027-12-31', period: workingDays(2), expected: '2028-01-05', why: 'New Year substitute, Monday 3 January 2028, skipped' },
  { nation: E, from: '2028-01-01', period: workingDays(2), expected: '2028-01-05', why: "received on New Year's Day, a Saturday: Tuesday 4 is day 1" },

  // Leap day: 29 February 2028 is a Tuesday.
  { nation: E, from: '2028-02-25', period: workingDays(2), expected: '2028-02-29', why: 'leap day 2028 is a working day' },
  { nation: E, from: '2028-02-29', period: workingDays(5), expected: '2028-03-07', why: 'received on leap day: Wednesday 1 March is day 1' },
  { nation: E, from: '2028-02-28', period: calendarDays(10), expected: '2028-03-09', why: 'leap year: 29 February counts as a day' },
  { nation: E, from: '2027-02-28', period: calendarDays(10), expected: '2027-03-10', why: 'not a leap year: 28 February is followed by 1 March' },

  // Calendar days and weeks are never moved off weekends or holidays.
  { nation: E, from: '2026-01-14', period: calendarDays(10), expected: '2026-01-24', why: '10 calendar days may end on a Saturday' },
  { nation: E, from: '2026-12-15', period: calendarDays(10), expected: '2026-12-25', why: '10 calendar days may end on Christmas Day' },
  { nation: E, from: '2026-01-03', period: weeks(8), expected: '2026-02-28', why: '8 weeks from a Saturday is a Saturday' },
  { nation: S, from: '2026-11-01', period: weeks(8), expected: '2026-12-27', why: '8 weeks from a Sunday is a Sunday' },
  { nation: E, from: '2028-01-10', period: weeks(8), expected: '2028-03-06', why: '8 weeks across leap day 2028' },
  { nation: E, from: '2026-01-01', period: weeks(12), expected: '2026-03-26', why: '12 weeks is 84 days' },
  { nation: N, from: '2026-10-02', period: weeks(12), expected: '2026-12-25', why: '12 weeks may end on Christmas Day' },
];

describe('dueDate counts time by the one convention of DESIGN.md', () => {
  it.each(rows)('$nation, received $from: $why ($expected)', ({ nation, from, period, expected }) => {
    expect(dueDate(from, period, holidayCalendar(nation))).toBe(expected);
  });
});

describe('workingDaysBetween', () => {
  const countedRows = rows.flatMap((row) =>
    row.period.unit === 'working-days' ? [{ ...row, count: row.period.count }] : [],
  );

  it.each(countedRows)(
    '$nation, $from to $expected is $count working days (the inverse of each working-day row above)',
    ({ nation, from, expected, count }) => {
      expect(workingDaysBetween(from, expected, holidayCalendar(nation))).toBe(count);
    },
  );

  it.each([
    { nation: E, from: '2026-01-16', to: '2026-01-19', expected: 1, why: 'Friday to Monday is 1' },
    { nation: E, from: '2026-01-16', to: '2026-01-18', expected: 0, why: 'Friday to Sunday is 0' },
    { nation: E, from: '2026-01-19', to: '2026-01-19', expected: 0, why: 'a day to itself is 0' },
    { nation: E, from: '2026-01-23', to: '2026-01-19', expected: 0, why: 'backwards is 0' },
    { nation: E, from: '2026-12-24', to: '2027-01-08', expected: 8, why: 'over Christmas 2026 in England' },
    { nation: S, from: '2026-12-24', to: '2027-01-08', expected: 7, why: 'over Christmas 2026 in Scotland' },
  ] satisfies { nation: Nation; from: IsoDate; to: IsoDate; expected: number; why: string }[])(
    '$why',
    ({ nation, from, to, expected }) => {
      expect(workingDaysBetween(from, to, holidayCalendar(nation))).toBe(expected);
    },
  );
});

describe('describePeriod says a period in plain words', () => {
  it.each([
    [workingDays(1), '1 working day'],
    [workingDays(2), '2 working days'],
    [calendarDays(1), '1 day'],
    [calendarDays(10), '10 days'],
    [weeks(1), '1 week'],
    [weeks(12), '12 weeks'],
  ])('%j is "%s"', (period, words) => {
    expect(describePeriod(period)).toBe(words);
  });
});

describe('a malformed date is refused with a RangeError that names it', () => {
  const calendar = holidayCalendar(E);

  it.each(['2026-02-30', '2026/01/01', '2026-1-5', ''])('dueDate refuses "%s" for every unit', (from) => {
    for (const period of [workingDays(2), calendarDays(10), weeks(8)]) {
      expect(() => dueDate(from, period, calendar)).toThrow(RangeError);
      expect(() => dueDate(from, period, calendar)).toThrow(
        `"${from}" is not a calendar date written YYYY-MM-DD`,
      );
    }
  });

  it.each([
    ['2026-02-30', '2026-03-10'],
    ['2026-01-01', '2026-02-30'],
    ['2026-01-01', '2026/02/01'],
  ])('workingDaysBetween refuses %s to %s', (from, to) => {
    expect(() => workingDaysBetween(from, to, calendar)).toThrow(RangeError);
  });
});
