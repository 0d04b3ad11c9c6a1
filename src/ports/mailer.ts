import { z } from 'zod';

/** Sends one email. Resolves once the message is handed over; rejects when it was not. */
export type Mailer = {
  /**
   * Sends `message`, or, when a message with the same idempotency key was already sent, answers
   * that message's id and sends nothing: a sweep re-run or a retried intake never mails twice.
   */
  send(message: MailMessage): Promise<{ id: string }>;
};

export const MailMessageSchema = z.strictObject({
  /** Recipients' addresses. */
  to: z.array(z.email()).min(1),
  subject: z.string().trim().min(1),
  /** The plain-text body, for mail clients and screen readers that prefer it. */
  text: z.string().min(1),
  /** The HTML body, sent exactly as given. */
  html: z.string().min(1),
  /**
   * Names this message so that sending it again is harmless, e.g. `ack-ACM-260101-AAAAAA` or
   * `reminder-<reference>-<stage>-<due date>`. Resend keeps keys for 24 hours and takes up to 256
   * characters.
   */
  idempotencyKey: z.string().min(1).max(256),
  /** What kind of message this is (`acknowledgement`, `reminder`, …), for delivery reports; Resend's tag rules. */
  tag: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'a mail tag is letters, digits, "_" or "-"'),
});
export type MailMessage = z.output<typeof MailMessageSchema>;
