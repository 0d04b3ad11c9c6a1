import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import type { LocalOutboxMailer } from '../../src/adapters/local-outbox-mailer.ts';
import type { Services } from '../../src/composition/services.ts';
import { type Case, CaseSchema } from '../../src/core/case.ts';
import { casePath, serialiseCaseFile } from '../../src/core/case-file.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import { NOTICE_KINDS } from '../../src/core/notices.ts';
import { createReference } from '../../src/core/reference.ts';
import { fixtureProvider, fixtureServices, runCommand, wiringOf } from '../support/fixtures.ts';
import { givenCase } from '../unit/given-case.ts';

function run(...argv: string[]) {
  return runCommand(wiringOf(wired), argv);
}

let dir: string;
let wired: Services;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redress-sweep-cli-'));
  // The CLI's services, as the composition root makes them for this data folder and no publishers.
  wired = fixtureServices({ REDRESS_DATA_DIR: dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('complaints sweep, mail-preview and review-policies', () => {
  it.each([
    [['sweep', '--now', '2026-02-30'], '--now must be a real date'],
    [['sweep', '--provider', 'nobody'], 'no provider is called "nobody"'],
    [['sweep', '--later'], "Unknown option '--later'"],
    [['mail-preview', 'reminder'], 'there is no notice "reminder"'],
    [['review-policies', '--now', 'tomorrow'], '--now must be a real date'],
  ])('%j is refused with the usage (exit 2)', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain('complaints sweep [--now YYYY-MM-DD] [--provider <slug>] [--dry-run]');
  });

  it('sweeps on the day given: a dry run first, then once for real, then nothing more', async () => {
    const provider = await fixtureProvider('digital-marketing-mentor');
    const context = { provider, calendar: holidayCalendar(provider.nation) };
    const received = givenCase(context, '2026-12-07');
    const stored = CaseSchema.parse({ ...received, complainant: { ...received.complainant, under18: true } });
    await wired
      .caseStore(provider)
      .create(
        casePath(provider, stored),
        serialiseCaseFile(stored, deriveClocks(stored, provider, '2026-12-07', context.calendar)),
        'Receive',
      );
    const args = ['sweep', '--now', '2026-12-22', '--provider', 'digital-marketing-mentor'];

    expect((await run(...args, '--dry-run')).out).toContain('would send: overdue 1, guardian-reminder 1');
    expect((await run(...args)).out).toContain('sent: overdue 1, guardian-reminder 1');
    expect(await run(...args)).toMatchObject({ code: 0, out: expect.stringContaining('sent: nothing') });
  });

  it('skips and names the cases it cannot read or replay, tells the case team once, and sends every other notice (exit 0)', async () => {
    const provider = await fixtureProvider('dynamic-training');
    const context = { provider, calendar: holidayCalendar(provider.nation) };
    const store = wired.caseStore(provider);
    // Saved with no clocks yet: the sweep works them out.
    const save = (stored: Case) =>
      store.create(casePath(provider, stored), serialiseCaseFile(stored, { clocks: [] }), 'Receive');
    const good = givenCase(context, '2026-11-23');
    // Acknowledged "at" the Appeals Panel, a stage the case never reached: it cannot be replayed.
    const unreplayable: Case = {
      ...good,
      reference: createReference(provider.slug, '2026-11-23', Uint8Array.of(9, 9, 9, 9, 9, 9)),
      events: [...good.events, { type: 'acknowledged', on: '2026-11-24', stage: 'final' }],
    };
    await save(good);
    await save(unreplayable);
    await store.create('dynamic-training/2026/broken.yaml', 'reference: [not closed\n', 'Receive');
    const mailer = wired.mailer as LocalOutboxMailer;
    const before = (await mailer.sent()).length;
    const args = ['sweep', '--now', '2026-12-01', '--provider', 'dynamic-training'];

    const first = await run(...args);
    expect(first.code).toBe(0);
    expect(first.out).toContain('3 cases read');
    expect(first.out).toContain('2 skipped');
    expect(first.out).toContain('sent: overdue 1;');
    expect(first.out).toContain(
      'skipped dynamic-training/2026/broken.yaml (dynamic-training): the file is not a case Redress can read (its YAML, or one of its fields, is wrong).',
    );
    expect(first.out).toContain(
      `skipped ${unreplayable.reference} (dynamic-training): its history cannot be replayed: the "acknowledged" event on 2026-11-24 is at stage "final", which the case had not reached.`,
    );
    const again = await run(...args);
    expect(again.code).toBe(0);
    expect(again.out).toContain('sent: nothing');

    const mailed = (await mailer.sent()).slice(before).map((entry) => entry.message);
    expect(mailed.map((message) => [message.tag, message.subject, message.to]).toSorted()).toEqual(
      [
        [
          'needs-attention',
          'Needs attention: dynamic-training/2026/broken.yaml',
          ['complaints@dynamictraining.org.uk'],
        ],
        [
          'needs-attention',
          `Needs attention: ${unreplayable.reference}`,
          ['complaints@dynamictraining.org.uk'],
        ],
        [
          'notice-overdue',
          `Overdue: ${good.reference}`,
          ['complaints@dynamictraining.org.uk', 'hill@dynamictraining.org.uk'],
        ],
      ].toSorted(),
    );
  });

  it('writes an example of every notice, and of the outcome letter, to the outbox', async () => {
    const mailer = wired.mailer as LocalOutboxMailer;
    const before = (await mailer.sent()).length;
    const { code, out } = await run('mail-preview');
    expect(code).toBe(0);
    expect(out.split('\n').map((line) => line.split(':')[0])).toEqual([
      ...NOTICE_KINDS,
      'needs-attention',
      'outcome',
    ]);
    const previews = (await mailer.sent()).slice(before);
    expect(previews.map((entry) => entry.message.tag)).toEqual(
      [...NOTICE_KINDS, 'needs-attention', 'outcome'].map(() => 'preview'),
    );
  });

  it('writes an example of the needs-attention email the case team gets about a skipped case', async () => {
    const mailer = wired.mailer as LocalOutboxMailer;
    const before = (await mailer.sent()).length;
    const { code, out } = await run('mail-preview', 'needs-attention');
    expect(code).toBe(0);
    expect(out).toMatch(/^needs-attention: /);
    const [preview] = (await mailer.sent()).slice(before);
    expect(preview?.message.subject).toMatch(
      /^Needs attention: ace-training\/\d{4}\/ace-\d{6}-[0-9a-z]+\.yaml$/,
    );
    expect(preview?.message.text).toContain(
      'the file is not a case Redress can read (its YAML, or one of its fields, is wrong).',
    );
    expect(preview?.message.text).toContain(
      'Until it is put right, its deadlines are not worked out and no reminders are sent for it.',
    );
  });

  it('lists policy reviews due, and mails nobody when no publishers are set', async () => {
    const { code, out } = await run('review-policies', '--now', '2026-11-23');
    expect(code).toBe(0);
    expect(out.split('\n').at(-1)).toMatch(/reminders; PUBLISHERS_EMAIL is not set, so none was mailed$/);
  });
});
