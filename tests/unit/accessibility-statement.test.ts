import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DECAP_VIOLATIONS } from '../support/axe.ts';

/** The statement's words, with the line breaks of its source folded into spaces. */
const statement = readFileSync(
  new URL('../../src/pages/accessibility.astro', import.meta.url),
  'utf8',
).replace(/\s+/g, ' ');

describe('the accessibility statement', () => {
  it.each(Object.entries(DECAP_VIOLATIONS))('lists what the editor tests tolerate: %s', (_rule, words) => {
    expect(statement).toContain(words);
  });
});
