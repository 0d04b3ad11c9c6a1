/**
 * A small HTML reader for render tests of markup this project generates: every attribute is
 * double-quoted and every value escaped, so a tag ends at the first `>`. As a browser does, it
 * reads attribute names in lower case and decodes character references. Not a general parser; it
 * throws on any markup it cannot read, so a test cannot pass on a misread page.
 */

export interface HtmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: HtmlElement[];
  parent?: HtmlElement;
  /** The text inside, tags removed and character references decoded. */
  text: string;
  /** Child elements and text, in order. */
  content: (HtmlElement | string)[];
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its character references (`&amp;`, `&#39;`, `&#x27;`) decoded. */
export function decodeHtml(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (reference, hex, decimal, name) => {
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (decimal !== undefined) return String.fromCodePoint(Number(decimal));
    const named = NAMED[name];
    if (named === undefined) throw new Error(`cannot read ${reference}`);
    return named;
  });
}

const VOID = new Set(['input', 'br', 'meta', 'link', 'img', 'hr']);
const RAW_TEXT = new Set(['textarea', 'script', 'style', 'title']);

function readAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const pattern = /\s+([^\s="/>]+)(?:="([^"]*)")?/g;
  // A void element may end `/>`.
  const body = source.replace(/\/$/, '');
  let consumed = 0;
  for (let match = pattern.exec(body); match !== null; match = pattern.exec(body)) {
    if (match.index !== consumed) throw new Error(`cannot read attributes "${source}"`);
    consumed = match.index + match[0].length;
    attributes[(match[1] ?? '').toLowerCase()] = decodeHtml(match[2] ?? '');
  }
  if (body.slice(consumed).trim() !== '') throw new Error(`cannot read attributes "${source}"`);
  return attributes;
}

/** The document as a tree under a root element. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attributes: {}, children: [], text: '', content: [] };
  const open: HtmlElement[] = [root];
  const tags = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--[\s\S]*?-->|<!doctype[^>]*>/gi;
  let last = 0;
  const addText = (raw: string) => {
    const text = decodeHtml(raw);
    for (const element of open) element.text += text;
    if (text !== '') open.at(-1)?.content.push(text);
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
      content: [],
    };
    current.children.push(element);
    current.content.push(element);
    if (VOID.has(tag)) continue;
    if (RAW_TEXT.has(tag)) {
      const end = html.indexOf(`</${tag}>`, last);
      if (end === -1) throw new Error(`<${tag}> is not closed`);
      // Script and style text is never decoded; a textarea's and a title's is.
      const raw = html.slice(last, end);
      const inner = tag === 'script' || tag === 'style' ? raw : decodeHtml(raw);
      element.text = inner;
      if (inner !== '') element.content.push(inner);
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

/**
 * Every element under `root`, in document order, as the document holds them: what a `<template>`
 * holds is not in the document until a script clones it (read it with `templateContent`).
 */
export function allElements(root: HtmlElement): HtmlElement[] {
  return root.children.flatMap((child) => [child, ...(child.tag === 'template' ? [] : allElements(child))]);
}

/** Every element a `<template>` holds. */
export function templateContent(template: HtmlElement): HtmlElement[] {
  return template.children.flatMap((child) => [child, ...allElements(child)]);
}

/** The nearest ancestor with this tag. */
export function closest(element: HtmlElement, tag: string): HtmlElement | undefined {
  for (let at = element.parent; at !== undefined; at = at.parent) if (at.tag === tag) return at;
  return undefined;
}

/**
 * The element as markup in one canonical form: attributes sorted, text decoded, nothing else
 * normalised. Two pages the browser reads the same way give the same outline.
 */
export function outline(element: HtmlElement): string {
  const inner = element.content.map((node) =>
    typeof node === 'string' ? JSON.stringify(node) : outline(node),
  );
  const attributes = Object.entries(element.attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ` ${name}=${JSON.stringify(value)}`);
  return `<${element.tag}${attributes.join('')}>${inner.join('')}</${element.tag}>`;
}
