import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashGitBlob } from '../../src/adapters/case-store-paths.ts';
import { GitHubCaseStore } from '../../src/adapters/github-case-store.ts';
import { LocalGitCaseStore } from '../../src/adapters/local-git-case-store.ts';
import { type GitHubStandIn, startGitHubStandIn } from '../support/github-stand-in.ts';
import { describeCaseStoreContract } from './case-store.contract.ts';

const run = promisify(execFile);

async function git(directory: string, ...args: string[]): Promise<string> {
  return (await run('git', ['-C', directory, ...args])).stdout;
}

/** The content of every object in the repository's object database, reachable or not. */
async function everyObject(directory: string): Promise<string[]> {
  const listed = await git(directory, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname)');
  return Promise.all(
    listed
      .split('\n')
      .filter(Boolean)
      .map((sha) => git(directory, 'cat-file', '-p', sha)),
  );
}

async function temporaryDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'redress-cases-'));
}

describeCaseStoreContract('the local git case store', async () => {
  const directory = await temporaryDirectory();
  return {
    open: () => new LocalGitCaseStore(directory),
    commitMessages: async () =>
      (await git(directory, 'log', '--format=%B%x00')).split('\0\n').filter(Boolean),
    historyTexts: () => everyObject(directory),
    close: () => rm(directory, { recursive: true, force: true }),
  };
});

/** A store on the stand-in's repository, with GitHub's limits raised so tests run at full speed. */
function openGitHubStore(standIn: GitHubStandIn, contentLimits = { perMinute: 60_000, perHour: 3_600_000 }) {
  const { owner, repo, branch, token, url } = standIn;
  return new GitHubCaseStore({ owner, repo, branch, token, baseUrl: url, contentLimits });
}

describeCaseStoreContract('the GitHub case store (Git Data API, local stand-in for GitHub)', async () => {
  const standIn = await startGitHubStandIn();
  return {
    open: () => openGitHubStore(standIn),
    commitMessages: async () => standIn.commitMessages(),
    historyTexts: async () => standIn.reachableTexts(),
    close: () => standIn.close(),
  };
});

describe('the local git case store, as git and Decap see it', () => {
  let directory: string;
  beforeEach(async () => {
    directory = join(await temporaryDirectory(), 'cases');
  });
  afterEach(async () => {
    await rm(join(directory, '..'), { recursive: true, force: true });
  });

  it('creates its repository on first use and commits each file to it, with a clean working tree', async () => {
    const store = new LocalGitCaseStore(directory);
    const { version } = await store.create('acme/2026/a.yaml', 'reference: A\n', 'Receive A');
    // Decap's local backend reads the working tree; the history holds the same bytes.
    expect(await readFile(join(directory, 'acme/2026/a.yaml'), 'utf8')).toBe('reference: A\n');
    expect((await git(directory, 'rev-parse', 'HEAD:acme/2026/a.yaml')).trim()).toBe(version);
    expect(await git(directory, 'status', '--porcelain')).toBe('');
    expect(await git(directory, 'log', '--format=%an <%ae>|%cn <%ce>')).toBe(
      'Redress <case-store@redress.invalid>|Redress <case-store@redress.invalid>\n',
    );
  });

  it('commits all of 200 concurrent creates from one process, losing none', async () => {
    const store = new LocalGitCaseStore(directory);
    const paths = Array.from({ length: 200 }, (_, i) => `acme/2026/case-${String(i).padStart(3, '0')}.yaml`);
    await Promise.all(paths.map((path) => store.create(path, `${path}\n`, `Receive ${path}`)));
    const committed = (await git(directory, 'ls-tree', '-r', '--name-only', 'HEAD'))
      .split('\n')
      .filter(Boolean);
    expect(committed).toEqual(paths);
    expect(await git(directory, 'status', '--porcelain')).toBe('');
  });

  it('recovers from locks left by a process that died mid-commit, once they are clearly stale', async () => {
    const store = new LocalGitCaseStore(directory);
    await store.create('acme/2026/a.yaml', 'a\n', 'Receive A');
    const longAgo = new Date(Date.now() - 60_000);
    for (const lock of ['index.lock', 'redress-write.lock']) {
      await writeFile(join(directory, '.git', lock), '');
      await utimes(join(directory, '.git', lock), longAgo, longAgo);
    }
    expect((await store.create('acme/2026/b.yaml', 'b\n', 'Receive B')).created).toBe(true);
    expect(await git(directory, 'status', '--porcelain')).toBe('');
  });

  it('commits a case file a process wrote but was stopped before committing, once another opens the store', async () => {
    await new LocalGitCaseStore(directory).create('acme/2026/a.yaml', 'a\n', 'Receive A');
    // The stopped process got as far as the working tree (and left a temporary file).
    await mkdir(join(directory, 'acme/2026'), { recursive: true });
    await writeFile(join(directory, 'acme/2026/b.yaml'), 'b\n');
    await writeFile(join(directory, 'acme/2026/.tmp-0123456789abcdef'), 'half');
    const next = new LocalGitCaseStore(directory);
    // The drain retries the create: the file is there, so the case is stored, and now committed.
    expect((await next.create('acme/2026/b.yaml', 'b\n', 'Receive B')).created).toBe(false);
    expect(await git(directory, 'show', 'HEAD:acme/2026/b.yaml')).toBe('b\n');
    expect(await git(directory, 'status', '--porcelain', '--untracked-files=all')).toBe(
      '?? acme/2026/.tmp-0123456789abcdef\n',
    );
  });

  it('sees a file a member of staff saved through Decap (working tree only) and commits it on update', async () => {
    const store = new LocalGitCaseStore(directory);
    const { version } = await store.create('acme/2026/a.yaml', 'v1\n', 'Receive A');
    const decap = new LocalGitCaseStore(directory);
    // decap-server writes the file without committing; simulate that edit.
    await writeFile(join(directory, 'acme/2026/a.yaml'), 'edited by staff\n');
    expect(await store.update('acme/2026/a.yaml', 'swept\n', version, 'Sweep A')).toEqual({
      ok: false,
      reason: 'conflict',
    });
    const current = await decap.read('acme/2026/a.yaml');
    expect(current?.text).toBe('edited by staff\n');
    expect((await store.update('acme/2026/a.yaml', 'swept\n', current?.version ?? '', 'Sweep A')).ok).toBe(
      true,
    );
    expect(await git(directory, 'status', '--porcelain')).toBe('');
  });
});

describe('the local git case store, expunging', () => {
  let directory: string;
  beforeEach(async () => {
    directory = join(await temporaryDirectory(), 'cases');
  });
  afterEach(async () => {
    await rm(join(directory, '..'), { recursive: true, force: true });
  });

  it('keeps an edit staff saved through Decap (working tree only) and leaves a clean, small repository', async () => {
    const store = new LocalGitCaseStore(directory);
    await store.create('acme/2026/a.yaml', 'name: Ada Erasable\n', 'Receive A');
    await store.create('acme/2026/b.yaml', 'v1\n', 'Receive B');
    await writeFile(join(directory, 'acme/2026/b.yaml'), 'saved in Decap\n');
    await store.expunge(['acme/2026/a.yaml'], 'Erase A');
    expect(await git(directory, 'show', 'HEAD:acme/2026/b.yaml')).toBe('saved in Decap\n');
    expect(await git(directory, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    // No reflog, ORIG_HEAD or loose object keeps the old commits.
    expect(await git(directory, 'reflog', '--all')).not.toContain('Receive A');
    expect(await git(directory, 'count-objects', '-v')).toContain('count: 0\n');
    expect(await git(directory, 'cat-file', '-t', 'ORIG_HEAD').catch(() => 'none')).toBe('none');
  });
});

describe('the GitHub case store, as GitHub sees it', () => {
  let standIn: GitHubStandIn;
  beforeEach(async () => {
    standIn = await startGitHubStandIn();
  });
  afterEach(async () => {
    await standIn.close();
  });

  const paths = Array.from({ length: 20 }, (_, i) => `acme/2026/case-${String(i).padStart(2, '0')}.yaml`);
  const contentRequests = () => standIn.requests.filter((request) => request.method !== 'GET').length;

  it('groups writes that arrive together into few commits, so a burst spends little of the rate limit', async () => {
    const store = openGitHubStore(standIn);
    await Promise.all(paths.map((path) => store.create(path, `${path}\n`, `Receive ${path}`)));
    // The first write goes alone; the other nineteen wait for it and go together.
    expect(standIn.commitMessages()).toHaveLength(2);
    expect(contentRequests()).toBe(6);
  });

  it('rewrites a staff commit that lands while history is being rewritten, instead of dropping it', async () => {
    const store = openGitHubStore(standIn);
    await store.create('acme/2026/a.yaml', 'name: Ada Erasable\n', 'Receive A');
    await store.create('acme/2026/b.yaml', 'v1\n', 'Receive B');
    // A member of staff saves in Decap when the rewrite makes its first commit.
    standIn.beforeNext('POST', '/git/commits', () =>
      standIn.commitAsStaff('acme/2026/a.yaml', 'name: Ada Erasable\nnote: called\n', 'Update A'),
    );
    standIn.beforeNext('POST', '/git/commits', () =>
      standIn.commitAsStaff('acme/2026/b.yaml', 'v2\n', 'Update B'),
    );
    await store.expunge(['acme/2026/a.yaml'], 'Erase A');
    expect(await store.list('acme/')).toEqual(['acme/2026/b.yaml']);
    expect((await store.read('acme/2026/b.yaml'))?.text).toBe('v2\n');
    expect(standIn.commitMessages()).toEqual(['Erase A', 'Update B', 'Update A', 'Receive B', 'Receive A']);
    expect(standIn.reachableTexts().filter((text) => text.includes('Ada Erasable'))).toEqual([]);
    const moves = standIn.requests.filter((request) => request.method === 'PATCH').length;
    // Two writes, then one forced move: the check before it found the staff commits in time.
    expect(moves).toBe(3);
  });

  it('waits as GitHub’s secondary rate limit asks (retry-after), then commits', async () => {
    standIn.rateLimitNext(1, 1);
    const started = Date.now();
    expect((await openGitHubStore(standIn).create('acme/2026/a.yaml', 'a\n', 'Receive A')).created).toBe(
      true,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(standIn.commitMessages()).toEqual(['Receive A']);
  });

  it('loses nothing and duplicates nothing while most of GitHub’s answers fail, once failures are retried', async () => {
    standIn.failRandomly(0.6, 7);
    const stores = [openGitHubStore(standIn), openGitHubStore(standIn)];
    const attempt = (path: string, i: number) =>
      (stores[i % 2] as GitHubCaseStore).create(path, `${path}\n`, `Receive ${path}`);
    const first = await Promise.allSettled(paths.map(attempt));
    standIn.failRandomly(0);
    // What intake's drain does: try again whatever did not answer, until everything has.
    const retried = await Promise.all(
      paths.filter((_, i) => first[i]?.status === 'rejected').map((path) => attempt(path, 0)),
    );
    expect(retried.every((result) => result.version !== '')).toBe(true);
    const store = openGitHubStore(standIn);
    expect(await store.list('acme/')).toEqual(paths);
    const files = await store.readMany(paths);
    expect(paths.map((path) => files.get(path)?.text)).toEqual(paths.map((path) => `${path}\n`));
  });

  /** Cases written through the store; the request log then starts afresh, to count a read's requests. */
  async function written(texts: Record<string, string>): Promise<Record<string, string>> {
    const store = openGitHubStore(standIn);
    await Promise.all(
      Object.entries(texts).map(([path, text]) => store.create(path, text, `Receive ${path}`)),
    );
    standIn.requests.splice(0);
    return texts;
  }
  const storedFiles = (texts: Record<string, string>) =>
    Object.entries(texts).map(([path, text]) => [path, { text, version: hashGitBlob(text) }]);
  const requestsTo = (suffix: string) => standIn.requests.filter((request) => request.path.endsWith(suffix));
  const cases = (count: number) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => {
        const path = `acme/2026/ACM-260101-${String(i).padStart(6, '0')}.yaml`;
        return [path, `reference: ACM-260101-${String(i).padStart(6, '0')}\nstage: 1\n`];
      }),
    );

  it('reads 250 cases in four requests (the branch head, then three GraphQL queries), not one per case', async () => {
    const texts = await written(cases(250));
    const files = await openGitHubStore(standIn).readMany([...Object.keys(texts), 'acme/2026/missing.yaml']);
    expect([...files]).toEqual(storedFiles(texts));
    expect(standIn.requests).toEqual([
      { method: 'GET', path: `/repos/${standIn.owner}/${standIn.repo}/git/ref/heads/${standIn.branch}` },
      { method: 'POST', path: '/graphql' },
      { method: 'POST', path: '/graphql' },
      { method: 'POST', path: '/graphql' },
    ]);
  });

  it('reads from its blob a file GraphQL gives only part of: over 512,000 bytes, or taken for binary', async () => {
    const long = `notes: ${'Ŵyn bach 🐑 '.repeat(40_000)}\n`; // 600,008 bytes of UTF-8
    const binary = 'notes: a\u0000b\n';
    const texts = await written({
      'acme/2026/long.yaml': long,
      'acme/2026/nul.yaml': binary,
      'acme/2026/short.yaml': 'notes: short\n',
    });
    const files = await openGitHubStore(standIn).readMany(Object.keys(texts));
    expect([...files]).toEqual(storedFiles(texts));
    expect(requestsTo('/graphql')).toHaveLength(1);
    expect(requestsTo(`/git/blobs/${hashGitBlob(long)}`)).toHaveLength(1);
    expect(requestsTo(`/git/blobs/${hashGitBlob(binary)}`)).toHaveLength(1);
    expect(standIn.requests).toHaveLength(4);
  });

  it('reads every case while GitHub fails half its answers, retrying the failed requests', async () => {
    const texts = await written(cases(250));
    // This seed fails the first read of the branch head and two queries' first tries: three failures
    // in all, so no request can fail all four of its tries and the counts are the same on every run.
    standIn.failRandomly(0.5, 8);
    const files = await openGitHubStore(standIn).readMany(Object.keys(texts));
    standIn.failRandomly(0);
    expect([...files]).toEqual(storedFiles(texts));
    expect(requestsTo(`/git/ref/heads/${standIn.branch}`)).toHaveLength(2);
    expect(requestsTo('/graphql')).toHaveLength(5);
  });

  it('waits until GraphQL’s spent points come back (200, RATE_LIMIT, x-ratelimit-reset), then reads', async () => {
    const texts = await written(cases(3));
    standIn.spendGraphQLPoints(1, 2);
    const started = Date.now();
    const files = await openGitHubStore(standIn).readMany(Object.keys(texts));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect([...files]).toEqual(storedFiles(texts));
    expect(requestsTo('/graphql')).toHaveLength(2);
  });

  it('fails with GitHub’s words when GraphQL’s points come back later than it will wait (20 s)', async () => {
    const texts = await written(cases(3));
    standIn.spendGraphQLPoints(1, 3600);
    await expect(openGitHubStore(standIn).readMany(Object.keys(texts))).rejects.toThrow(
      'GitHub answered 200 to POST /graphql on redress-test/cases: API rate limit already exceeded for user ID 1.',
    );
  });

  it('fails, rather than leave cases out, when GraphQL answers with partial data and an error', async () => {
    const texts = await written(cases(3));
    standIn.exceedGraphQLResources(1);
    await expect(openGitHubStore(standIn).readMany(Object.keys(texts))).rejects.toThrow(
      "GitHub's GraphQL API refused to read redress-test/cases: Resource limits for this query exceeded.",
    );
  });
});

describe('the GitHub case store on GitHub Enterprise Server', () => {
  it('writes through the REST API under /api/v3 and reads many through GraphQL at /api/graphql', async () => {
    const standIn = await startGitHubStandIn({ enterprise: true });
    try {
      const store = openGitHubStore(standIn);
      const { version } = await store.create('acme/2026/a.yaml', 'reference: A\n', 'Receive A');
      expect(await store.readMany(['acme/2026/a.yaml'])).toEqual(
        new Map([['acme/2026/a.yaml', { text: 'reference: A\n', version }]]),
      );
      expect(standIn.requests.at(-1)).toEqual({ method: 'POST', path: '/api/graphql' });
    } finally {
      await standIn.close();
    }
  });
});
