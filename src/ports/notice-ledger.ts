/**
 * Which notices have been sent (DESIGN, "Scheduled work"): a notice is recorded under its key
 * (case + notice + stage + due date) before it is sent, and marked sent after. A second sweep, a
 * retry or an overlapping run finds the key and sends nothing new; a notice recorded but never
 * marked sent (the mailer failed) is sent again with the same idempotency key, which the mailer
 * answers without mailing twice if the first attempt did go out.
 */
export type NoticeLedger = {
  /** Records `key` if it is new, and says where the notice stands: `sent` means do nothing. */
  record(key: string): Promise<LedgerEntry>;
  /** Where the notice stands, without recording it (for a dry run). */
  status(key: string): Promise<LedgerEntry>;
  markSent(key: string): Promise<void>;
  /** Every key marked sent, sorted: what tests and people read back. */
  sentKeys(): Promise<string[]>;
  /** Every key recorded that starts with `prefix`, sent or not, sorted. */
  recorded(prefix: string): Promise<string[]>;
  /**
   * Removes `keys`, recorded and sent, so that nothing of them is left (not even a folder or blob
   * named after them): for the entries erasure and retention must reach (DESIGN, "Personal data
   * over its life"). A key that is not there is no error. Once forgotten, a key is `new` again.
   */
  forget(keys: readonly string[]): Promise<void>;
};

/** `new`: this call recorded it; `unsent`: recorded earlier but not yet sent; `sent`: done. */
export type LedgerEntry = 'new' | 'unsent' | 'sent';
