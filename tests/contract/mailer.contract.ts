import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mailer, MailMessage } from '../../src/ports/mailer.ts';

/** One mailer, and a way to see what its recipients would receive. */
export type MailerHarness = {
  open(): Mailer;
  /** The messages delivered so far, oldest first. */
  delivered(): Promise<MailMessage[]>;
  close(): Promise<void>;
};

const acknowledgement = (overrides: Partial<MailMessage> = {}): MailMessage => ({
  to: ['ada@example.org', 'representative@example.net'],
  subject: 'We have received your complaint ACM-260101-AAAAAA',
  text: 'Dear Ada,\n\nWe will respond by Friday 16 January 2026.\n— Ŵyn "bach" 🐑\n',
  html: '<!doctype html><p lang="cy">Dear Ada,</p><p>We will respond by <strong>Friday 16 January 2026</strong>. 🐑</p>',
  idempotencyKey: 'acknowledge/ACM-260101-AAAAAA',
  tag: 'acknowledgement',
  ...overrides,
});

/** The behaviour the intake function and the sweeps rely on to mail each notice exactly once. */
export function describeMailerContract(name: string, createHarness: () => Promise<MailerHarness>): void {
  describe(`${name} keeps the mailer contract`, () => {
    let harness: MailerHarness;
    let mailer: Mailer;

    beforeEach(async () => {
      harness = await createHarness();
      mailer = harness.open();
    });
    afterEach(async () => {
      await harness.close();
    });

    it('delivers the message exactly as given: recipients, subject, text, HTML and tag', async () => {
      const message = acknowledgement();
      const { id } = await mailer.send(message);
      expect(id).not.toBe('');
      expect(await harness.delivered()).toEqual([message]);
    });

    it('sends a message once however often, or however concurrently, it is sent with the same key', async () => {
      const racing = await Promise.all([
        mailer.send(acknowledgement()),
        harness.open().send(acknowledgement()),
        mailer.send(acknowledgement()),
      ]);
      const later = await mailer.send(acknowledgement());
      const [first] = racing;
      expect([...racing, later].map((result) => result.id)).toEqual(Array(4).fill(first?.id));
      expect(await harness.delivered()).toHaveLength(1);
    });

    it('sends messages with different keys separately', async () => {
      const ids = await Promise.all(
        ['a', 'b', 'c'].map((letter) =>
          mailer.send(acknowledgement({ idempotencyKey: `reminder/${letter}`, tag: 'reminder' })),
        ),
      );
      expect(new Set(ids.map((result) => result.id)).size).toBe(3);
      expect((await harness.delivered()).map((message) => message.idempotencyKey).sort()).toEqual([
        'reminder/a',
        'reminder/b',
        'reminder/c',
      ]);
    });

    it.each([
      { problem: 'no recipient', message: acknowledgement({ to: [] }) },
      { problem: 'an address that is not one', message: acknowledgement({ to: ['ada at example.org'] }) },
      { problem: 'a tag Resend would refuse', message: acknowledgement({ tag: 'board report' }) },
    ])('refuses a message with $problem and delivers nothing', async ({ message }) => {
      await expect(mailer.send(message)).rejects.toThrow();
      expect(await harness.delivered()).toEqual([]);
    });
  });
}
