import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA that axe can check. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * What axe finds in the publishers' editor's Decap chrome: the icon-only buttons of each list item
 * (fold and remove) have no name, nor has the handle that drags it. Each rule comes with the words
 * the accessibility statement (src/pages/accessibility.astro) lists it in. The staff case editor
 * has none of them: its lists keep items in place, so show no drag handle (cms/case-config.ts),
 * and it names the buttons (cms/editor-chrome.ts).
 */
export const DECAP_VIOLATIONS: Record<string, string> = {
  'aria-command-name': 'is announced as a "sortable" button with no name',
  'button-name': 'to fold the item away and to remove it, have no name',
};

/**
 * Axe's WCAG 2.2 A and AA violations on the page, or in what `include` names (a selector, or a
 * frame's selector and one inside it), each as its rule and the elements that break it.
 */
export async function violations(
  page: Page,
  ...include: Parameters<AxeBuilder['include']>[0][]
): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of include) axe = axe.include(selector);
  const results = await axe.analyze();
  expect(results.passes.length, 'axe checked something').toBeGreaterThan(0);
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Axe's violations on the page that the accessibility statement does not list. */
export async function unlistedDecapViolations(page: Page): Promise<string[]> {
  return (await violations(page)).filter(
    (violation) => !Object.keys(DECAP_VIOLATIONS).some((id) => violation.startsWith(`${id}:`)),
  );
}
