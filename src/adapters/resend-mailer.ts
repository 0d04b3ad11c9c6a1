import { Resend } from 'resend';
import { type Mailer, type MailMessage, MailMessageSchema } from '../ports/mailer.ts';
import { backoff, sleep } from './concurrency.ts';

export type ResendMailerOptions = {
  apiKey: string;
  /** The sender, e.g. `Complaints <complaints@example.org>`, on a domain verified with Resend. */
  from: string;
  /** Resend's API address; tests point it at a local stand-in. */
  baseUrl?: string;
};

/**
 * Mail through Resend. Each message carries its idempotency key, so Resend itself drops a repeat
 * (for 24 hours): a retried intake or a re-run sweep does not mail twice.
 */
export class ResendMailer implements Mailer {
  readonly #resend: Resend;
  readonly #from: string;

  constructor({ apiKey, from, baseUrl }: ResendMailerOptions) {
    this.#resend = new Resend(apiKey, baseUrl === undefined ? undefined : { baseUrl });
    this.#from = from;
  }

  async send(input: MailMessage): Promise<{ id: string }> {
    const message = MailMessageSchema.parse(input);
    for (let attempt = 0; ; attempt++) {
      const { data, error, headers } = await this.#resend.emails.send(
        {
          from: this.#from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          tags: [{ name: 'category', value: message.tag }],
        },
        { idempotencyKey: message.idempotencyKey },
      );
      if (error === null) return { id: data.id };
      // The idempotency key makes a retry safe: Resend answers the first send's id, never a second email.
      if (!RETRYABLE.has(error.name) || attempt + 1 >= MAX_ATTEMPTS) {
        // The SDK answers failures instead of throwing; the port promises a rejection. Resend's own
        // message can quote an address, so only its code reaches the error (and so the logs).
        throw new Error(
          `Resend did not send the message: ${error.name} (HTTP ${error.statusCode ?? 'unreachable'})`,
        );
      }
      const retryAfter = Number(headers?.['retry-after']);
      await (Number.isFinite(retryAfter) ? sleep(retryAfter * 1000) : backoff(attempt, 100));
    }
  }
}

const MAX_ATTEMPTS = 5;

/**
 * Failures that pass: a repeat sent while the first is still in progress, Resend's rate limit
 * (2 requests a second by default, easily reached by a sweep), and Resend or the network being down.
 */
const RETRYABLE = new Set<string>([
  'concurrent_idempotent_requests',
  'rate_limit_exceeded',
  'application_error',
  'internal_server_error',
]);
