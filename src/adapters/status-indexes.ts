import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Store } from '@netlify/blobs';
import { StatusTokenSchema } from '../core/case.ts';
import type { StatusIndex } from '../ports/status-index.ts';
import { replaceFile } from './durable-file.ts';

/** Only a well-formed key names a file or a blob. */
const isToken = (token: string) => StatusTokenSchema.safeParse(token).success;

/** On this machine: one small file per key, holding the case's path. */
export class LocalFileStatusIndex implements StatusIndex {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  async set(token: string, path: string): Promise<void> {
    if (!isToken(token)) throw new RangeError('not a status key');
    await replaceFile(join(this.directory, token), path, { durable: true });
  }

  async get(token: string): Promise<string | undefined> {
    if (!isToken(token)) return undefined;
    const path = await readFile(join(this.directory, token), 'utf8').catch(() => undefined);
    return path === '' ? undefined : path;
  }
}

/** On Netlify: the site's Blobs store `status-links`, one blob per key. */
export class BlobsStatusIndex implements StatusIndex {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async set(token: string, path: string): Promise<void> {
    if (!isToken(token)) throw new RangeError('not a status key');
    await this.#store.set(token, path);
  }

  async get(token: string): Promise<string | undefined> {
    if (!isToken(token)) return undefined;
    return (await this.#store.get(token, { type: 'text' })) ?? undefined;
  }
}
