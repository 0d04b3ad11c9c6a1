import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA that axe can check. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

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
