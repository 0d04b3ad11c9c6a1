import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { expect, it } from 'vitest';
import { BlobsIntakeQueue } from '../../src/adapters/blobs-intake-queue.ts';
import { LocalFileIntakeQueue } from '../../src/adapters/local-file-intake-queue.ts';
import { describeIntakeQueueContract } from './intake-queue.contract.ts';

describeIntakeQueueContract('the local file intake queue', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'redress-intake-'));
  return {
    open: () => new LocalFileIntakeQueue(directory),
    close: () => rm(directory, { recursive: true, force: true }),
  };
});

// Netlify's own local Blobs server, as `netlify dev` runs it: the real client over real HTTP.
describeIntakeQueueContract(
  'the Netlify Blobs intake queue',
  async () => {
    const directory = await mkdtemp(join(tmpdir(), 'redress-blobs-'));
    const token = 'local-test-token';
    const server = new BlobsServer({ directory, token });
    const { port } = await server.start();
    const url = `http://127.0.0.1:${port}`;
    return {
      open: () =>
        new BlobsIntakeQueue(
          getStore({
            name: 'intake',
            siteID: 'redress-test-site',
            token,
            edgeURL: url,
            uncachedEdgeURL: url,
            consistency: 'strong',
          }),
        ),
      close: async () => {
        await server.stop();
        await rm(directory, { recursive: true, force: true });
      },
    };
  },
  { atomicConditionalWrites: false },
);

it('leaves no temporary files behind in the local queue, even when posts race', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'redress-intake-'));
  try {
    const queue = new LocalFileIntakeQueue(directory);
    const record = { key: 'key-aaaaaaaa', reference: 'R', payload: {}, acceptedAt: '2026-01-01T09:00:00Z' };
    await Promise.all(Array.from({ length: 5 }, () => queue.accept(record)));
    expect(await readdir(directory)).toEqual(['key-aaaaaaaa.json']);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
});
