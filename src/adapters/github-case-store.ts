import pLimit from 'p-limit';
import type { CaseStore, CreateResult, StoredFile, UpdateResult } from '../ports/case-store.ts';
import { checkStorePath, folderOfPrefix, hashGitBlob } from './case-store-paths.ts';
import {
  checkCommitMessage,
  GroupCommit,
  planWrites,
  type WriteRequest,
  type WriteResult,
} from './case-store-writes.ts';
import { backoff, sleep, TokenBuckets } from './concurrency.ts';

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
/** Reads in flight at once: enough to finish a sweep's reads quickly, few enough to look polite. */
const READ_CONCURRENCY = 8;
/**
 * Files per GraphQL query when reading many. A query that asks for no connections costs one point
 * however many files it names, and the node limit counts only connections, so what bounds a batch
 * is time and size: GitHub stops a query after 10 seconds (counting the timeout against the hour's
 * points), caps the resources one query may use, and sends up to 512,000 bytes of each blob's text.
 * A hundred case files of a few kilobytes come back in well under a megabyte, and a sweep of 5,000
 * open cases spends 50 of the 5,000 points an hour instead of 5,000 REST requests.
 */
const READ_BATCH = 100;

/**
 * A provider's case repository on GitHub, written through the Git Data API: a new tree on top of
 * the head's, a commit, and a ref update with `force: false`, which GitHub refuses when the branch
 * moved since the head was read (someone else committed). Then the head is read again and the
 * writes re-checked, so a conditional update never overwrites a newer edit.
 *
 * The contents API would be simpler but must be used serially and makes one commit per file; here
 * writes waiting in this process are grouped into one commit, which matters under GitHub's limit
 * of 80 content-creating requests a minute (three per commit: tree, commit, ref).
 *
 * Many files are read through the GraphQL API, a hundred to a query, all at the branch's head
 * commit: a sweep of thousands of cases then costs tens of requests, not one per case.
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
    // Every batch reads at the same commit, so together they are one snapshot of the branch.
    const commit = await this.#headCommit();
    const batches = Array.from({ length: Math.ceil(paths.length / READ_BATCH) }, (_, i) =>
      paths.slice(i * READ_BATCH, (i + 1) * READ_BATCH),
    );
    const blobs = await pLimit(READ_CONCURRENCY).map(batches, (batch) => this.#blobsAt(commit, batch));
    const files = await pLimit(READ_CONCURRENCY).map(blobs.flat(), async ({ path, sha, text }) => {
      const file: StoredFile = { text: text ?? (await this.#blob(sha)).toString('utf8'), version: sha };
      return [path, file] as const;
    });
    return new Map(files);
  }

  async list(prefix: string): Promise<string[]> {
    // Nothing can escape a tree listing, but a prefix the local store refuses is refused here too.
    folderOfPrefix(prefix);
    const blobs = await this.#blobShas(await this.#head());
    return [...blobs.keys()].filter((path) => path.startsWith(prefix)).sort();
  }

  /**
   * Rewrites the branch through the Git Data API: every commit from the first that held one of
   * `paths` is made again with a tree without them (same message, author and dates), then a commit
   * of `message` goes on top and the branch is moved to it with a forced update. Just before the
   * move the head is read again: a member of staff's commit that landed during the rewrite is
   * rewritten too and the move tried again, so it is kept, not dropped. GitHub's forced update
   * cannot be made conditional, so a commit landing in the moment between that read and the move
   * would still be lost (README, "Personal data: retention, erasure and access").
   *
   * It costs one tree read and up to two content-creating requests (tree, commit) per commit
   * rewritten, within GitHub's 500 an hour. The old commits stay in GitHub's object store, no longer
   * reachable from the branch, until GitHub collects them.
   */
  async expunge(paths: readonly string[], message: string): Promise<void> {
    const expunged = new Set(paths.map(checkStorePath));
    checkCommitMessage(message);
    // Kept across attempts, so a retry rewrites only the commits that landed meanwhile.
    const rewritten = new Map<string, string>();
    const trees = new Map<string, string>();
    for (let attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++) {
      const head = await this.#headCommit();
      const newHead = await this.#rewrite(head, expunged, rewritten, trees);
      const { body } = await this.#call<CommitData>('GET', `/git/commits/${newHead}`);
      const record = await this.#call<{ sha: string }>('POST', '/git/commits', {
        message,
        tree: body.tree.sha,
        parents: [newHead],
      });
      if ((await this.#headCommit()) !== head) continue;
      await this.#call('PATCH', `/git/refs/heads/${encodePath(this.#options.branch)}`, {
        sha: record.body.sha,
        force: true,
      });
      return;
    }
    throw new Error(
      `could not rewrite ${this.#repository()}'s history: its branch kept moving after ${MAX_COMMIT_ATTEMPTS} attempts`,
    );
  }

  /**
   * The commit `head` would be had `paths` never been committed, making each commit not yet in
   * `rewritten` again, parents first. A commit whose tree and parents are unchanged is kept as it is.
   */
  async #rewrite(
    head: string,
    paths: ReadonlySet<string>,
    rewritten: Map<string, string>,
    trees: Map<string, string>,
  ): Promise<string> {
    const commits = new Map<string, CommitData>();
    // Parents before children, without recursion: a history may be thousands of commits deep.
    const order: string[] = [];
    const stack: { sha: string; expanded: boolean }[] = [{ sha: head, expanded: false }];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      if (rewritten.has(top.sha) || (commits.has(top.sha) && !top.expanded)) continue;
      if (top.expanded) {
        order.push(top.sha);
        continue;
      }
      const { body } = await this.#call<CommitData>('GET', `/git/commits/${top.sha}`);
      commits.set(top.sha, body);
      stack.push({ sha: top.sha, expanded: true });
      for (const parent of body.parents) stack.push({ sha: parent.sha, expanded: false });
    }
    for (const sha of order) {
      const commit = commits.get(sha) as CommitData;
      const tree = await this.#treeWithout(commit.tree.sha, paths, trees);
      const parents = commit.parents.map((parent) => rewritten.get(parent.sha) ?? parent.sha);
      if (tree === commit.tree.sha && parents.every((parent, i) => parent === commit.parents[i]?.sha)) {
        rewritten.set(sha, sha);
        continue;
      }
      const { body } = await this.#call<{ sha: string }>('POST', '/git/commits', {
        message: commit.message,
        tree,
        parents,
        ...(commit.author === undefined ? {} : { author: commit.author }),
        ...(commit.committer === undefined ? {} : { committer: commit.committer }),
      });
      rewritten.set(sha, body.sha);
    }
    return rewritten.get(head) ?? head;
  }

  /** The tree `tree` without `paths`: itself when it holds none of them. */
  async #treeWithout(tree: string, paths: ReadonlySet<string>, trees: Map<string, string>): Promise<string> {
    const known = trees.get(tree);
    if (known !== undefined) return known;
    const held = [...(await this.#blobShas({ tree })).keys()].filter((path) => paths.has(path));
    const without =
      held.length === 0
        ? tree
        : (
            await this.#call<{ sha: string }>('POST', '/git/trees', {
              base_tree: tree,
              // A null sha deletes the path; GitHub drops folders left empty.
              tree: held.map((path) => ({ path, mode: '100644', type: 'blob', sha: null })),
            })
          ).body.sha;
    trees.set(tree, without);
    return without;
  }

  async #commit(requests: WriteRequest[]): Promise<WriteResult[]> {
    for (let attempt = 0; attempt < MAX_COMMIT_ATTEMPTS; attempt++) {
      const head = await this.#head();
      const paths = [...new Set(requests.map((request) => request.path))];
      const versions = new Map(
        await pLimit(READ_CONCURRENCY).map(paths, async (path) => {
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
    const commit = await this.#headCommit();
    const { body } = await this.#call<{ tree: { sha: string } }>('GET', `/git/commits/${commit}`);
    return { commit, tree: body.tree.sha };
  }

  /** The branch's head commit. */
  async #headCommit(): Promise<string> {
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
    return ref.body.object.sha;
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

  /**
   * The files at `paths` in `commit`, through one GraphQL query; paths with no file are left out.
   * Paths travel as variables, never inside the query text. GraphQL's `text` is cut at 512,000
   * bytes, null for what GitHub takes for binary, and may be recoded from another encoding, so it is
   * kept only when it hashes to the blob's sha; otherwise `text` is undefined and the blob is read.
   */
  async #blobsAt(
    commit: string,
    paths: readonly string[],
  ): Promise<{ path: string; sha: string; text: string | undefined }[]> {
    const aliases = paths.map((_, i) => `f${i}`);
    const declarations = aliases.map((alias) => `$${alias}: String!`).join(', ');
    const fields = aliases.map(
      (alias) => `${alias}: object(expression: $${alias}) { ... on Blob { oid text } }`,
    );
    const query = `query($owner: String!, $name: String!, ${declarations}) { repository(owner: $owner, name: $name) { ${fields.join(' ')} } }`;
    const { repository } = await this.#graphql<{
      repository: Record<string, { oid?: string; text?: string | null } | null> | null;
    }>(query, {
      owner: this.#options.owner,
      name: this.#options.repo,
      ...Object.fromEntries(paths.map((path, i) => [`f${i}`, `${commit}:${path}`])),
    });
    return paths.flatMap((path, i) => {
      // Null when the path holds nothing; no `oid` when it holds a folder.
      const blob = repository?.[`f${i}`];
      if (blob?.oid === undefined) return [];
      const text =
        typeof blob.text === 'string' && hashGitBlob(blob.text) === blob.oid ? blob.text : undefined;
      return [{ path, sha: blob.oid, text }];
    });
  }

  async #blob(sha: string): Promise<Buffer> {
    return decode((await this.#call<{ content: string }>('GET', `/git/blobs/${sha}`)).body.content);
  }

  #repository(): string {
    return `${this.#options.owner}/${this.#options.repo}`;
  }

  /** One REST call on the repository, through `#request`. */
  async #call<T>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body?: unknown,
    expected: readonly number[] = [],
  ): Promise<{ status: number; body: T }> {
    if (method !== 'GET') await this.#limiter.take();
    const { owner, repo, baseUrl } = this.#options;
    const url = `${baseUrl}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}${path}`;
    return this.#request<T>(method, url, body, expected);
  }

  /**
   * One GraphQL query. It only reads, so it takes nothing from the limit on content-creating
   * requests. Any error GitHub reports beside the data fails it: partial data (a query over GitHub's
   * resource limits) would otherwise read as files that are not there.
   */
  async #graphql<T>(query: string, variables: Record<string, string>): Promise<T> {
    const { body } = await this.#request<GitHubAnswer & { data?: T | null }>('POST', this.#graphqlUrl(), {
      query,
      variables,
    });
    if (body.errors !== undefined || body.data === undefined || body.data === null) {
      throw new Error(`GitHub's GraphQL API refused to read ${this.#repository()}: ${describeAnswer(body)}`);
    }
    return body.data;
  }

  /** GitHub.com answers GraphQL at `/graphql`; GitHub Enterprise Server at `/api/graphql`, beside `/api/v3`. */
  #graphqlUrl(): string {
    return `${this.#options.baseUrl.replace(/\/api\/v3$/, '/api')}/graphql`;
  }

  /**
   * One request to GitHub. Server and network errors are retried with jitter (every request here
   * is safe to repeat: objects are content-addressed, a ref update to the same commit is a no-op, a
   * query only reads); GitHub's rate-limit answers are waited out as it asks. Any other status not
   * listed in `expected` is an error.
   */
  async #request<T>(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: unknown,
    expected: readonly number[] = [],
  ): Promise<{ status: number; body: T }> {
    const { token, maxRetryAfterMs } = this.#options;
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
      const json = (await response.json().catch(() => ({}))) as T & GitHubAnswer;
      const wait = rateLimitWait(response, json);
      if (wait === undefined && (response.ok || expected.includes(response.status))) {
        return { status: response.status, body: json };
      }
      if (wait !== undefined && wait <= maxRetryAfterMs && attempt < MAX_REQUEST_ATTEMPTS) {
        await sleep(wait);
        continue;
      }
      if (response.status >= 500 && attempt < MAX_REQUEST_ATTEMPTS) {
        await backoff(attempt, 100);
        continue;
      }
      throw new Error(
        `GitHub answered ${response.status} to ${method} ${new URL(url).pathname} on ${this.#repository()}: ${describeAnswer(json)}`,
      );
    }
  }
}

/** A commit as the Git Data API gives it; author and committer are sent back as they are when it is rewritten. */
type CommitData = {
  message: string;
  tree: { sha: string };
  parents: { sha: string }[];
  author?: { name: string; email: string; date: string };
  committer?: { name: string; email: string; date: string };
};

/** What GitHub says besides the data: REST's `message`, or GraphQL's `errors`. */
type GitHubAnswer = { message?: string; errors?: { type?: string; message?: string }[] };

function describeAnswer(answer: GitHubAnswer): string {
  return answer.message ?? answer.errors?.map((error) => error.message).join('; ') ?? '';
}

/**
 * How long GitHub asks us to wait, or `undefined` when this is not a rate-limit answer: 429, or 403
 * with `retry-after` (secondary limit) or no requests left (primary limit, until `x-ratelimit-reset`).
 * GraphQL answers a spent primary limit with 200 and an error of type `RATE_LIMITED` (lately also
 * seen as `RATE_LIMIT`), with the same headers.
 */
function rateLimitWait(response: Response, answer: GitHubAnswer): number | undefined {
  const graphQLLimited = answer.errors?.some((error) => error.type?.startsWith('RATE_LIMIT')) === true;
  if (response.status !== 429 && response.status !== 403 && !graphQLLimited) return undefined;
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter !== null) return Number(retryAfter) * 1000;
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    return Math.max(0, Number(response.headers.get('x-ratelimit-reset')) * 1000 - Date.now());
  }
  // GitHub's advice when a secondary limit gives no time: wait at least a minute.
  return response.status === 403 ? undefined : 60_000;
}

function decode(base64: string): Buffer {
  return Buffer.from(base64.replace(/\n/g, ''), 'base64');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
