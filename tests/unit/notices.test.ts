import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/core/case.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import type { LifecycleCommand } from '../../src/core/lifecycle.ts';
import { noticeMessage } from '../../src/core/notice-messages.ts';
import { noticesDue, recipientAddresses } from '../../src/core/notices.ts';
import type { IsoDate } from '../../src/core/period.ts';
import type { Channel } from '../../src/core/provider.ts';
import { applyCommands, givenCase, givenProvider } from './given-case.ts';

interface Row {
  name: string;
  provider: string;
  received: IsoDate;
  channel?: Channel;
  under18?: boolean;
  commands?: LifecycleCommand[];
  today: IsoDate;
  /** `kind stage dueBy → addresses` for each notice. */
  expected: string[];
}

const respond = (on: IsoDate): LifecycleCommand => ({
  type: 'respond',
  on,
  outcome: 'not-upheld',
  summary: 'Explained the schedule.',
});

// Received Monday 7 December 2026. CQM: acknowledge in 4 working days (Friday 11), respond in 15
// (Wednesday 30: Christmas Day and the Boxing Day substitute, Monday 28, are not working days).
const ROWS: Row[] = [
  { name: 'nothing is near yet', provider: 'cqm', received: '2026-12-07', today: '2026-12-07', expected: [] },
  {
    name: 'the acknowledgement falls within the two-day reminder',
    provider: 'cqm',
    received: '2026-12-07',
    today: '2026-12-09',
    expected: ['due-soon stage-1 2026-12-11 →'],
  },
  {
    name: 'an overdue acknowledgement goes to the handler and the escalation contact',
    provider: 'digital-marketing-mentor',
    received: '2026-11-16',
    today: '2026-12-01',
    expected: [
      'overdue stage-1 2026-11-30 → enquiries@digitalmarketingmentor.co.uk julie@digitalmarketingmentor.co.uk',
    ],
  },
  {
    name: 'an acknowledged case is reminded only of the response',
    provider: 'cqm',
    received: '2026-12-07',
    commands: [{ type: 'acknowledge', on: '2026-12-08' }],
    today: '2026-12-24',
    expected: ['due-soon stage-1 2026-12-30 →'],
  },
  {
    name: 'an oral complaint is to be written up within three working days',
    provider: 'cqm',
    received: '2026-12-07',
    channel: 'telephone',
    today: '2026-12-08',
    expected: ['write-up-due stage-1 2026-12-10 →'],
  },
  {
    name: 'Interlearn chases a complaint not closed after five working days',
    provider: 'interlearn',
    received: '2026-12-07',
    commands: [{ type: 'acknowledge', on: '2026-12-07' }],
    today: '2026-12-15',
    expected: ['chase stage-1 2026-12-14 → customerservices@interlearn.co.uk'],
  },
  {
    name: 'where the policy offers an interim response, the reminder prompts one',
    provider: 'dynamic-training',
    received: '2026-12-07',
    today: '2026-12-07',
    expected: ['interim-needed stage-1 2026-12-09 → complaints@dynamictraining.org.uk'],
  },
  {
    name: 'a handler who must set the date is asked for it, once the stage has started',
    provider: 'ace-training',
    received: '2026-12-07',
    today: '2026-12-08',
    expected: ['date-needed stage-1 2026-12-07 →'],
  },
  {
    name: 'no date is asked for once the handler set one',
    provider: 'ace-training',
    received: '2026-12-07',
    commands: [{ type: 'set-handler-date', on: '2026-12-07', dueBy: '2026-12-18' }],
    today: '2026-12-08',
    expected: [],
  },
  {
    name: 'a paused clock sends nothing',
    provider: 'dynamic-training',
    received: '2026-12-07',
    commands: [{ type: 'pause', on: '2026-12-07', reason: 'Waiting for the complainant.' }],
    today: '2026-12-14',
    expected: [],
  },
  {
    name: 'an extension is told to the complainant with its new date, where the policy promises it',
    provider: 'digital-marketing-mentor',
    received: '2026-12-07',
    commands: [
      {
        type: 'extend',
        on: '2026-12-09',
        newDueBy: '2027-01-08',
        reason: 'The tutor is away until January.',
      },
    ],
    today: '2026-12-10',
    expected: ['delay-told stage-1 2027-01-08 → sam@example.org'],
  },
  {
    name: 'an interim response that promises a new date tells the complainant the extension too',
    provider: 'dynamic-training',
    received: '2026-12-07',
    commands: [
      {
        type: 'extend',
        on: '2026-12-08',
        newDueBy: '2026-12-18',
        reason: 'A detailed investigation is needed.',
      },
    ],
    today: '2026-12-08',
    expected: ['delay-told stage-1 2026-12-18 → sam@example.org'],
  },
  {
    name: 'an extension is not mailed to the complainant where the policy makes no such promise',
    provider: 'cqm',
    received: '2026-12-07',
    commands: [
      { type: 'extend', on: '2026-12-08', newDueBy: '2027-01-29', reason: 'An external assessor is needed.' },
    ],
    today: '2026-12-08',
    expected: [],
  },
  {
    name: 'an under-18 complainant reminds the handler about their parent or guardian',
    provider: 'digital-marketing-mentor',
    received: '2026-12-07',
    under18: true,
    today: '2026-12-07',
    expected: ['guardian-reminder stage-1 2026-12-07 → enquiries@digitalmarketingmentor.co.uk'],
  },
  {
    name: 'no guardian reminder once the guardian was informed',
    provider: 'digital-marketing-mentor',
    received: '2026-12-07',
    under18: true,
    commands: [{ type: 'inform-guardian', on: '2026-12-07' }],
    today: '2026-12-07',
    expected: [],
  },
  {
    name: 'the escalation window is closing',
    provider: 'digital-marketing-mentor',
    received: '2026-11-23',
    commands: [respond('2026-12-01')],
    today: '2026-12-11',
    expected: ['escalation-window-closing stage-1 2026-12-15 → enquiries@digitalmarketingmentor.co.uk'],
  },
  {
    name: 'the escalation window has closed: the case can close',
    provider: 'digital-marketing-mentor',
    received: '2026-11-23',
    commands: [respond('2026-12-01')],
    today: '2026-12-16',
    expected: ['escalation-window-closed stage-1 2026-12-15 → enquiries@digitalmarketingmentor.co.uk'],
  },
  {
    name: 'a closed case sends nothing',
    provider: 'digital-marketing-mentor',
    received: '2026-11-23',
    commands: [respond('2026-12-01'), { type: 'close', on: '2026-12-02' }],
    today: '2026-12-16',
    expected: [],
  },
];

describe('noticesDue: which notices a case gets on a given day', () => {
  it.each(ROWS)('$name', async (row) => {
    const context = await givenProvider(row.provider);
    const received = givenCase(context, row.received, { channel: row.channel ?? 'email' });
    const base: Case = {
      ...received,
      complainant: { ...received.complainant, under18: row.under18 ?? false },
    };
    const stored = applyCommands(context, base, ...(row.commands ?? []));
    const file = { ...stored, derived: deriveClocks(stored, context.provider, row.today, context.calendar) };
    const notices = noticesDue(file, context.provider, row.today, context.calendar);
    expect(
      notices.map((notice) =>
        `${notice.kind} ${notice.stage} ${notice.dueBy} → ${recipientAddresses(notice, stored, context.provider).join(' ')}`.trimEnd(),
      ),
    ).toEqual(row.expected.map((line) => line.trimEnd()));
  });

  it('prefers the handler a case names to the role the policy names', async () => {
    const context = await givenProvider('cqm');
    const stored = givenCase(context, '2026-12-07');
    const named = { handlers: [{ stage: 'stage-1', name: 'Pat Handler', email: 'pat@example.org' }] };
    const notice = { stage: 'stage-1', recipients: ['handler', { contact: 'managing-director' }] } as const;
    expect(recipientAddresses(notice, { ...stored, ...named }, context.provider)).toEqual([
      'pat@example.org',
    ]);
  });
});

describe('the case team', () => {
  it('hears of every overdue clock, besides the handler the case names', async () => {
    const context = await givenProvider('dynamic-training');
    const stored = {
      ...givenCase(context, '2026-11-23'),
      handlers: [{ stage: 'stage-1', name: 'Pat Handler', email: 'pat@example.org' }],
    };
    const file = {
      ...stored,
      derived: deriveClocks(stored, context.provider, '2026-12-01', context.calendar),
    };
    const [overdue] = noticesDue(file, context.provider, '2026-12-01', context.calendar);
    expect(overdue?.kind).toBe('overdue');
    expect(recipientAddresses(overdue ?? { stage: '', recipients: [] }, stored, context.provider)).toEqual([
      'pat@example.org',
      'complaints@dynamictraining.org.uk',
      'hill@dynamictraining.org.uk',
    ]);
  });
});

describe('noticeMessage', () => {
  it('names the reference, the date and the link, and nothing the complainant wrote', async () => {
    const context = await givenProvider('cqm');
    const stored = givenCase(context, '2026-12-07');
    const message = noticeMessage(
      context.provider,
      {
        kind: 'overdue',
        reference: stored.reference,
        stage: 'stage-1',
        clock: 'acknowledge',
        dueBy: '2026-12-11',
        recipients: ['handler'],
      },
      'http://localhost:4321/cases/cqm/#/collections/cases/entries/2026/x',
    );
    for (const body of [message.text, message.html]) {
      expect(body).toContain(stored.reference);
      expect(body).toContain('Friday 11 December 2026');
      expect(body).toContain('acknowledge the complaint');
      expect(body).toContain('/cases/cqm/#/collections/cases/entries/2026/x');
      expect(body).not.toContain(stored.complainant.name);
      expect(body).not.toContain('course materials');
    }
    expect(message.html).toContain('<html lang="en-GB">');
  });

  it('tells a complainant of a delay with the new date, and never links them into the staff editor', async () => {
    const context = await givenProvider('digital-marketing-mentor');
    const stored = givenCase(context, '2026-12-07');
    const message = noticeMessage(
      context.provider,
      {
        kind: 'delay-told',
        reference: stored.reference,
        stage: 'stage-1',
        clock: 'respond',
        dueBy: '2027-01-08',
        recipients: ['complainant'],
      },
      'http://localhost:4321/cases/digital-marketing-mentor/#/collections/cases/entries/2026/x',
    );
    for (const body of [message.text, message.html]) {
      expect(body).toContain(stored.reference);
      expect(body).toContain('You should now receive it by Friday 8 January 2027.');
      expect(body).not.toContain('/cases/');
      expect(body).not.toContain('case editor');
    }
  });
});
