import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import type { OutcomeDelivery } from '../../src/core/case.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import { decide, type LifecycleContext, replayEvents } from '../../src/core/lifecycle.ts';
import type { IsoDate, Nation } from '../../src/core/period.ts';
import { applyCommands, givenCase, givenProvider } from './given-case.ts';

/**
 * DMM: "normally within 10 working days of receiving written notification of the outcome of
 * Stage 1". The window counts from the day the complainant receives the outcome, so the decider
 * (what a request is told), the clocks (what staff and the sweep see) and the letter must agree
 * on its last day in every nation, across weekends and that nation's own bank holidays.
 */
const dmm = await givenProvider('digital-marketing-mentor');
const inNation = (nation: Nation): LifecycleContext => ({
  provider: { ...dmm.provider, nation },
  calendar: holidayCalendar(nation),
});

interface Row {
  nation: Nation;
  sentBy: OutcomeDelivery;
  sentOn: IsoDate;
  arrivedOn?: IsoDate;
  lastDay: IsoDate;
  refusedOn: IsoDate;
  why: string;
}

const rows: Row[] = [
  {
    nation: 'england-and-wales',
    sentBy: 'email',
    sentOn: '2026-08-20',
    lastDay: '2026-09-04',
    refusedOn: '2026-09-05',
    why: 'Thursday email; the summer bank holiday (Monday 31 August) and two weekends do not count',
  },
  {
    nation: 'england-and-wales',
    sentBy: 'in-person',
    sentOn: '2026-08-20',
    lastDay: '2026-09-04',
    refusedOn: '2026-09-05',
    why: 'handed over in person: received that day, as email',
  },
  {
    nation: 'england-and-wales',
    sentBy: 'post',
    sentOn: '2026-08-27',
    lastDay: '2026-09-15',
    refusedOn: '2026-09-16',
    why: 'posted Thursday: deemed received Tuesday 1 September, the second working day after (Friday, then the holiday Monday is skipped)',
  },
  {
    nation: 'england-and-wales',
    sentBy: 'post',
    sentOn: '2026-08-27',
    arrivedOn: '2026-08-28',
    lastDay: '2026-09-14',
    refusedOn: '2026-09-15',
    why: 'posted Thursday, recorded as arriving Friday: the recorded day wins over the usual rule',
  },
  {
    nation: 'scotland',
    sentBy: 'email',
    sentOn: '2026-11-19',
    lastDay: '2026-12-04',
    refusedOn: '2026-12-05',
    why: "St Andrew's Day (Monday 30 November) is a Scottish bank holiday",
  },
  {
    nation: 'scotland',
    sentBy: 'post',
    sentOn: '2026-11-27',
    lastDay: '2026-12-16',
    refusedOn: '2026-12-17',
    why: "posted Friday: the weekend and St Andrew's Day pass, deemed received Wednesday 2 December",
  },
  {
    nation: 'northern-ireland',
    sentBy: 'email',
    sentOn: '2026-03-12',
    lastDay: '2026-03-27',
    refusedOn: '2026-03-28',
    why: "St Patrick's Day (Tuesday 17 March) is a bank holiday in Northern Ireland",
  },
  {
    nation: 'northern-ireland',
    sentBy: 'post',
    sentOn: '2026-03-13',
    lastDay: '2026-04-01',
    refusedOn: '2026-04-02',
    why: "posted Friday: the weekend and St Patrick's Day pass, deemed received Wednesday 18 March",
  },
];

describe.each(rows)('$nation, outcome by $sentBy on $sentOn: $why', (row) => {
  const context = inNation(row.nation);
  const received = givenCase(context, '2026-03-02');
  const sent = applyCommands(context, received, {
    type: 'respond',
    on: row.sentOn,
    outcome: 'not-upheld',
    summary: 'The course ran as advertised.',
    sentBy: row.sentBy,
  });
  const outcome =
    row.arrivedOn === undefined
      ? sent
      : applyCommands(context, sent, { type: 'record-outcome-arrival', on: row.arrivedOn });
  const request = (on: IsoDate) =>
    decide({ type: 'escalate', on, reason: 'Nobody explained why.' }, replayEvents(outcome.events), context);

  it(`a request on the last day, ${row.lastDay}, is accepted`, () => {
    expect(request(row.lastDay)).toMatchObject([{ type: 'escalated', toStage: 'stage-2' }]);
  });

  it(`a request the next day, ${row.refusedOn}, is refused with the day the window closed`, () => {
    expect(() => request(row.refusedOn)).toThrow(`the window to ask for Stage 2 closed on ${row.lastDay}`);
  });

  it('staff and the sweep see the same last day on the escalation clock', () => {
    const { clocks } = deriveClocks(outcome, context.provider, row.sentOn, context.calendar);
    expect(clocks.find((clock) => clock.clock === 'escalate-window')?.dueBy).toBe(row.lastDay);
  });
});

describe('the day a posted outcome arrived', () => {
  const received = givenCase(dmm, '2026-03-02');
  const respond = (sentBy: OutcomeDelivery) =>
    applyCommands(dmm, received, {
      type: 'respond',
      on: '2026-03-10',
      outcome: 'resolved',
      summary: 'A refund was agreed.',
      sentBy,
    });

  it('is recorded only for an outcome sent by post', () => {
    expect(() =>
      applyCommands(dmm, respond('email'), { type: 'record-outcome-arrival', on: '2026-03-11' }),
    ).toThrow('the outcome was sent by email: only a posted outcome has a day it arrived');
  });

  it('is not before the day it was posted', () => {
    expect(() =>
      applyCommands(dmm, respond('post'), { type: 'record-outcome-arrival', on: '2026-03-09' }),
    ).toThrow('the outcome was posted on 2026-03-10: it cannot arrive before that');
  });
});
