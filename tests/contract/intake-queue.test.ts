import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('the local file intake queue, on disk', () => {
  let directory: string;
  let queue: LocalFileIntakeQueue;
  const record = (key: string, reference = 'R') => ({
    key,
    reference,
    payload: {},
    acceptedAt: '2026-01-01T09:00:00Z',
  });

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'redress-intake-'));
    queue = new LocalFileIntakeQueue(directory);
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('leaves no temporary files behind in the local queue, even when posts race', async () => {
    await Promise.all(Array.from({ length: 5 }, () => queue.accept(record('key-aaaaaaaa'))));
    expect(await readdir(directory)).toEqual(['key-aaaaaaaa.json', 'references']);
    expect(await readdir(join(directory, 'references'))).toEqual(['R']);
  });

  it('keeps the record as accepted and marks it committed beside it, without replacing or deleting a file', async () => {
    await queue.accept(record('key-aaaaaaaa'));
    const accepted = await stat(join(directory, 'key-aaaaaaaa.json'));
    await Promise.all(
      Array.from({ length: 3 }, () => queue.markCommitted('key-aaaaaaaa', '2026-01-01T09:00:01Z')),
    );
    expect((await stat(join(directory, 'key-aaaaaaaa.json'))).ino).toBe(accepted.ino);
    expect(await readFile(join(directory, 'committed', 'key-aaaaaaaa'), 'utf8')).toBe('2026-01-01T09:00:01Z');
    expect(await readdir(join(directory, 'committed'))).toEqual(['key-aaaaaaaa']);
  });

  it('reads a queue written before marks, where a committed record holds its own commit time', async () => {
    const done = record('key-done0000', 'R1');
    const waiting = record('key-waiting0', 'R2');
    await writeFile(
      join(directory, 'key-done0000.json'),
      JSON.stringify({ ...done, committedAt: '2026-01-01T09:00:01Z' }),
    );
    await writeFile(join(directory, 'key-waiting0.json'), JSON.stringify(waiting));
    expect(await queue.pending()).toEqual([waiting]);
    expect(await queue.accept(done)).toEqual({
      accepted: 'existing',
      record: { ...done, committedAt: '2026-01-01T09:00:01Z' },
    });
  });

  it('makes its folders again when they are removed while it runs', async () => {
    const accepted = record('key-aaaaaaaa');
    await queue.accept(accepted);
    await rm(directory, { recursive: true });
    expect(await queue.accept(accepted)).toEqual({ accepted: 'new', record: accepted });
    await queue.markCommitted(accepted.key, '2026-01-01T09:00:01Z');
    expect(await queue.pending()).toEqual([]);
  });
});
