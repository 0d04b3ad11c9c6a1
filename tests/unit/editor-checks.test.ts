import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { reviewPublishedEntry } from '../../cms/admin-save.ts';
import { pathsToRemove } from '../../cms/case-save.ts';
import { emptyValuePaths } from '../../cms/entry-checks.ts';
import { FIXTURE_CONTENT } from '../support/fixtures.ts';

const providerData = (slug: string) =>
  parse(readFileSync(join(FIXTURE_CONTENT.providers, `${slug}.yaml`), 'utf8')) as Record<string, unknown>;
const policyData = (file: string) => {
  const [, frontMatter = '', body = ''] = readFileSync(join(FIXTURE_CONTENT.policies, file), 'utf8').split(
    /^---$/m,
  );
  return { ...(parse(frontMatter) as Record<string, unknown>), body };
};
const slugs = readdirSync(FIXTURE_CONTENT.providers)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

describe('the publishers’ editor refuses what the build would refuse', () => {
  it.each(slugs)('saves the %s fixture’s procedure and policy unchanged', (slug) => {
    expect(reviewPublishedEntry('providers', providerData(slug))).toEqual([]);
    expect(reviewPublishedEntry('policies', policyData(`${slug}.md`))).toEqual([]);
  });

  it('names the field, as the form labels it, of a clock left without its policy sentence', () => {
    const cqm = providerData('cqm');
    const stages = cqm.stages as Record<string, unknown>[];
    const edited = stages.map((stage) =>
      stage.id === 'stage-1'
        ? { ...stage, acknowledge: { within: { unit: 'working-days', count: 2 } } }
        : stage,
    );
    const problems = reviewPublishedEntry('providers', { ...cqm, stages: edited });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Stages › item 2 › Acknowledge › Quote: /);
  });

  it('refuses a review date that is not a date', () => {
    const problems = reviewPublishedEntry('policies', {
      ...policyData('cqm.md'),
      nextReviewDate: 'next year',
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Next review date: /);
  });
});

describe('empty fields Decap writes', () => {
  it('are found wherever they are, list items last-first so removing one never moves the next', () => {
    expect(
      emptyValuePaths({ a: '', b: { c: null, d: 'kept' }, list: [{ e: '' }, 'kept', ''], n: 0, f: false }),
    ).toEqual([['a'], ['b', 'c'], ['list', 2], ['list', 0, 'e']]);
  });

  it('take the representative group with them when staff never named a representative', () => {
    expect(pathsToRemove({ representative: { name: '', consent: { confirmed: false } } })).toEqual([
      ['representative'],
    ]);
    expect(pathsToRemove({ representative: { name: 'Jo', email: '' } })).toEqual([
      ['representative', 'email'],
    ]);
  });
});
