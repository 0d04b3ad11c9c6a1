import { Document, isMap, isScalar, isSeq, type Node, parse, visit } from 'yaml';
import type { DecapField } from './decap-fields.ts';

/**
 * The one way a provider file is written. The publishers' editor saves with it (a Decap custom
 * format) and the content check holds the committed files to it, so saving a procedure nobody
 * changed writes the same bytes, and a changed clock changes only its own line.
 *
 * Keys follow the editor's fields, which follow `ProviderSchema`. Short lists of single values and
 * small groups (a period, a stage's handler, a column of the log) stay on one line; top-level groups and
 * lists,
 * and the items of a top-level list that hold groups of their own (the stages), are set apart by
 * a blank line. Text is never folded, so a quote stays one line however long.
 */

/** The name the editor's config gives the format. */
export const PROVIDER_FILE_FORMAT = 'provider-yaml';

/** A group stays on one line when it has at most this many values, each a short single line; a list when its values together are that short. */
const INLINE_GROUP = { values: 2, characters: 80 } as const;

/** The value with its keys in the order of `fields`; keys the fields do not name follow in their own order. */
function inFieldOrder(value: unknown, field: Pick<DecapField, 'fields' | 'field'> | undefined): unknown {
  if (Array.isArray(value)) {
    const itemField = field?.field ?? (field?.fields === undefined ? undefined : { fields: field.fields });
    return value.map((item) => inFieldOrder(item, itemField));
  }
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const known = field?.fields ?? [];
  const rank = (key: string) => {
    const at = known.findIndex(({ name }) => name === key);
    return at === -1 ? known.length : at;
  };
  return Object.fromEntries(
    entries
      .map(([key, item], i) => ({ key, item, i }))
      .sort((a, b) => rank(a.key) - rank(b.key) || a.i - b.i)
      .map(({ key, item }) => [
        key,
        inFieldOrder(
          item,
          known.find(({ name }) => name === key),
        ),
      ]),
  );
}

const isShortLine = (node: unknown): boolean =>
  isScalar(node) &&
  (typeof node.value !== 'string' ||
    (node.value.length <= INLINE_GROUP.characters && !node.value.includes('\n')));

/** Whether a group holds a group of its own written over several lines (a stage's clock). */
const holdsBlockGroup = (node: unknown): boolean =>
  isMap(node) && node.items.some(({ value }) => isMap(value) && value.flow !== true);

/** A provider file's text for `data`, with keys in the order of the editor's `fields`. */
export function providerFileText(data: unknown, fields: readonly DecapField[]): string {
  const document = new Document(inFieldOrder(data, { fields: [...fields] }));
  visit(document, {
    Seq(_, seq) {
      const length = seq.items.reduce<number>(
        (sum, item) => sum + String(isScalar(item) ? item.value : '').length,
        0,
      );
      if (seq.items.every(isShortLine) && length <= INLINE_GROUP.characters) seq.flow = true;
    },
    Map(_, map) {
      if (map.items.length <= INLINE_GROUP.values && map.items.every(({ value }) => isShortLine(value)))
        map.flow = true;
    },
  });
  const top = document.contents;
  if (isMap(top)) {
    top.items.forEach((pair, i) => {
      const value = pair.value as Node | null;
      if (i > 0 && (isMap(value) || isSeq(value))) (pair.key as Node).spaceBefore = true;
      if (isSeq(value) && value.items.some(holdsBlockGroup)) {
        value.items.forEach((item, j) => {
          if (j > 0) (item as Node).spaceBefore = true;
        });
      }
    });
  }
  return document.toString({ lineWidth: 0 });
}

/** What a provider file holds. */
export function readProviderFile(text: string): unknown {
  return parse(text);
}
