import { describe, expect, it } from 'vitest';
import type { Case, CaseEvent } from '../../src/core/case.ts';
import { checkCaseRules } from '../../src/core/case-rules.ts';
import { givenCase, givenProvider } from './given-case.ts';

/** The rules the staff editor enforces on a case edited by hand, each with a message saying what to do. */

const cqm = await givenProvider('cqm');
const received = givenCase(cqm, '2026-11-02');
const at = (type: CaseEvent['type'], on: string, extra: object = {}) =>
  ({ type, on, stage: 'stage-1', ...extra }) as CaseEvent;
const responded = at('responded', '2026-11-09', { outcome: 'upheld', summary: 'We apologised.' });
const withEvents = (...events: CaseEvent[]): Case => ({
  ...received,
  events: [...received.events, ...events],
});
const messages = (stored: Case) => checkCaseRules(stored, cqm.provider).map((problem) => problem.message);
const representative: NonNullable<Case['representative']> = {
  name: 'Alex Example',
  email: 'alex@example.org',
  reason: 'consented',
  consent: { confirmed: false },
};

describe('checkCaseRules', () => {
  it.each([
    ['a new case', received, []],
    [
      'a case acknowledged, answered and closed',
      {
        ...withEvents(at('acknowledged', '2026-11-03'), responded, at('closed', '2026-11-10')),
        status: 'closed',
      },
      [],
    ],
    [
      'a case closed with no response',
      { ...withEvents(at('closed', '2026-11-10')), status: 'closed' },
      ['add the full response with its outcome at stage-1 before closing the case'],
    ],
    [
      'a case marked closed with no closing event',
      { ...withEvents(responded), status: 'closed' },
      ['to close the case, add a "case closed" event at stage-1 after the full response and its outcome'],
    ],
    [
      'the stage 1 handler also handling stage 2',
      {
        ...received,
        handlers: [
          { stage: 'stage-1', name: 'Pat Example' },
          { stage: 'stage-2', name: ' pat example' },
        ],
      },
      ['Pat Example handled stage-1, so someone else must handle stage-2'],
    ],
    [
      'different handlers at stage 1 and stage 2',
      {
        ...received,
        handlers: [
          { stage: 'stage-1', name: 'Pat Example' },
          { stage: 'stage-2', name: 'Jo Example' },
        ],
      },
      [],
    ],
    [
      'an extension with a blank reason',
      withEvents(at('extended', '2026-11-09', { newDueBy: '2026-11-20', reason: '  ' })),
      ['give the reason for the extension the complainant was told'],
    ],
    [
      'an extension to a date that is not later',
      withEvents(at('extended', '2026-11-09', { newDueBy: '2026-11-09', reason: 'Waiting for the tutor.' })),
      ['the new response date must be after 2026-11-09, the day of the extension'],
    ],
    [
      'a representative without consent, only acknowledged',
      { ...withEvents(at('acknowledged', '2026-11-03')), representative },
      [],
    ],
    [
      'a representative without consent, answered',
      { ...withEvents(responded), representative },
      [
        "record the complainant's consent for Alex Example to act for them (confirmed, how and the day) before the case goes on",
      ],
    ],
    [
      'a representative with consent confirmed but no day recorded, answered',
      { ...withEvents(responded), representative: { ...representative, consent: { confirmed: true } } },
      [
        "record the complainant's consent for Alex Example to act for them (confirmed, how and the day) before the case goes on",
      ],
    ],
    [
      'a representative of a complainant who died, answered, where the policy asks for no form of consent',
      { ...withEvents(responded), representative: { ...representative, reason: 'died' } },
      [],
    ],
    [
      'a representative with consent recorded, answered',
      {
        ...withEvents(responded),
        representative: { ...representative, consent: { confirmed: true, recordedOn: '2026-11-03' } },
      },
      [],
    ],
  ] as [string, Case, string[]][])('%s', (_name, stored, expected) => {
    expect(messages(stored)).toEqual(expected);
  });
});
