import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobsIntakeQueue } from '../../src/adapters/blobs-intake-queue.ts';
import { LocalFileIntakeQueue } from '../../src/adapters/local-file-intake-queue.ts';
import { openLocalBlobs } from '../support/blobs-stores.ts';
import { describeIntakeQueueContract } from './intake-queue.contract.ts';

/** The text of every file under `directory`. */
async function everything(directory: string): Promise<string> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
}

describeIntakeQueueContract('the local file intake queue', async () => {
  const directory = await mkdtemp(join(tmpdir(), 'redress-intake-'));
  return {
    open: () => new LocalFileIntakeQueue(directory),
    stored: () => everything(directory),
    close: () => rm(directory, { recursive: true, force: true }),
  };
});

describeIntakeQueueContract(
  'the Netlify Blobs intake queue',
  async () => {
    const blobs = await openLocalBlobs('intake');
    return {
      open: () => new BlobsIntakeQueue(blobs.adapter),
      stored: () => everything(blobs.directory),
      close: blobs.close,
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

  it('marks a record committed beside it and empties it in place, without deleting a file', async () => {
    await queue.accept(record('key-aaaaaaaa'));
    const accepted = await stat(join(directory, 'key-aaaaaaaa.json'));
    await Promise.all(
      Array.from({ length: 3 }, () => queue.markCommitted('key-aaaaaaaa', '2026-01-01T09:00:01Z')),
    );
    expect(await stat(join(directory, 'key-aaaaaaaa.json'))).toMatchObject({ ino: accepted.ino, size: 0 });
    expect(JSON.parse(await readFile(join(directory, 'committed', 'key-aaaaaaaa'), 'utf8'))).toEqual({
      key: 'key-aaaaaaaa',
      reference: 'R',
      acceptedAt: '2026-01-01T09:00:00Z',
      committedAt: '2026-01-01T09:00:01Z',
    });
    expect(await readdir(join(directory, 'committed'))).toEqual(['key-aaaaaaaa']);
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
