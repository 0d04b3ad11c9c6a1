import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { LocalFileIntakeQueue } from '../../src/adapters/local-file-intake-queue.ts';
import type { Case } from '../../src/core/case.ts';
import { casePath, parseCaseFile, serialiseCaseFile } from '../../src/core/case-file.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import type { LifecycleCommand } from '../../src/core/lifecycle.ts';
import type { CaseStore } from '../../src/ports/case-store.ts';
import {
  drainEscalations,
  type EscalationAnswer,
  type EscalationServices,
  escalationLinkFor,
  requestEscalation,
  WRONG_PAIRS_PER_HOUR,
} from '../../src/use-cases/request-escalation.ts';
import { applyCommands, givenCase } from '../unit/given-case.ts';
import { createIntakeWorld, type IntakeWorld } from './support/intake.ts';

/** Monday 30 November 2026, 10:00 in London. */
const NOW = new Date('2026-11-30T10:00:00Z');
const REASON = 'Nobody explained why the assessments were cancelled.';

describe('asking for the next stage online', () => {
  let world: IntakeWorld;
  let services: EscalationServices;
  let queue: EscalationServices['escalationQueue'];

  beforeEach(async () => {
    world = await createIntakeWorld();
    queue = new LocalFileIntakeQueue(join(world.dir, 'escalations'));
    services = world.escalation;
    queue = services.escalationQueue;
  });
  afterEach(async () => {
    await world.cleanUp();
  });

  /** A DMM case whose Stage 1 outcome was emailed on `sentOn`, stored; and its outcome letter's link. */
  async function givenOutcome(sentOn: string, ...more: LifecycleCommand[]) {
    const provider = world.provider('digital-marketing-mentor');
    const context = { provider, calendar: holidayCalendar(provider.nation) };
    const stored = applyCommands(
      context,
      givenCase(context, '2026-11-02'),
      {
        type: 'respond',
        on: sentOn,
        outcome: 'not-upheld',
        summary: 'The course ran as advertised.',
        sentBy: 'email',
      },
      ...more,
    );
    const path = casePath(provider, stored);
    await world.store.create(
      path,
      serialiseCaseFile(stored, deriveClocks(stored, provider, sentOn, context.calendar)),
      'Receive',
    );
    const link = new URL(
      escalationLinkFor(
        services.signer,
        'https://complaints.example.org',
        provider,
        stored,
        { reference: stored.reference, stage: 'stage-1', sentOn },
        context.calendar,
      ),
    );
    return { provider, stored, path, token: link.searchParams.get('token') ?? '' };
  }

  async function caseAt(path: string): Promise<Case> {
    const file = await world.store.read(path);
    const { derived: _derived, ...stored } = parseCaseFile(file?.text ?? '', path);
    return stored as Case;
  }

  async function settled(answer: EscalationAnswer): Promise<void> {
    if (answer.kind === 'accepted') expect(await answer.completion).toBe(true);
  }

  it("with the link: recorded through the decider, acknowledged with the next stage's dates, and the staff told", async () => {
    const { provider, path, token } = await givenOutcome('2026-11-20');
    const answer = await requestEscalation(services, provider, { token }, REASON, NOW);
    expect(answer).toMatchObject({ kind: 'accepted', stage: 'stage-2' });
    await settled(answer);

    const stored = await caseAt(path);
    expect([stored.stage, stored.status]).toEqual(['stage-2', 'open']);
    expect(stored.events.at(-1)).toEqual({
      type: 'escalated',
      on: '2026-11-30',
      stage: 'stage-1',
      toStage: 'stage-2',
      reason: REASON,
    });
    const sent = (await world.mailer.sent()).map((entry) => entry.message);
    expect(sent.map((message) => [message.tag, message.to])).toEqual([
      ['escalation-acknowledgement', ['sam@example.org']],
      ['escalation-notice', ['enquiries@digitalmarketingmentor.co.uk']],
    ]);
    // 10 working days from Monday 30 November for the Managing Director's reply.
    expect(sent[0]?.text).toContain('The Managing Director will reply by Monday 14 December 2026');
    // The case was logged with no status link: the acknowledgement brings its first.
    expect(sent[0]?.text).toContain(`/digital-marketing-mentor/status/${stored.statusToken}`);
    expect(sent[1]?.text).not.toContain(REASON);
    expect(await queue.pending()).toEqual([]);
  });

  it('a reused link is spent (410), and nothing more is recorded', async () => {
    const { provider, path, token } = await givenOutcome('2026-11-20');
    await settled(await requestEscalation(services, provider, { token }, REASON, NOW));
    const before = await world.store.read(path);
    expect(await requestEscalation(services, provider, { token }, REASON, NOW)).toEqual({
      kind: 'bad-link',
      status: 410,
      why: 'used',
    });
    expect((await world.store.read(path))?.version).toBe(before?.version);
  });

  it('a forged link is not found (404) and an expired one is gone (410); neither records anything', async () => {
    const { provider, stored, path, token } = await givenOutcome('2026-11-20');
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const otherCase = token.replace(
      stored.reference,
      stored.reference.replace(/.$/, (c) => (c === 'X' ? 'Y' : 'X')),
    );
    expect(await requestEscalation(services, provider, { token: forged }, REASON, NOW)).toEqual({
      kind: 'bad-link',
      status: 404,
      why: 'forged',
    });
    expect(await requestEscalation(services, provider, { token: otherCase }, REASON, NOW)).toEqual({
      kind: 'bad-link',
      status: 404,
      why: 'forged',
    });
    expect(await requestEscalation(services, provider, { token: 'nonsense' }, REASON, NOW)).toEqual({
      kind: 'bad-link',
      status: 404,
      why: 'forged',
    });
    // The window of an outcome emailed Friday 20 November closes Friday 4 December.
    const after = new Date('2026-12-07T10:00:00Z');
    expect(await requestEscalation(services, provider, { token }, REASON, after)).toEqual({
      kind: 'bad-link',
      status: 410,
      why: 'expired',
    });
    expect((await caseAt(path)).stage).toBe('stage-1');
    expect(await queue.pending()).toEqual([]);
  });

  it('with the reference and the email address given on the complaint, in any case', async () => {
    const { provider, stored, path } = await givenOutcome('2026-11-20');
    const proof = {
      reference: stored.reference.toLowerCase(),
      contact: 'SAM@example.org',
      client: '192.0.2.1',
    };
    await settled(await requestEscalation(services, provider, proof, REASON, NOW));
    expect((await caseAt(path)).stage).toBe('stage-2');
  });

  it('a wrong pair gets the same answer whichever half is wrong, and after twenty, even a right pair is limited', async () => {
    const { provider, stored, path } = await givenOutcome('2026-11-20');
    const client = '192.0.2.7';
    const wrongContact = { reference: stored.reference, contact: 'someone@example.org', client };
    const wrongReference = { reference: 'DMM-261102-ZZZZZZ', contact: 'sam@example.org', client };
    expect(await requestEscalation(services, provider, wrongContact, REASON, NOW)).toEqual({
      kind: 'no-match',
    });
    expect(await requestEscalation(services, provider, wrongReference, REASON, NOW)).toEqual({
      kind: 'no-match',
    });
    for (let i = 2; i < WRONG_PAIRS_PER_HOUR; i += 1)
      await requestEscalation(services, provider, wrongContact, REASON, NOW);
    const right = { reference: stored.reference, contact: 'sam@example.org', client };
    expect(await requestEscalation(services, provider, right, REASON, NOW)).toEqual({ kind: 'rate-limited' });
    // Another client is not held back by this one's guesses.
    await settled(
      await requestEscalation(services, provider, { ...right, client: '192.0.2.8' }, REASON, NOW),
    );
    expect((await caseAt(path)).stage).toBe('stage-2');
  });

  it('after the window closed: refused with the day it closed, nothing recorded', async () => {
    const { provider, stored, path } = await givenOutcome('2026-11-02');
    const proof = { reference: stored.reference, contact: 'sam@example.org', client: '192.0.2.1' };
    expect(await requestEscalation(services, provider, proof, REASON, NOW)).toEqual({
      kind: 'refused',
      reference: stored.reference,
      refusal: { kind: 'window-closed', closedOn: '2026-11-16', next: 'Stage 2' },
    });
    expect((await caseAt(path)).events.at(-1)?.type).toBe('responded');
    expect(await queue.pending()).toEqual([]);
  });

  it('at the last stage: refused, with the external route left', async () => {
    const { provider, stored } = await givenOutcome('2026-11-20');
    const context = { provider, calendar: holidayCalendar(provider.nation) };
    const atStage2 = applyCommands(
      context,
      stored,
      { type: 'escalate', on: '2026-11-23', reason: REASON },
      {
        type: 'respond',
        on: '2026-11-27',
        outcome: 'upheld',
        summary: 'Refund agreed.',
        sentBy: 'email',
      },
    );
    const path = casePath(provider, atStage2);
    const file = await world.store.read(path);
    await world.store.update(
      path,
      serialiseCaseFile(atStage2, deriveClocks(atStage2, provider, '2026-11-27', context.calendar)),
      file?.version ?? '',
      'Respond',
    );
    const proof = { reference: stored.reference, contact: 'sam@example.org', client: '192.0.2.1' };
    expect(await requestEscalation(services, provider, proof, REASON, NOW)).toEqual({
      kind: 'refused',
      reference: stored.reference,
      refusal: { kind: 'last-stage', stage: 'stage-2' },
    });
  });

  it("a staff save landing between the request's read and write is kept, and the request applied on top", async () => {
    const { provider, path, token } = await givenOutcome('2026-11-20');
    const note = {
      on: '2026-11-30',
      kind: 'call',
      by: 'Invented Handler',
      text: 'Called the learner.',
    } as const;
    let saved = false;
    const racing: CaseStore = {
      create: (...args) => world.store.create(...args),
      read: (...args) => world.store.read(...args),
      list: (...args) => world.store.list(...args),
      readMany: (...args) => world.store.readMany(...args),
      expunge: (...args) => world.store.expunge(...args),
      async update(...args) {
        if (!saved) {
          saved = true;
          const file = await world.store.read(path);
          const { derived, ...stored } = parseCaseFile(file?.text ?? '', path);
          await world.store.update(
            path,
            serialiseCaseFile({ ...(stored as Case), notes: [note] }, derived),
            file?.version ?? '',
            'Edit',
          );
        }
        return world.store.update(...args);
      },
    };
    await settled(
      await requestEscalation({ ...services, caseStore: () => racing }, provider, { token }, REASON, NOW),
    );
    const stored = await caseAt(path);
    expect(saved).toBe(true);
    expect(stored.notes).toEqual([note]);
    expect(stored.stage).toBe('stage-2');
  });
});

describe('a request the case store did not take at once', () => {
  it('stays queued, answered "received", and the drain puts it on the case later', async () => {
    const world = await createIntakeWorld();
    try {
      const provider = world.provider('digital-marketing-mentor');
      const context = { provider, calendar: holidayCalendar(provider.nation) };
      const stored = applyCommands(context, givenCase(context, '2026-11-02'), {
        type: 'respond',
        on: '2026-11-20',
        outcome: 'not-upheld',
        summary: 'The course ran as advertised.',
        sentBy: 'email',
      });
      const path = casePath(provider, stored);
      await world.store.create(
        path,
        serialiseCaseFile(stored, deriveClocks(stored, provider, '2026-11-20', context.calendar)),
        'Receive',
      );
      const services = world.escalation;
      const queue = services.escalationQueue;
      const failing: CaseStore = {
        create: (...args) => world.store.create(...args),
        read: (...args) => world.store.read(...args),
        list: (...args) => world.store.list(...args),
        readMany: (...args) => world.store.readMany(...args),
        expunge: (...args) => world.store.expunge(...args),
        update: () => Promise.reject(new Error('the case store is down')),
      };
      const proof = { reference: stored.reference, contact: 'sam@example.org', client: '192.0.2.1' };
      const answer = await requestEscalation(
        { ...services, caseStore: () => failing },
        provider,
        proof,
        REASON,
        NOW,
      );
      expect(answer.kind).toBe('accepted');
      if (answer.kind === 'accepted') expect(await answer.completion).toBe(false);
      expect(await queue.pending()).toHaveLength(1);

      expect(await drainEscalations(services, world.providers, NOW)).toEqual({
        pending: 1,
        completed: 1,
        stillPending: 0,
      });
      const { derived: _derived, ...after } = parseCaseFile((await world.store.read(path))?.text ?? '', path);
      expect(after.stage).toBe('stage-2');
    } finally {
      await world.cleanUp();
    }
  });
});
