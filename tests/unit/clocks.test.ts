import { describe, expect, it } from 'vitest';
import { type Case, type Clock, type ClockKind, DerivedSchema } from '../../src/core/case.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import type { LifecycleCommand, LifecycleContext } from '../../src/core/lifecycle.ts';
import { applyCommands, givenCase, givenProvider } from './given-case.ts';

const ace = await givenProvider('ace-training');
const cqm = await givenProvider('cqm');
const dmm = await givenProvider('digital-marketing-mentor');
const dynamic = await givenProvider('dynamic-training');
const interlearn = await givenProvider('interlearn');

function derive(context: LifecycleContext, stored: Case, today: string) {
  return DerivedSchema.parse(deriveClocks(stored, context.provider, today, context.calendar));
}

function clockOf(
  context: LifecycleContext,
  stored: Case,
  today: string,
  stage: string,
  clock: ClockKind,
): Clock {
  const found = derive(context, stored, today).clocks.find(
    (candidate) => candidate.stage === stage && candidate.clock === clock,
  );
  if (found === undefined) throw new Error(`no ${stage} ${clock} clock`);
  return found;
}

const respond = (on: string): LifecycleCommand => ({
  type: 'respond',
  on,
  outcome: 'upheld',
  summary: 'We are sorry: the materials are on their way.',
});
const escalate = (on: string, lateAcceptedBecause?: string): LifecycleCommand => ({
  type: 'escalate',
  on,
  reason: 'No one explained why it happened.',
  ...(lateAcceptedBecause === undefined ? {} : { lateAcceptedBecause }),
});

describe('each provider: the clocks a written complaint starts on Monday 1 June 2026', () => {
  it.each([
    // "They will give the customer a specific time": no date until the Director gives one.
    ['ace-training', ace, [{ stage: 'stage-1', clock: 'respond', state: 'upcoming' }]],
    [
      'cqm',
      cqm,
      [
        // 4 working days: 2, 3, 4, 5 June. 15 working days: 2–5, 8–12, 15–19, 22 June.
        { stage: 'stage-1', clock: 'acknowledge', dueBy: '2026-06-05', state: 'upcoming' },
        { stage: 'stage-1', clock: 'respond', dueBy: '2026-06-22', state: 'upcoming' },
      ],
    ],
    // 10 working days: 2–5, 8–12, 15 June.
    [
      'digital-marketing-mentor',
      dmm,
      [{ stage: 'stage-1', clock: 'respond', dueBy: '2026-06-15', state: 'upcoming' }],
    ],
    // "48 hours (working days)": 2 and 3 June; within the 2 working days' reminder lead, so due soon at once.
    [
      'dynamic-training',
      dynamic,
      [{ stage: 'stage-1', clock: 'respond', dueBy: '2026-06-03', state: 'due-soon' }],
    ],
    [
      'interlearn',
      interlearn,
      [
        { stage: 'stage-1', clock: 'acknowledge', dueBy: '2026-06-03', state: 'due-soon' },
        // "within 28 days": calendar days.
        { stage: 'stage-1', clock: 'respond', dueBy: '2026-06-29', state: 'upcoming' },
        // "If after 5 working days, the complaint has not been closed": 2–5, 8 June.
        { stage: 'stage-1', clock: 'chase', dueBy: '2026-06-08', state: 'upcoming' },
      ],
    ],
  ])('%s', (_slug, context, clocks) => {
    expect(derive(context, givenCase(context, '2026-06-01'), '2026-06-01').clocks).toEqual(clocks);
  });
});

describe('CQM: a complaint received on Friday 18 December 2026, over Christmas', () => {
  const received = givenCase(cqm, '2026-12-18');

  it('is acknowledged by Thursday 24 December: 21, 22, 23, 24 December are the 4 working days', () => {
    expect(clockOf(cqm, received, '2026-12-18', 'stage-1', 'acknowledge').dueBy).toBe('2026-12-24');
  });

  it('is answered by Wednesday 13 January 2027: 15 working days, skipping 25 and 28 December and 1 January', () => {
    // 21–24 Dec (4); 29–31 Dec (7); 4–8 Jan (12); 11, 12, 13 Jan (15).
    expect(clockOf(cqm, received, '2026-12-18', 'stage-1', 'respond').dueBy).toBe('2027-01-13');
  });

  it.each([
    ['2026-12-18', 'upcoming'],
    ['2026-12-21', 'upcoming'],
    // The reminder lead is 2 working days: from 22 December the 24th is within it.
    ['2026-12-22', 'due-soon'],
    ['2026-12-24', 'due-soon'],
    ['2026-12-25', 'overdue'],
    ['2026-12-29', 'overdue'],
  ])('with no acknowledgement, on %s the acknowledge clock is %s', (today, state) => {
    expect(clockOf(cqm, received, today, 'stage-1', 'acknowledge').state).toBe(state);
  });

  it.each([
    ['2026-12-24', 'met'],
    ['2026-12-29', 'met-late'],
  ])('acknowledged on %s, the clock is %s', (on, state) => {
    const acknowledged = applyCommands(cqm, received, { type: 'acknowledge', on });
    expect(clockOf(cqm, acknowledged, '2027-01-04', 'stage-1', 'acknowledge')).toEqual({
      stage: 'stage-1',
      clock: 'acknowledge',
      dueBy: '2026-12-24',
      state,
      metOn: on,
    });
  });

  it('what is due next is the earliest clock not yet met', () => {
    expect(derive(cqm, received, '2026-12-29').nextDue).toEqual({
      stage: 'stage-1',
      clock: 'acknowledge',
      dueBy: '2026-12-24',
      state: 'overdue',
    });
    const acknowledged = applyCommands(cqm, received, { type: 'acknowledge', on: '2026-12-21' });
    expect(derive(cqm, acknowledged, '2026-12-29').nextDue).toMatchObject({
      clock: 'respond',
      dueBy: '2027-01-13',
    });
  });

  it.each([
    // Before the date, on the Christmas Eve it falls on, and across the bank holidays after it.
    ['2026-12-21', 'Acknowledge by Thursday 24 December 2026'],
    ['2026-12-24', 'Acknowledge by Thursday 24 December 2026'],
    ['2026-12-29', 'Acknowledge by Thursday 24 December 2026, overdue'],
  ])('on %s the list of cases reads "%s", at the stage by its name', (today, nextDue) => {
    expect(derive(cqm, received, today).words).toEqual({ stage: 'Stage 1: Frontline Resolution', nextDue });
  });

  it('once acknowledged, the list reads the response date past the weekend and bank holidays', () => {
    const acknowledged = applyCommands(cqm, received, { type: 'acknowledge', on: '2026-12-21' });
    expect(derive(cqm, acknowledged, '2026-12-29').words?.nextDue).toBe(
      'Full response by Wednesday 13 January 2027',
    );
  });

  it('a complaint by telephone is written up and a copy sent within 3 working days: by 23 December', () => {
    const oral = givenCase(cqm, '2026-12-18', { channel: 'telephone' });
    expect(clockOf(cqm, oral, '2026-12-18', 'stage-1', 'write-up')).toEqual({
      stage: 'stage-1',
      clock: 'write-up',
      dueBy: '2026-12-23',
      state: 'upcoming',
    });
    const writtenUp = applyCommands(cqm, oral, { type: 'record-write-up', on: '2026-12-22' });
    expect(clockOf(cqm, writtenUp, '2026-12-29', 'stage-1', 'write-up')).toMatchObject({
      state: 'met',
      metOn: '2026-12-22',
    });
  });

  it('a written complaint has no write-up clock', () => {
    expect(derive(cqm, received, '2026-12-18').clocks.map((clock) => clock.clock)).not.toContain('write-up');
  });

  it('a response also acknowledges receipt', () => {
    const answered = applyCommands(cqm, received, respond('2026-12-23'));
    expect(clockOf(cqm, answered, '2026-12-29', 'stage-1', 'acknowledge')).toMatchObject({
      state: 'met',
      metOn: '2026-12-23',
    });
  });
});

describe('CQM: a later stage counts from the day it was asked for', () => {
  // Received Monday 1 June; answered Friday 19 June; the window is 15 working days from the
  // answer: 22–26 June, 29 June–3 July, 6–10 July. Asked Wednesday 1 July, the Chief Executive
  // has 15 working days to say what will be done (2–3, 6–10, 13–17, 20–22 July); the outcome is
  // due by the date that reply gives, so until then it has none.
  const atStage2 = applyCommands(
    cqm,
    givenCase(cqm, '2026-06-01'),
    { type: 'acknowledge', on: '2026-06-02' },
    respond('2026-06-19'),
    escalate('2026-07-01'),
  );

  it("keeps the past stage's clocks, met, and starts the new stage's", () => {
    expect(derive(cqm, atStage2, '2026-07-02')).toEqual({
      clocks: [
        { stage: 'stage-1', clock: 'acknowledge', dueBy: '2026-06-05', state: 'met', metOn: '2026-06-02' },
        { stage: 'stage-1', clock: 'respond', dueBy: '2026-06-22', state: 'met', metOn: '2026-06-19' },
        {
          stage: 'stage-1',
          clock: 'escalate-window',
          dueBy: '2026-07-10',
          state: 'met',
          metOn: '2026-07-01',
        },
        { stage: 'stage-2', clock: 'holding-reply', dueBy: '2026-07-22', state: 'upcoming' },
        { stage: 'stage-2', clock: 'respond', state: 'upcoming' },
      ],
      nextDue: { stage: 'stage-2', clock: 'holding-reply', dueBy: '2026-07-22', state: 'upcoming' },
      words: { stage: 'Stage 2: Investigation', nextDue: 'Holding reply by Wednesday 22 July 2026' },
    });
  });
});

describe('DMM: the window to ask for Stage 2 is 10 working days from the Stage 1 outcome', () => {
  // Answered Thursday 26 March 2026: 27 Mar, 30 Mar–2 Apr, (Good Friday, Easter Monday), 7–10 Apr, 13 Apr.
  const answered = applyCommands(dmm, givenCase(dmm, '2026-03-16'), respond('2026-03-26'));

  it('stays open until 13 April, and is what comes next while the complainant decides', () => {
    const derived = derive(dmm, answered, '2026-04-08');
    expect(derived.nextDue).toEqual({
      stage: 'stage-1',
      clock: 'escalate-window',
      dueBy: '2026-04-13',
      state: 'upcoming',
    });
  });

  it('lapses, with nothing overdue and nothing next, when no request comes', () => {
    const closed = applyCommands(dmm, answered, { type: 'close', on: '2026-03-27' });
    const derived = derive(dmm, closed, '2026-04-14');
    expect(derived.clocks.find((clock) => clock.clock === 'escalate-window')?.state).toBe('lapsed');
    expect(derived.nextDue).toBeUndefined();
  });

  it('is met late when staff accept a late request, and the Managing Director gets 10 working days from that day to reply', () => {
    const late = applyCommands(dmm, answered, escalate('2026-04-14', 'The outcome went to an old address.'));
    expect(clockOf(dmm, late, '2026-04-15', 'stage-1', 'escalate-window')).toMatchObject({
      state: 'met-late',
      metOn: '2026-04-14',
    });
    // 15–17 Apr (3), 20–24 (8), 27, 28 (10).
    expect(clockOf(dmm, late, '2026-04-15', 'stage-2', 'holding-reply').dueBy).toBe('2026-04-28');
  });
});

describe('pausing the clock', () => {
  const received = givenCase(cqm, '2026-06-01');
  const pause = (on: string): LifecycleCommand => ({ type: 'pause', on, reason: 'Waiting for the invoice.' });

  it('moves the respond date on by the working days paused, but not the acknowledgement', () => {
    // Paused Wednesday 10 June, resumed Monday 15 June: 11, 12 and 15 June lost; 22 June becomes 25 June.
    const resumed = applyCommands(cqm, received, pause('2026-06-10'), { type: 'resume', on: '2026-06-15' });
    expect(clockOf(cqm, resumed, '2026-06-16', 'stage-1', 'respond')).toEqual({
      stage: 'stage-1',
      clock: 'respond',
      dueBy: '2026-06-25',
      state: 'upcoming',
    });
    expect(clockOf(cqm, resumed, '2026-06-16', 'stage-1', 'acknowledge').dueBy).toBe('2026-06-05');
  });

  it('while it goes on, the date moves a working day each working day and says since when', () => {
    const paused = applyCommands(cqm, received, pause('2026-06-10'));
    expect(clockOf(cqm, paused, '2026-06-12', 'stage-1', 'respond')).toEqual({
      stage: 'stage-1',
      clock: 'respond',
      dueBy: '2026-06-24',
      state: 'upcoming',
      pausedSince: '2026-06-10',
    });
  });

  it('moves a date when the pause begins on that very day', () => {
    // Due Monday 22 June; paused that day, resumed Wednesday 24 June: 23 and 24 June lost.
    const resumed = applyCommands(cqm, received, pause('2026-06-22'), { type: 'resume', on: '2026-06-24' });
    expect(clockOf(cqm, resumed, '2026-06-24', 'stage-1', 'respond')).toMatchObject({
      dueBy: '2026-06-24',
      state: 'due-soon',
    });
  });

  it('does not rescue a date already missed', () => {
    const paused = applyCommands(cqm, received, pause('2026-06-23'));
    expect(clockOf(cqm, paused, '2026-06-24', 'stage-1', 'respond')).toEqual({
      stage: 'stage-1',
      clock: 'respond',
      dueBy: '2026-06-22',
      state: 'overdue',
    });
  });

  it('moves the Interlearn chase too', () => {
    // Chase due 8 June; paused Wednesday 3 June, resumed Friday 5 June: 4 and 5 June lost.
    const resumed = applyCommands(interlearn, givenCase(interlearn, '2026-06-01'), pause('2026-06-03'), {
      type: 'resume',
      on: '2026-06-05',
    });
    expect(clockOf(interlearn, resumed, '2026-06-05', 'stage-1', 'chase').dueBy).toBe('2026-06-10');
  });
});

describe('extending the respond date', () => {
  it('replaces the date; pauses before the extension were known when it was set, later ones move it', () => {
    const extended = applyCommands(
      cqm,
      givenCase(cqm, '2026-06-01'),
      { type: 'pause', on: '2026-06-03', reason: 'Waiting for the invoice.' },
      { type: 'resume', on: '2026-06-05' },
      {
        type: 'extend',
        on: '2026-06-19',
        newDueBy: '2026-07-03',
        reason: 'The trainer concerned is on leave.',
      },
    );
    expect(clockOf(cqm, extended, '2026-06-19', 'stage-1', 'respond').dueBy).toBe('2026-07-03');
    // Paused Wednesday 24 June, resumed Friday 26 June: 25 and 26 June lost.
    const pausedAgain = applyCommands(
      cqm,
      extended,
      { type: 'pause', on: '2026-06-24', reason: 'Waiting for a witness statement.' },
      { type: 'resume', on: '2026-06-26' },
    );
    expect(clockOf(cqm, pausedAgain, '2026-06-26', 'stage-1', 'respond').dueBy).toBe('2026-07-07');
  });
});

describe('Interlearn: Customer Services chase the referral manager after 5 working days', () => {
  const received = givenCase(interlearn, '2026-06-01');

  it('is overdue, so a chase is due, when there is no outcome by 8 June', () => {
    const acknowledged = applyCommands(interlearn, received, { type: 'acknowledge', on: '2026-06-02' });
    expect(derive(interlearn, acknowledged, '2026-06-09')).toEqual({
      clocks: [
        { stage: 'stage-1', clock: 'acknowledge', dueBy: '2026-06-03', state: 'met', metOn: '2026-06-02' },
        { stage: 'stage-1', clock: 'respond', dueBy: '2026-06-29', state: 'upcoming' },
        { stage: 'stage-1', clock: 'chase', dueBy: '2026-06-08', state: 'overdue' },
      ],
      nextDue: { stage: 'stage-1', clock: 'chase', dueBy: '2026-06-08', state: 'overdue' },
      words: { stage: 'Customer Services Team', nextDue: 'Chase the handler by Monday 8 June 2026, overdue' },
    });
  });

  it('is met by the outcome', () => {
    const answered = applyCommands(interlearn, received, respond('2026-06-05'));
    expect(clockOf(interlearn, answered, '2026-06-09', 'stage-1', 'chase')).toMatchObject({
      state: 'met',
      metOn: '2026-06-05',
    });
  });

  it('is the only clock for a telephone complaint: acknowledgement and 28 days are for written complaints', () => {
    const byPhone = givenCase(interlearn, '2026-06-01', { channel: 'telephone' });
    expect(derive(interlearn, byPhone, '2026-06-01').clocks).toEqual([
      { stage: 'stage-1', clock: 'chase', dueBy: '2026-06-08', state: 'upcoming' },
    ]);
  });
});

describe('Dynamic Training: a reply within 2 working days, or an interim response with a date', () => {
  const received = givenCase(dynamic, '2026-06-01');
  const interim = (on: string, expectedBy: string): LifecycleCommand => ({
    type: 'send-interim-response',
    on,
    expectedBy,
  });

  it('an interim response in time meets the 2-day clock and starts one for the promised date', () => {
    const promised = applyCommands(dynamic, received, interim('2026-06-02', '2026-06-19'));
    expect(derive(dynamic, promised, '2026-06-18').clocks).toEqual([
      { stage: 'stage-1', clock: 'respond', dueBy: '2026-06-03', state: 'met', metOn: '2026-06-02' },
      { stage: 'stage-1', clock: 'interim', dueBy: '2026-06-19', state: 'due-soon' },
    ]);
  });

  it('a full reply after the promised date meets it late', () => {
    const late = applyCommands(dynamic, received, interim('2026-06-02', '2026-06-19'), respond('2026-06-22'));
    expect(clockOf(dynamic, late, '2026-06-22', 'stage-1', 'interim')).toMatchObject({
      state: 'met-late',
      metOn: '2026-06-22',
    });
  });

  it('an interim response after 2 working days meets the reply clock late', () => {
    const late = applyCommands(dynamic, received, interim('2026-06-04', '2026-06-19'));
    expect(clockOf(dynamic, late, '2026-06-04', 'stage-1', 'respond')).toMatchObject({
      state: 'met-late',
      metOn: '2026-06-04',
    });
  });

  it('another interim response moves the promised date', () => {
    const moved = applyCommands(
      dynamic,
      received,
      interim('2026-06-02', '2026-06-19'),
      interim('2026-06-18', '2026-07-03'),
    );
    expect(clockOf(dynamic, moved, '2026-06-22', 'stage-1', 'interim').dueBy).toBe('2026-07-03');
  });
});

describe('ACE Training: the respond date is the one the Director gives', () => {
  const received = givenCase(ace, '2026-06-01');

  it('has no date, and nothing due next, until one is given', () => {
    expect(derive(ace, received, '2026-06-30')).toEqual({
      clocks: [{ stage: 'stage-1', clock: 'respond', state: 'upcoming' }],
      words: { stage: 'Operations or Training Director', nextDue: 'Full response: no date set yet' },
    });
  });

  it('runs to the date given, and to the new date after an extension', () => {
    const dated = applyCommands(ace, received, {
      type: 'set-handler-date',
      on: '2026-06-02',
      dueBy: '2026-06-26',
    });
    expect(clockOf(ace, dated, '2026-06-25', 'stage-1', 'respond')).toEqual({
      stage: 'stage-1',
      clock: 'respond',
      dueBy: '2026-06-26',
      state: 'due-soon',
    });
    const extended = applyCommands(ace, dated, {
      type: 'extend',
      on: '2026-06-20',
      newDueBy: '2026-07-03',
      reason: 'The trainer concerned is on leave.',
    });
    expect(clockOf(ace, extended, '2026-06-29', 'stage-1', 'respond')).toMatchObject({
      dueBy: '2026-07-03',
      state: 'upcoming',
    });
  });
});

describe('a case that ends stops its clocks', () => {
  it('withdrawn: clocks not met are stopped, and nothing is due next', () => {
    const withdrawn = applyCommands(cqm, givenCase(cqm, '2026-06-01'), {
      type: 'withdraw',
      on: '2026-06-03',
    });
    expect(derive(cqm, withdrawn, '2026-06-30')).toEqual({
      clocks: [
        { stage: 'stage-1', clock: 'acknowledge', dueBy: '2026-06-05', state: 'stopped' },
        { stage: 'stage-1', clock: 'respond', dueBy: '2026-06-22', state: 'stopped' },
      ],
      words: { stage: 'Stage 1: Frontline Resolution', nextDue: 'Nothing due' },
    });
  });

  it('closed: a write-up never sent is stopped, while the escalation window stays open to the complainant', () => {
    const closed = applyCommands(
      cqm,
      givenCase(cqm, '2026-06-01', { channel: 'in-person' }),
      respond('2026-06-03'),
      {
        type: 'close',
        on: '2026-06-04',
      },
    );
    const derived = derive(cqm, closed, '2026-06-10');
    expect(
      derived.clocks.filter((clock) => clock.clock === 'write-up' || clock.clock === 'escalate-window'),
    ).toEqual([
      { stage: 'stage-1', clock: 'write-up', dueBy: '2026-06-04', state: 'stopped' },
      // 15 working days from 3 June: 4–5, 8–12, 15–19, 22–24 June.
      { stage: 'stage-1', clock: 'escalate-window', dueBy: '2026-06-24', state: 'upcoming' },
    ]);
    expect(derived.nextDue).toMatchObject({ clock: 'escalate-window' });
  });
});

describe('CQM: a holding reply is its own clock, and the outcome date it promises becomes one', () => {
  // Asked for Stage 2 on Monday 1 June: the Chief Executive replies within 15 working days
  // (by Monday 22 June) "to inform you of the action which will be taken to investigate your
  // complaint, and when you can expect to hear the outcome of the investigation".
  const atStage2 = givenCase(cqm, '2026-06-01', { stage: 'stage-2' });
  const holdingReply = (on: string, outcomeBy?: string): LifecycleCommand => ({
    type: 'send-holding-reply',
    on,
    ...(outcomeBy === undefined ? {} : { outcomeBy }),
  });

  it('is overdue after its period with no reply, while the outcome has no date yet', () => {
    expect(clockOf(cqm, atStage2, '2026-06-23', 'stage-2', 'holding-reply')).toMatchObject({
      dueBy: '2026-06-22',
      state: 'overdue',
    });
    expect(clockOf(cqm, atStage2, '2026-06-23', 'stage-2', 'respond').dueBy).toBeUndefined();
  });

  it('is met by the holding reply, and the date it promises is the outcome clock', () => {
    const replied = applyCommands(cqm, atStage2, holdingReply('2026-06-15', '2026-07-31'));
    expect(clockOf(cqm, replied, '2026-06-16', 'stage-2', 'holding-reply')).toMatchObject({
      state: 'met',
      metOn: '2026-06-15',
    });
    expect(clockOf(cqm, replied, '2026-08-03', 'stage-2', 'respond')).toMatchObject({
      dueBy: '2026-07-31',
      state: 'overdue',
    });
  });

  it('must say when to expect the outcome, quoting the policy', () => {
    expect(() => applyCommands(cqm, atStage2, holdingReply('2026-06-15'))).toThrow(
      'say when the complainant can expect the outcome: "The Chief Executive will respond normally within 15 working days',
    );
  });

  it("DMM: the Managing Director's reply need not give a date (the policy promises none); one given later is the clock", () => {
    const dmmStage2 = givenCase(dmm, '2026-06-01', { stage: 'stage-2' });
    const replied = applyCommands(dmm, dmmStage2, holdingReply('2026-06-05'), {
      type: 'set-handler-date',
      on: '2026-06-08',
      dueBy: '2026-06-26',
    });
    expect(clockOf(dmm, replied, '2026-06-09', 'stage-2', 'holding-reply').state).toBe('met');
    expect(clockOf(dmm, replied, '2026-06-09', 'stage-2', 'respond').dueBy).toBe('2026-06-26');
  });

  it('is refused where the policy has no holding reply', () => {
    expect(() => applyCommands(cqm, givenCase(cqm, '2026-06-01'), holdingReply('2026-06-02'))).toThrow(
      "CQM Training & Consultancy's policy has no holding reply at Stage 1: Frontline Resolution",
    );
  });
});
