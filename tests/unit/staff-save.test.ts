import { describe, expect, it } from 'vitest';
import type { Case, CaseEvent } from '../../src/core/case.ts';
import { judgeStaffSave } from '../../src/core/staff-save.ts';
import { givenCase, givenProvider } from './given-case.ts';

/**
 * A staff save is judged by the decider: the stored events are facts, each added event is judged
 * as the command that makes it, and stage and status are worked out from the events. Each refusal
 * names its field and says what to do.
 */

const cqm = await givenProvider('cqm');
const dynamic = await givenProvider('dynamic-training');
const received = givenCase(cqm, '2026-11-02');
const at = (type: CaseEvent['type'], on: string, extra: object = {}, stage = 'stage-1') =>
  ({ type, on, stage, ...extra }) as CaseEvent;
const responded = at('responded', '2026-11-09', { outcome: 'upheld', summary: 'We apologised.' });
const withEvents = (...events: CaseEvent[]): Case => ({
  ...received,
  events: [...received.events, ...events],
});
const representative: NonNullable<Case['representative']> = {
  name: 'Alex Example',
  email: 'alex@example.org',
  reason: 'consented',
  consent: { confirmed: false },
};
/** What the judge answers, in one line: the refusal's field and message, or the stage and status saved. */
const outcome = (stored: readonly CaseEvent[], edited: Case, context = cqm): string => {
  const judged = judgeStaffSave(stored, edited, context);
  return judged.ok
    ? `saved at ${judged.saved.stage}, ${judged.saved.status}, ${judged.saved.events.length} events`
    : `${judged.field.join('.')}: ${judged.message}`;
};

describe('judgeStaffSave', () => {
  it.each([
    ['a new case', [], received, 'saved at stage-1, open, 1 events'],
    [
      'a case acknowledged, answered and closed, whatever status was picked',
      received.events,
      {
        ...withEvents(at('acknowledged', '2026-11-03'), responded, at('closed', '2026-11-10')),
        status: 'open',
      },
      'saved at stage-1, closed, 4 events',
    ],
    [
      'a case closed with no response',
      received.events,
      withEvents(at('closed', '2026-11-10')),
      'events.1: Stage 1: Frontline Resolution has no outcome yet: record the response before closing the case',
    ],
    [
      'an event saved at a stage the case has not reached',
      received.events,
      withEvents(at('acknowledged', '2026-11-03', {}, 'stage-2')),
      'events.1.stage: the case is at Stage 1: Frontline Resolution on 2026-11-03: record the event at that stage',
    ],
    [
      'an extension to a date that is not later',
      received.events,
      withEvents(at('extended', '2026-11-09', { newDueBy: '2026-11-09', reason: 'Waiting for the tutor.' })),
      'events.1: the new date must be after 2026-11-09',
    ],
    [
      'the stage 1 handler also handling stage 2',
      received.events,
      {
        ...received,
        handlers: [
          { stage: 'stage-1', name: 'Pat Example' },
          { stage: 'stage-2', name: ' pat example' },
        ],
      },
      'handlers.1.name: Pat Example handled Stage 1: Frontline Resolution, so someone else must handle Stage 2: Investigation',
    ],
    [
      'a representative without consent, only acknowledged',
      received.events,
      { ...withEvents(at('acknowledged', '2026-11-03')), representative },
      'saved at stage-1, open, 2 events',
    ],
    [
      'a representative without consent, answered',
      received.events,
      { ...withEvents(responded), representative },
      "representative.consent: record the complainant's consent for Alex Example to act for them (confirmed, how and the day) before the case goes on",
    ],
    [
      'a representative of a complainant who died, answered, where the policy asks for no form of consent',
      received.events,
      { ...withEvents(responded), representative: { ...representative, reason: 'died' } },
      'saved at stage-1, open, 2 events',
    ],
    [
      'a stored event changed',
      [...received.events, responded],
      withEvents({ ...responded, outcome: 'not-upheld' } as CaseEvent),
      'events.1: the event of 2026-11-09 was saved before and cannot be changed or removed: put it back as it was, and add a new event to correct it',
    ],
    [
      'a stored event removed',
      [...received.events, responded],
      received,
      'events.1: the event of 2026-11-09 was saved before and cannot be changed or removed: put it back as it was, and add a new event to correct it',
    ],
    [
      'a stored event that never folded (at a stage the case had not reached), corrected',
      [...received.events, at('acknowledged', '2026-11-03', {}, 'stage-2')],
      withEvents(at('acknowledged', '2026-11-03')),
      'saved at stage-1, open, 2 events',
    ],
    [
      'a response while the clock is paused: the decider resumes it',
      [...received.events, at('paused', '2026-11-04', { reason: 'Waiting for the learner.' })],
      withEvents(at('paused', '2026-11-04', { reason: 'Waiting for the learner.' }), responded),
      'saved at stage-1, open, 4 events',
    ],
  ] as [string, CaseEvent[], Case, string][])('%s', (_name, stored, edited, expected) => {
    expect(outcome(stored, edited)).toBe(expected);
  });

  it('never judges stored events again: a history the policy would now refuse still takes new events', () => {
    // Dynamic's interim response must now say when the full reply comes; this one was stored without.
    const old = givenCase(dynamic, '2026-11-02');
    const stored = [...old.events, at('interim-sent', '2026-11-03')];
    expect(outcome(stored, { ...old, events: [...stored, responded] }, dynamic)).toBe(
      'saved at stage-1, open, 3 events',
    );
    expect(outcome(old.events, { ...old, events: stored }, dynamic)).toBe(
      'events.1: say when the full reply can be expected: "If a matter requires more detailed investigation, you will receive an interim response describing what is being done to deal with the matter, and when a full reply can be expected and from whom."',
    );
  });

  it('keeps everyone who handled an earlier stage off Dynamic’s Appeals Panel', () => {
    const old = givenCase(dynamic, '2026-11-02');
    const handlers = (name: string) => [
      { stage: 'stage-1', name: 'Pat Example' },
      { stage: 'stage-2', name: 'Jo Example' },
      { stage: 'stage-3', name: 'Oliver Hill' },
      { stage: 'final', name },
    ];
    expect(outcome(old.events, { ...old, handlers: handlers('Sam Director') }, dynamic)).toBe(
      'saved at stage-1, open, 1 events',
    );
    expect(outcome(old.events, { ...old, handlers: handlers('pat example') }, dynamic)).toMatch(
      /^handlers\.3\.name: Pat Example handled Formal complaint, so someone else must handle Appeals Panel \("In the event that/,
    );
  });
});
