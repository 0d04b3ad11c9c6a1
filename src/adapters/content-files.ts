import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { type Policy, PolicySchema } from '../core/policy.ts';
import { type Provider, ProviderSchema } from '../core/provider.ts';
import { parseProvider } from '../core/provider-file.ts';

/**
 * A file's name as a publisher finds it in the repository, e.g. `content/providers/cqm.yaml`: from
 * the folder Redress runs from, which is the repository's (or, on Netlify, the function's) root.
 */
function displayName(file: string): string {
  const fromRoot = relative(process.cwd(), file);
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
export async function loadProviders(dir: string): Promise<Provider[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.yaml')).sort();
  const providers: Provider[] = [];
  for (const file of files) providers.push(await readProvider(join(dir, file)));
  return providers.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * One provider by its slug. The slug may come from a URL, so anything that is not a slug is
 * refused before it can name a path.
 */
export async function loadProvider(slug: string, dir: string): Promise<Provider> {
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

/** Every policy's front matter, by slug; a file with bad front matter is an error naming it. */
export async function loadPolicies(dir: string): Promise<[string, Policy][]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (file): Promise<[string, Policy]> => {
      const text = await readFile(join(dir, file), 'utf8');
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      const result = PolicySchema.safeParse(parse(front) ?? {});
      if (!result.success) {
        throw new Error(
          `${displayName(join(dir, file))} has front matter Redress cannot read: ${result.error.message}`,
        );
      }
      return [file.slice(0, -'.md'.length), result.data];
    }),
  );
}
