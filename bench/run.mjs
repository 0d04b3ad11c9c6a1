// Runs every benchmark in bench/ in turn (`npm run bench`). A benchmark is any other bench/*.mjs file;
// each prints its own figures. The site is built once, first, for those that measure it (they are
// told `--no-build`). Exits non-zero if any benchmark fails to run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const benchmarks = readdirSync(benchDir)
  .filter((file) => file.endsWith('.mjs') && file !== 'run.mjs')
  .sort();

const build = spawnSync('npx', ['astro', 'build', '--silent'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const failed = [];
for (const file of benchmarks) {
  console.log(`\n== ${file} ==`);
  const { status } = spawnSync(
    process.execPath,
    [fileURLToPath(new URL(file, import.meta.url)), '--no-build'],
    {
      stdio: 'inherit',
    },
  );
  if (status !== 0) failed.push(file);
}

if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
