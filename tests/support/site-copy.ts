import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What `astro build` reads besides the content; node_modules is linked, not copied. */
const SITE_SOURCES = ['astro.config.mjs', 'cms', 'package.json', 'src', 'tsconfig.json'];

/** Folders of provider files (`*.yaml`) and policies (`*.md`), as content/ holds them. */
export interface SiteContent {
  providers: string;
  policies: string;
}

/** The site's published content. */
export const PUBLISHED_CONTENT: SiteContent = {
  providers: join(ROOT, 'content', 'providers'),
  policies: join(ROOT, 'content', 'policies'),
};

/** Copies the files of one kind from a folder, leaving its sub-folders and anything else behind. */
async function copyFiles(from: string, to: string, extension: string): Promise<void> {
  for (const file of await readdir(from)) {
    if (file.endsWith(extension)) await cp(join(from, file), join(to, file));
  }
}

/**
 * A copy of the site in a new temporary folder, with the content given in its content/ folder, so
 * a test can build or edit it and leave the repository's own files (and dist/) alone.
 */
export async function copySite(content: SiteContent): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'redress-site-'));
  for (const name of SITE_SOURCES) await cp(join(ROOT, name), join(copy, name), { recursive: true });
  await copyFiles(content.providers, join(copy, 'content', 'providers'), '.yaml');
  await copyFiles(content.policies, join(copy, 'content', 'policies'), '.md');
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

/**
 * Builds a copy as `npm run build` does, into its dist/, but with Astro's cache inside the copy:
 * its default place is the linked node_modules, and a content store built from other content has
 * no business in the repository's own cache.
 */
export async function buildSite(copy: string): Promise<void> {
  const build =
    "import { build } from 'astro'; await build({ cacheDir: './.astro-cache', logLevel: 'error' });";
  await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', build], { cwd: copy });
}
