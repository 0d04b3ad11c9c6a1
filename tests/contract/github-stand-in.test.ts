import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GitHubStandIn, startGitHubStandIn } from '../support/github-stand-in.ts';

/**
 * The stand-in answers only what GitHub's published descriptions define (the OpenAPI description
 * of the REST API, the GraphQL schema), so the case store's contract tests cannot pass against an
 * API GitHub does not have. The case store's own tests fail through `close` on any such request.
 */
describe('the GitHub stand-in, held to GitHub’s published API', () => {
  let standIn: GitHubStandIn;
  beforeEach(async () => {
    standIn = await startGitHubStandIn();
  });
  afterEach(async () => {
    await standIn.close();
  });

  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${standIn.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${standIn.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const repository = () => `/repos/${standIn.owner}/${standIn.repo}`;
  const head = async () =>
    ((await (await call('GET', `${repository()}/git/ref/heads/main`)).json()) as { object: { sha: string } })
      .object.sha;

  // biome-ignore format: one row a line keeps the table readable as a table
  const refused: { why: string; method: string; path: (repo: string) => string; body?: unknown; violation: RegExp }[] = [
    { why: 'a path GitHub does not have', method: 'GET', path: (repo) => `${repo}/git/refz/heads/main`, violation: /^GET \/repos\/redress-test\/cases\/git\/refz\/heads\/main is not an operation of GitHub's REST API/ },
    { why: 'a method GitHub does not take on that path', method: 'GET', path: (repo) => `${repo}/git/refs/heads/main`, violation: /is not an operation of GitHub's REST API/ },
    { why: 'a query parameter GitHub does not take', method: 'GET', path: (repo) => `${repo}/contents/README.md?branch=main`, violation: /GitHub takes no query parameter branch/ },
    { why: 'a body property GitHub does not take', method: 'POST', path: (repo) => `${repo}/git/blobs`, body: { content: 'x', encoding: 'utf-8', mode: '100644' }, violation: /body\.mode is not a parameter GitHub takes/ },
    { why: 'a body without a property GitHub requires', method: 'POST', path: (repo) => `${repo}/git/commits`, body: { message: 'm', parents: [] }, violation: /body\.tree is required/ },
    { why: 'a tree entry property GitHub does not take', method: 'POST', path: (repo) => `${repo}/git/trees`, body: { tree: [{ path: 'a', mode: '100644', type: 'blob', text: 'a' }] }, violation: /body\.tree\[0\]\.text is not a parameter GitHub takes/ },
    { why: 'a GraphQL field GitHub’s schema lacks', method: 'POST', path: () => '/graphql', body: { query: '{ repository(owner: "redress-test", name: "cases") { object(expression: "main") { ... on Blob { oid contents } } } }' }, violation: /Cannot query field "contents" on type "Blob"/ },
    { why: 'a GraphQL argument GitHub’s schema lacks', method: 'POST', path: () => '/graphql', body: { query: '{ repository(owner: "redress-test", name: "cases") { object(path: "README.md") { oid } } }' }, violation: /Unknown argument "path"/ },
  ];

  it.each(refused)('refuses $why, and lists it', async ({ method, path, body, violation }) => {
    const response = await call(method, path(repository()), body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^Not GitHub's API: /);
    expect(standIn.violations).toEqual([expect.stringMatching(violation)]);
    // Sent on purpose: emptied so that `close` passes.
    standIn.violations.length = 0;
  });

  it('answers the same calls written as GitHub documents them', async () => {
    const blob = await call('POST', `${repository()}/git/blobs`, { content: 'x', encoding: 'utf-8' });
    expect(blob.status).toBe(201);
    const { sha } = (await blob.json()) as { sha: string };
    const tree = await call('POST', `${repository()}/git/trees`, {
      tree: [{ path: 'a', mode: '100644', type: 'blob', sha }],
    });
    expect(tree.status).toBe(201);
    const commit = await call('POST', `${repository()}/git/commits`, {
      message: 'm',
      tree: ((await tree.json()) as { sha: string }).sha,
      parents: [await head()],
    });
    expect(commit.status).toBe(201);
    const moved = await call('PATCH', `${repository()}/git/refs/heads/main`, {
      sha: ((await commit.json()) as { sha: string }).sha,
      force: false,
    });
    expect(moved.status).toBe(200);
    expect((await call('GET', `${repository()}/contents/a?ref=main`)).status).toBe(200);
    const query = await call('POST', '/graphql', {
      query:
        'query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { object(expression: "main:a") { ... on Blob { oid text } } } }',
      variables: { owner: standIn.owner, name: standIn.repo },
    });
    expect(await query.json()).toEqual({ data: { repository: { object: { oid: sha, text: 'x' } } } });
    expect(standIn.violations).toEqual([]);
  });
});
