import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import type { LocalOutboxMailer } from '../../src/adapters/local-outbox-mailer.ts';
import { runComplaints } from '../../src/cli/complaints.ts';
import type { Services } from '../../src/composition/services.ts';
import { CaseSchema } from '../../src/core/case.ts';
import { casePath, serialiseCaseFile } from '../../src/core/case-file.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import { NOTICE_KINDS } from '../../src/core/notices.ts';
import { fixtureProvider, fixtureServices } from '../support/fixtures.ts';
import { givenCase } from '../unit/given-case.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
  const code = await runComplaints(argv, io, { content: async () => wired, services: async () => wired });
  return { code, out: out.join('\n'), err: err.join('\n') };
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

  it('writes an example of every notice, and of the outcome letter, to the outbox', async () => {
    const mailer = wired.mailer as LocalOutboxMailer;
    const before = (await mailer.sent()).length;
    const { code, out } = await run('mail-preview');
    expect(code).toBe(0);
    expect(out.split('\n').map((line) => line.split(':')[0])).toEqual([...NOTICE_KINDS, 'outcome']);
    const previews = (await mailer.sent()).slice(before);
    expect(previews.map((entry) => entry.message.tag)).toEqual(
      [...NOTICE_KINDS, 'outcome'].map(() => 'preview'),
    );
  });

  it('mail-preview outcome writes the letter a complainant gets with an outcome', async () => {
    const mailer = wired.mailer as LocalOutboxMailer;
    const before = (await mailer.sent()).length;
    expect(await run('mail-preview', 'outcome')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^outcome: /),
    });
    const [preview] = (await mailer.sent()).slice(before);
    expect(preview?.message.subject).toMatch(/^The outcome of your complaint: /);
    expect(preview?.message.text).toContain('Ask online: http');
  });

  it('lists policy reviews due, and mails nobody when no publishers are set', async () => {
    const { code, out } = await run('review-policies', '--now', '2026-11-23');
    expect(code).toBe(0);
    expect(out.split('\n').at(-1)).toMatch(/reminders; PUBLISHERS_EMAIL is not set, so none was mailed$/);
  });
});
