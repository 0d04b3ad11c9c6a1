import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const functions = (await readdir('functions')).filter((name) => name.endsWith('.mts')).sort();

/**
 * Each of React's builds, as it starts, notes its name in `globalThis.reactBuilds`: which of them a
 * function ran is then known from outside the bundle.
 */
const noteReactBuilds: Plugin = {
  name: 'note-react-builds',
  setup(bundle) {
    bundle.onLoad(
      { filter: /[\\/]react(-dom)?[\\/]cjs[\\/].*\.(production|development)\.js$/ },
      async ({ path }) => {
        const name = path.endsWith('.production.js') ? 'production' : 'development';
        const note = `(globalThis.reactBuilds ??= new Set()).add(${JSON.stringify(name)});\n`;
        return { contents: note + (await readFile(path, 'utf8')), loader: 'js' };
      },
    );
  },
};

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redress-production-mode-'));
  // As Netlify bundles a function: esbuild, for Node, packages and all.
  await build({
    entryPoints: functions.map((name) => join('functions', name)),
    outdir: dir,
    bundle: true,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    jsx: 'automatic',
    logLevel: 'error',
    // The CommonJS packages in the bundle call `require`.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    plugins: [noteReactBuilds],
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Loads a bundled function in a Node of its own: its `NODE_ENV` then, and React's builds it loaded. */
async function load(name: string, nodeEnv: string | undefined) {
  const { NODE_ENV: _ours, ...env } = process.env;
  const url = pathToFileURL(join(dir, name.replace(/\.mts$/, '.mjs'))).href;
  const script = `
    await import(${JSON.stringify(url)});
    const builds = [...(globalThis.reactBuilds ?? [])];
    console.log(JSON.stringify({ nodeEnv: process.env.NODE_ENV, builds }));
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], {
    env: nodeEnv === undefined ? env : { ...env, NODE_ENV: nodeEnv },
  });
  return JSON.parse(stdout) as { nodeEnv: string; builds: string[] };
}

describe('a deployed function, where nothing sets NODE_ENV', () => {
  it.each(functions)('%s runs as production, and renders with React’s production build', async (name) => {
    const { nodeEnv, builds } = await load(name, undefined);
    expect(nodeEnv).toBe('production');
    expect(builds.filter((build) => build !== 'production')).toEqual([]);
  });

  it('the pages’ functions do load React, so the check above has something to see', async () => {
    expect((await load('show-status.mts', undefined)).builds).toEqual(['production']);
  });

  it('keeps the NODE_ENV it is given (astro dev, the tests)', async () => {
    expect(await load('show-status.mts', 'development')).toEqual({
      nodeEnv: 'development',
      builds: ['development'],
    });
  });
});
