import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatError, graphql } from 'graphql';
import { gitHubGraphQLSchema, graphQLViolation, restViolation } from './github-contract.ts';

/**
 * A local HTTP server that behaves like the part of GitHub's API the GitHub case store uses: the
 * Git Data API (refs, commits, trees, blobs), reading files through the contents API, and GraphQL's
 * `repository { object(...) }`, over in-memory git objects hashed exactly as git hashes them. Like
 * GitHub, it refuses to move a branch to a commit that does not descend from its head (422 "Update
 * is not a fast forward"), and it can be told to fail calls or to answer with GitHub's rate limits,
 * for failure tests.
 *
 * Every request is first checked against GitHub's published API descriptions (./github-contract.ts):
 * one GitHub would not take is answered 400 and listed in `violations`, which tests expect empty, so
 * neither the store nor the stand-in can drift from the real API.
 */
export type GitHubStandIn = {
  /** Give this to the store as its API base URL. */
  url: string;
  owner: string;
  repo: string;
  branch: string;
  token: string;
  /** Every request, in the order it arrived; a test may empty it to count from a point on. */
  requests: { method: string; path: string }[];
  /**
   * Why each request GitHub's published API would refuse was refused. `close` fails while any is
   * listed; a test that sends such requests on purpose empties it.
   */
  violations: string[];
  /**
   * Fails this fraction of calls from now on with 502, half of them before doing anything and half
   * after (the work done, the answer lost), chosen by a seeded random sequence.
   */
  failRandomly(fraction: number, seed?: number): void;
  /** Answers the next `count` calls with GitHub's secondary rate limit (403 and `retry-after`). */
  rateLimitNext(count: number, retryAfterSeconds: number): void;
  /**
   * Answers the next `count` GraphQL queries as GitHub does when the hour's points are spent: 200,
   * an error of type `RATE_LIMIT` (documented as `RATE_LIMITED`), and `x-ratelimit-reset` this many
   * seconds from now.
   */
  spendGraphQLPoints(count: number, resetInSeconds: number): void;
  /**
   * Answers the next `count` GraphQL queries as GitHub does when one passes its per-query resource
   * limits: 200, partial data (here, `repository: null`) and a `RESOURCE_LIMITS_EXCEEDED` error.
   */
  exceedGraphQLResources(count: number): void;
  /** Messages of the commits on the branch, newest first, leaving out the repository's first commit. */
  commitMessages(): string[];
  /** The text of every file version any commit reachable from the branch holds. */
  reachableTexts(): string[];
  /** Commits `text` to `path` on the branch directly, as a member of staff saving in Decap does. */
  commitAsStaff(path: string, text: string, message: string): void;
  /** Runs `action` once, when the next request of `method` to a path ending in `pathEnd` arrives. */
  beforeNext(method: string, pathEnd: string, action: () => void): void;
  /** Stops the server; rejects, naming them, when any request was a contract violation. */
  close(): Promise<void>;
};

type TreeEntry = { name: string; mode: string; type: 'blob' | 'tree'; sha: string };
type GitObject =
  | { type: 'blob'; data: Buffer }
  | { type: 'tree'; entries: TreeEntry[] }
  | { type: 'commit'; tree: string; parents: string[]; message: string };

/** GitHub sends at most this much of a blob's text through GraphQL and marks the rest truncated. */
const GRAPHQL_TEXT_LIMIT = 512_000;

/** An error GitHub reports in a GraphQL answer's `errors`, with its `type`. */
class GraphQLTypedError extends Error {
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** A small seeded generator (mulberry32), so a failure test fails the same calls on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startGitHubStandIn({
  owner = 'redress-test',
  repo = 'cases',
  branch = 'main',
  token = 'ghp_test_0000000000',
  /** Serve GitHub Enterprise Server's addresses: REST under `/api/v3`, GraphQL at `/api/graphql`. */
  enterprise = false,
} = {}): Promise<GitHubStandIn> {
  const objects = new Map<string, GitObject>();
  const refs = new Map<string, string>();
  const requests: { method: string; path: string }[] = [];
  const violations: string[] = [];
  let failure = { fraction: 0, random: seededRandom(1) };
  let rateLimit = { count: 0, retryAfterSeconds: 0 };
  let spentPoints = { count: 0, resetInSeconds: 0 };
  let resourceLimits = 0;
  let clock = 1_767_225_600; // Commit times tick by one second per commit, from 2026-01-01.

  const store = (type: GitObject['type'], body: Buffer, object: GitObject): string => {
    const sha = createHash('sha1').update(`${type} ${body.byteLength}\0`).update(body).digest('hex');
    objects.set(sha, object);
    return sha;
  };
  const writeBlob = (data: Buffer) => store('blob', data, { type: 'blob', data });
  const writeTree = (entries: TreeEntry[]) => {
    // git orders a tree's entries by name, a subtree's name as if it ended in "/".
    const key = (entry: TreeEntry) => (entry.type === 'tree' ? `${entry.name}/` : entry.name);
    const sorted = [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const body = Buffer.concat(
      sorted.flatMap((entry) => [
        Buffer.from(`${entry.mode} ${entry.name}\0`),
        Buffer.from(entry.sha, 'hex'),
      ]),
    );
    return store('tree', body, { type: 'tree', entries: sorted });
  };
  const writeCommit = (tree: string, parents: string[], message: string) => {
    clock += 1;
    const signature = `Redress <case-store@redress.invalid> ${clock} +0000`;
    const text = [`tree ${tree}`, ...parents.map((parent) => `parent ${parent}`)]
      .concat([`author ${signature}`, `committer ${signature}`, '', message])
      .join('\n');
    return store('commit', Buffer.from(text), { type: 'commit', tree, parents, message });
  };

  const get = <T extends GitObject['type']>(sha: string, type: T): Extract<GitObject, { type: T }> => {
    const object = objects.get(sha);
    if (object?.type !== type) throw new HttpError(404, 'Not Found');
    return object as Extract<GitObject, { type: T }>;
  };

  /** Every entry under a tree, with full paths, as GitHub's recursive tree listing gives them. */
  const walk = (treeSha: string, prefix = ''): (TreeEntry & { path: string })[] =>
    get(treeSha, 'tree').entries.flatMap((entry) => {
      const path = `${prefix}${entry.name}`;
      return entry.type === 'tree'
        ? [{ ...entry, path }, ...walk(entry.sha, `${path}/`)]
        : [{ ...entry, path }];
    });

  /**
   * A new tree: `base` with each path set to its blob, creating folders as needed, or, for a null
   * sha, deleted; like GitHub, a folder left empty is dropped.
   */
  const withFiles = (base: string | undefined, files: { path: string[]; sha: string | null }[]): string => {
    const entries = new Map(
      (base === undefined ? [] : get(base, 'tree').entries).map((entry) => [entry.name, entry]),
    );
    const byFirst = new Map<string, { path: string[]; sha: string | null }[]>();
    for (const file of files) {
      const [first, ...rest] = file.path;
      if (first === undefined || first === '')
        throw new HttpError(422, 'tree.path contains a malformed path component');
      if (rest.length > 0) byFirst.set(first, [...(byFirst.get(first) ?? []), { path: rest, sha: file.sha }]);
      else if (file.sha === null) entries.delete(first);
      else entries.set(first, { name: first, mode: '100644', type: 'blob', sha: file.sha });
    }
    for (const [name, nested] of byFirst) {
      const existing = entries.get(name);
      const sha = withFiles(existing?.type === 'tree' ? existing.sha : undefined, nested);
      if (get(sha, 'tree').entries.length === 0) entries.delete(name);
      else entries.set(name, { name, mode: '40000', type: 'tree', sha });
    }
    return writeTree([...entries.values()]);
  };

  const resolveCommit = (ref: string): string => {
    const head = refs.get(`heads/${ref}`);
    if (head !== undefined) return head;
    get(ref, 'commit');
    return ref;
  };

  const descendsFrom = (commit: string, ancestor: string): boolean => {
    const seen = new Set<string>();
    const queue = [commit];
    for (let sha = queue.pop(); sha !== undefined; sha = queue.pop()) {
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      queue.push(...get(sha, 'commit').parents);
    }
    return false;
  };

  /** What GraphQL shows of a git object: a blob's text as GitHub sends it, or only the id. */
  const graphQLObject = (sha: string) => {
    const object = objects.get(sha);
    if (object === undefined) return null;
    if (object.type !== 'blob') return { __typename: object.type === 'tree' ? 'Tree' : 'Commit', oid: sha };
    // git's test for binary content: a NUL byte in the first 8,000 bytes.
    const isBinary = object.data.subarray(0, 8000).includes(0);
    return {
      __typename: 'Blob',
      oid: sha,
      byteSize: object.data.byteLength,
      isBinary,
      isTruncated: object.data.byteLength > GRAPHQL_TEXT_LIMIT,
      text: isBinary ? null : object.data.subarray(0, GRAPHQL_TEXT_LIMIT).toString('utf8'),
    };
  };

  /** The object a `<revision>:<path>` expression names, or `undefined` when there is none. */
  const objectAt = (expression: string): string | undefined => {
    const colon = expression.indexOf(':');
    const revision = colon === -1 ? expression : expression.slice(0, colon);
    const commit =
      refs.get(`heads/${revision}`) ?? (objects.get(revision)?.type === 'commit' ? revision : undefined);
    if (commit === undefined) return undefined;
    if (colon === -1) return commit;
    let sha: string | undefined = get(commit, 'commit').tree;
    for (const name of expression.slice(colon + 1).split('/')) {
      const tree: GitObject | undefined = sha === undefined ? undefined : objects.get(sha);
      sha = tree?.type === 'tree' ? tree.entries.find((entry) => entry.name === name)?.sha : undefined;
    }
    return sha;
  };

  const graphQLRoot = {
    repository: (args: { owner: string; name: string }) => {
      if (args.owner !== owner || args.name !== repo) {
        throw new GraphQLTypedError(
          'NOT_FOUND',
          `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`,
        );
      }
      return {
        object: (where: { expression?: string; oid?: string }) => {
          const sha = where.oid ?? (where.expression === undefined ? undefined : objectAt(where.expression));
          return sha === undefined ? null : graphQLObject(sha);
        },
      };
    },
  };

  /** A GraphQL request, answered as GitHub answers: 200, with `data` and any `errors` beside it. */
  const answerGraphQL = async (body: Record<string, unknown>): Promise<unknown> => {
    const result = await graphql({
      schema: gitHubGraphQLSchema(),
      source: String(body.query ?? ''),
      rootValue: graphQLRoot,
      variableValues: body.variables as Record<string, unknown> | undefined,
    });
    if (result.errors === undefined) return { data: result.data };
    const errors = result.errors.map((error) => ({
      ...(error.originalError instanceof GraphQLTypedError ? { type: error.originalError.type } : {}),
      ...formatError(error),
    }));
    return result.data === undefined ? { errors } : { data: result.data, errors };
  };

  refs.set(
    `heads/${branch}`,
    writeCommit(
      withFiles(undefined, [{ path: ['README.md'], sha: writeBlob(Buffer.from('Cases\n')) }]),
      [],
      'Start the case repository',
    ),
  );

  const base = `${enterprise ? '/api/v3' : ''}/repos/${owner}/${repo}`;
  const graphQLPath = enterprise ? '/api/graphql' : '/graphql';
  type Handler = (
    match: string[],
    body: Record<string, unknown>,
    query: URLSearchParams,
  ) => [number, unknown];
  const routes: [string, RegExp, Handler][] = [
    [
      'GET',
      /^\/git\/ref\/heads\/(.+)$/,
      ([, name = '']) => {
        const sha = refs.get(`heads/${decodeURIComponent(name)}`);
        if (sha === undefined) throw new HttpError(404, 'Not Found');
        return [200, { ref: `refs/heads/${name}`, object: { sha, type: 'commit' } }];
      },
    ],
    [
      'GET',
      /^\/git\/commits\/([0-9a-f]{40})$/,
      ([, sha = '']) => {
        const commit = get(sha, 'commit');
        return [
          200,
          {
            sha,
            message: commit.message,
            tree: { sha: commit.tree },
            parents: commit.parents.map((p) => ({ sha: p })),
          },
        ];
      },
    ],
    [
      'GET',
      /^\/git\/trees\/([0-9a-f]{40})$/,
      ([, sha = ''], _body, query) => {
        const entries = query.get('recursive')
          ? walk(sha)
          : get(sha, 'tree').entries.map((e) => ({ ...e, path: e.name }));
        return [
          200,
          {
            sha,
            truncated: false,
            tree: entries.map(({ path, mode, type, sha: entrySha }) => ({ path, mode, type, sha: entrySha })),
          },
        ];
      },
    ],
    [
      'GET',
      /^\/git\/blobs\/([0-9a-f]{40})$/,
      ([, sha = '']) => {
        const blob = get(sha, 'blob');
        return [
          200,
          { sha, size: blob.data.byteLength, encoding: 'base64', content: blob.data.toString('base64') },
        ];
      },
    ],
    [
      'POST',
      /^\/git\/blobs$/,
      (_match, body) => {
        const data = Buffer.from(String(body.content), body.encoding === 'base64' ? 'base64' : 'utf8');
        return [201, { sha: writeBlob(data) }];
      },
    ],
    [
      'POST',
      /^\/git\/trees$/,
      (_match, body) => {
        const baseTree = body.base_tree === undefined ? undefined : String(body.base_tree);
        const files = (body.tree as { path: string; sha?: string | null; content?: string }[]).map(
          (entry) => ({
            path: entry.path.split('/'),
            sha:
              entry.content !== undefined
                ? writeBlob(Buffer.from(entry.content, 'utf8'))
                : entry.sha === null
                  ? null
                  : (entry.sha ?? ''),
          }),
        );
        return [201, { sha: withFiles(baseTree, files) }];
      },
    ],
    [
      'POST',
      /^\/git\/commits$/,
      (_match, body) => {
        get(String(body.tree), 'tree');
        const parents = body.parents as string[];
        for (const parent of parents) get(parent, 'commit');
        return [201, { sha: writeCommit(String(body.tree), parents, String(body.message)) }];
      },
    ],
    [
      'PATCH',
      /^\/git\/refs\/heads\/(.+)$/,
      ([, name = ''], body) => {
        const ref = `heads/${decodeURIComponent(name)}`;
        const head = refs.get(ref);
        const sha = String(body.sha);
        get(sha, 'commit');
        if (head === undefined) throw new HttpError(422, 'Reference does not exist');
        if (body.force !== true && !descendsFrom(sha, head))
          throw new HttpError(422, 'Update is not a fast forward');
        refs.set(ref, sha);
        return [200, { ref: `refs/${ref}`, object: { sha, type: 'commit' } }];
      },
    ],
    [
      'GET',
      /^\/contents\/(.+)$/,
      ([, encodedPath = ''], _body, query) => {
        const path = encodedPath.split('/').map(decodeURIComponent).join('/');
        const commit = get(resolveCommit(query.get('ref') ?? branch), 'commit');
        const entry = walk(commit.tree).find((candidate) => candidate.path === path);
        if (entry === undefined) throw new HttpError(404, 'Not Found');
        if (entry.type === 'tree')
          return [
            200,
            walk(entry.sha, `${path}/`).filter((e) => !e.path.slice(path.length + 1).includes('/')),
          ];
        const data = get(entry.sha, 'blob').data;
        // GitHub wraps the base64 at 60 characters.
        const content = data.toString('base64').replace(/.{60}/g, '$&\n');
        return [
          200,
          {
            type: 'file',
            name: path.split('/').pop(),
            path,
            sha: entry.sha,
            size: data.byteLength,
            encoding: 'base64',
            content,
          },
        ];
      },
    ],
  ];

  /** Why GitHub would not take this request, as its published descriptions say; undefined if it would. */
  const contractViolation = (method: string, url: URL, raw: string): string | undefined => {
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      return `${method} ${url.pathname}: the body is not JSON`;
    }
    if (url.pathname === graphQLPath) {
      const query = (body as { query?: unknown } | undefined)?.query;
      return method === 'POST' && typeof query === 'string'
        ? graphQLViolation(query)
        : `${method} ${url.pathname}: GitHub's GraphQL API takes a POST of a query`;
    }
    const path = enterprise ? url.pathname.replace(/^\/api\/v3/, '') : url.pathname;
    return restViolation(enterprise ? 'ghes-3.19' : 'api.github.com', method, path, url.searchParams, body);
  };

  const send = (
    response: ServerResponse,
    status: number,
    json: unknown,
    headers: Record<string, string> = {},
  ) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(json));
  };

  let hooks: { method: string; pathEnd: string; action: () => void }[] = [];

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const method = request.method ?? 'GET';
    requests.push({ method, path: url.pathname });
    const raw = Buffer.concat(chunks).toString('utf8');
    const violation = contractViolation(method, url, raw);
    if (violation !== undefined) {
      violations.push(violation);
      return send(response, 400, { message: `Not GitHub's API: ${violation}` });
    }
    const hook = hooks.find(
      (candidate) => candidate.method === method && url.pathname.endsWith(candidate.pathEnd),
    );
    if (hook !== undefined) {
      hooks = hooks.filter((candidate) => candidate !== hook);
      hook.action();
    }

    if (rateLimit.count > 0) {
      rateLimit = { ...rateLimit, count: rateLimit.count - 1 };
      return send(
        response,
        403,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        },
        { 'retry-after': String(rateLimit.retryAfterSeconds) },
      );
    }
    const roll = failure.fraction > 0 ? failure.random() : 1;
    const failBefore = roll < failure.fraction / 2;
    const failAfter = !failBefore && roll < failure.fraction;
    if (failBefore) return send(response, 502, { message: 'Server Error' });

    if (
      !/^(Bearer|token) /.test(request.headers.authorization ?? '') ||
      !request.headers.authorization?.endsWith(` ${token}`)
    ) {
      return send(response, 401, { message: 'Bad credentials' });
    }
    if (method === 'POST' && url.pathname === graphQLPath) {
      if (spentPoints.count > 0) {
        spentPoints = { ...spentPoints, count: spentPoints.count - 1 };
        const reset = Math.ceil(Date.now() / 1000) + spentPoints.resetInSeconds;
        return send(
          response,
          200,
          {
            errors: [
              {
                type: 'RATE_LIMIT',
                code: 'graphql_rate_limit',
                message: 'API rate limit already exceeded for user ID 1.',
              },
            ],
          },
          {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(reset),
            'x-ratelimit-resource': 'graphql',
          },
        );
      }
      const json = await answerGraphQL(JSON.parse(raw || '{}'));
      if (failAfter) return send(response, 502, { message: 'Server Error' });
      if (resourceLimits > 0) {
        resourceLimits -= 1;
        return send(response, 200, {
          data: { repository: null },
          errors: [
            {
              type: 'RESOURCE_LIMITS_EXCEEDED',
              path: ['repository'],
              message: 'Resource limits for this query exceeded.',
            },
          ],
        });
      }
      return send(response, 200, json);
    }
    if (!url.pathname.startsWith(`${base}/`)) return send(response, 404, { message: 'Not Found' });
    const path = url.pathname.slice(base.length);
    const route = routes.find(([routeMethod, pattern]) => routeMethod === method && pattern.test(path));
    if (route === undefined) return send(response, 404, { message: 'Not Found' });
    try {
      const [status, json] = route[2](
        path.match(route[1]) ?? [],
        raw === '' ? {} : JSON.parse(raw),
        url.searchParams,
      );
      if (failAfter) return send(response, 502, { message: 'Server Error' });
      return send(response, status, json);
    } catch (error) {
      if (error instanceof HttpError) return send(response, error.status, { message: error.message });
      throw error;
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${enterprise ? '/api/v3' : ''}`,
    owner,
    repo,
    branch,
    token,
    requests,
    violations,
    failRandomly(fraction, seed = 1) {
      failure = { fraction, random: seededRandom(seed) };
    },
    rateLimitNext(count, retryAfterSeconds) {
      rateLimit = { count, retryAfterSeconds };
    },
    spendGraphQLPoints(count, resetInSeconds) {
      spentPoints = { count, resetInSeconds };
    },
    exceedGraphQLResources(count) {
      resourceLimits = count;
    },
    commitMessages() {
      const messages: string[] = [];
      for (let sha = refs.get(`heads/${branch}`); sha !== undefined; sha = get(sha, 'commit').parents[0]) {
        messages.push(get(sha, 'commit').message);
      }
      return messages.slice(0, -1);
    },
    reachableTexts() {
      const texts = new Set<string>();
      const seen = new Set<string>();
      const queue = [refs.get(`heads/${branch}`) as string];
      for (let sha = queue.pop(); sha !== undefined; sha = queue.pop()) {
        if (seen.has(sha)) continue;
        seen.add(sha);
        const commit = get(sha, 'commit');
        queue.push(...commit.parents);
        for (const entry of walk(commit.tree)) {
          if (entry.type === 'blob') texts.add(get(entry.sha, 'blob').data.toString('utf8'));
        }
      }
      return [...texts];
    },
    commitAsStaff(path, text, message) {
      const head = refs.get(`heads/${branch}`) as string;
      const tree = withFiles(get(head, 'commit').tree, [
        { path: path.split('/'), sha: writeBlob(Buffer.from(text, 'utf8')) },
      ]);
      refs.set(`heads/${branch}`, writeCommit(tree, [head], message));
    },
    beforeNext(method, pathEnd, action) {
      hooks.push({ method, pathEnd, action });
    },
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
      // Every test closes its stand-in, so a request GitHub would refuse fails the test that sent it.
      if (violations.length > 0) {
        throw new Error(`the stand-in was sent requests GitHub would refuse:\n${violations.join('\n')}`);
      }
    },
  };
}
