import { access, readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Store } from '@netlify/blobs';
import type { LedgerEntry, NoticeLedger } from '../ports/notice-ledger.ts';
import { writeFileExclusively } from './durable-file.ts';

/** Keys are references, notice kinds, stage slugs and dates (`noticeKey`): safe file and blob names. */
function checkLedgerKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(key)) throw new RangeError(`"${key}" is not a ledger key`);
}

/**
 * The ledger on this machine: a folder (`<dataDir>/ledger`) with one file per notice recorded, and
 * a `.sent` file beside it once sent. Both are created exclusively, so racing runs agree.
 */
export class LocalFileLedger implements NoticeLedger {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  #path(key: string): string {
    checkLedgerKey(key);
    // One folder per case (the key's reference), so no folder grows past a case's own notices.
    return join(this.directory, key.split('.')[0] ?? key, key);
  }

  async record(key: string): Promise<LedgerEntry> {
    const path = this.#path(key);
    if (await writeFileExclusively(path, `${new Date().toISOString()}\n`)) return 'new';
    return (await exists(`${path}.sent`)) ? 'sent' : 'unsent';
  }

  async status(key: string): Promise<LedgerEntry> {
    const path = this.#path(key);
    if (await exists(`${path}.sent`)) return 'sent';
    return (await exists(path)) ? 'unsent' : 'new';
  }

  async markSent(key: string): Promise<void> {
    await writeFileExclusively(`${this.#path(key)}.sent`, `${new Date().toISOString()}\n`);
  }

  async sentKeys(): Promise<string[]> {
    const names = await this.#names();
    return names
      .filter((name) => name.endsWith('.sent'))
      .map((name) => name.slice(0, -'.sent'.length))
      .sort();
  }

  async recorded(prefix: string): Promise<string[]> {
    const names = await this.#names();
    return names.filter((name) => !name.endsWith('.sent') && name.startsWith(prefix)).sort();
  }

  async forget(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const path = this.#path(key);
      await rm(`${path}.sent`, { force: true });
      await rm(path, { force: true });
      // The folder is named after the key's first part (for the acknowledgement limit, a hash of
      // an address): it goes too once nothing else is in it.
      await rmdir(dirname(path)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOTEMPTY' && error.code !== 'ENOENT') throw error;
      });
    }
  }

  /** The name of every file in the ledger: a key, or a key and `.sent`. */
  async #names(): Promise<string[]> {
    const names = await readdir(this.directory, { recursive: true, withFileTypes: true }).catch(() => []);
    return names.filter((entry) => entry.isFile()).map((entry) => entry.name);
  }
}

const SENT = 'sent/';
const RECORDED = 'recorded/';

/**
 * The ledger on Netlify, where a function's files do not outlive it: a Netlify Blobs store
 * (`notice-ledger`), recording with its conditional write (`onlyIfNew`).
 */
export class BlobsNoticeLedger implements NoticeLedger {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async record(key: string): Promise<LedgerEntry> {
    checkLedgerKey(key);
    const written = await this.#store.set(`${RECORDED}${key}`, new Date().toISOString(), { onlyIfNew: true });
    if (written.modified) return 'new';
    return (await this.#has(`${SENT}${key}`)) ? 'sent' : 'unsent';
  }

  async status(key: string): Promise<LedgerEntry> {
    if (await this.#has(`${SENT}${key}`)) return 'sent';
    return (await this.#has(`${RECORDED}${key}`)) ? 'unsent' : 'new';
  }

  async markSent(key: string): Promise<void> {
    await this.#store.set(`${SENT}${key}`, new Date().toISOString());
  }

  async sentKeys(): Promise<string[]> {
    const { blobs } = await this.#store.list({ prefix: SENT });
    return blobs.map((blob) => blob.key.slice(SENT.length)).sort();
  }

  async recorded(prefix: string): Promise<string[]> {
    const { blobs } = await this.#store.list({ prefix: `${RECORDED}${prefix}` });
    return blobs.map((blob) => blob.key.slice(RECORDED.length)).sort();
  }

  async forget(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      checkLedgerKey(key);
      await this.#store.delete(`${SENT}${key}`);
      await this.#store.delete(`${RECORDED}${key}`);
    }
  }

  async #has(key: string): Promise<boolean> {
    return (await this.#store.getMetadata(key)) !== null;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
