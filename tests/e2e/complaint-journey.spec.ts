import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { WCAG_TAGS } from '../support/axe.ts';
import { expect, test } from '../support/browser-test.ts';

const providerSlugs = readdirSync(new URL('../../content/providers/', import.meta.url))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

/** Presses Tab until the element with `id` (or the button with that text) has focus, as a keyboard user does. */
async function tabTo(page: Page, target: string): Promise<void> {
  for (let presses = 0; presses < 120; presses += 1) {
    const focused = await page.evaluate(() => ({
      id: document.activeElement?.id,
      button:
        document.activeElement?.tagName === 'BUTTON' ? document.activeElement.textContent?.trim() : undefined,
    }));
    if (focused.id === target || focused.button === target) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

/** Picks the first option of a radio group with Space, or the second with the down arrow. */
async function choose(page: Page, id: string, option: 'first' | 'second'): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.press(option === 'first' ? 'Space' : 'ArrowDown');
}

async function expectNoViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    state,
  ).toEqual([]);
}

/** The case store the test server's function commits to: its default, `.data/cases` here. */
const caseRepository = join(
  process.env.REDRESS_DATA_DIR ?? fileURLToPath(new URL('../../.data', import.meta.url)),
  'cases',
);

/** Every commit message in the case store (none while it does not exist yet). */
function caseStoreHistory(): string {
  try {
    return execFileSync('git', ['-C', caseRepository, 'log', '--format=%B'], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

// A recent date, inside every provider's time limit.
const happened = new Date(Date.now() - 5 * 24 * 60 * 60 * 1000);

for (const slug of providerSlugs) {
  test(`${slug}: a complaint made with the keyboard alone reaches the confirmation with its reference`, async ({
    page,
    javaScriptEnabled,
  }) => {
    await page.goto(`/${slug}/complain/`);
    await typeInto(page, 'full-name', 'Kim Keyboard');
    await typeInto(page, 'email', 'kim@example.org');
    await choose(page, 'for-someone-else', 'second');
    await choose(page, 'role', 'first');
    await choose(page, 'under-18', 'second');
    await choose(page, 'about', 'first');
    await typeInto(page, 'what-happened', 'Three sessions in a row were cancelled at the last minute.');
    await typeInto(page, 'happened-day', String(happened.getUTCDate()));
    await typeInto(page, 'happened-month', String(happened.getUTCMonth() + 1));
    await typeInto(page, 'happened-year', String(happened.getUTCFullYear()));
    await choose(page, 'raised-informally', 'second');
    await typeInto(page, 'outcome-wanted', 'The sessions made up before the assessment.');
    await tabTo(page, 'Send complaint');
    await page.keyboard.press('Enter');

    // The first post also bundles the function on the test server: allow it time.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaint received', {
      timeout: 30_000,
    });
    await expect(page.locator('.reference')).toHaveText(/^[A-Z]{2,4}-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/);
    await expect(page).toHaveTitle(/^Complaint received/);
    // The function, bundled and served as on Netlify, commits the case after answering.
    const reference = await page.locator('.reference').textContent();
    await expect.poll(caseStoreHistory, { timeout: 20_000 }).toContain(`Receive ${reference}`);
    if (javaScriptEnabled) await expectNoViolations(page, `${slug}: confirmation`);
  });
}

test('sending the form empty shows the error summary focused, and each of its links goes to its question', async ({
  page,
  javaScriptEnabled,
}) => {
  await page.goto('/cqm/complain/');
  await page.getByRole('button', { name: 'Send complaint' }).press('Enter');
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('There is a problem');
  if (!javaScriptEnabled) await expect(page).toHaveTitle(/^Error: /);
  const links = summary.getByRole('link');
  expect(await links.count()).toBeGreaterThan(5);
  await links.first().press('Enter');
  await expect(page.locator('#full-name')).toBeFocused();
  if (javaScriptEnabled) await expectNoViolations(page, 'cqm: errors after sending the form empty');
});
