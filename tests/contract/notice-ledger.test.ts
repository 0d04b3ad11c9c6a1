import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobsNoticeLedger, LocalFileLedger } from '../../src/adapters/notice-ledger.ts';
import type { NoticeLedger } from '../../src/ports/notice-ledger.ts';

const KEY = 'CQM-261207-ABCDEF.overdue-respond.stage-1.2026-12-22';

interface Opened {
  ledger: NoticeLedger;
  close(): Promise<void>;
}

const LEDGERS: [string, () => Promise<Opened>][] = [
  [
    'the local file ledger',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'redress-ledger-'));
      return {
        ledger: new LocalFileLedger(directory),
        close: () => rm(directory, { recursive: true, force: true }),
      };
    },
  ],
  [
    // Netlify's own local Blobs server, as `netlify dev` runs it: the real client over real HTTP.
    'the Netlify Blobs ledger',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'redress-blobs-'));
      const token = 'local-test-token';
      const server = new BlobsServer({ directory, token });
      const { port } = await server.start();
      const url = `http://127.0.0.1:${port}`;
      const store = getStore({
        name: 'notice-ledger',
        siteID: 'redress-test-site',
        token,
        edgeURL: url,
        uncachedEdgeURL: url,
        consistency: 'strong',
      });
      return {
        ledger: new BlobsNoticeLedger(store),
        close: async () => {
          await server.stop();
          await rm(directory, { recursive: true, force: true });
        },
      };
    },
  ],
];

describe.each(LEDGERS)('%s', (_name, open) => {
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.close();
  });

  it('records a notice once, and knows once it was sent', async () => {
    opened = await open();
    const { ledger } = opened;
    expect(await ledger.status(KEY)).toBe('new');
    expect(await ledger.status(KEY)).toBe('new');
    expect(await ledger.record(KEY)).toBe('new');
    expect(await ledger.record(KEY)).toBe('unsent');
    expect(await ledger.status(KEY)).toBe('unsent');
    await ledger.markSent(KEY);
    expect(await ledger.record(KEY)).toBe('sent');
    expect(await ledger.status(KEY)).toBe('sent');
    expect(await ledger.sentKeys()).toEqual([KEY]);
  });

  it('refuses a key that is not a safe name', async () => {
    opened = await open();
    await expect(opened.ledger.record('../escape')).rejects.toThrow(/not a ledger key/);
  });
});

it('lets exactly one of several racing sweeps record a notice on the local ledger', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'redress-ledger-'));
  try {
    const ledgers = Array.from({ length: 8 }, () => new LocalFileLedger(directory));
    const results = await Promise.all(ledgers.map((ledger) => ledger.record(KEY)));
    expect(results.filter((result) => result === 'new')).toHaveLength(1);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
