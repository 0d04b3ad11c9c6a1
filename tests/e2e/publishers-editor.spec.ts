import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { DEFAULTS } from '../../src/composition/defaults.ts';
import { summariseProcedure } from '../../src/core/procedure-summary.ts';
import { type ProviderInput, ProviderSchema } from '../../src/core/provider.ts';
import { violations } from '../support/axe.ts';
import { expect, test } from '../support/browser-test.ts';
import { buildSite, copySite, PUBLISHED_CONTENT } from '../support/site-copy.ts';
import { startDecapServer } from './support/decap-server.ts';

/**
 * The publishers' editor at /admin/ against the local backend `npm start` runs: decap-server in
 * file mode, here over a copy of the site, so the repository's own provider files are never touched.
 * The copy is then built as the site is, and its policy page is read.
 */

const PROVIDER_FILE = 'content/providers/cqm.yaml';

let copy = '';
let server: ChildProcess | undefined;

test.beforeAll(async ({}, testInfo) => {
  // Skipped here rather than per test, so the project without JavaScript starts no decap-server.
  test.skip(testInfo.project.use.javaScriptEnabled === false, 'Decap CMS is a JavaScript application');
  copy = await copySite(PUBLISHED_CONTENT);
  server = await startDecapServer({ port: DEFAULTS.adminEditorBackendPort, mode: 'fs', directory: copy });
});

test.afterAll(() => {
  server?.kill();
  if (copy !== '') rmSync(copy, { recursive: true, force: true });
});

const providerFile = () => parse(readFileSync(join(copy, PROVIDER_FILE), 'utf8')) as ProviderInput;

/** Every published provider, by file and by the name the editor lists it under. */
const PROVIDERS = readdirSync(PUBLISHED_CONTENT.providers)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => {
    const { name } = parse(readFileSync(join(PUBLISHED_CONTENT.providers, file), 'utf8')) as ProviderInput;
    return { file: `content/providers/${file}`, name };
  });

/** The preview of the page beside the form. */
const previewOf = (page: Page) => page.frameLocator('iframe#preview-pane');

/** Signs in to the publishers' editor and opens a provider's procedure. */
async function openProcedure(page: Page, name: string): Promise<void> {
  await page.goto('/admin/');
  // Once signed in, the local backend keeps the publisher signed in.
  const login = page.getByRole('button', { name: /login/i });
  const procedures = page.getByRole('link', { name: 'Procedures' });
  await expect(login.or(procedures)).toBeVisible();
  if (await login.isVisible()) await login.click();
  await procedures.click();
  await page.getByRole('link', { name, exact: true }).click();
}

/** Publishes the entry open in the editor and waits until Decap has written it. */
async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^publish$/i }).click();
  await page.getByText('Publish now').click();
  // A second save in a row finds the first one's message still showing.
  await expect(page.getByText('Entry saved').last()).toBeVisible();
}

/** The sentence CQM's policy page gives for its stage 1 acknowledgement, as the file now reads. */
const acknowledgementPromised = (provider: ProviderInput): string => {
  const stage = summariseProcedure(ProviderSchema.parse(provider)).stages.find(({ id }) => id === 'stage-1');
  const clock = stage?.clocks.find(({ kind }) => kind === 'acknowledge');
  if (clock === undefined) throw new Error('CQM’s stage 1 acknowledges complaints');
  return clock.text;
};

/** A list item of Decap shows its summary while it is closed; the first button of the item opens it. */
async function openListItem(page: Page, summary: string): Promise<Locator> {
  const item = page.getByText(summary, { exact: true }).locator('..');
  await item.getByRole('button').first().click();
  return item;
}

/**
 * A closed group of fields, opened. Decap gives a group no role or name; its label's `for` names
 * the element that holds the group's fields.
 */
async function openGroup(scope: Locator, label: RegExp): Promise<Locator> {
  const id = await scope.locator('label', { hasText: label }).getAttribute('for');
  const group = scope.locator(`[id="${id}"]`);
  await group.getByRole('button', { name: 'Expand' }).click();
  return group;
}

// The published clock is read from the file, not written here, so this test stays true whatever a
// publisher has set it to; the edit changes its count to one it is not.
test('a publisher changes CQM’s stage 1 acknowledgement; after a rebuild the policy page promises the new period', async ({
  page,
}) => {
  // A build of the copy takes 10 to 20 seconds on two shared cores.
  test.setTimeout(180_000);
  const before = providerFile();
  const published = before.stages.find(({ id }) => id === 'stage-1')?.acknowledge;
  if (published === undefined) throw new Error('CQM’s stage 1 acknowledges complaints');
  const count = published.within.count === 2 ? 3 : 2;
  const newQuote = `You can expect your complaint to be acknowledged within ${count} working days of receipt.`;
  await page.goto('/cqm/');
  const summary = page.getByRole('region', { name: 'How to complain and what happens' });
  await expect(summary).toContainText(acknowledgementPromised(before));

  await page.goto('/admin/');
  await page.getByRole('button', { name: /login/i }).click();
  await page.getByRole('link', { name: 'Procedures' }).click();
  await page.getByRole('link', { name: 'CQM Training & Consultancy' }).click();
  const stageOne = await openListItem(page, 'stage-1');
  const acknowledge = await openGroup(stageOne, /^Acknowledge/);
  await expect(acknowledge.getByLabel('Count')).toHaveValue(String(published.within.count));
  await acknowledge.getByLabel('Count').fill(String(count));
  await acknowledge.getByLabel('Quote').fill(newQuote);
  await page.getByRole('button', { name: /^publish$/i }).click();
  await page.getByText('Publish now').click();
  await expect(page.getByText('Entry saved')).toBeVisible();

  expect(providerFile()).toEqual({
    ...before,
    stages: before.stages.map((stage) =>
      stage.id === 'stage-1'
        ? { ...stage, acknowledge: { ...published, within: { ...published.within, count }, quote: newQuote } }
        : stage,
    ),
  });

  await buildSite(copy);
  await page.goto(pathToFileURL(join(copy, 'dist/cqm/index.html')).href);
  await expect(summary).toContainText(acknowledgementPromised(providerFile()));
  await expect(summary).not.toContainText(acknowledgementPromised(before));
});

test("the publishers' editor has no axe violations, Decap's own parts included", async ({ page }) => {
  await page.goto('/admin/');
  await expect(page.getByRole('button', { name: /login/i })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: /login/i }).click();
  await page.getByRole('link', { name: 'Procedures' }).click();
  await expect(page.getByRole('link', { name: 'CQM Training & Consultancy' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('link', { name: 'CQM Training & Consultancy' }).click();
  // The frame is named after Decap renders it, so a screen reader says what it holds.
  await expect(page.getByTitle('Preview of the page')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  // Each list item's buttons say what they do, and the keyboard goes from one to the other past
  // the drag handle, which does nothing from the keyboard (cms/editor-chrome.ts).
  const fold = page.getByRole('button', { name: 'Show or hide this item' }).first();
  await fold.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Remove this item' }).first()).toBeFocused();
  // A yes/no field's switch keeps its own label: only the Markdown toolbar's switch is named "Markdown".
  const informalStage = page
    .locator('[class*="-ListItem"]', {
      has: page.locator('[class*="-NestedObjectLabel"]', { hasText: /^informal$/ }),
    })
    .last();
  await informalStage.getByRole('button', { name: 'Show or hide this item' }).first().click();
  await expect(informalStage.getByRole('switch').first()).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Markdown' })).toHaveCount(0);
});

/** The lines of `after` that differ from `before`, each as [before, after]; both must have as many lines. */
function changedLines(before: string, after: string): [string | undefined, string][] {
  const beforeLines = before.split('\n');
  const afterLines = after.split('\n');
  expect(afterLines).toHaveLength(beforeLines.length);
  return afterLines.flatMap((line, i) => (line === beforeLines[i] ? [] : [[beforeLines[i], line]]));
}

// Decap rewrites the whole file on every save; the files are kept the way it writes them
// (cms/provider-file-format.ts). Decap saves only an entry that differs from the file, so each
// provider is saved twice: with its summary changed, then with it put back.
test('saving each provider through the editor changes only what was changed, and putting it back restores the file byte for byte', async ({
  page,
}) => {
  test.setTimeout(300_000);
  for (const provider of PROVIDERS) {
    const read = () => readFileSync(join(copy, provider.file), 'utf8');
    const original = read();
    await openProcedure(page, provider.name);
    const summary = page.getByLabel('Summary', { exact: true }).first();
    const value = await summary.inputValue();

    await summary.fill(`${value} (changed)`);
    await publish(page);
    await expect.poll(read).not.toBe(original);
    expect(changedLines(original, read()), provider.file).toEqual([
      [`summary: ${value}`, `summary: ${value} (changed)`],
    ]);

    // Decap compares the entry with the one it opened, so the change is undone in a fresh opening.
    await openProcedure(page, provider.name);
    await expect(summary).toHaveValue(`${value} (changed)`);
    await summary.fill(value);
    await publish(page);
    await expect.poll(read, provider.file).toBe(original);
  }
});

test('a changed clock shows its new timescale in the preview before saving, and changes only its own line', async ({
  page,
}) => {
  const beforeText = readFileSync(join(copy, PROVIDER_FILE), 'utf8');
  const before = providerFile();
  const published = before.stages.find(({ id }) => id === 'stage-1')?.acknowledge;
  if (published === undefined) throw new Error('CQM’s stage 1 acknowledges complaints');
  const count = published.within.count === 5 ? 6 : 5;
  const after: ProviderInput = {
    ...before,
    stages: before.stages.map((stage) =>
      stage.id === 'stage-1'
        ? { ...stage, acknowledge: { ...published, within: { ...published.within, count } } }
        : stage,
    ),
  };

  await openProcedure(page, 'CQM Training & Consultancy');
  const preview = previewOf(page);
  const summary = preview.getByRole('region', { name: 'How to complain and what happens' });
  await expect(summary).toContainText(acknowledgementPromised(before));
  const stageOne = await openListItem(page, 'stage-1');
  const acknowledge = await openGroup(stageOne, /^Acknowledge/);
  await acknowledge.getByLabel('Count').fill(String(count));
  await expect(summary).toContainText(acknowledgementPromised(after));
  await expect(summary).not.toContainText(acknowledgementPromised(before));

  await publish(page);
  expect(changedLines(beforeText, readFileSync(join(copy, PROVIDER_FILE), 'utf8'))).toEqual([
    [
      `      within: { unit: working-days, count: ${published.within.count} }`,
      `      within: { unit: working-days, count: ${count} }`,
    ],
  ]);
  expect(providerFile()).toEqual(after);
});

test('the policy preview shows the version block as the page will, and follows an edit', async ({ page }) => {
  await page.goto('/admin/');
  await page.getByRole('button', { name: /login/i }).click();
  await page.getByRole('link', { name: 'Policies' }).click();
  await page.locator('a[href="#/collections/policies/entries/cqm"]').click();
  const about = previewOf(page).getByRole('region', { name: 'About this policy' });
  await expect(about.getByRole('definition').nth(1)).toHaveText('5');
  // Decap marks an optional field's label "(optional)".
  await page.getByLabel(/^Version\b/).fill('6');
  await expect(about.getByRole('definition').nth(1)).toHaveText('6');
  await expect(previewOf(page).getByRole('heading', { name: /^The policy in full/ })).toBeVisible();
  // The preview, in its frame.
  expect(await violations(page, ['iframe#preview-pane', 'body'])).toEqual([]);
});
test("the policy editor has no axe violations, Decap's Markdown editor in both its modes included", async ({
  page,
}) => {
  await page.goto('/admin/');
  await page.getByRole('button', { name: /login/i }).click();
  await page.getByRole('link', { name: 'Policies' }).click();
  await page.locator('a[href="#/collections/policies/entries/cqm"]').click();
  // Changed and not yet saved: the badge that says so and the Publish button are showing.
  await page.getByLabel(/^Version\b/).fill('6');
  await expect(page.getByText('Unsaved Changes')).toBeVisible();
  // The whole editor (cms/editor-chrome.ts, src/styles/editor.css).
  expect(await violations(page)).toEqual([]);
  await expect(page.getByRole('textbox', { name: 'Policy text' })).toBeVisible();
  // A toolbar menu is one control: it opens from the keyboard and with a click.
  const headings = page.locator('[role="button"][aria-label="Headings"]');
  await headings.focus();
  await page.keyboard.press('Enter');
  await expect(headings).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(headings).toHaveAttribute('aria-expanded', 'false');
  await headings.click();
  await expect(headings).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  const markdown = page.getByRole('switch', { name: 'Markdown' });
  await expect(markdown).toHaveAttribute('aria-checked', 'false');
  await markdown.click();
  await expect(page.getByRole('switch', { name: 'Markdown' })).toHaveAttribute('aria-checked', 'true');
  expect(await violations(page)).toEqual([]);
});
