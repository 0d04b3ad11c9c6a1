import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Playwright's `test`, with every page of a test watched for Content-Security-Policy violations:
 * Chromium reports each one on the console (or as an error thrown by the page), and a test whose
 * pages had any fails. So every browser test also proves the site works under the headers it is
 * served with (src/http/security-headers.ts).
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    const violations: string[] = [];
    const isViolation = (text: string) => text.includes('Content Security Policy');
    context.on('console', (message) => {
      if (isViolation(message.text())) violations.push(message.text());
    });
    context.on('weberror', (error) => {
      if (isViolation(error.error().message)) violations.push(error.error().message);
    });
    await use(context);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },
});

export { expect };

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails with every WCAG 2.2 AA violation axe finds on the page, named by rule and element. */
export async function expectNoViolations(page: Page, state: string): Promise<void> {
  // axe runs as a script in the page, so not where scripts are off; the project with JavaScript
  // checks the same server-rendered pages.
  if (base.info().project.use.javaScriptEnabled === false) return;
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    state,
  ).toEqual([]);
}
