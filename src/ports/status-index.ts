/**
 * Finds a case from the key of its private status link. The key is random, so nothing about the
 * case leads to it and it leads to nothing but the case's path; the case file holds the key too,
 * and a key the case no longer holds (staff deleted it) opens nothing.
 */
export type StatusIndex = {
  /** Remembers that `token` opens the case at `path`, and that the case at `path` was given a link. */
  set(token: string, path: string): Promise<void>;
  /** The path `token` was set for, or undefined. */
  get(token: string): Promise<string | undefined>;
  /**
   * Whether the case at `path` was ever given a link: one it no longer holds was turned off by
   * staff, and stays off.
   */
  issued(path: string): Promise<boolean>;
};
