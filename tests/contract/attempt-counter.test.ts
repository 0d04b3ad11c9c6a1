import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobsAttemptCounter, LocalFileAttemptCounter } from '../../src/adapters/attempt-counters.ts';
import type { AttemptCounter } from '../../src/ports/attempt-counter.ts';

interface Opened {
  counter: AttemptCounter;
  close(): Promise<void>;
}

const COUNTERS: [string, () => Promise<Opened>][] = [
  [
    'the local file counter',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'redress-attempts-'));
      return {
        counter: new LocalFileAttemptCounter(directory),
        close: () => rm(directory, { recursive: true, force: true }),
      };
    },
  ],
  [
    // Netlify's own local Blobs server: the real client over real HTTP.
    'the Netlify Blobs counter',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'redress-blobs-'));
      const token = 'local-test-token';
      const server = new BlobsServer({ directory, token });
      const { port } = await server.start();
      const url = `http://127.0.0.1:${port}`;
      const store = getStore({
        name: 'attempts',
        siteID: 'redress-test-site',
        token,
        edgeURL: url,
        uncachedEdgeURL: url,
        consistency: 'strong',
      });
      return {
        counter: new BlobsAttemptCounter(store),
        close: async () => {
          await server.stop();
          await rm(directory, { recursive: true, force: true });
        },
      };
    },
  ],
];

describe.each(COUNTERS)('%s', (_name, open) => {
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.close();
  });

  it('counts every failure of a key in its window, racing ones included, and no other', async () => {
    opened = await open();
    const { counter } = opened;
    expect(await counter.failures('client-a', '2026-12-04T17')).toBe(0);
    await Promise.all(Array.from({ length: 5 }, () => counter.fail('client-a', '2026-12-04T17')));
    await counter.fail('client-b', '2026-12-04T17');
    expect(await counter.failures('client-a', '2026-12-04T17')).toBe(5);
    expect(await counter.failures('client-a', '2026-12-04T18')).toBe(0);
    expect(await counter.failures('client-b', '2026-12-04T17')).toBe(1);
  });

  it('refuses a key that is not a safe name', async () => {
    opened = await open();
    await expect(opened.counter.fail('../escape', '2026-12-04T17')).rejects.toThrow(/not an attempt key/);
  });
});
