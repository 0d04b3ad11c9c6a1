import { parse, stringify } from 'yaml';
import { type Case, type CaseFile, CaseFileSchema, type Derived } from './case.ts';
import type { Provider } from './provider.ts';

/**
 * Where a case lives in its provider's case store: `<folder>/<year>/<reference>.yaml`, the folder
 * being the provider's own folder of a shared repository, or its slug. Per-year folders keep the
 * staff editor's lists small (Decap reads every entry of a folder to sort or filter). The name is
 * in lower case, as Decap names the cases staff log, so every case is named one way.
 */
export function casePath(provider: Provider, stored: Pick<Case, 'reference' | 'receivedAt'>): string {
  return `${caseFolder(provider)}/${stored.receivedAt.slice(0, 4)}/${stored.reference.toLowerCase()}.yaml`;
}

/**
 * How the staff editor names the case at `path` in its address (`#/collections/cases/entries/…`):
 * the path inside the provider's folder, without `.yaml`, e.g. `2026/cqm-261102-7k3m9q`.
 */
export function caseEntrySlug(provider: Pick<Provider, 'slug' | 'caseStore'>, path: string): string {
  const prefix = `${caseFolder(provider)}/`;
  if (!path.startsWith(prefix) || !path.endsWith('.yaml')) {
    throw new Error(`${path} is not a case file of ${provider.slug} (${prefix}…/….yaml)`);
  }
  return path.slice(prefix.length, -'.yaml'.length);
}

/** The address that opens the case at `path` in its provider's staff editor on `siteUrl`. */
export function caseEditorUrl(
  siteUrl: string,
  provider: Pick<Provider, 'slug' | 'caseStore'>,
  path: string,
): string {
  return new URL(
    `/cases/${provider.slug}/#/collections/cases/entries/${caseEntrySlug(provider, path)}`,
    siteUrl,
  ).href;
}

/** The folder holding all of a provider's cases. */
export function caseFolder(provider: Pick<Provider, 'slug' | 'caseStore'>): string {
  return provider.caseStore.folder ?? provider.slug;
}

/**
 * A case file as YAML. Everything a person wrote is a YAML string, so text holding `---`, quotes,
 * `#`, newlines or YAML syntax is quoted or written as a block and reads back identical.
 */
export function serialiseCaseFile(stored: Case, derived: Derived): string {
  const file: CaseFile = { ...stored, derived };
  return stringify(CaseFileSchema.parse(file), { lineWidth: 0 });
}

/** Reads a case file; the error names the file and what is wrong, for the person who edited it. */
export function parseCaseFile(text: string, path: string): CaseFile {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid YAML: ${(error as Error).message}`);
  }
  const result = CaseFileSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new Error(`${path} is not a valid case file:\n${problems.join('\n')}`);
  }
  return result.data;
}
