// How long the staff editor takes to show a provider's case list of 1,000 open cases on the local
// backend: the built site, decap-server in git mode over a case store of 1,000 CQM cases, and
// Debian's Chromium. Prints the time from "Login" to the first case shown, to every case loaded,
// and to the list filtered to overdue cases; then the same for a handler coming back (signed in).
// Goal: ≤ 2 s to show the list.
//   node bench/case-list.mjs            builds the site first
//   node bench/case-list.mjs --no-build uses the existing dist/
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { loadProvider } from '../src/adapters/content-files.ts';
import { DEFAULTS } from '../src/composition/defaults.ts';
import { writeSyntheticCases } from './support/synthetic-cases.mjs';

const CASES = 1000;
const GOAL_MS = 2000;
// Ports of their own, so the benchmark can run beside `npm start` or the end-to-end tests.
const SITE_PORT = 4394;
const BACKEND_PORT = 8181;
const root = fileURLToPath(new URL('..', import.meta.url));

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['astro', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const dir = await mkdtemp(join(tmpdir(), 'redress-bench-case-list-'));
await writeSyntheticCases(dir, [await loadProvider('cqm')], { count: CASES, today: '2027-01-13' });

/** Starts a node script and resolves once it prints `ready` on its output. */
function start(args, env, ready) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      if (ready.test(chunk.toString())) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} stopped (exit ${code})`)));
  });
}

const children = [];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  children.push(
    await start(
      ['node_modules/decap-server/dist/index.js'],
      { PORT: String(BACKEND_PORT), MODE: 'git', GIT_REPO_DIRECTORY: dir },
      /listening/,
    ),
    await start(['tests/e2e/support/serve.mjs', String(SITE_PORT)], {}, /Serving/),
  );
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // The built editor talks to the local backend's usual port; here that is the benchmark's own.
  await page.route(`http://localhost:${DEFAULTS.caseEditorBackendPort}/**`, (route) =>
    route.continue({
      url: route.request().url().replace(`:${DEFAULTS.caseEditorBackendPort}/`, `:${BACKEND_PORT}/`),
    }),
  );
  // Each case in the list is a link to its entry, named by the collection's summary.
  const CARDS = 'a[href*="/collections/cases/entries/"]';
  const cardsShown = (atLeast) =>
    page.waitForFunction(
      ([selector, n]) => document.querySelectorAll(selector).length >= n,
      [CARDS, atLeast],
      {
        timeout: 60_000,
      },
    );

  /** Milliseconds from `action` until the list shows a case, every case, and only the overdue ones. */
  async function timeList(action) {
    const started = performance.now();
    await action();
    await cardsShown(1);
    const shown = performance.now() - started;
    await cardsShown(CASES);
    const loaded = performance.now() - started;
    const filterStarted = performance.now();
    await page.getByRole('button', { name: 'Filter by' }).click();
    await page.getByText('Overdue', { exact: true }).click();
    await page.waitForFunction(
      ([selector, n]) => document.querySelectorAll(selector).length < n,
      [CARDS, CASES],
      { timeout: 60_000 },
    );
    const filtered = performance.now() - filterStarted;
    return { shown, loaded, filtered, count: await page.locator(CARDS).count() };
  }

  await page.goto(`http://127.0.0.1:${SITE_PORT}/cases/cqm/`);
  const first = await timeList(() => page.getByRole('button', { name: /login/i }).click());
  const again = await timeList(() => page.reload());
  console.log(`cases:              ${CASES} open CQM cases on the local backend (git)`);
  for (const [name, run] of [
    ['after Login', first],
    ['coming back', again],
  ]) {
    console.log(`${name}:`);
    console.log(
      `  list shown:       ${(run.shown / 1000).toFixed(2)} s (goal ≤ ${GOAL_MS / 1000} s: ${run.shown <= GOAL_MS ? 'met' : 'NOT met'})`,
    );
    console.log(`  all loaded:       ${(run.loaded / 1000).toFixed(2)} s`);
    console.log(`  filtered overdue: ${(run.filtered / 1000).toFixed(2)} s (${run.count} shown)`);
  }
} finally {
  await browser.close();
  for (const child of children) child.kill();
  await rm(dir, { recursive: true, force: true });
}
