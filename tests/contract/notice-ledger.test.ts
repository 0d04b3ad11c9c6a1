import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobsNoticeLedger, LocalFileLedger } from '../../src/adapters/notice-ledger.ts';
import type { NoticeLedger } from '../../src/ports/notice-ledger.ts';
import { localAndBlobsAdapters, type Opened } from '../support/blobs-stores.ts';

const KEY = 'CQM-261207-ABCDEF.overdue-respond.stage-1.2026-12-22';

const LEDGERS = localAndBlobsAdapters<NoticeLedger>(
  'ledger',
  'notice-ledger',
  (directory) => new LocalFileLedger(directory),
  (store) => new BlobsNoticeLedger(store),
);

describe.each(LEDGERS)('%s', (_name, open) => {
  let opened: Opened<NoticeLedger> | undefined;
  afterEach(async () => {
    await opened?.close();
  });

  it('records a notice once, and knows once it was sent', async () => {
    opened = await open();
    const ledger = opened.adapter;
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
    await expect(opened.adapter.record('../escape')).rejects.toThrow(/not a ledger key/);
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
