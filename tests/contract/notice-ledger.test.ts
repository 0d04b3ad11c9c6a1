import { mkdtemp, readdir, rm } from 'node:fs/promises';
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
    await expect(opened.adapter.forget(['../escape'])).rejects.toThrow(/not a ledger key/);
  });

  it('lists the keys recorded under a prefix, sent or not, and forgets keys so nothing of them is left', async () => {
    opened = await open();
    const ledger = opened.adapter;
    const group = 'acknowledgements-0123abcd';
    const keys = [
      `${group}.2026-11-23.place-1`,
      `${group}.2026-11-23.CQM-261123-AAAAAA`,
      `${group}.2026-11-24.place-1`,
    ];
    for (const key of [...keys, KEY, 'acknowledgements-ffff.2026-11-23.place-1']) await ledger.record(key);
    await ledger.markSent(keys[0] as string);
    await ledger.markSent(KEY);

    expect(await ledger.recorded(`${group}.`)).toEqual([...keys].sort());
    expect(await ledger.recorded(`${group}.2026-11-24.`)).toEqual([`${group}.2026-11-24.place-1`]);
    expect(await ledger.recorded('acknowledgements-')).toHaveLength(4);

    await ledger.forget([...keys, `${group}.2026-11-25.place-1`]);
    expect(await ledger.recorded(`${group}.`)).toEqual([]);
    expect(await ledger.status(keys[0] as string)).toBe('new');
    expect(await ledger.sentKeys()).toEqual([KEY]);
    expect(await ledger.recorded('acknowledgements-')).toEqual(['acknowledgements-ffff.2026-11-23.place-1']);
    const stored = await readdir(opened.directory, { recursive: true });
    expect(stored.join('\n')).not.toContain(group);
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
