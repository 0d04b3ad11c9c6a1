import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNode, parseDocument, visit } from 'yaml';
import { buildProviderFields } from '../../cms/admin-config.ts';
import { providerFileText, readProviderFile } from '../../cms/provider-file-format.ts';
import { PUBLISHED_CONTENT } from '../support/site-copy.ts';

/**
 * A save from /admin/ rewrites the whole provider file, so the files hold nothing a save would
 * drop or move: the reasoning is in `note` fields, not comments, and each file is already written
 * the way the editor writes it.
 */

const files = (await readdir(PUBLISHED_CONTENT.providers)).filter((file) => file.endsWith('.yaml')).sort();
const read = (file: string) => readFile(join(PUBLISHED_CONTENT.providers, file), 'utf8');

/** Every comment in a YAML text, as written. */
function commentsIn(text: string): string[] {
  const document = parseDocument(text);
  const comments: (string | null | undefined)[] = [document.commentBefore, document.comment];
  visit(document, (_, node) => {
    if (isNode(node)) comments.push(node.commentBefore, node.comment);
  });
  return comments.filter((comment): comment is string => typeof comment === 'string' && comment !== '');
}

describe('a publisher’s save loses nothing from a provider file', () => {
  it('there are provider files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('the comment check finds a comment, wherever it is', () => {
    expect(commentsIn('# top\na: 1 # after\nb:\n  # before\n  - c\n')).toEqual([' top', ' after', ' before']);
  });

  it.each(files)('content/providers/%s holds no comment: reasoning goes in a `note`', async (file) => {
    expect(commentsIn(await read(file))).toEqual([]);
  });

  it.each(files)(
    'content/providers/%s is written as the editor writes it (`npm run format` rewrites it)',
    async (file) => {
      const text = await read(file);
      expect(providerFileText(readProviderFile(text), buildProviderFields())).toBe(text);
    },
  );

  it('the editor’s writing keeps field order whatever order the data comes in, and every value', () => {
    const fields = buildProviderFields();
    const text = providerFileText(
      { name: 'A', slug: 'a', reminders: { note: 'Why.', dueSoon: { count: 2, unit: 'working-days' } } },
      fields,
    );
    expect(text).toBe(
      'slug: a\nname: A\n\nreminders:\n  dueSoon: { unit: working-days, count: 2 }\n  note: Why.\n',
    );
  });
});
