import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalOutboxMailer } from '../../src/adapters/local-outbox-mailer.ts';
import { ResendMailer } from '../../src/adapters/resend-mailer.ts';
import type { MailMessage } from '../../src/ports/mailer.ts';
import { type ResendStandIn, startResendStandIn } from '../support/resend-stand-in.ts';
import { describeMailerContract } from './mailer.contract.ts';

describeMailerContract('the local outbox', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'redress-outbox-'));
  return {
    open: () => new LocalOutboxMailer(directory),
    delivered: async () => (await new LocalOutboxMailer(directory).sent()).map((entry) => entry.message),
    close: () => rm(directory, { recursive: true, force: true }),
  };
});

it('saves each outbox message as JSON and the HTML exactly as sent, under one name', async () => {
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
    ]);
    expect(await readFile(join(directory, `${id}.html`), 'utf8')).toBe(html);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});

const API_KEY = 're_test_0000000000';
const FROM = 'Complaints <complaints@example.org>';

/** What Resend's recipients get, from the emails the stand-in accepted. */
function deliveredByResend(standIn: ResendStandIn): MailMessage[] {
  return standIn.emails.map(({ idempotencyKey, body }) => {
    const { to, subject, text, html, tags } = body as {
      to: string[];
      subject: string;
      text: string;
      html: string;
      tags: { name: string; value: string }[];
    };
    return { to, subject, text, html, idempotencyKey: idempotencyKey ?? '', tag: tags[0]?.value ?? '' };
  });
}

describeMailerContract('the Resend mailer (real SDK, local stand-in for the API)', async () => {
  const standIn = await startResendStandIn(API_KEY);
  return {
    open: () => new ResendMailer({ apiKey: API_KEY, from: FROM, baseUrl: standIn.url }),
    delivered: async () => deliveredByResend(standIn),
    close: () => standIn.close(),
  };
});

describe('the Resend mailer, as Resend sees it', () => {
  let standIn: ResendStandIn;
  beforeEach(async () => {
    standIn = await startResendStandIn(API_KEY);
  });
  afterEach(async () => {
    await standIn.close();
  });

  const message: MailMessage = {
    to: ['ada@example.org'],
    subject: 'We have received your complaint',
    text: 'Reference ACM-260101-AAAAAA\n',
    html: '<p>Reference <strong>ACM-260101-AAAAAA</strong></p>',
    idempotencyKey: 'acknowledge/ACM-260101-AAAAAA',
    tag: 'acknowledgement',
  };

  it('posts the message with the API key, the idempotency key, the sender and a category tag', async () => {
    const { id } = await new ResendMailer({ apiKey: API_KEY, from: FROM, baseUrl: standIn.url }).send(
      message,
    );
    expect(id).toBe(standIn.emails[0]?.id);
    const [request] = standIn.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/emails',
      headers: {
        authorization: `Bearer ${API_KEY}`,
        'idempotency-key': 'acknowledge/ACM-260101-AAAAAA',
        'content-type': 'application/json',
      },
    });
    expect(request?.headers['user-agent']).toMatch(/^resend-node:/);
    expect(request?.body).toEqual({
      from: FROM,
      to: ['ada@example.org'],
      subject: 'We have received your complaint',
      text: 'Reference ACM-260101-AAAAAA\n',
      html: '<p>Reference <strong>ACM-260101-AAAAAA</strong></p>',
      tags: [{ name: 'category', value: 'acknowledgement' }],
    });
  });

  it('retries while Resend is failing, and the idempotency key keeps it to one email', async () => {
    standIn.failNext(2, 500);
    const { id } = await new ResendMailer({ apiKey: API_KEY, from: FROM, baseUrl: standIn.url }).send(
      message,
    );
    expect(standIn.requests).toHaveLength(3);
    expect(standIn.emails.map((email) => email.id)).toEqual([id]);
  });

  it('waits out Resend’s “request still in progress” answer to a racing repeat, then gets the first id', async () => {
    const mailer = new ResendMailer({ apiKey: API_KEY, from: FROM, baseUrl: standIn.url });
    const [first, second] = await Promise.all([mailer.send(message), mailer.send(message)]);
    expect(second?.id).toBe(first?.id);
    expect(standIn.requests.length).toBeGreaterThan(2);
    expect(standIn.emails).toHaveLength(1);
  });

  it('rejects, naming only Resend’s error code, when the API key is refused', async () => {
    const mailer = new ResendMailer({ apiKey: 're_wrong', from: FROM, baseUrl: standIn.url });
    await expect(mailer.send(message)).rejects.toThrow(
      /^Resend did not send the message: invalid_api_key \(HTTP 403\)$/,
    );
    expect(standIn.emails).toEqual([]);
  });
});
