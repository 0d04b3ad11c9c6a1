import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * The dev server `npm start` runs keeps out of the data folder, which is inside the project by
 * default: it never serves a file of it (complaints, the intake queue, the outbox's mail) and never
 * watches it. Vite's own server runs here with the site's Vite settings, over a data folder of its
 * own inside the project, holding what intake writes.
 */

const ROOT = resolve(import.meta.dirname, '../..');
let dataDir: string;
let server: ViteDevServer;
let base: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(ROOT, '.data-dev-server-'));
  await mkdir(join(dataDir, 'cases/cqm/2026'), { recursive: true });
  await mkdir(join(dataDir, 'outbox'), { recursive: true });
  await writeFile(join(dataDir, 'cases/cqm/2026/cqm-261123-aaaaaa.yaml'), 'complainant:\n  name: Dee Data\n');
  await writeFile(join(dataDir, 'outbox/acknowledgement.html'), '<p>Dear Dee Data</p>\n');
  await writeFile(join(ROOT, '.env.dev-server-test'), 'SECRET=1\n');
  process.env.REDRESS_DATA_DIR = dataDir;
  const { default: config } = await import('../../astro.config.mjs');
  server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    ...config.vite,
    server: { ...config.vite?.server, port: 0, host: '127.0.0.1' },
  });
  // Ready once the watcher has read the project, so `getWatched` is complete.
  const ready = new Promise((resolve) => server.watcher.once('ready', resolve));
  await server.listen();
  const address = server.httpServer?.address();
  if (address === null || typeof address !== 'object') throw new Error('the dev server has no port');
  base = `http://127.0.0.1:${address.port}`;
  await ready;
}, 60_000);

afterAll(async () => {
  await server?.close();
  delete process.env.REDRESS_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
  await rm(join(ROOT, '.env.dev-server-test'), { force: true });
});

it.each([
  ['a case file, as raw text', 'cases/cqm/2026/cqm-261123-aaaaaa.yaml', '?raw'],
  ['a case file, through /@fs/', 'cases/cqm/2026/cqm-261123-aaaaaa.yaml', '?raw', true],
  ['mail in the outbox, as a module', 'outbox/acknowledgement.html', '?import'],
  ['mail in the outbox, through /@fs/', 'outbox/acknowledgement.html', '?raw', true],
])('does not serve %s', async (_what, file, query, throughFs = false) => {
  const path = throughFs ? `/@fs${join(dataDir, file)}` : `/${relative(ROOT, join(dataDir, file))}`;
  const response = await fetch(`${base}${path}${query}`);
  const text = await response.text();
  expect(text).not.toContain('Dee Data');
  expect(response.status).not.toBe(200);
});

it('still denies what Vite denies by default', async () => {
  const response = await fetch(`${base}/.env.dev-server-test?raw`);
  expect(await response.text()).not.toContain('SECRET');
});

it('serves the source beside it, so the refusals above are the data folder alone', async () => {
  const response = await fetch(`${base}/src/core/reference.ts?raw`);
  expect(response.status).toBe(200);
});

it('watches the project but nothing in the data folder', () => {
  const watched = Object.keys(server.watcher.getWatched());
  expect(watched).toContain(join(ROOT, 'src/core'));
  expect(watched.filter((folder) => folder === dataDir || folder.startsWith(`${dataDir}/`))).toEqual([]);
});
