import { escapeHtml } from '../core/html.ts';
import {
  type ComplaintFormInput,
  complaintPageTitle,
  FORM_REGION_ID,
  renderComplaintForm,
} from './complaint-form.ts';

/**
 * Whole pages for the intake function, made from the built complaint page (`/<provider>/complain/`)
 * so the layout, styles and script are exactly those of the site: the function swaps the form
 * region and the title, and touches nothing else. Pure string work.
 */

/**
 * `pageHtml` with its form region replaced by `regionHtml`, and its title by `title` (the part
 * before the site name, which is kept).
 */
export function replaceFormRegion(
  pageHtml: string,
  regionHtml: string,
  { title }: { title: string },
): string {
  const start = pageHtml.indexOf(`<div id="${FORM_REGION_ID}">`);
  if (start === -1) throw new Error(`the page has no <div id="${FORM_REGION_ID}">`);
  // Every value in the region is escaped, so the only <div> tags in it are the renderer's own.
  const tags = /<div\b|<\/div>/g;
  tags.lastIndex = start;
  let depth = 0;
  let end = -1;
  for (let match = tags.exec(pageHtml); match !== null; match = tags.exec(pageHtml)) {
    depth += match[0] === '</div>' ? -1 : 1;
    if (depth === 0) {
      end = match.index + match[0].length;
      break;
    }
  }
  if (end === -1) throw new Error(`the <div id="${FORM_REGION_ID}"> of the page is not closed`);
  const page = pageHtml.slice(0, start) + regionHtml + pageHtml.slice(end);
  return page.replace(/<title>([^<]*)<\/title>/, (_, current: string) => {
    const siteName = current.lastIndexOf(' – ');
    return `<title>${escapeHtml(title)}${siteName === -1 ? '' : current.slice(siteName)}</title>`;
  });
}

/** GOV.UK starts the title of a page with errors "Error: ", so screen reader users hear it first. */
const errorTitle = (title: string) => `Error: ${title}`;

/**
 * The complaint page again, for a post without JavaScript that could not be accepted: the values
 * kept, the error summary first (focused on load) and the title starting "Error: ".
 */
export function renderComplaintPage(pageHtml: string, input: ComplaintFormInput): string {
  const title = complaintPageTitle(input.provider);
  const failed = input.errors.length > 0 || input.problem !== undefined;
  return replaceFormRegion(pageHtml, renderComplaintForm(input), {
    title: failed ? errorTitle(title) : title,
  });
}
