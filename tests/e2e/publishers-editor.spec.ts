import { type ChildProcess, execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { parse } from 'yaml';
import { DEFAULTS } from '../../src/composition/defaults.ts';
import type { ProviderInput } from '../../src/core/provider.ts';
import { startDecapServer } from './support/decap-server.ts';

/**
 * The publishers' editor at /admin/ against the local backend `npm start` runs: decap-server in
 * file mode, here over a copy of the site, so the repository's own provider files are never touched.
 * The copy is then built as the site is, and its policy page is read.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What `astro build` reads; node_modules is linked, not copied. */
const SITE_FILES = ['astro.config.mjs', 'cms', 'content', 'package.json', 'src', 'tsconfig.json'];
const PROVIDER_FILE = 'content/providers/cqm.yaml';
const NEW_QUOTE = 'You can expect your complaint to be acknowledged within 2 working days of receipt.';

let copy = '';
let server: ChildProcess | undefined;

test.beforeAll(async ({}, testInfo) => {
  // Skipped here rather than per test, so the project without JavaScript starts no decap-server.
  test.skip(testInfo.project.use.javaScriptEnabled === false, 'Decap CMS is a JavaScript application');
  copy = mkdtempSync(join(tmpdir(), 'redress-publishers-editor-'));
  for (const name of SITE_FILES) cpSync(join(ROOT, name), join(copy, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  server = await startDecapServer({ port: DEFAULTS.adminEditorBackendPort, mode: 'fs', directory: copy });
});

test.afterAll(() => {
  server?.kill();
  if (copy !== '') rmSync(copy, { recursive: true, force: true });
});

const providerFile = () => parse(readFileSync(join(copy, PROVIDER_FILE), 'utf8')) as ProviderInput;

/**
 * Builds the copy as `npm run build` does, but with Astro's cache inside the copy: its default
 * place is the linked node_modules, and a content store holding the edited provider has no
 * business in the repository's own cache.
 */
async function buildCopy(): Promise<void> {
  const build =
    "import { build } from 'astro'; await build({ cacheDir: './.astro-cache', logLevel: 'error' });";
  await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', build], { cwd: copy });
}

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

test('a publisher changes CQM’s stage 1 acknowledgement to 2 working days; after a rebuild the policy page promises 2 working days', async ({
  page,
}) => {
  // A build of the copy takes 10 to 20 seconds on two shared cores.
  test.setTimeout(180_000);
  await page.goto('/cqm/');
  const summary = page.getByRole('region', { name: 'How to complain and what happens' });
  await expect(summary).toContainText('We will acknowledge your complaint within 4 working days.');
  const before = providerFile();

  await page.goto('/admin/');
  await page.getByRole('button', { name: /login/i }).click();
  await page.getByRole('link', { name: 'Procedures' }).click();
  await page.getByRole('link', { name: 'CQM Training & Consultancy' }).click();
  const stageOne = await openListItem(page, 'stage-1');
  const acknowledge = await openGroup(stageOne, /^Acknowledge/);
  await expect(acknowledge.getByLabel('Count')).toHaveValue('4');
  await acknowledge.getByLabel('Count').fill('2');
  await acknowledge.getByLabel('Quote').fill(NEW_QUOTE);
  await page.getByRole('button', { name: /^publish$/i }).click();
  await page.getByText('Publish now').click();
  await expect(page.getByText('Entry saved')).toBeVisible();

  expect(providerFile()).toEqual({
    ...before,
    stages: before.stages.map((stage) =>
      stage.id === 'stage-1'
        ? { ...stage, acknowledge: { within: { unit: 'working-days', count: 2 }, quote: NEW_QUOTE } }
        : stage,
    ),
  });

  await buildCopy();
  await page.goto(pathToFileURL(join(copy, 'dist/cqm/index.html')).href);
  await expect(summary).toContainText('We will acknowledge your complaint within 2 working days.');
  await expect(summary).not.toContainText('within 4 working days');
});
