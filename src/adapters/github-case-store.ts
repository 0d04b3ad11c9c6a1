import {
  type CaseStore,
  type CreateResult,
  checkStorePath,
  folderOfPrefix,
  type StoredFile,
  type UpdateResult,
} from './case-store.ts';
import { GroupCommit, planWrites, type WriteRequest, type WriteResult } from './case-store-writes.ts';
import { backoff, mapWithConcurrency, sleep, TokenBuckets } from './concurrency.ts';

export type GitHubCaseStoreOptions = {
  owner: string;
  repo: string;
  /** The branch cases are committed to; it must already exist (a repository with one commit). */
  branch: string;
  /** A token that may read and write the repository's contents. */
  token: string;
  /** GitHub's API address: `https://api.github.com`, a GitHub Enterprise server, or a test stand-in. */
  baseUrl: string;
  /**
   * Requests that create content (trees, commits, ref updates) allowed per minute and per hour.
   * GitHub allows 80 and 500 ("Rate limits for the REST API", secondary rate limits); tests raise them.
   */
  contentLimits?: { perMinute: number; perHour: number };
  /** The longest wait this store accepts when GitHub says to retry later; beyond it, the write fails. */
  maxRetryAfterMs?: number;
};

/** Commits are retried on a moved head this many times before the write is reported as failed. */
const MAX_COMMIT_ATTEMPTS = 8;
/** A request that fails with a server or network error is tried this many times in all. */
const MAX_REQUEST_ATTEMPTS = 4;
/** Files per commit: one tree request carries them all, and GitHub caps request bodies. */
const MAX_BATCH = 50;
/** Blob reads in flight at once: enough to finish a sweep's reads quickly, few enough to look polite. */
const READ_CONCURRENCY = 8;

/**
 * A provider's case repository on GitHub, written through the Git Data API: a new tree on top of
 * the head's, a commit, and a ref update with `force: false`, which GitHub refuses when the branch
 * moved since the head was read (someone else committed). Then the head is read again and the
 * writes re-checked, so a conditional update never overwrites a newer edit.
 *
 * The contents API would be simpler but must be used serially and makes one commit per file; here
 * writes waiting in this process are grouped into one commit, which matters under GitHub's limit
 * of 80 content-creating requests a minute (three per commit: tree, commit, ref).
 */
export class GitHubCaseStore implements CaseStore {
  readonly #options: Required<GitHubCaseStoreOptions>;
  readonly #limiter: TokenBuckets;
  readonly #writes = new GroupCommit((requests) => this.#commit(requests), MAX_BATCH);

  constructor(options: GitHubCaseStoreOptions) {
    this.#options = {
      contentLimits: { perMinute: 80, perHour: 500 },
      maxRetryAfterMs: 20_000,
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
    };
    const { perMinute, perHour } = this.#options.contentLimits;
    this.#limiter = new TokenBuckets([
      { capacity: perMinute, periodMs: 60_000 },
      { capacity: perHour, periodMs: 3_600_000 },
    ]);
  }

  create(path: string, text: string, message: string): Promise<CreateResult> {
    return this.#writes.create(path, text, message);
  }

  update(path: string, text: string, expectedVersion: string, message: string): Promise<UpdateResult> {
    return this.#writes.update(path, text, expectedVersion, message);
  }

  async read(path: string): Promise<StoredFile | undefined> {
    const found = await this.#fileAt(checkStorePath(path), this.#options.branch);
    if (found === undefined) return undefined;
    // The contents API leaves out the content of files over 1 MB; the blob always has it.
    const bytes =
      found.content === '' && found.size > 0 ? await this.#blob(found.sha) : decode(found.content);
    return { text: bytes.toString('utf8'), version: found.sha };
  }

  async readMany(paths: readonly string[]): Promise<Map<string, StoredFile>> {
    for (const path of paths) checkStorePath(path);
    if (paths.length === 0) return new Map();
    // One listing of the whole tree, then only the blobs asked for, rather than a request per path.
    const blobs = await this.#blobShas(await this.#head());
    const wanted = paths.flatMap((path) => {
      const sha = blobs.get(path);
      return sha === undefined ? [] : [{ path, sha }];
    });
    const texts = await mapWithConcurrency(wanted, READ_CONCURRENCY, async ({ path, sha }) => {
      const file: StoredFile = { text: (await this.#blob(sha)).toString('utf8'), version: sha };
      return [path, file] as const;
    });
    return new Map(texts);
  }

  async list(prefix: string): Promise<string[]> {
    // Nothing can escape a tree listing, but a prefix the local store refuses is refused here too.
    folderOfPrefix(prefix);
    const blobs = await this.#blobShas(await this.#head());
    return [...blobs.keys()].filter((path) => path.startsWith(prefix)).sort();
  }

  async #commit(requests: WriteRequest[]): Promise<WriteResult[]> {
    for (let attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++) {
      const head = await this.#head();
      const paths = [...new Set(requests.map((request) => request.path))];
      const versions = new Map(
        await mapWithConcurrency(paths, READ_CONCURRENCY, async (path) => {
          return [path, (await this.#fileAt(path, head.commit))?.sha] as const;
        }),
      );
      const plan = planWrites(requests, versions);
      if (plan.files.size === 0) return plan.results;
      const tree = await this.#call<{ sha: string }>('POST', '/git/trees', {
        base_tree: head.tree,
        // GitHub writes each blob from `content` itself: no separate request per file.
        tree: [...plan.files].map(([path, content]) => ({ path, mode: '100644', type: 'blob', content })),
      });
      const commit = await this.#call<{ sha: string }>('POST', '/git/commits', {
        message: plan.message,
        tree: tree.body.sha,
        parents: [head.commit],
      });
      const moved = await this.#call<{ message?: string }>(
        'PATCH',
        `/git/refs/heads/${encodePath(this.#options.branch)}`,
        { sha: commit.body.sha, force: false },
        [422],
      );
      if (moved.status === 200) return plan.results;
      if (!/fast.forward/i.test(moved.body.message ?? '')) {
        throw new Error(`GitHub refused to move ${this.#repository()}'s branch: ${moved.body.message ?? ''}`);
      }
      // The branch moved under us: re-read the head and re-check every write against it.
      await backoff(attempt, 50);
    }
    throw new Error(
      `could not commit to ${this.#repository()}: its branch kept moving after ${MAX_COMMIT_ATTEMPTS} attempts`,
    );
  }

  /** The branch's head commit and that commit's tree. */
  async #head(): Promise<{ commit: string; tree: string }> {
    const branch = this.#options.branch;
    const ref = await this.#call<{ object: { sha: string } }>(
      'GET',
      `/git/ref/heads/${encodePath(branch)}`,
      undefined,
      [404],
    );
    if (ref.status === 404) {
      throw new Error(
        `the case repository ${this.#repository()} has no branch "${branch}": give it a first commit`,
      );
    }
    const commit = await this.#call<{ tree: { sha: string } }>('GET', `/git/commits/${ref.body.object.sha}`);
    return { commit: ref.body.object.sha, tree: commit.body.tree.sha };
  }

  /** Every file in the head's tree: path → blob sha. */
  async #blobShas(head: { tree: string }): Promise<Map<string, string>> {
    const { body } = await this.#call<{
      truncated: boolean;
      tree: { path: string; type: string; sha: string }[];
    }>('GET', `/git/trees/${head.tree}?recursive=1`);
    if (body.truncated) {
      throw new Error(`${this.#repository()} holds too many files to list in one request: split it by year`);
    }
    return new Map(
      body.tree.filter((entry) => entry.type === 'blob').map((entry) => [entry.path, entry.sha]),
    );
  }

  /** A file at a branch or commit, through the contents API; `undefined` when there is none. */
  async #fileAt(
    path: string,
    ref: string,
  ): Promise<{ sha: string; size: number; content: string } | undefined> {
    const { status, body } = await this.#call<unknown>(
      'GET',
      `/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`,
      undefined,
      [404],
    );
    if (status === 404) return undefined;
    const file = body as { type?: string; sha: string; size: number; content?: string };
    if (Array.isArray(body) || file.type !== 'file') throw new Error(`${path} is a folder, not a case file`);
    return { sha: file.sha, size: file.size, content: file.content ?? '' };
  }

  async #blob(sha: string): Promise<Buffer> {
    return decode((await this.#call<{ content: string }>('GET', `/git/blobs/${sha}`)).body.content);
  }

  #repository(): string {
    return `${this.#options.owner}/${this.#options.repo}`;
  }

  /**
   * One API call on the repository. Server and network errors are retried with jitter (every call
   * here is safe to repeat: objects are content-addressed, a ref update to the same commit is a
   * no-op); GitHub's rate-limit answers are waited out as its `retry-after` asks. Any other status
   * not listed in `expected` is an error.
   */
  async #call<T>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body?: unknown,
    expected: readonly number[] = [],
  ): Promise<{ status: number; body: T }> {
    if (method !== 'GET') await this.#limiter.take();
    const { owner, repo, token, baseUrl, maxRetryAfterMs } = this.#options;
    const url = `${baseUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}${path}`;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'user-agent': 'redress-case-store',
            'x-github-api-version': '2022-11-28',
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        if (attempt >= MAX_REQUEST_ATTEMPTS) throw new Error(`GitHub could not be reached: ${String(error)}`);
        await backoff(attempt, 100);
        continue;
      }
      const json = (await response.json().catch(() => ({}))) as T & { message?: string };
      if (response.ok || expected.includes(response.status)) return { status: response.status, body: json };
      const wait = rateLimitWait(response);
      if (wait !== undefined && wait <= maxRetryAfterMs && attempt < MAX_REQUEST_ATTEMPTS) {
        await sleep(wait);
        continue;
      }
      if (response.status >= 500 && attempt < MAX_REQUEST_ATTEMPTS) {
        await backoff(attempt, 100);
        continue;
      }
      throw new Error(
        `GitHub answered ${response.status} to ${method} ${path.split('?')[0]} on ${this.#repository()}: ${json.message ?? ''}`,
      );
    }
  }
}

/**
 * How long GitHub asks us to wait, or `undefined` when this is not a rate-limit answer: 429, or 403
 * with `retry-after` (secondary limit) or no requests left (primary limit, until `x-ratelimit-reset`).
 */
function rateLimitWait(response: Response): number | undefined {
  if (response.status !== 429 && response.status !== 403) return undefined;
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null) return Number(retryAfter) * 1000;
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    return Math.max(0, Number(response.headers.get('x-ratelimit-reset')) * 1000 - Date.now());
  }
  // GitHub's advice when a secondary limit gives no time: wait at least a minute.
  return response.status === 429 ? 60_000 : undefined;
}

function decode(base64: string): Buffer {
  return Buffer.from(base64.replace(/\n/g, ''), 'base64');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
