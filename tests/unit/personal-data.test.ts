import { describe, expect, it } from 'vitest';
import { isPastRetention, keptUntil, normalisePhone } from '../../src/core/personal-data.ts';

const sixYears = { yearsAfterClosure: 6, reason: 'Limitation Act 1980, s.5' };
const closedOn = (on: string, type: 'closed' | 'withdrawn' = 'closed') =>
  ({
    status: type,
    events: [
      { type: 'received', on: '2020-01-02', stage: 'stage-1' },
      { type, on, stage: 'stage-1' },
    ],
  }) as const;

describe('how long a closed case keeps its personal data', () => {
  it.each([
    ['closed on a Friday', closedOn('2026-01-16'), '2032-01-16'],
    ['withdrawn', closedOn('2026-03-10', 'withdrawn'), '2032-03-10'],
    ['closed on 29 February (kept until 1 March, never a day short)', closedOn('2028-02-29'), '2034-03-01'],
    ['closed on New Year’s Eve', closedOn('2026-12-31'), '2032-12-31'],
  ])('%s: kept until %s', (_what, stored, until) => {
    expect(keptUntil(stored as never, sixYears)).toBe(until);
    expect(isPastRetention(stored as never, sixYears, until)).toBe(false);
    const next = new Date(Date.parse(`${until}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(isPastRetention(stored as never, sixYears, next)).toBe(true);
  });

  it('keeps an open case, however old', () => {
    const open = {
      status: 'open',
      events: [{ type: 'received', on: '2000-01-03', stage: 'stage-1' }],
    } as const;
    expect(keptUntil(open as never, sixYears)).toBeUndefined();
    expect(isPastRetention(open as never, sixYears, '2099-01-01')).toBe(false);
  });
});

describe('a phone number as a person gives it', () => {
  it.each([
    ['+44 7700 900222', '07700900222'],
    ['07700 900222', '07700900222'],
    ['(020) 7946-0000', '02079460000'],
    ['+1 202 555 0100', '12025550100'],
  ])('%s is the line %s', (given, line) => {
    expect(normalisePhone(given)).toBe(line);
  });
});
