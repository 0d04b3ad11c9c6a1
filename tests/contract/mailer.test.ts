import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LocalOutboxMailer } from '../../src/adapters/local-outbox-mailer.ts';
import { describeMailerContract } from './mailer.contract.ts';

describeMailerContract('the local outbox', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'redress-outbox-'));
  return {
    open: () => new LocalOutboxMailer(directory),
    delivered: async () => (await new LocalOutboxMailer(directory).sent()).map((entry) => entry.message),
    close: () => rm(directory, { recursive: true, force: true }),
  };
});

it('saves each outbox message as JSON, the HTML exactly as sent, and the text, under one name', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'redress-outbox-'));
  try {
    const html = '<p>Due <strong>16 January 2026</strong></p>\n';
    const { id } = await new LocalOutboxMailer(directory).send({
      to: ['ada@example.org'],
      subject: 'Reminder',
      text: 'Due 16 January 2026\n',
      html,
      idempotencyKey: 'reminder/ACM-260101-AAAAAA/stage-1/2026-01-16',
      tag: 'reminder',
    });
    expect(id).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-reminder_ACM-260101-AAAAAA_stage-1_2026-01-16$/,
    );
    expect((await readdir(directory)).filter((name) => !name.startsWith('.')).sort()).toEqual([
      `${id}.html`,
      `${id}.json`,
      `${id}.txt`,
    ]);
    expect(await readFile(join(directory, `${id}.html`), 'utf8')).toBe(html);
    expect(await readFile(join(directory, `${id}.txt`), 'utf8')).toBe('Due 16 January 2026\n');
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
