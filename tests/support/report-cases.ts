import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { type Case, type CaseFile, CaseSchema } from '../../src/core/case.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import {
  applyCommand,
  decide,
  INITIAL_STATE,
  type LifecycleCommand,
  type LifecycleContext,
  positionOf,
  replayEvents,
} from '../../src/core/lifecycle.ts';
import type { IsoDate } from '../../src/core/period.ts';
import type { Channel } from '../../src/core/provider.ts';
import { createReference } from '../../src/core/reference.ts';
import { fixtureProvider } from './fixtures.ts';

/**
 * 64 CQM cases across 2025 and 2026, in groups whose figures are worked out by hand in the tests
 * that use them. Every case is full of distinctive personal data, so a test can look for any of it
 * in what should be anonymous. Dates avoid bank holidays: 2026-02-02 and 2025-02-03 are Mondays, and
 * no English bank holiday falls in the weeks after them.
 */

export const REPORT_AS_OF = '2027-01-04';

/** What every case says about its complainant: each value names the case, so a leak names it too. */
export function personalDataOf(i: number) {
  const n = String(i).padStart(3, '0');
  return {
    name: `Zebedee Quillfeather${n}`,
    email: `zebedee.q${n}@example.org`,
    phone: `07700 900${n}`,
    address: `${i} Xylophone Lane, Qwertonbury QW${n} 1ZZ`,
    course: `Advanced Plovercraft ${n}`,
    whatHappened: `Narrative ${n}: the tutor Mr Grimsditch${n} lost my portfolio.`,
    outcomeWanted: `Remedy ${n}: my portfolio back.`,
    representative: `Ottoline Marchbanks${n}`,
  };
}

/** Cells a spreadsheet would run as formulas, put where a person writes. */
export const FORMULA_TEXTS = [
  '=HYPERLINK("http://evil.example","x")',
  '+44 7700 900000',
  '-2+3',
  '@SUM(A1)',
  '\tindented',
  '\rreturned',
];

interface Group {
  count: number;
  receivedOn: IsoDate;
  channel: Channel;
  about: 'organisation' | 'member-of-staff' | 'product-or-service' | 'director';
  commands: LifecycleCommand[];
  ack: IsoDate;
  under18?: number;
  represented?: boolean;
  adjustments?: number;
}

const respond = (on: IsoDate, outcome: 'upheld' | 'partially-upheld' | 'not-upheld'): LifecycleCommand => ({
  type: 'respond',
  on,
  outcome,
  summary: `Response on ${on}`,
});

/** 2026: 40 cases. */
const CURRENT: Group[] = [
  // 20 by email about the organisation: acknowledged in 2 working days, upheld in 15.
  {
    count: 20,
    receivedOn: '2026-02-02',
    channel: 'email',
    about: 'organisation',
    ack: '2026-02-04',
    adjustments: 4,
    commands: [respond('2026-02-23', 'upheld'), { type: 'close', on: '2026-02-24' }],
  },
  // 10 through staff about a member of staff: acknowledged in 6 (late), not upheld in 20 (late).
  {
    count: 10,
    receivedOn: '2026-02-02',
    channel: 'through-staff',
    about: 'member-of-staff',
    ack: '2026-02-10',
    commands: [respond('2026-03-02', 'not-upheld'), { type: 'close', on: '2026-03-03' }],
  },
  // 5 by a representative about a product: acknowledged on the due day (4), partly upheld in 10,
  // escalated after 12 and not upheld at stage 2 in 10 more.
  {
    count: 5,
    receivedOn: '2026-02-02',
    channel: 'representative',
    about: 'product-or-service',
    ack: '2026-02-06',
    under18: 2,
    represented: true,
    commands: [
      respond('2026-02-16', 'partially-upheld'),
      { type: 'escalate', on: '2026-02-18', reason: 'Not satisfied' },
      respond('2026-03-04', 'not-upheld'),
      { type: 'close', on: '2026-03-05' },
    ],
  },
  // 2 by post about a director: acknowledged in 3, no response by the report's date (overdue).
  {
    count: 2,
    receivedOn: '2026-02-02',
    channel: 'post',
    about: 'director',
    ack: '2026-02-05',
    commands: [],
  },
  // 3 by email, acknowledged in 1 and withdrawn: their respond clock stops and is not counted.
  {
    count: 3,
    receivedOn: '2026-02-02',
    channel: 'email',
    about: 'organisation',
    ack: '2026-02-03',
    commands: [{ type: 'withdraw', on: '2026-02-05' }],
  },
];

/** 2025: 24 cases. */
const PREVIOUS: Group[] = [
  {
    count: 12,
    receivedOn: '2025-02-03',
    channel: 'email',
    about: 'organisation',
    ack: '2025-02-05',
    commands: [respond('2025-02-24', 'upheld'), { type: 'close', on: '2025-02-25' }],
  },
  {
    count: 9,
    receivedOn: '2025-02-03',
    channel: 'post',
    about: 'member-of-staff',
    ack: '2025-02-05',
    commands: [respond('2025-02-25', 'partially-upheld'), { type: 'close', on: '2025-02-26' }],
  },
  {
    count: 3,
    receivedOn: '2025-02-03',
    channel: 'through-staff',
    about: 'product-or-service',
    ack: '2025-02-10',
    commands: [respond('2025-02-24', 'not-upheld'), { type: 'close', on: '2025-02-25' }],
  },
];

function buildCase(context: LifecycleContext, group: Group, i: number, within: number): Case {
  const data = personalDataOf(i);
  const events = decide({ type: 'receive', on: group.receivedOn }, INITIAL_STATE, context);
  const represented = group.represented === true;
  const formula = FORMULA_TEXTS[i % FORMULA_TEXTS.length] as string;
  const start = CaseSchema.parse({
    reference: createReference(
      context.provider.slug,
      group.receivedOn,
      Uint8Array.of(i & 31, i >> 5, 7, 11, 13, 17),
    ),
    provider: context.provider.slug,
    receivedAt: `${group.receivedOn}T09:${String(i % 60).padStart(2, '0')}:00Z`,
    channel: group.channel,
    complainant: {
      name: data.name,
      email: data.email,
      phone: data.phone,
      address: data.address,
      preferredContact: 'email',
      role: 'learner-or-apprentice',
      under18: within < (group.under18 ?? 0),
    },
    ...(represented
      ? {
          representative: {
            name: data.representative,
            email: `ottoline${i}@example.org`,
            relationship: 'aunt',
            reason: 'consented',
            consent: { confirmed: true, how: `Signed letter from ${data.name}` },
          },
        }
      : {}),
    ...(within < (group.adjustments ?? 0) ? { adjustments: `Large print for ${data.name}` } : {}),
    complaint: {
      about: group.about,
      course: data.course,
      whatHappened: i % 7 === 0 ? formula : data.whatHappened,
      happenedOn: '2025-01-15',
      raisedInformally: { raised: true, withWhom: `Tutor Grimsditch${i}` },
      outcomeWanted: data.outcomeWanted,
    },
    category: `Category of ${data.name}`,
    handlers: [{ stage: 'stage-1', name: `Handler Pemberton${i}`, email: `pemberton${i}@example.org` }],
    notes: [
      { on: group.receivedOn, kind: 'call', by: `Staff Featherstonehaugh${i}`, text: `Called ${data.phone}` },
    ],
    actions: [
      { on: group.receivedOn, by: `Staff Actioner${i}`, text: `Private action ${i} for ${data.name}` },
      ...(i === 20
        ? [
            {
              on: '2026-02-20',
              by: 'Staff Rota',
              text: 'Reviewed the tutor rota',
              reportable: true,
              doneOn: '2026-03-01',
            },
          ]
        : []),
    ],
    learning:
      i === 0 ? 'Induction packs now list the complaints contact.' : `Private lesson about ${data.name}`,
    ...(i === 0 ? { learningReportable: true } : {}),
    log: {
      receivedBy: `Receiver Ashdown${i}`,
      reportedTo: formula,
      referralDepartment: 'Quality',
      referralManager: `Manager Bellweather${i}`,
      referredOn: group.receivedOn,
      resolutionAgreed: 'no',
    },
    events,
    ...positionOf(replayEvents(events)),
  });
  const commands: LifecycleCommand[] = [{ type: 'acknowledge', on: group.ack }, ...group.commands];
  return CaseSchema.parse(
    commands.reduce((current, command) => applyCommand(current, command, context), start),
  );
}

/** The 64 cases, numbered from 0: 2026's first (0–39), then 2025's (40–63), each with its derived clocks. */
export async function reportCases(): Promise<{ context: LifecycleContext; files: CaseFile[] }> {
  const provider = await fixtureProvider('cqm');
  const context = { provider, calendar: holidayCalendar(provider.nation) };
  let i = 0;
  const files: CaseFile[] = [];
  for (const group of [...CURRENT, ...PREVIOUS]) {
    for (let within = 0; within < group.count; within += 1) {
      const stored = buildCase(context, group, i, within);
      files.push({ ...stored, derived: deriveClocks(stored, provider, REPORT_AS_OF, context.calendar) });
      i += 1;
    }
  }
  return { context, files };
}
