import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { LocalOutboxMailer } from '../../src/adapters/local-outbox-mailer.ts';
import { LocalFileLedger } from '../../src/adapters/notice-ledger.ts';
import { addCalendarDays } from '../../src/core/calendar.ts';
import { type Case, CaseSchema } from '../../src/core/case.ts';
import { casePath, parseCaseFile, serialiseCaseFile } from '../../src/core/case-file.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import { applyCommand, type LifecycleCommand } from '../../src/core/lifecycle.ts';
import type { IsoDate } from '../../src/core/period.ts';
import type { Channel } from '../../src/core/provider.ts';
import type { CaseStore } from '../../src/ports/case-store.ts';
import { type SweepReport, sweepDeadlines } from '../../src/use-cases/sweep-deadlines.ts';
import { staffSave } from '../support/staff-save.ts';
import { givenCase } from '../unit/given-case.ts';
import { createIntakeWorld, type IntakeWorld } from './support/intake.ts';
import { sweepOptions } from './support/sweep.ts';

/** An invented complaint for the time-travel test, and what staff do to it on which days. */
interface Fixture {
  name: string;
  provider: string;
  received: IsoDate;
  channel: Channel;
  under18?: boolean;
  /** The handler the case names, with an address (several policies publish none for the role). */
  handler?: string;
  /** Done by staff during the day, after that morning's sweep. */
  actions: [IsoDate, LifecycleCommand][];
}

const respond = (on: IsoDate): LifecycleCommand => ({
  type: 'respond',
  on,
  outcome: 'partially-upheld',
  summary: 'Apologised and rebooked.',
});

const FIXTURES: Fixture[] = [
  {
    name: 'cqm-email',
    provider: 'cqm',
    received: '2026-12-01',
    channel: 'email',
    handler: 'casey@example.org',
    actions: [
      ['2026-12-07', { type: 'acknowledge', on: '2026-12-07' }],
      ['2026-12-21', respond('2026-12-21')],
    ],
  },
  {
    name: 'cqm-phone',
    provider: 'cqm',
    received: '2026-12-10',
    channel: 'telephone',
    handler: 'casey@example.org',
    actions: [['2026-12-16', { type: 'record-write-up', on: '2026-12-16' }]],
  },
  {
    name: 'interlearn',
    provider: 'interlearn',
    received: '2026-12-02',
    channel: 'website',
    actions: [
      ['2026-12-03', { type: 'acknowledge', on: '2026-12-03' }],
      ['2027-01-04', respond('2027-01-04')],
    ],
  },
  {
    name: 'dmm-under-18',
    provider: 'digital-marketing-mentor',
    received: '2026-12-07',
    channel: 'email',
    under18: true,
    actions: [['2026-12-23', respond('2026-12-23')]],
  },
  {
    name: 'dynamic',
    provider: 'dynamic-training',
    received: '2026-12-11',
    channel: 'email',
    actions: [
      ['2026-12-15', { type: 'send-interim-response', on: '2026-12-15', expectedBy: '2027-01-08' }],
      ['2027-01-12', respond('2027-01-12')],
    ],
  },
  {
    name: 'ace',
    provider: 'ace-training',
    received: '2026-12-08',
    channel: 'email',
    handler: 'robin@example.org',
    actions: [
      ['2026-12-09', { type: 'set-handler-date', on: '2026-12-09', dueBy: '2026-12-18' }],
      ['2026-12-15', { type: 'pause', on: '2026-12-15', reason: 'Waiting for the employer.' }],
      ['2027-01-06', { type: 'resume', on: '2027-01-06' }],
    ],
  },
];

/**
 * Every email of the six weeks: `sweep day, case, notice, stage, the date it is about → to`.
 * Nothing is sent on Christmas Day, the Boxing Day substitute (Monday 28 December) or New Year's
 * Day; the CQM and ACE handlers are the ones the cases name, since those policies publish no
 * addresses; a paused clock (ACE, 15 December to 6 January) sends nothing and its date moves on
 * by the 13 working days of the pause.
 */
const EXPECTED_MAIL = [
  '2026-12-07 cqm-email due-soon-acknowledge stage-1 2026-12-07 → casey@example.org',
  '2026-12-08 dmm-under-18 guardian-reminder stage-1 2026-12-07 → enquiries@digitalmarketingmentor.co.uk',
  '2026-12-09 ace date-needed-respond stage-1 2026-12-08 → robin@example.org',
  '2026-12-10 interlearn chase-chase stage-1 2026-12-09 → customerservices@interlearn.co.uk',
  '2026-12-11 cqm-phone write-up-due-write-up stage-1 2026-12-15 → casey@example.org',
  '2026-12-14 cqm-phone due-soon-acknowledge stage-1 2026-12-16 → casey@example.org',
  '2026-12-14 dynamic interim-needed-respond stage-1 2026-12-15 → complaints@dynamictraining.org.uk',
  '2026-12-16 cqm-phone overdue-write-up stage-1 2026-12-15 → casey@example.org',
  '2026-12-17 cqm-phone overdue-acknowledge stage-1 2026-12-16 → casey@example.org',
  '2026-12-17 dmm-under-18 due-soon-respond stage-1 2026-12-21 → enquiries@digitalmarketingmentor.co.uk',
  '2026-12-18 cqm-email due-soon-respond stage-1 2026-12-22 → casey@example.org',
  '2026-12-22 dmm-under-18 overdue-respond stage-1 2026-12-21 → enquiries@digitalmarketingmentor.co.uk julie@digitalmarketingmentor.co.uk',
  '2026-12-24 interlearn due-soon-respond stage-1 2026-12-30 → customerservices@interlearn.co.uk',
  '2026-12-31 cqm-phone due-soon-respond stage-1 2027-01-05 → casey@example.org',
  '2026-12-31 interlearn overdue-respond stage-1 2026-12-30 → customerservices@interlearn.co.uk',
  '2027-01-06 cqm-phone overdue-respond stage-1 2027-01-05 → casey@example.org',
  '2027-01-06 dynamic due-soon-interim stage-1 2027-01-08 → complaints@dynamictraining.org.uk',
  '2027-01-07 ace due-soon-respond stage-1 2027-01-11 → robin@example.org',
  '2027-01-07 dmm-under-18 escalation-window-closing-escalate-window stage-1 2027-01-11 → enquiries@digitalmarketingmentor.co.uk',
  '2027-01-11 dynamic overdue-interim stage-1 2027-01-08 → complaints@dynamictraining.org.uk hill@dynamictraining.org.uk',
  '2027-01-12 ace overdue-respond stage-1 2027-01-11 → robin@example.org',
  '2027-01-12 cqm-email escalation-window-closing-escalate-window stage-1 2027-01-14 → casey@example.org',
  '2027-01-12 dmm-under-18 escalation-window-closed-escalate-window stage-1 2027-01-11 → enquiries@digitalmarketingmentor.co.uk',
  '2027-01-15 cqm-email escalation-window-closed-escalate-window stage-1 2027-01-14 → casey@example.org',
];

const FIRST_SWEEP: IsoDate = '2026-12-07';
const LAST_SWEEP: IsoDate = '2027-01-15';

/** Every weekday from the first sweep to the last: the days the schedule runs. */
function weekdays(): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = FIRST_SWEEP; day <= LAST_SWEEP; day = addCalendarDays(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

function fixtureCase(world: IntakeWorld, fixture: Fixture): Case {
  const provider = world.provider(fixture.provider);
  const context = { provider, calendar: holidayCalendar(provider.nation) };
  const received = givenCase(context, fixture.received, { channel: fixture.channel });
  return CaseSchema.parse({
    ...received,
    complainant: { ...received.complainant, under18: fixture.under18 ?? false },
    handlers:
      fixture.handler === undefined
        ? []
        : [{ stage: received.stage, name: 'Invented Handler', email: fixture.handler }],
  });
}

describe('the deadline sweep', () => {
  let world: IntakeWorld;
  let mailer: LocalOutboxMailer;
  beforeEach(async () => {
    world = await createIntakeWorld();
    // The sweep's own outbox, in the world's data folder.
    mailer = new LocalOutboxMailer(join(world.dir, 'outbox'));
  });
  afterEach(async () => {
    await world.cleanUp();
  });

  it('over six weeks of weekdays, sends each notice once, to the right people, on the right day', async () => {
    const ledger = new LocalFileLedger(`${world.dir}/ledger`);
    const cases = FIXTURES.map((fixture) => {
      const stored = fixtureCase(world, fixture);
      return {
        fixture,
        stored,
        provider: world.provider(fixture.provider),
        path: casePath(world.provider(fixture.provider), stored),
      };
    });
    const names = new Map(cases.map(({ fixture, stored }) => [stored.reference, fixture.name]));
    const arrive = async (day: IsoDate, when: (received: IsoDate) => boolean) => {
      for (const { fixture, stored, provider, path } of cases) {
        if (!when(fixture.received)) continue;
        const derived = deriveClocks(stored, provider, day, holidayCalendar(provider.nation));
        await world.store.create(path, serialiseCaseFile(stored, derived), `Receive ${stored.reference}`);
      }
    };
    const act = async (when: (on: IsoDate) => boolean) => {
      for (const { fixture, provider, path } of cases) {
        for (const [on, command] of fixture.actions) {
          if (!when(on)) continue;
          const context = { provider, calendar: holidayCalendar(provider.nation) };
          await staffSave(world.store, path, context, (stored) => applyCommand(stored, command, context));
        }
      }
    };
    await arrive(FIRST_SWEEP, (received) => received < FIRST_SWEEP);
    await act((on) => on < FIRST_SWEEP);

    const mailed: string[] = [];
    let seen = 0;
    for (const day of weekdays()) {
      const first = await sweepDeadlines(sweepOptions(world, mailer, ledger, day));
      const again = await sweepDeadlines(sweepOptions(world, mailer, ledger, day));
      expect(
        Object.values(again.sent).every((count) => count === 0),
        `second sweep on ${day}`,
      ).toBe(true);
      expect(again.changed, `second sweep on ${day} changes nothing`).toBe(0);
      const outbox = await mailer.sent();
      for (const { message } of outbox.slice(seen)) {
        const [reference, what, stage, dueBy] = message.idempotencyKey.split('.');
        mailed.push(
          `${day} ${names.get(reference ?? '')} ${what} ${stage} ${dueBy} → ${message.to.join(' ')}`,
        );
      }
      expect(outbox.length - seen).toBe(Object.values(first.sent).reduce((a, b) => a + b, 0));
      seen = outbox.length;
      await arrive(day, (received) => received === day);
      await act((on) => on === day);
    }
    expect(mailed).toEqual(EXPECTED_MAIL);
    // Sixty sweeps with git commits: seconds, not the default five.
  }, 120_000);

  it('stops when its time is up and leaves the rest to the next run: between them, every notice once', async () => {
    const ledger = new LocalFileLedger(`${world.dir}/ledger`);
    const day: IsoDate = '2027-01-04';
    for (const fixture of FIXTURES) {
      const stored = fixtureCase(world, fixture);
      const provider = world.provider(fixture.provider);
      const derived = deriveClocks(stored, provider, fixture.received, holidayCalendar(provider.nation));
      await world.store.create(casePath(provider, stored), serialiseCaseFile(stored, derived), 'Receive');
    }
    // Each run may start twelve pieces of work (a batch, a case or a notice) before its time is up,
    // less than the day's work, and starts somewhere else in the list.
    const runs: SweepReport[] = [];
    for (let run = 0; run < 10; run += 1) {
      let started = 0;
      runs.push(
        await sweepDeadlines({
          ...sweepOptions(world, mailer, ledger, day),
          timeIsUp: () => ++started > 12,
          startingPoint: run,
        }),
      );
    }
    expect(runs[0]?.leftForNextRun).toBeGreaterThan(0);

    const keys = (await mailer.sent()).map(({ message }) => message.idempotencyKey);
    expect(keys.length).toBeGreaterThan(3);
    expect(new Set(keys).size).toBe(keys.length);
    // Between them the short runs sent everything: a run with all the time it needs finds nothing.
    const after = await sweepDeadlines(sweepOptions(world, mailer, ledger, day));
    expect(Object.values(after.sent).every((count) => count === 0)).toBe(true);
  });

  it('keeps a staff edit saved between its read and its write, and recomputes only the derived fields', async () => {
    const provider = world.provider('digital-marketing-mentor');
    const context = { provider, calendar: holidayCalendar(provider.nation) };
    const stored = fixtureCase(world, FIXTURES[3] as Fixture);
    const path = casePath(provider, stored);
    await world.store.create(
      path,
      serialiseCaseFile(
        stored,
        deriveClocks(stored, provider, '2026-12-07', holidayCalendar(provider.nation)),
      ),
      'Receive',
    );
    const note = {
      on: '2026-12-22',
      kind: 'call',
      by: 'Invented Handler',
      text: 'Called the learner.',
    } as const;
    let edited = false;
    // The staff edit lands after the sweep has read the case and just before it writes.
    const racing: CaseStore = {
      create: (...args) => world.store.create(...args),
      read: (...args) => world.store.read(...args),
      list: (...args) => world.store.list(...args),
      readMany: (...args) => world.store.readMany(...args),
      expunge: (...args) => world.store.expunge(...args),
      async update(...args) {
        if (!edited) {
          edited = true;
          await staffSave(world.store, path, context, (current) => ({
            ...current,
            notes: [...current.notes, note],
          }));
        }
        return world.store.update(...args);
      },
    };
    const ledger = new LocalFileLedger(`${world.dir}/ledger`);
    const report = await sweepDeadlines({
      ...sweepOptions(world, mailer, ledger, '2026-12-22'),
      store: () => racing,
    });

    expect(edited).toBe(true);
    expect(report.conflictsRetried).toBe(1);
    const saved = parseCaseFile((await world.store.read(path))?.text ?? '', path);
    expect(saved.notes).toEqual([note]);
    expect(saved.derived.nextDue).toMatchObject({ clock: 'respond', dueBy: '2026-12-21', state: 'overdue' });
  });

  it('adds the words the editor lists a case by to a file written before Redress wrote them', async () => {
    const provider = world.provider('digital-marketing-mentor');
    const stored = fixtureCase(world, FIXTURES[3] as Fixture);
    const path = casePath(provider, stored);
    const { words: _words, ...older } = deriveClocks(
      stored,
      provider,
      '2026-12-07',
      holidayCalendar(provider.nation),
    );
    await world.store.create(path, serialiseCaseFile(stored, older), 'Receive');
    const ledger = new LocalFileLedger(`${world.dir}/ledger`);
    await sweepDeadlines(sweepOptions(world, mailer, ledger, '2026-12-22'));

    const saved = parseCaseFile((await world.store.read(path))?.text ?? '', path);
    expect(saved.derived.words).toEqual({
      stage: 'Stage 1',
      nextDue: 'Full response by Monday 21 December 2026, overdue',
    });
  });

  it('in a dry run, counts what it would send and writes, records and sends nothing', async () => {
    const provider = world.provider('digital-marketing-mentor');
    const stored = fixtureCase(world, FIXTURES[3] as Fixture);
    const path = casePath(provider, stored);
    const text = serialiseCaseFile(
      stored,
      deriveClocks(stored, provider, '2026-12-07', holidayCalendar(provider.nation)),
    );
    await world.store.create(path, text, 'Receive');
    const ledger = new LocalFileLedger(`${world.dir}/ledger`);
    const report = await sweepDeadlines({
      ...sweepOptions(world, mailer, ledger, '2026-12-22'),
      dryRun: true,
    });

    expect(report).toMatchObject({ cases: 1, changed: 1 });
    expect(report.sent).toMatchObject({ overdue: 1, 'guardian-reminder': 1 });
    expect((await world.store.read(path))?.text).toBe(text);
    expect(await mailer.sent()).toEqual([]);
    expect(await ledger.sentKeys()).toEqual([]);
  });

  it('leaves a notice the mailer refused unsent, and the next sweep sends it', async () => {
    const provider = world.provider('digital-marketing-mentor');
    const stored = fixtureCase(world, FIXTURES[3] as Fixture);
    const text = serialiseCaseFile(
      stored,
      deriveClocks(stored, provider, '2026-12-07', holidayCalendar(provider.nation)),
    );
    await world.store.create(casePath(provider, stored), text, 'Receive');
    const ledger = new LocalFileLedger(`${world.dir}/ledger`);
    let refusals = 1;
    const flaky = {
      send: (message: Parameters<LocalOutboxMailer['send']>[0]) => {
        if (refusals-- > 0) return Promise.reject(new Error('mail service unavailable'));
        return mailer.send(message);
      },
    };
    const first = await sweepDeadlines({
      ...sweepOptions(world, mailer, ledger, '2026-12-08'),
      mailer: flaky,
    });
    expect(first.failed).toBe(1);
    expect(await mailer.sent()).toEqual([]);
    const second = await sweepDeadlines({
      ...sweepOptions(world, mailer, ledger, '2026-12-09'),
      mailer: flaky,
    });
    expect(second.sent['guardian-reminder']).toBe(1);
    expect((await mailer.sent()).map((entry) => entry.message.tag)).toEqual(['notice-guardian-reminder']);
  });
});
