import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicies, loadProvider, loadProviders } from '../../src/adapters/content-files.ts';
import { PUBLISHED_CONTENT } from '../support/site-copy.ts';

/**
 * The content check: what publishers edit in /admin/ (content/providers and content/policies) is
 * content the site can publish. It names no clock or date; those are in the content snapshot
 * (published-rules.test.ts), so a publisher's edit to a clock fails nothing here.
 */

const slugs = (await readdir(PUBLISHED_CONTENT.providers))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.slice(0, -'.yaml'.length))
  .sort();
const providers = await loadProviders(PUBLISHED_CONTENT.providers);
const policies = new Map(await loadPolicies(PUBLISHED_CONTENT.policies));

describe('every published provider file can be used', () => {
  it('there are published providers', () => {
    expect(slugs.length).toBeGreaterThan(0);
  });

  it.each(slugs)('content/providers/%s.yaml parses', async (slug) => {
    expect((await loadProvider(slug, PUBLISHED_CONTENT.providers)).slug).toBe(slug);
  });
});

describe('every provider has its policy, and every policy its provider', () => {
  it('the policies in content/policies are exactly the providers', () => {
    expect([...policies.keys()].sort()).toEqual(slugs);
  });
});

/** Every `quote` in a provider file, with where it is. */
function quotesOf(value: unknown, path = ''): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => quotesOf(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]): [string, string][] => {
    const at = path === '' ? key : `${path}.${key}`;
    // A procedure step's `procedure` is the policy's own words too.
    if ((key === 'quote' || key === 'procedure') && typeof item === 'string') return [[at, item]];
    return quotesOf(item, at);
  });
}

/** Text as read, without Markdown's marks or line wrapping, so a quote matches however the policy is laid out. */
const plain = (text: string): string =>
  text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*[-*]\s+/gm, '')
    .replace(/[*_`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

// A provider's page promises how to complain, who deals with it and how long each step takes; each
// of those comes from a rule, and each rule must be one its published policy states.
describe('what the public pages promise is what the policies state', () => {
  it.each(providers.map((provider) => [provider.slug, provider] as const))(
    '%s: every quote is word for word in its published policy text',
    async (slug, provider) => {
      const policy = plain(await readFile(join(PUBLISHED_CONTENT.policies, `${slug}.md`), 'utf8'));
      const misquoted = quotesOf(provider)
        .filter(([, quote]) => !policy.includes(plain(quote)))
        .map(([at]) => at);
      expect(misquoted).toEqual([]);
    },
  );

  it('every stage says which policy sentence sets it up', () => {
    const unquoted = providers.flatMap((provider) =>
      provider.stages
        .filter((stage) => stage.quote === undefined)
        .map((stage) => `${provider.slug} ${stage.id}`),
    );
    expect(unquoted).toEqual([]);
  });

  it("every provider keeps its cases in a folder of its own, so one provider's staff never see another's", () => {
    const places = providers.map(({ caseStore }) => `${caseStore.repository}/${caseStore.folder ?? ''}`);
    expect(new Set(places).size).toBe(providers.length);
  });
});
