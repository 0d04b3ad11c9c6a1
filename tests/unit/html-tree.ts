/**
 * A small HTML reader for render tests of markup this project generates: every attribute is
 * double-quoted and every value escaped, so a tag ends at the first `>`. Not a general parser; it
 * throws on any markup it cannot read, so a test cannot pass on a misread page.
 */

export interface HtmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: HtmlElement[];
  parent?: HtmlElement;
  /** The text inside, tags removed and entities left as written. */
  text: string;
}

const VOID = new Set(['input', 'br', 'meta', 'link', 'img', 'hr']);
const RAW_TEXT = new Set(['textarea', 'script', 'style', 'title']);

function readAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /\s+([^\s="/>]+)(?:="([^"]*)")?/g;
  let consumed = 0;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    if (match.index !== consumed) throw new Error(`cannot read attributes "${source}"`);
    consumed = match.index + match[0].length;
    attributes[match[1] ?? ''] = match[2] ?? '';
  }
  if (source.slice(consumed).trim() !== '') throw new Error(`cannot read attributes "${source}"`);
  return attributes;
}

/** The document as a tree under a root element. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attributes: {}, children: [], text: '' };
  const open: HtmlElement[] = [root];
  const tags = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--[\s\S]*?-->|<!doctype[^>]*>/gi;
  let last = 0;
  const addText = (text: string) => {
    for (const element of open) element.text += text;
  };
  for (let match = tags.exec(html); match !== null; match = tags.exec(html)) {
    addText(html.slice(last, match.index));
    last = tags.lastIndex;
    const [, closing, rawTag, rest] = match;
    if (rawTag === undefined) continue;
    const tag = rawTag.toLowerCase();
    const current = open.at(-1) ?? root;
    if (closing) {
      if (current.tag !== tag) throw new Error(`</${tag}> closes <${current.tag}>`);
      open.pop();
      continue;
    }
    const element: HtmlElement = {
      tag,
      attributes: readAttributes(rest ?? ''),
      children: [],
      parent: current,
      text: '',
    };
    current.children.push(element);
    if (VOID.has(tag)) continue;
    if (RAW_TEXT.has(tag)) {
      const end = html.indexOf(`</${tag}>`, last);
      if (end === -1) throw new Error(`<${tag}> is not closed`);
      const inner = html.slice(last, end);
      element.text = inner;
      for (const ancestor of open) ancestor.text += inner;
      last = end + tag.length + 3;
      tags.lastIndex = last;
      continue;
    }
    open.push(element);
  }
  addText(html.slice(last));
  if (open.length !== 1) throw new Error(`<${open.at(-1)?.tag}> is not closed`);
  return root;
}

/** Every element under `root`, in document order. */
export function allElements(root: HtmlElement): HtmlElement[] {
  return root.children.flatMap((child) => [child, ...allElements(child)]);
}

/** The nearest ancestor with this tag. */
export function closest(element: HtmlElement, tag: string): HtmlElement | undefined {
  for (let at = element.parent; at !== undefined; at = at.parent) if (at.tag === tag) return at;
  return undefined;
}
