import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Store } from '@netlify/blobs';
import type { AttemptCounter } from '../ports/attempt-counter.ts';

/** Keys and windows name files and blobs: hashes and dates only. */
function checkName(name: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) throw new RangeError(`"${name}" is not an attempt key`);
}

/**
 * Failed attempts on this machine: one file per window and key, a line appended per failure.
 * Appends of a few bytes never interleave, so racing requests are all counted.
 */
export class LocalFileAttemptCounter implements AttemptCounter {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  #path(key: string, window: string): string {
    checkName(key);
    checkName(window);
    return join(this.directory, window, key);
  }

  async fail(key: string, window: string): Promise<void> {
    const path = this.#path(key, window);
    await mkdir(join(this.directory, window), { recursive: true });
    await appendFile(path, 'x');
  }

  async failures(key: string, window: string): Promise<number> {
    const text = await readFile(this.#path(key, window), 'utf8').catch(() => '');
    return text.length;
  }
}

/**
 * Failed attempts on Netlify: one blob per failure under `<window>/<key>/`, counted by listing, so
 * concurrent failures never overwrite each other's count.
 */
export class BlobsAttemptCounter implements AttemptCounter {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async fail(key: string, window: string): Promise<void> {
    checkName(key);
    checkName(window);
    await this.#store.set(`${window}/${key}/${randomUUID()}`, '');
  }

  async failures(key: string, window: string): Promise<number> {
    checkName(key);
    checkName(window);
    const { blobs } = await this.#store.list({ prefix: `${window}/${key}/` });
    return blobs.length;
  }
}
