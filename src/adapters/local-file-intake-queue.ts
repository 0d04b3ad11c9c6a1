import { readFile, rm, truncate } from 'node:fs/promises';
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
import { readdirIfAny, replaceFile, writeFileExclusively } from './durable-file.ts';

/** The folder of marks, beside the records. */
const COMMITTED = 'committed';
/** The folder of claimed references, each file holding the key that claimed it. */
const REFERENCES = 'references';

/**
 * The intake queue on this machine: one JSON file per idempotency key (by default under
 * `.data/intake`), written whole and flushed to disk before `accept` answers. Marking it committed
 * adds a small file under `committed/` holding what a repeat needs (key, reference, times), flushed,
 * and then empties the record in place, so the submission is gone but no file is deleted per
 * complaint: on a filesystem without a journal (as here), every deleted file makes each file
 * created in the next half minute slower (ext4 skips recently freed inodes), and emptying a file
 * frees its blocks, not its inode.
 */
export class LocalFileIntakeQueue implements IntakeQueue {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  async accept(submission: NewIntakeRecord): Promise<AcceptResult> {
    const record = parseIntakeRecord(submission);
    // Claimed first, and exclusively: of two complaints that drew one reference, the second is
    // refused before anything of it is kept. Not flushed: a claim lost in a power cut is caught
    // when the case file is committed (`completeIntake`), at one fsync less for every complaint.
    const claim = this.#claim(record.reference);
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
    const existing = await this.#read(record.key);
    // A retry that drew another reference gives back its claim, which would otherwise keep the key
    // (for a form sent without JavaScript, a hash of the answers) where `forget` never looks.
    if (existing.reference !== record.reference) await rm(claim, { force: true });
    return { accepted: 'existing', record: existing };
  }

  async markCommitted(key: string, committedAt: string): Promise<void> {
    const record = await this.#read(key);
    // The first mark wins.
    if (record.payload !== undefined)
      await this.#keepOnlyMark({ ...record, committedAt: record.committedAt ?? committedAt });
  }

  async forget(references: readonly string[]): Promise<number> {
    const forgotten = new Set(references);
    const names = await readdirIfAny(this.directory);
    const keys = names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length));
    const records = await pLimit(16).map(keys, (key) => this.#read(key));
    const held = records.filter((record) => forgotten.has(record.reference));
    for (const { key, reference } of held) {
      // The mark first: a record left without its mark would be drained again.
      await rm(this.#mark(key), { force: true });
      await rm(this.#file(key), { force: true });
      await rm(this.#claim(reference), { force: true });
    }
    return held.length;
  }

  /**
   * Writes the mark (flushed: from now on it is the only copy of the reference), then empties the
   * record. A crash between the two leaves a full record beside its mark, emptied by the next call.
   */
  async #keepOnlyMark(record: IntakeRecord): Promise<void> {
    const { key, reference, acceptedAt, committedAt } = record;
    const mark = IntakeRecordSchema.parse({ key, reference, acceptedAt, committedAt });
    await replaceFile(this.#mark(key), serialise(mark), { durable: true });
    await truncate(this.#file(key), 0);
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
    // These had no mark when listed; one marked since is read from its mark.
    const records = await pLimit(16).map(keys, (key) => this.#read(key));
    return records.filter((record) => record.committedAt === undefined).sort(byAcceptedAt);
  }

  #file(key: string): string {
    return join(this.directory, `${IntakeKeySchema.parse(key)}.json`);
  }

  /** The claim of `reference`, holding the key that claimed it. */
  #claim(reference: string): string {
    return join(this.directory, REFERENCES, ClaimedReferenceSchema.parse(reference));
  }

  #mark(key: string): string {
    return join(this.directory, COMMITTED, IntakeKeySchema.parse(key));
  }

  /** The record: its mark once committed (the submission forgotten), or the record itself. */
  async #read(key: string): Promise<IntakeRecord> {
    const mark = await readFile(this.#mark(key), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (mark !== undefined) return IntakeRecordSchema.parse(JSON.parse(mark));
    const text = await readFile(this.#file(key), 'utf8');
    // Emptied since the mark was looked for: another call marked it meanwhile.
    if (text === '') return this.#read(key);
    return IntakeRecordSchema.parse(JSON.parse(text));
  }
}

function serialise(record: IntakeRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
