import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { WCAG_TAGS } from '../support/axe.ts';
import { expect, test } from '../support/browser-test.ts';

/** The providers with a policy page, read from the content rather than from the site under test. */
const providerSlugs = readdirSync(new URL('../../content/providers/', import.meta.url))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

/** Paths of every page the site map lists. */
async function readSitemap(page: Page): Promise<string[]> {
  const response = await page.request.get('/sitemap.xml');
  expect(response.ok(), 'the site map is served').toBe(true);
  const xml = await response.text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
}

test('the site map lists the home page, the statements and every provider page', async ({ page }) => {
  const paths = await readSitemap(page);
  expect(providerSlugs.length, 'there are providers to check').toBeGreaterThan(0);
  const expected = ['/', '/accessibility/', '/privacy/'];
  for (const slug of providerSlugs) expected.push(`/${slug}/`, `/${slug}/procedure/`);
  expect(paths).toEqual(expect.arrayContaining(expected));
});

test('every page in the site map has no axe violations of WCAG 2.2 A and AA', async ({
  page,
  javaScriptEnabled,
}) => {
  // axe runs as a script inside the page, which a browser with JavaScript off will not run;
  // the pages themselves have no script, so the JavaScript project covers them fully.
  test.skip(!javaScriptEnabled, 'axe needs JavaScript in the page');
  for (const path of await readSitemap(page)) {
    await test.step(path, async () => {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const found = violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect.soft(found, `axe violations on ${path}`).toEqual([]);
    });
  }
});

test('every page fits a 320px-wide screen without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of await readSitemap(page)) {
    await test.step(path, async () => {
      await page.goto(path);
      const scrollWidth = await page.locator('html').evaluate((html) => html.scrollWidth);
      expect.soft(scrollWidth, `page width of ${path} at 320px`).toBeLessThanOrEqual(320);
    });
  }
});

test('on every page the first Tab focuses the skip link, which leads to the main content', async ({
  page,
}) => {
  for (const path of await readSitemap(page)) {
    await test.step(path, async () => {
      await page.goto(path);
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      await expect.soft(focused, `first focus on ${path}`).toHaveText('Skip to main content');
      await expect.soft(focused).toHaveAttribute('href', '#main-content');
      await expect.soft(page.locator('main#main-content')).toHaveCount(1);
    });
  }
});

test('on every policy page, Tab reaches the "Make a complaint" link', async ({ page }) => {
  expect(providerSlugs.length, 'there are providers to check').toBeGreaterThan(0);
  for (const slug of providerSlugs) {
    await test.step(`/${slug}/`, async () => {
      await page.goto(`/${slug}/`);
      let reached = false;
      // Generous bound: the link sits near the top, but a page full of links must not hide it.
      for (let presses = 0; presses < 60 && !reached; presses += 1) {
        await page.keyboard.press('Tab');
        const focused = page.locator(':focus');
        reached =
          (await focused.count()) === 1 &&
          (await focused.textContent())?.trim() === 'Make a complaint' &&
          (await focused.getAttribute('href')) === `/${slug}/complain/`;
      }
      expect.soft(reached, `Tab reaches "Make a complaint" on /${slug}/`).toBe(true);
    });
  }
});
