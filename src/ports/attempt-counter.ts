/**
 * Counts failed attempts durably, so that guessing (a reference with someone's email address) is
 * limited across function instances and restarts. Attempts are counted per key (a hash of who is
 * asking, never an address or a name) in a window (e.g. the hour), so old failures fall away.
 */
export type AttemptCounter = {
  /** Records one failed attempt of `key` in `window`. */
  fail(key: string, window: string): Promise<void>;
  /** How many failed attempts `key` has in `window`. */
  failures(key: string, window: string): Promise<number>;
};
