import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { MailArchive } from '../ports/mail-archive.ts';
import { type Mailer, type MailMessage, MailMessageSchema } from '../ports/mailer.ts';
import { readdirIfAny, replaceFile, writeFileExclusively } from './durable-file.ts';

export const OutboxEntrySchema = z.strictObject({
  /** The file name the message was saved under, without extension; also the id `send` answered. */
  id: z.string(),
  /** When the message was put in the outbox (ISO 8601 instant). */
  sentAt: z.iso.datetime(),
  message: MailMessageSchema,
});
export type OutboxEntry = z.output<typeof OutboxEntrySchema>;

/**
 * Mail on this machine: nothing leaves it. Each message becomes `<time>-<key>.json` (the whole
 * message) and `<time>-<key>.html` (the HTML exactly as it would be sent, to open in a browser) in
 * the outbox folder (by default `.data/outbox`), so a developer or a test reads what a person would
 * get. Two files a message and none deleted, because creating files is this store's main cost (see
 * local-file-intake-queue.ts).
 */
export class LocalOutboxMailer implements Mailer, MailArchive {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  async send(input: MailMessage): Promise<{ id: string }> {
    const message = MailMessageSchema.parse(input);
    const sentAt = new Date().toISOString();
    const id = `${sentAt.replace(/[:.]/g, '-')}-${message.idempotencyKey.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100)}`;
    const entry = `${JSON.stringify({ id, sentAt, message } satisfies OutboxEntry, null, 2)}\n`;
    // The `.json` is also the key's claim, under a name made from the key alone: taken exclusively,
    // so two sends racing with one key mail once, and a repeat answers the first id.
    const file = (extension: string) => join(this.directory, `${id}.${extension}`);
    const claim = this.#claim(message.idempotencyKey);
    const claimed = await writeFileExclusively(claim, entry, { alsoAt: file('json') });
    if (!claimed) return { id: OutboxEntrySchema.parse(JSON.parse(await readFile(claim, 'utf8'))).id };
    // A view of the flushed `.json`, so not flushed itself.
    await replaceFile(file('html'), message.html, { durable: false });
    return { id };
  }

  /**
   * Deletes messages whole: the `.json`, its `.html` view and its key's claim (another name of the
   * `.json`), so a message sent again with that key would be mailed again.
   */
  async remove(ids: readonly string[]): Promise<void> {
    const wanted = new Set(ids);
    for (const entry of (await this.sent()).filter((candidate) => wanted.has(candidate.id))) {
      await rm(this.#claim(entry.message.idempotencyKey), { force: true });
      for (const extension of ['json', 'html']) {
        await rm(join(this.directory, `${entry.id}.${extension}`), { force: true });
      }
    }
  }

  #claim(idempotencyKey: string): string {
    return join(this.directory, '.keys', createHash('sha256').update(idempotencyKey).digest('hex'));
  }

  /** Every message in the outbox, oldest first. */
  async sent(): Promise<OutboxEntry[]> {
    const names = await readdirIfAny(this.directory);
    const entries = await Promise.all(
      names
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map(async (name) =>
          OutboxEntrySchema.parse(JSON.parse(await readFile(join(this.directory, name), 'utf8'))),
        ),
    );
    return entries;
  }
}
