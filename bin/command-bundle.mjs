// The complaints command as a bundle of its own: built with esbuild from `src/cli/complaints.ts`
// into node_modules/.cache/complaints, and built again whenever a file it was made from has changed.
// Node starts one bundle in about half the time it takes to load the few hundred modules it is made
// from (TypeScript to strip, packages to resolve file by file); bench/cli.mjs has the figures.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'complaints');
/** The current build's folder, and the size and time of every file it was made from. */
const MANIFEST = join(CACHE, 'manifest.json');
/** How long an older build is kept after a new one, for a command that started from it just before. */
const OLD_BUILD_GRACE_MS = 60_000;

/** The URL of the command's bundle, up to date with the files it is made from. */
export async function commandBundle() {
  const current = readManifest();
  const fresh =
    current !== undefined &&
    statIfAny(entryOf(current.build)) !== undefined &&
    current.inputs.every(({ path, size, mtimeMs }) => {
      const now = statIfAny(join(ROOT, path));
      return now !== undefined && now.size === size && now.mtimeMs === mtimeMs;
    });
  return pathToFileURL(entryOf(fresh ? current.build : await buildBundle())).href;
}

function entryOf(build) {
  return join(CACHE, build, 'complaints.mjs');
}

async function buildBundle() {
  const { build } = await import('esbuild');
  const started = Date.now();
  // A folder per build, so a command still running from the last one keeps its files.
  const name = `${started}-${process.pid}`;
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/complaints.ts'],
    outdir: join(CACHE, name),
    bundle: true,
    // Each command stays a chunk of its own, loaded only when it runs (see src/cli/complaints.ts).
    splitting: true,
    format: 'esm',
    // Under node_modules a `.js` file is taken for CommonJS until Node has tried it as both.
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    metafile: true,
    logLevel: 'error',
    // The CommonJS packages in the bundle (date-holidays among them) call `require`.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  // This file too: how the bundle is built is part of what it is.
  const inputs = [...Object.keys(metafile.inputs), 'bin/command-bundle.mjs'].map((path) => {
    const { size, mtimeMs } = statSync(join(ROOT, path));
    // A file changed while the build was reading it may be in the bundle as it was: build again next time.
    return { path, size, mtimeMs: mtimeMs < started ? mtimeMs : -1 };
  });
  const written = `${MANIFEST}.${name}`;
  writeFileSync(written, JSON.stringify({ build: name, inputs }));
  renameSync(written, MANIFEST);
  for (const entry of readdirSync(CACHE, { withFileTypes: true })) {
    const old =
      entry.isDirectory() &&
      entry.name !== name &&
      Number.parseInt(entry.name, 10) < started - OLD_BUILD_GRACE_MS;
    if (old) rmSync(join(CACHE, entry.name), { recursive: true, force: true });
  }
  return name;
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return undefined;
  }
}

function statIfAny(path) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
