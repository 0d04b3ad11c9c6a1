import { z } from 'zod';

/**
 * Where a submission is kept between "received" and "in the case store" (DESIGN, "Intake: never
 * lose a complaint"). Accepting is the durable step: once `accept` resolves, the submission survives
 * a crash, and a failed commit is retried by the drain from `pending()`.
 */
export type IntakeQueue = {
  /**
   * Keeps a submission under its idempotency key, unless the key is already here: then it answers
   * the record already kept, unchanged, so a retried post gets the reference it was first given.
   * It also claims the submission's reference, atomically, for its key: when another key holds it
   * (two complaints drew the same reference), nothing is kept and it answers `reference-taken`, so
   * the caller draws another before telling anyone a reference.
   */
  accept(submission: NewIntakeRecord): Promise<AcceptResult>;
  /**
   * Records that the submission is in the case store and acknowledged, so the drain leaves it alone,
   * and forgets the submission itself: the queue holds personal data only until the case store has
   * it (DESIGN, "Personal data over its life"). What stays is what answers a repeat: the key, the
   * reference, and when it was accepted and committed.
   */
  markCommitted(key: string, committedAt: string): Promise<void>;
  /** Every accepted submission not yet marked committed, oldest first. */
  pending(): Promise<IntakeRecord[]>;
  /**
   * Removes every record given one of `references`, committed or not, for an erasure or at the end
   * of a case's retention: the drain never brings
   * the case back, and nothing of it is left, not even its key (for a form sent without JavaScript,
   * a hash of the answers). The same answers sent again are then a new complaint. Answers how many
   * records there were.
   */
  forget(references: readonly string[]): Promise<number>;
};

/**
 * Keys name files and blobs, so they are kept to characters every store takes as they are. A
 * browser's idempotency key (a UUID) fits; anything else should be hashed by the caller.
 */
export const IntakeKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,128}$/, 'an intake key is 8–128 letters, digits, "_" or "-"');

export const IntakeRecordSchema = z.strictObject({
  /** The idempotency key the submission came with. */
  key: IntakeKeySchema,
  /** The case reference the complainant was given for this submission. */
  reference: z.string().min(1),
  /**
   * The submission as the function parsed it, kept as JSON; the queue does not look inside. Absent
   * once the case is committed (or erased): the case store holds it from then on.
   */
  payload: z.unknown().optional(),
  /** When the submission was accepted (ISO 8601 instant). */
  acceptedAt: z.iso.datetime({ offset: true }),
  /** When its case file was committed to the case store; absent while it is pending. */
  committedAt: z.iso.datetime({ offset: true }).optional(),
});
export type IntakeRecord = z.output<typeof IntakeRecordSchema>;

/** What the caller hands to `accept`: a record not yet committed. */
export type NewIntakeRecord = Omit<IntakeRecord, 'committedAt'>;

export type AcceptResult =
  | { accepted: 'new' | 'existing'; record: IntakeRecord }
  | { accepted: 'reference-taken' };

/** References name files and blobs too; a canonical reference (`CQM-261122-7K3M9Q`) fits. */
export const ClaimedReferenceSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'a claimed reference is 1–64 letters, digits or "-"');

/**
 * The record as storage will give it back: through JSON, so the answer to the first `accept` equals
 * the answer to a retry (an `undefined` field is dropped from both, not only from the retry).
 */
export function parseIntakeRecord(record: unknown): IntakeRecord {
  return IntakeRecordSchema.parse(JSON.parse(JSON.stringify(record)));
}

/** Sorts records oldest first, so the drain commits complaints in the order they came in. */
export function byAcceptedAt(a: IntakeRecord, b: IntakeRecord): number {
  return Date.parse(a.acceptedAt) - Date.parse(b.acceptedAt) || a.key.localeCompare(b.key);
}
