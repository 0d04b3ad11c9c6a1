import { escapeHtml } from './html.ts';

/**
 * A readable HTML page of records (a subject access response): each section a heading and its
 * records, each record's fields as a description list, nested as the data is. Every name and value
 * is escaped, so whatever a person wrote shows as text, never as markup.
 */
export function recordPage(
  title: string,
  intro: string,
  sections: readonly { heading: string; records: readonly unknown[] }[],
): string {
  const body = sections.map(({ heading, records }) => {
    const shown =
      records.length === 0
        ? '<p>None.</p>'
        : records.map((record) => `<section>${value(record)}</section>`).join('');
    return `<h2>${escapeHtml(heading)} (${records.length})</h2>${shown}`;
  });
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p>${body.join('')}</body></html>\n`;
}

function value(data: unknown): string {
  if (Array.isArray(data)) {
    return data.length === 0
      ? '<p>None.</p>'
      : `<ol>${data.map((item) => `<li>${value(item)}</li>`).join('')}</ol>`;
  }
  if (typeof data === 'object' && data !== null) {
    const fields = Object.entries(data).filter(([, field]) => field !== undefined);
    return `<dl>${fields.map(([name, field]) => `<dt>${escapeHtml(name)}</dt><dd>${value(field)}</dd>`).join('')}</dl>`;
  }
  // Line breaks a person wrote are kept, as text.
  return `<span style="white-space: pre-wrap">${escapeHtml(String(data))}</span>`;
}
