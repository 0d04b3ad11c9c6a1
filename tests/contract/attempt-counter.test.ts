import { afterEach, describe, expect, it } from 'vitest';
import { BlobsAttemptCounter, LocalFileAttemptCounter } from '../../src/adapters/attempt-counters.ts';
import type { AttemptCounter } from '../../src/ports/attempt-counter.ts';
import { localAndBlobsAdapters, type Opened } from '../support/blobs-stores.ts';

const COUNTERS = localAndBlobsAdapters<AttemptCounter>(
  'counter',
  'attempts',
  (directory) => new LocalFileAttemptCounter(directory),
  (store) => new BlobsAttemptCounter(store),
);

describe.each(COUNTERS)('%s', (_name, open) => {
  let opened: Opened<AttemptCounter> | undefined;
  afterEach(async () => {
    await opened?.close();
  });

  it('counts every failure of a key in its window, racing ones included, and no other', async () => {
    opened = await open();
    const counter = opened.adapter;
    expect(await counter.failures('client-a', '2026-12-04T17')).toBe(0);
    await Promise.all(Array.from({ length: 5 }, () => counter.fail('client-a', '2026-12-04T17')));
    await counter.fail('client-b', '2026-12-04T17');
    expect(await counter.failures('client-a', '2026-12-04T17')).toBe(5);
    expect(await counter.failures('client-a', '2026-12-04T18')).toBe(0);
    expect(await counter.failures('client-b', '2026-12-04T17')).toBe(1);
  });

  it('refuses a key that is not a safe name', async () => {
    opened = await open();
    await expect(opened.adapter.fail('../escape', '2026-12-04T17')).rejects.toThrow(/not an attempt key/);
  });
});
