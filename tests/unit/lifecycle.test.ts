import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/case.ts';
import {
  type CommandType,
  decide,
  INITIAL_STATE,
  isAllowed,
  type LifecycleCommand,
  LifecycleError,
  type LifecycleState,
  replayEvents,
  TRANSITIONS,
} from '../../src/core/lifecycle.ts';
import { applyCommands, givenCase, givenProvider } from './given-case.ts';

const ace = await givenProvider('ace-training');
const cqm = await givenProvider('cqm');
const dmm = await givenProvider('digital-marketing-mentor');
const dynamic = await givenProvider('dynamic-training');
const interlearn = await givenProvider('interlearn');

const respond = (on: string): LifecycleCommand => ({
  type: 'respond',
  on,
  outcome: 'partially-upheld',
  summary: 'The materials were sent late; they are on their way with an apology.',
});
const escalate = (on: string, lateAcceptedBecause?: string): LifecycleCommand => ({
  type: 'escalate',
  on,
  reason: 'The apology did not explain why it happened.',
  ...(lateAcceptedBecause === undefined ? {} : { lateAcceptedBecause }),
});

/** Runs `command` against the case's history, so the thrown message can be pinned. */
function attempt(context: typeof cqm, stored: Case, command: LifecycleCommand) {
  return () => decide(command, replayEvents(stored.events), context);
}

describe('the transitions table: what each status allows', () => {
  const on = '2026-06-10';
  const everyCommand: Record<CommandType, LifecycleCommand> = {
    receive: { type: 'receive', on },
    acknowledge: { type: 'acknowledge', on },
    'send-interim-response': { type: 'send-interim-response', on, expectedBy: '2026-06-30' },
    'send-holding-reply': { type: 'send-holding-reply', on, outcomeBy: '2026-06-30' },
    respond: respond(on),
    'record-outcome-arrival': { type: 'record-outcome-arrival', on },
    extend: { type: 'extend', on, newDueBy: '2026-07-10', reason: 'A witness is on leave.' },
    pause: { type: 'pause', on, reason: 'Waiting for the complainant to send the invoice.' },
    resume: { type: 'resume', on },
    escalate: escalate(on),
    'set-handler-date': { type: 'set-handler-date', on, dueBy: '2026-06-30' },
    'record-write-up': { type: 'record-write-up', on },
    'inform-guardian': { type: 'inform-guardian', on },
    close: { type: 'close', on },
    withdraw: { type: 'withdraw', on },
  };
  const received = givenCase(cqm, '2026-06-01');
  const closed = applyCommands(cqm, received, respond('2026-06-05'), { type: 'close', on: '2026-06-05' });
  const withdrawn = applyCommands(cqm, received, { type: 'withdraw', on: '2026-06-03' });
  const states: [string, LifecycleState, string][] = [
    ['not-received', INITIAL_STATE, 'there is no complaint yet: receive it first'],
    ['open', replayEvents(received.events), 'the complaint was already received on 2026-06-01'],
    [
      'closed',
      replayEvents(closed.events),
      'the case was closed on 2026-06-05: only a request to escalate it can reopen it',
    ],
    [
      'withdrawn',
      replayEvents(withdrawn.events),
      'the case was withdrawn on 2026-06-03: nothing more can be recorded on it',
    ],
  ];

  it.each([
    ['not-received', ['receive']],
    ['open', Object.keys(everyCommand).filter((command) => command !== 'receive')],
    ['closed', ['record-outcome-arrival', 'escalate']],
    ['withdrawn', []],
  ] as const)('a case that is %s allows only: %j', (status, allowed) => {
    const allowedHere = (Object.keys(TRANSITIONS) as CommandType[]).filter((command) =>
      isAllowed(status, command),
    );
    expect(allowedHere).toEqual(allowed);
  });

  it.each(states)(
    'decide refuses everything else for a case that is %s, saying why',
    (_status, state, why) => {
      for (const command of Object.values(everyCommand)) {
        if (isAllowed(state.status, command.type)) {
          // Past the table: a finer rule may still refuse, but never with the status's reason.
          expect(() => decide(command, state, cqm)).not.toThrow(why);
        } else {
          expect(() => decide(command, state, cqm)).toThrow(new LifecycleError(why));
        }
      }
    },
  );
});

describe('receiving a complaint', () => {
  it.each([
    ['ace-training', ace],
    ['cqm', cqm],
    ['digital-marketing-mentor', dmm],
    ['dynamic-training', dynamic],
    ['interlearn', interlearn],
  ])('%s: a complaint starts at the first formal stage, after the informal one', (_slug, context) => {
    const stored = givenCase(context, '2026-06-01');
    expect([stored.stage, stored.status]).toEqual(['stage-1', 'open']);
    expect(stored.events).toEqual([{ type: 'received', on: '2026-06-01', stage: 'stage-1' }]);
  });

  it('may be logged straight at a later stage (CQM: "whether the complaint should be dealt with at stage 1 or stage 2")', () => {
    expect(givenCase(cqm, '2026-06-01', { stage: 'stage-2' }).stage).toBe('stage-2');
  });

  it('is never logged at an informal stage, which the policy keeps out of the formal procedure', () => {
    expect(() => givenCase(cqm, '2026-06-01', { stage: 'informal' })).toThrow(
      'the "Informal" stage is informal: concerns there are raised directly, not logged as a case',
    );
  });

  it('names the stages when asked for one the provider does not have', () => {
    expect(() => givenCase(dmm, '2026-06-01', { stage: 'stage-3' })).toThrow(
      'Digital Marketing Mentor has no stage "stage-3"; its stages are: informal, stage-1, stage-2',
    );
  });
});

describe('each provider: a case climbs the stages in order, and stops at the last', () => {
  it.each([
    [
      'ace-training',
      ace,
      ['stage-1', 'stage-2'],
      "Managing Director is ACE Training's last stage: the complainant can go to Education & Skills Funding Agency",
    ],
    [
      'cqm',
      cqm,
      ['stage-1', 'stage-2', 'final'],
      "Final Stage is CQM Training & Consultancy's last stage: the complainant can go to ESFA Apprenticeship Service",
    ],
    [
      'digital-marketing-mentor',
      dmm,
      ['stage-1', 'stage-2'],
      "Stage 2 is Digital Marketing Mentor's last stage",
    ],
    [
      'dynamic-training',
      dynamic,
      ['stage-1', 'stage-2', 'stage-3', 'final'],
      "Appeals Panel is Dynamic Training's last stage",
    ],
    ['interlearn', interlearn, ['stage-1', 'appeal'], "Appeals Procedure is Interlearn's last stage"],
  ])('%s', (_slug, context, stages, lastStage) => {
    let stored = givenCase(context, '2026-06-01');
    const visited = [stored.stage];
    for (const _next of stages.slice(1)) {
      // Given an outcome at the current stage, when the complainant asks the same day, then the case moves on.
      stored = applyCommands(context, stored, respond('2026-06-02'), escalate('2026-06-02'));
      expect(stored.status).toBe('open');
      visited.push(stored.stage);
    }
    expect(visited).toEqual(stages);
    stored = applyCommands(context, stored, respond('2026-06-03'));
    expect(attempt(context, stored, escalate('2026-06-03'))).toThrow(lastStage);
    expect(applyCommands(context, stored, { type: 'close', on: '2026-06-04' }).status).toBe('closed');
  });
});

describe('illegal moves are refused with the reason', () => {
  const received = givenCase(cqm, '2026-06-01');
  const acknowledged = applyCommands(cqm, received, { type: 'acknowledge', on: '2026-06-02' });
  const responded = applyCommands(cqm, acknowledged, respond('2026-06-05'));

  it('closing without an outcome at the current stage', () => {
    expect(attempt(cqm, acknowledged, { type: 'close', on: '2026-06-03' })).toThrow(
      'Stage 1: Frontline Resolution has no outcome yet: record the response before closing the case',
    );
  });

  it('closing before the outcome was sent', () => {
    expect(attempt(cqm, responded, { type: 'close', on: '2026-06-04' })).toThrow(
      'the outcome was sent on 2026-06-05: the case cannot close before it',
    );
  });

  it('acknowledging twice', () => {
    expect(attempt(cqm, acknowledged, { type: 'acknowledge', on: '2026-06-03' })).toThrow(
      'Stage 1: Frontline Resolution was already acknowledged on 2026-06-02',
    );
  });

  it('responding twice', () => {
    expect(attempt(cqm, responded, respond('2026-06-08'))).toThrow(
      'Stage 1: Frontline Resolution was already responded to on 2026-06-05 (partially-upheld)',
    );
  });

  it('escalating before an outcome', () => {
    expect(attempt(cqm, acknowledged, escalate('2026-06-03'))).toThrow(
      'Stage 1: Frontline Resolution has no outcome yet: a case is escalated after the response at its stage',
    );
  });

  it('a date before the case reached its stage', () => {
    expect(attempt(cqm, received, { type: 'acknowledge', on: '2026-05-29' })).toThrow(
      '2026-05-29 is before the case reached Stage 1: Frontline Resolution on 2026-06-01',
    );
  });

  it('any move on a withdrawn case', () => {
    const withdrawn = applyCommands(cqm, acknowledged, {
      type: 'withdraw',
      on: '2026-06-03',
      reason: 'Resolved.',
    });
    expect(withdrawn.status).toBe('withdrawn');
    for (const command of [
      respond('2026-06-04'),
      { type: 'close', on: '2026-06-04' } as const,
      escalate('2026-06-04'),
    ]) {
      expect(attempt(cqm, withdrawn, command)).toThrow(
        'the case was withdrawn on 2026-06-03: nothing more can be recorded on it',
      );
    }
  });

  it('an interim response where the policy has none', () => {
    expect(
      attempt(cqm, received, { type: 'send-interim-response', on: '2026-06-03', expectedBy: '2026-06-30' }),
    ).toThrow(
      "CQM Training & Consultancy's policy has no interim response at Stage 1: Frontline Resolution; to give a later date, extend the respond date with a reason",
    );
  });

  it("setting a handler's date where the policy fixes the respond period", () => {
    expect(
      attempt(cqm, received, { type: 'set-handler-date', on: '2026-06-02', dueBy: '2026-06-30' }),
    ).toThrow(
      "CQM Training & Consultancy's policy sets Stage 1: Frontline Resolution's respond date (15 working days); the handler does not set it",
    );
  });

  it('an extension to a date that is not later, or without a reason', () => {
    expect(
      attempt(cqm, received, { type: 'extend', on: '2026-06-10', newDueBy: '2026-06-10', reason: 'Busy.' }),
    ).toThrow('the new date must be after 2026-06-10');
    expect(
      attempt(cqm, received, { type: 'extend', on: '2026-06-10', newDueBy: '2026-07-10', reason: '  ' }),
    ).toThrow('give the reason for the extension: the complainant is told it');
  });

  it('pausing a paused clock, resuming a running one, or pausing after the outcome', () => {
    const paused = applyCommands(cqm, received, {
      type: 'pause',
      on: '2026-06-03',
      reason: 'Waiting for the invoice.',
    });
    expect(attempt(cqm, paused, { type: 'pause', on: '2026-06-04', reason: 'Again.' })).toThrow(
      "Stage 1: Frontline Resolution's clock has been paused since 2026-06-03",
    );
    expect(attempt(cqm, received, { type: 'resume', on: '2026-06-04' })).toThrow(
      "Stage 1: Frontline Resolution's clock is not paused",
    );
    expect(attempt(cqm, responded, { type: 'pause', on: '2026-06-08', reason: 'Late.' })).toThrow(
      'the response was sent on 2026-06-05: there is no clock left to pause',
    );
  });

  it('writing up an oral complaint twice', () => {
    const writtenUp = applyCommands(cqm, received, { type: 'record-write-up', on: '2026-06-02' });
    expect(attempt(cqm, writtenUp, { type: 'record-write-up', on: '2026-06-03' })).toThrow(
      'the written record was already sent on 2026-06-02',
    );
  });
});

describe('pauses end with the response or a withdrawal', () => {
  it('responding while paused resumes the clock first, so no pause is left open', () => {
    const stored = applyCommands(
      cqm,
      givenCase(cqm, '2026-06-01'),
      { type: 'pause', on: '2026-06-03', reason: 'Waiting for the invoice.' },
      respond('2026-06-08'),
    );
    expect(stored.events.slice(-2).map((event) => event.type)).toEqual(['resumed', 'responded']);
  });
});

describe('DMM: escalation within 10 working days of the Stage 1 outcome ("normally within 10 working days of receiving written notification")', () => {
  // Outcome Thursday 26 March 2026; Good Friday 3 April and Easter Monday 6 April are not working days:
  // 27 Mar (1), 30, 31 Mar, 1, 2 Apr (5), 7, 8, 9, 10 Apr (9), 13 Apr (10).
  const outcome = applyCommands(dmm, givenCase(dmm, '2026-03-16'), respond('2026-03-26'));

  it('on the last day of the window, the case moves to Stage 2', () => {
    expect(applyCommands(dmm, outcome, escalate('2026-04-13')).stage).toBe('stage-2');
  });

  it('after the window, the request is refused, saying when it closed', () => {
    expect(attempt(dmm, outcome, escalate('2026-04-14'))).toThrow(
      'the window to ask for Stage 2 closed on 2026-04-13 (10 working days after the outcome reached the complainant on 2026-03-26); staff may accept a late request with a reason',
    );
  });

  it('staff may accept a late request, and the reason is kept with the escalation', () => {
    const late = applyCommands(
      dmm,
      outcome,
      escalate('2026-04-14', 'The outcome letter went to an old address.'),
    );
    expect(late.stage).toBe('stage-2');
    expect(late.events.at(-1)).toMatchObject({
      type: 'escalated',
      on: '2026-04-14',
      stage: 'stage-1',
      toStage: 'stage-2',
      lateAcceptedBecause: 'The outcome letter went to an old address.',
    });
  });

  it('a closed case reopens at Stage 2 when the complainant asks within the window', () => {
    const closed = applyCommands(dmm, outcome, { type: 'close', on: '2026-03-27' });
    const reopened = applyCommands(dmm, closed, escalate('2026-04-01'));
    expect([reopened.stage, reopened.status]).toEqual(['stage-2', 'open']);
  });
});

describe('CQM: the final stage must be asked for "within 10 days" (calendar days) of the Chief Executive\'s response', () => {
  const atStage2 = applyCommands(
    cqm,
    givenCase(cqm, '2026-06-01', { stage: 'stage-2' }),
    respond('2026-06-12'),
  );

  it.each([
    ['2026-06-22', 'final'],
    ['2026-06-21', 'final'],
  ])('asked on %s: the case moves to %s', (on, stage) => {
    expect(applyCommands(cqm, atStage2, escalate(on)).stage).toBe(stage);
  });

  it('asked on the 11th day, it is refused', () => {
    expect(attempt(cqm, atStage2, escalate('2026-06-23'))).toThrow(
      'the window to ask for Final Stage closed on 2026-06-22 (10 days after the outcome reached the complainant on 2026-06-12); staff may accept a late request with a reason',
    );
  });
});

describe('Dynamic Training: an interim response says when the full reply can be expected', () => {
  const received = givenCase(dynamic, '2026-06-01');

  it('is refused without that date, quoting the policy', () => {
    expect(attempt(dynamic, received, { type: 'send-interim-response', on: '2026-06-02' })).toThrow(
      /^say when the full reply can be expected: "If a matter requires more detailed investigation, you will receive an interim response/,
    );
  });

  it('is recorded with the date, and after it the date moves by another interim response, not an extension', () => {
    const interim = applyCommands(dynamic, received, {
      type: 'send-interim-response',
      on: '2026-06-02',
      expectedBy: '2026-06-19',
    });
    expect(interim.events.at(-1)).toEqual({
      type: 'interim-sent',
      on: '2026-06-02',
      stage: 'stage-1',
      expectedBy: '2026-06-19',
    });
    expect(
      attempt(dynamic, interim, {
        type: 'extend',
        on: '2026-06-10',
        newDueBy: '2026-06-26',
        reason: 'Leave.',
      }),
    ).toThrow(
      'an interim response was sent on 2026-06-02: send another interim response with the new date instead',
    );
  });
});

describe('ACE Training: the Director sets the date ("They will give the customer a specific time")', () => {
  const received = givenCase(ace, '2026-06-01');
  const dated = applyCommands(ace, received, {
    type: 'set-handler-date',
    on: '2026-06-02',
    dueBy: '2026-06-26',
  });

  it('records the date the handler gave', () => {
    expect(dated.events.at(-1)).toEqual({
      type: 'handler-set-date',
      on: '2026-06-02',
      stage: 'stage-1',
      dueBy: '2026-06-26',
    });
  });

  it('sets it once; moving it is an extension with a reason', () => {
    expect(attempt(ace, dated, { type: 'set-handler-date', on: '2026-06-03', dueBy: '2026-07-03' })).toThrow(
      'the handler already set 2026-06-26 on 2026-06-02: to move it, extend it with a reason',
    );
    const moved = applyCommands(ace, dated, {
      type: 'extend',
      on: '2026-06-20',
      newDueBy: '2026-07-03',
      reason: 'The trainer concerned is on leave until 29 June.',
    });
    expect(moved.events.at(-1)).toMatchObject({ type: 'extended', newDueBy: '2026-07-03' });
  });

  it('cannot extend a date nobody set yet', () => {
    expect(
      attempt(ace, received, { type: 'extend', on: '2026-06-03', newDueBy: '2026-07-03', reason: 'Leave.' }),
    ).toThrow('the handler has not set a date for Operations or Training Director yet: set it first');
  });
});

describe('replaying a history', () => {
  it('must start with the complaint being received', () => {
    expect(() => replayEvents([{ type: 'acknowledged', on: '2026-06-02', stage: 'stage-1' }])).toThrow(
      'the case history must start with the complaint being received',
    );
  });

  it('refuses an event at a stage the case had not reached', () => {
    expect(() =>
      replayEvents([
        { type: 'received', on: '2026-06-01', stage: 'stage-1' },
        { type: 'acknowledged', on: '2026-06-02', stage: 'stage-2' },
      ]),
    ).toThrow('the "acknowledged" event on 2026-06-02 is at stage "stage-2", which the case had not reached');
  });
});
