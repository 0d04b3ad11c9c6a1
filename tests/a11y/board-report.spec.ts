import AxeBuilder from '@axe-core/playwright';
import { reportCaseFromFile, reportPeriod } from '../../src/core/report-figures.ts';
import { boardReport } from '../../src/use-cases/board-report.ts';
import { expect, test } from '../support/browser-test.ts';
import { REPORT_AS_OF, reportCases } from '../support/report-cases.ts';

/** Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA that axe can check. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The board report is a file, not a page of the site: it is opened from a mail or the case store,
 * so the test loads the generated file's text straight into the browser. The browser test fixture
 * fails on any Content-Security-Policy violation, so this also proves the file's own policy (no
 * script, images only from inside it) lets everything it holds show.
 */
async function reportHtml(): Promise<string> {
  const { context, files } = await reportCases();
  const cases = files.map((file) =>
    reportCaseFromFile(file, context.provider, REPORT_AS_OF, context.calendar),
  );
  return boardReport(
    context.provider,
    cases,
    reportPeriod('2026') as NonNullable<ReturnType<typeof reportPeriod>>,
    REPORT_AS_OF,
    context.calendar,
  );
}

test('the board report has no axe violations of WCAG 2.2 A and AA', async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, 'axe needs JavaScript in the page');
  await page.setContent(await reportHtml());
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target).join(', ')}`)).toEqual(
    [],
  );
});

test('the board report reads at 320 px wide without scrolling sideways, its charts shown', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.setContent(await reportHtml());
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  const charts = page.locator('figure img');
  await expect(charts).toHaveCount(6);
  for (const chart of await charts.all()) {
    expect(await chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
});

test('the board report prints within an A4 page’s width, charts and tables unsplit', async ({ page }) => {
  // A4 is 210 mm wide; the report's @page margins leave 180 mm, about 680 CSS pixels.
  await page.setViewportSize({ width: 680, height: 960 });
  await page.setContent(await reportHtml());
  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    unsplit: [...document.querySelectorAll('figure, table')].every(
      (element) => getComputedStyle(element).breakInside === 'avoid',
    ),
  }));
  expect(layout.scroll).toBeLessThanOrEqual(layout.client);
  expect(layout.unsplit).toBe(true);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
