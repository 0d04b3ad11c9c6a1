import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Provider, ProviderSchema } from '../core/provider.ts';
import { parseProvider } from '../core/provider-file.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the providers' procedure files are published: `content/providers/<slug>.yaml`. */
export const PROVIDERS_DIR = join(REPO_ROOT, 'content', 'providers');

/** A file's name as a publisher finds it in the repository, e.g. `content/providers/cqm.yaml`. */
function displayName(file: string): string {
  const fromRoot = relative(REPO_ROOT, file);
  return (fromRoot.startsWith('..') ? file : fromRoot).split(sep).join('/');
}

async function readProvider(file: string): Promise<Provider> {
  return parseProvider(await readFile(file, 'utf8'), displayName(file));
}

/**
 * Every provider in `dir`, sorted by name. A file that cannot be used throws a `ProviderFileError`
 * naming the file, each field at fault and its line; files are read in name order, so the same
 * file is reported first every time.
 */
export async function loadProviders(dir: string = PROVIDERS_DIR): Promise<Provider[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.yaml')).sort();
  const providers: Provider[] = [];
  for (const file of files) providers.push(await readProvider(join(dir, file)));
  return providers.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * One provider by its slug. The slug may come from a URL, so anything that is not a slug is
 * refused before it can name a path.
 */
export async function loadProvider(slug: string, dir: string = PROVIDERS_DIR): Promise<Provider> {
  if (!ProviderSchema.shape.slug.safeParse(slug).success) {
    throw new Error(`there is no provider "${slug}": a slug is lower-case letters, digits and hyphens`);
  }
  const file = join(dir, `${slug}.yaml`);
  try {
    return await readProvider(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(`there is no provider "${slug}": ${displayName(file)} does not exist`);
  }
}
