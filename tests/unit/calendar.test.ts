import { afterEach, describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import {
  addCalendarDays,
  calendarDaysBetween,
  isWorkingDay,
  londonDate,
  longDate,
} from '../../src/core/calendar.ts';
import type { Nation } from '../../src/core/period.ts';

describe('londonDate gives the Europe/London calendar date of an instant', () => {
  // British Summer Time 2026 runs from 01:00 UTC on Sunday 29 March to 01:00 UTC on Sunday 25 October.
  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01', 'BST: 23:30 UTC is 00:30 the next day'],
    ['2026-12-31T23:30:00Z', '2026-12-31', 'GMT: 23:30 UTC is still New Year’s Eve'],
    ['2026-03-28T23:30:00Z', '2026-03-28', 'the evening before BST starts is still GMT'],
    ['2026-03-29T23:30:00Z', '2026-03-30', 'the evening BST has started'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'the evening before BST ends is still BST'],
    ['2026-10-25T23:30:00Z', '2026-10-25', 'the evening BST has ended'],
    ['2026-07-01T00:30:00+02:00', '2026-06-30', 'an instant written with another offset (22:30 UTC)'],
    ['2026-06-30T23:30:00+01:00', '2026-06-30', 'an instant written in BST'],
    ['2026-06-30T23:30:00.250Z', '2026-07-01', 'an instant as Date.prototype.toISOString writes it'],
  ])('%s is %s (%s)', (instant, expected) => {
    expect(londonDate(instant)).toBe(expected);
    expect(londonDate(new Date(instant))).toBe(expected);
  });

  describe('whatever time zone the machine is in', () => {
    const machineZone = process.env.TZ;
    afterEach(() => {
      if (machineZone === undefined) delete process.env.TZ;
      else process.env.TZ = machineZone;
    });

    // Netlify runs in UTC and a laptop may be anywhere: a time without an offset is London wall time.
    it.each(['UTC', 'America/New_York', 'Pacific/Kiritimati'])(
      '%s: a time without an offset is London time',
      (zone) => {
        process.env.TZ = zone;
        expect(londonDate('2026-06-30T00:30:00')).toBe('2026-06-30');
        expect(londonDate('2026-06-30T23:30:00')).toBe('2026-06-30');
        expect(londonDate('2026-06-30')).toBe('2026-06-30');
      },
    );
  });

  it.each(['not a time', '2026-02-30T10:00:00Z', '2026-06-30T24:30:00Z', '2026-06-30Z'])(
    'refuses "%s" with a RangeError',
    (instant) => {
      expect(() => londonDate(instant)).toThrow(RangeError);
    },
  );
});

describe('isWorkingDay', () => {
  it.each<[Nation, string, boolean, string]>([
    ['england-and-wales', '2026-01-05', true, 'an ordinary Monday'],
    ['england-and-wales', '2026-01-09', true, 'an ordinary Friday'],
    ['england-and-wales', '2026-01-03', false, 'a Saturday'],
    ['england-and-wales', '2026-01-04', false, 'a Sunday'],
    ['england-and-wales', '2026-12-25', false, 'Christmas Day'],
    ['england-and-wales', '2026-12-28', false, 'the Boxing Day substitute'],
    ['england-and-wales', '2026-04-06', false, 'Easter Monday in England'],
    ['scotland', '2026-04-06', true, 'Easter Monday in Scotland'],
    ['scotland', '2026-01-02', false, '2 January in Scotland'],
    ['england-and-wales', '2026-01-02', true, '2 January in England'],
    ['scotland', '2026-06-15', false, 'the one-off World Cup holiday in Scotland'],
    ['northern-ireland', '2026-07-13', false, 'the 12 July substitute in Northern Ireland'],
    ['england-and-wales', '2028-02-29', true, 'leap day 2028, a Tuesday'],
  ])('%s %s is %s (%s)', (nation, date, expected) => {
    expect(isWorkingDay(date, holidayCalendar(nation))).toBe(expected);
  });

  it('refuses a malformed date with a RangeError', () => {
    expect(() => isWorkingDay('2026-02-30', holidayCalendar('scotland'))).toThrow(
      '"2026-02-30" is not a calendar date written YYYY-MM-DD',
    );
  });
});

describe('addCalendarDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01', 'across a month end'],
    ['2026-02-28', 1, '2026-03-01', 'February 2026 has 28 days'],
    ['2028-02-28', 1, '2028-02-29', 'February 2028 has 29 days'],
    ['2028-02-29', 1, '2028-03-01', 'from leap day'],
    ['2028-03-01', -1, '2028-02-29', 'back onto leap day'],
    ['2026-03-01', -1, '2026-02-28', 'back across a month end'],
    ['2026-12-31', 1, '2027-01-01', 'across a year end'],
    ['2028-01-01', 365, '2028-12-31', 'a leap year has 366 days'],
    ['2026-03-28', 2, '2026-03-30', 'across the start of BST'],
    ['2026-10-24', 2, '2026-10-26', 'across the end of BST'],
  ])('%s + %i is %s (%s)', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it.each(['2026-02-30', '2027-02-29', '2026/01/01'])('refuses "%s" with a RangeError', (date) => {
    expect(() => addCalendarDays(date, 1)).toThrow(RangeError);
  });
});

describe('calendarDaysBetween', () => {
  it.each([
    ['2028-02-01', '2028-03-01', 29, 'February of a leap year'],
    ['2027-02-01', '2027-03-01', 28, 'February of another year'],
    ['2027-03-01', '2027-02-01', -28, 'backwards is negative'],
    ['2026-03-28', '2026-03-30', 2, 'the 23-hour day BST starts is a whole day'],
    ['2026-10-24', '2026-10-26', 2, 'the 25-hour day BST ends is a whole day'],
  ])('%s to %s is %i (%s)', (from, to, expected) => {
    expect(calendarDaysBetween(from, to)).toBe(expected);
  });
});

describe('longDate writes a date as a promise is written to a person', () => {
  it.each([
    ['2026-12-24', 'Thursday 24 December 2026'],
    ['2028-02-29', 'Tuesday 29 February 2028'],
    ['2026-03-29', 'Sunday 29 March 2026'],
  ])('%s is "%s"', (date, expected) => {
    expect(longDate(date)).toBe(expected);
  });

  it('refuses a date that does not exist rather than writing another day', () => {
    expect(() => longDate('2027-02-29')).toThrow(RangeError);
  });
});
