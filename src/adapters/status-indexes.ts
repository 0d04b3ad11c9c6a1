import { access, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Store } from '@netlify/blobs';
import { StatusTokenSchema } from '../core/case.ts';
import type { StatusIndex } from '../ports/status-index.ts';
import { replaceFile } from './durable-file.ts';

/** Only a well-formed key names a file or a blob. */
const isToken = (token: string) => StatusTokenSchema.safeParse(token).success;

/** The name, under `cases/`, that records a case was given a link: its path, as one file name. */
const issuedName = (path: string) => encodeURIComponent(path);

/**
 * On this machine: one small file per key, holding the case's path, and an empty file per case
 * that was given one under `cases/`.
 */
export class LocalFileStatusIndex implements StatusIndex {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  async set(token: string, path: string): Promise<void> {
    if (!isToken(token)) throw new RangeError('not a status key');
    await replaceFile(join(this.directory, token), path, { durable: true });
    await replaceFile(join(this.directory, 'cases', issuedName(path)), '', { durable: true });
  }

  async get(token: string): Promise<string | undefined> {
    if (!isToken(token)) return undefined;
    const path = await readFile(join(this.directory, token), 'utf8').catch(() => undefined);
    return path === '' ? undefined : path;
  }

  async issued(path: string): Promise<boolean> {
    return access(join(this.directory, 'cases', issuedName(path))).then(
      () => true,
      () => false,
    );
  }
}

/** On Netlify: the site's Blobs store `status-links`, one blob per key and one per case given a key. */
export class BlobsStatusIndex implements StatusIndex {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async set(token: string, path: string): Promise<void> {
    if (!isToken(token)) throw new RangeError('not a status key');
    await this.#store.set(token, path);
    await this.#store.set(`cases/${issuedName(path)}`, '');
  }

  async get(token: string): Promise<string | undefined> {
    if (!isToken(token)) return undefined;
    return (await this.#store.get(token, { type: 'text' })) ?? undefined;
  }

  async issued(path: string): Promise<boolean> {
    return (await this.#store.getMetadata(`cases/${issuedName(path)}`)) !== null;
  }
}
