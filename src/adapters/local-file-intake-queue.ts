import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { mapWithConcurrency } from './concurrency.ts';
import { readdirIfAny, replaceFile, writeFileExclusively } from './durable-file.ts';
import {
  type AcceptResult,
  byAcceptedAt,
  IntakeKeySchema,
  type IntakeQueue,
  type IntakeRecord,
  IntakeRecordSchema,
  type NewIntakeRecord,
  parseIntakeRecord,
} from './intake-queue.ts';

/**
 * The intake queue on this machine: one JSON file per idempotency key (by default under
 * `.data/intake`), each written whole and flushed to disk before `accept` answers.
 */
export class LocalFileIntakeQueue implements IntakeQueue {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  async accept(submission: NewIntakeRecord): Promise<AcceptResult> {
    const record = parseIntakeRecord(submission);
    // An exclusive write: of two posts racing with one key, one creates the file, the other reads it.
    if (await writeFileExclusively(this.#file(record.key), serialise(record))) {
      return { accepted: 'new', record };
    }
    return { accepted: 'existing', record: await this.#read(record.key) };
  }

  async markCommitted(key: string, committedAt: string): Promise<void> {
    const record = await this.#read(key);
    if (record.committedAt !== undefined) return;
    // Not flushed: a mark lost in a power cut only has the drain commit and mail it again, which
    // the store (never overwrites) and the mailer (one message per key) make harmless.
    await replaceFile(this.#file(key), serialise(IntakeRecordSchema.parse({ ...record, committedAt })), {
      durable: false,
    });
  }

  async pending(): Promise<IntakeRecord[]> {
    const names = await readdirIfAny(this.directory);
    const keys = names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));
    const records = await mapWithConcurrency(keys, 16, (key) => this.#read(key));
    return records.filter((record) => record.committedAt === undefined).sort(byAcceptedAt);
  }

  #file(key: string): string {
    return join(this.directory, `${IntakeKeySchema.parse(key)}.json`);
  }

  async #read(key: string): Promise<IntakeRecord> {
    return IntakeRecordSchema.parse(JSON.parse(await readFile(this.#file(key), 'utf8')));
  }
}

function serialise(record: IntakeRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
