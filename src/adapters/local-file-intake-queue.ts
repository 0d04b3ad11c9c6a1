import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import {
  type AcceptResult,
  byAcceptedAt,
  ClaimedReferenceSchema,
  IntakeKeySchema,
  type IntakeQueue,
  type IntakeRecord,
  IntakeRecordSchema,
  type NewIntakeRecord,
  parseIntakeRecord,
} from '../ports/intake-queue.ts';
import { readdirIfAny, writeFileExclusively } from './durable-file.ts';

/** The folder of marks, beside the records. */
const COMMITTED = 'committed';
/** The folder of claimed references, each file holding the key that claimed it. */
const REFERENCES = 'references';
const CommittedAtSchema = IntakeRecordSchema.shape.committedAt.unwrap();

/**
 * The intake queue on this machine: one JSON file per idempotency key (by default under
 * `.data/intake`), written whole and flushed to disk before `accept` answers, and never changed
 * after. Marking it committed adds a small file under `committed/` holding the time, so nothing is
 * replaced or deleted per complaint: on a filesystem without a journal (as here), every deleted
 * file makes each file created in the next half minute slower (ext4 skips recently freed inodes).
 */
export class LocalFileIntakeQueue implements IntakeQueue {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  async accept(submission: NewIntakeRecord): Promise<AcceptResult> {
    const record = parseIntakeRecord(submission);
    // Claimed first, and exclusively: of two complaints that drew one reference, the second is
    // refused before anything of it is kept. A claim left by a retry that found its key already
    // here names a reference nobody was given, which does no harm. Not flushed: a claim lost in a
    // power cut is caught when the case file is committed (`completeIntake`), at one fsync less
    // for every complaint.
    const claim = join(this.directory, REFERENCES, ClaimedReferenceSchema.parse(record.reference));
    if (
      !(await writeFileExclusively(claim, record.key, { durable: false })) &&
      (await readFile(claim, 'utf8')) !== record.key
    ) {
      return { accepted: 'reference-taken' };
    }
    // An exclusive write: of two posts racing with one key, one creates the file, the other reads it.
    if (await writeFileExclusively(this.#file(record.key), serialise(record))) {
      return { accepted: 'new', record };
    }
    return { accepted: 'existing', record: await this.#read(record.key) };
  }

  async markCommitted(key: string, committedAt: string): Promise<void> {
    // Only a key accepted here is marked (its record is read whole only when it is read back).
    await stat(this.#file(key));
    // The first mark wins. Not flushed: a mark lost in a power cut only has the drain commit and
    // mail it again, which the store (never overwrites) and the mailer (one message per key) make
    // harmless.
    await writeFileExclusively(this.#mark(key), CommittedAtSchema.parse(committedAt), { durable: false });
  }

  async pending(): Promise<IntakeRecord[]> {
    const [names, marked] = await Promise.all([
      readdirIfAny(this.directory),
      readdirIfAny(join(this.directory, COMMITTED)),
    ]);
    const committed = new Set(marked);
    const keys = names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((key) => !committed.has(key));
    // These have no mark, so only their records are read.
    const records = await pLimit(16).map(keys, (key) => this.#readRecord(key));
    return records.filter((record) => record.committedAt === undefined).sort(byAcceptedAt);
  }

  #file(key: string): string {
    return join(this.directory, `${IntakeKeySchema.parse(key)}.json`);
  }

  #mark(key: string): string {
    return join(this.directory, COMMITTED, IntakeKeySchema.parse(key));
  }

  /** The record with its commit time, from its mark (or, in a queue written before marks, from itself). */
  async #read(key: string): Promise<IntakeRecord> {
    const [record, committedAt] = await Promise.all([
      this.#readRecord(key),
      readFile(this.#mark(key), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      }),
    ]);
    if (record.committedAt !== undefined || committedAt === undefined) return record;
    return IntakeRecordSchema.parse({ ...record, committedAt });
  }

  async #readRecord(key: string): Promise<IntakeRecord> {
    return IntakeRecordSchema.parse(JSON.parse(await readFile(this.#file(key), 'utf8')));
  }
}

function serialise(record: IntakeRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
