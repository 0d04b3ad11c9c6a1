import type { Store } from '@netlify/blobs';
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

const RECORDS = 'records/';
/**
 * A marker per uncommitted record, so the drain lists only what is pending instead of fetching
 * every record ever accepted (each fetch is a request in production).
 */
const PENDING = 'pending/';
/** A claimed reference, holding the key that claimed it. */
const REFERENCES = 'references/';

/**
 * The intake queue on Netlify: a Netlify Blobs store (`getStore({ name: 'intake', consistency:
 * 'strong' })`), using its conditional write (`onlyIfNew`) so one key keeps one record.
 */
export class BlobsIntakeQueue implements IntakeQueue {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async accept(submission: NewIntakeRecord): Promise<AcceptResult> {
    const record = parseIntakeRecord(submission);
    // Claimed first, with a conditional write: of two complaints that drew one reference, the
    // second is refused before anything of it is kept.
    const claim = `${REFERENCES}${ClaimedReferenceSchema.parse(record.reference)}`;
    const claimed = await this.#store.setJSON(claim, { key: record.key }, { onlyIfNew: true });
    if (!claimed.modified) {
      const holder = (await this.#store.get(claim, { type: 'json' })) as { key?: unknown } | null;
      if (holder?.key !== record.key) return { accepted: 'reference-taken' };
    }
    // The marker goes first: a crash between the two writes then leaves a marker without a record
    // (ignored), never a record the drain cannot find.
    await this.#store.set(`${PENDING}${record.key}`, '');
    const written = await this.#store.setJSON(`${RECORDS}${record.key}`, record, { onlyIfNew: true });
    if (written.modified) return { accepted: 'new', record };
    const existing = await this.#read(record.key);
    if (existing === undefined)
      throw new Error(`the intake record ${record.key} exists but could not be read`);
    if (existing.committedAt !== undefined) await this.#store.delete(`${PENDING}${record.key}`);
    // A retry that drew another reference gives back its claim, which would otherwise keep the key
    // (for a form sent without JavaScript, a hash of the answers) where `forget` never looks.
    if (existing.reference !== record.reference) await this.#store.delete(claim);
    return { accepted: 'existing', record: existing };
  }

  async markCommitted(key: string, committedAt: string): Promise<void> {
    const record = await this.#read(key);
    if (record === undefined) throw new Error(`there is no intake record ${key} to mark committed`);
    // The first commit time wins.
    await this.#keepOnlyMark({ ...record, committedAt: record.committedAt ?? committedAt });
  }

  async forget(references: readonly string[]): Promise<number> {
    const forgotten = new Set(references);
    const { blobs } = await this.#store.list({ prefix: RECORDS });
    const records = await pLimit(8).map(blobs, (blob) => this.#read(blob.key.slice(RECORDS.length)));
    const held = records.filter(
      (record): record is IntakeRecord => record !== undefined && forgotten.has(record.reference),
    );
    for (const { key, reference } of held) {
      await this.#store.delete(`${RECORDS}${key}`);
      await this.#store.delete(`${PENDING}${key}`);
      await this.#store.delete(`${REFERENCES}${reference}`);
    }
    return held.length;
  }

  /** Replaces the record with what a repeat needs (the submission forgotten) and drops its marker. */
  async #keepOnlyMark(record: IntakeRecord): Promise<void> {
    const { key, reference, acceptedAt, committedAt } = record;
    if (record.payload !== undefined) {
      await this.#store.setJSON(
        `${RECORDS}${key}`,
        IntakeRecordSchema.parse({ key, reference, acceptedAt, committedAt }),
      );
    }
    await this.#store.delete(`${PENDING}${key}`);
  }

  async pending(): Promise<IntakeRecord[]> {
    const { blobs } = await this.#store.list({ prefix: PENDING });
    const records = await pLimit(8).map(blobs, (blob) => this.#read(blob.key.slice(PENDING.length)));
    return records
      .filter((record): record is IntakeRecord => record !== undefined && record.committedAt === undefined)
      .sort(byAcceptedAt);
  }

  async #read(key: string): Promise<IntakeRecord | undefined> {
    const stored: unknown = await this.#store.get(`${RECORDS}${IntakeKeySchema.parse(key)}`, {
      type: 'json',
    });
    return stored === null ? undefined : IntakeRecordSchema.parse(stored);
  }
}
