import { test as base, expect } from '@playwright/test';

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
