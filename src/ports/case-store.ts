/**
 * Where case files live: a git repository of text files (DESIGN, "Where cases live"). The port deals
 * in paths and text only, so it knows nothing of cases and any text collection can reuse it.
 *
 * Every write is a commit whose message the caller passes in. Case files hold personal data and
 * commit messages end up in logs, notifications and repository listings, so callers pass only a
 * verb and a reference ("Receive CQM-261122-7K3M9Q"), never anything a person wrote.
 */
export type CaseStore = {
  /**
   * Writes a new file. Never overwrites: when `path` already exists it leaves it alone and answers
   * `created: false` with the version it holds, which is how a retried intake commits exactly once.
   */
  create(path: string, text: string, message: string): Promise<CreateResult>;
  /** The file's text and version, or `undefined` when there is no such file. */
  read(path: string): Promise<StoredFile | undefined>;
  /**
   * Replaces a file only if it still holds `expectedVersion`, so a deadline sweep that read a case
   * before a member of staff saved it never overwrites their edit: it gets a conflict and re-reads.
   */
  update(path: string, text: string, expectedVersion: string, message: string): Promise<UpdateResult>;
  /** Every file path starting with `prefix` (a plain string prefix), sorted. */
  list(prefix: string): Promise<string[]>;
  /** Reads several files at once; paths with no file are left out of the map. */
  readMany(paths: readonly string[]): Promise<Map<string, StoredFile>>;
  /**
   * Removes the files at `paths` from the whole of the branch's history, so that no commit reachable
   * from it holds any version of them, then records that with an empty commit of `message` (a verb
   * and references: "Erase CQM-261122-7K3M9Q"). Every other file, and every commit's message, author
   * and date, stay as they were; commits that touched nothing else remain, empty. This is how
   * erasure and retention reach history (DESIGN, "Personal data over its life"): a store that can
   * drop what is no longer reachable does so before answering.
   */
  expunge(paths: readonly string[], message: string): Promise<void>;
};

/** A file's text and the version it was read at: the git blob sha of the text. */
export type StoredFile = { text: string; version: string };

export type CreateResult = { created: true; version: string } | { created: false; version: string };

export type UpdateResult = { ok: true; version: string } | { ok: false; reason: 'conflict' };
