import type { z } from 'zod';
import { labelFor } from './decap-fields.ts';

/**
 * What both editors do to an entry just before Decap writes it (its `preSave` event): find what
 * Decap leaves behind for fields left empty, and say what a schema refuses in the words of the form.
 */

/** The Immutable map Decap passes to event handlers: only the operations the editors use. */
export interface EntryData {
  get(key: string): unknown;
  getIn(path: (string | number)[]): unknown;
  setIn(path: (string | number)[], value: unknown): EntryData;
  deleteIn(path: (string | number)[]): EntryData;
  toJS(): Record<string, unknown>;
}
export interface Entry {
  get(key: 'data'): EntryData;
  get(key: 'newRecord'): boolean | undefined;
  get(key: 'collection' | 'slug'): string;
  /** The file's text as Decap read it; empty for a new entry. */
  get(key: 'raw'): unknown;
}

export type Path = (string | number)[];

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Paths of the values Decap writes for fields left empty (`''`, `null`): the schemas have them as
 * absent, so they are removed. List items come last-first so removing one never moves the next.
 */
export function emptyValuePaths(value: unknown, path: Path = []): Path[] {
  if (value === '' || value === null) return [path];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => emptyValuePaths(item, [...path, i])).reverse();
  }
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, item]) => emptyValuePaths(item, [...path, key]));
  }
  return [];
}

/** The entry's data without what Decap leaves for fields left empty. */
export function withoutEmptyValues(data: EntryData): EntryData {
  let cleaned = data;
  for (const path of emptyValuePaths(data.toJS())) cleaned = cleaned.deleteIn(path);
  return cleaned;
}

/** `complainant.email` → "Complainant › Email"; list items are counted from 1. */
export function describePath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `item ${key + 1}` : labelFor(String(key)))).join(' › ');
}

/** What `schema` refuses in `data`, one line per problem, each naming the field as the form does. */
export function schemaProblems(schema: z.ZodType, data: unknown): string[] {
  const parsed = schema.safeParse(data);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${describePath(issue.path)}: ${issue.message}`);
}
