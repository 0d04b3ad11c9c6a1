import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { WCAG_TAGS } from '../support/axe.ts';
import { expect, test } from '../support/browser-test.ts';
import { FILLED } from '../unit/complaint-examples.ts';

const providerSlugs = readdirSync(new URL('../../content/providers/', import.meta.url))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.replace(/\.yaml$/, ''));

async function expectNoViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect.soft(found, `axe violations: ${state}`).toEqual([]);
}

/** The form as a browser without JavaScript shows it: its one script is not loaded. axe still runs. */
async function openWithoutScript(page: Page, slug: string): Promise<void> {
  await page.route('**/assets/complaint-form.js', (route) => route.abort());
  await page.goto(`/${slug}/complain/`);
}

/** Types the example answers in, as a person would. */
async function fillIn(page: Page, values: Record<string, string | undefined>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || name === 'submissionId') continue;
    const field = page.locator(`[name="${name}"]`);
    const type = await field.first().getAttribute('type');
    if (type === 'radio' || type === 'checkbox')
      await page.locator(`[name="${name}"][value="${value}"]`).check();
    else await field.fill(value);
  }
}

test.describe('with JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'these states need the script');

  test('the empty form of every provider has no axe violations, with and without its script', async ({
    page,
    context,
  }) => {
    for (const slug of providerSlugs) {
      await test.step(slug, async () => {
        await page.goto(`/${slug}/complain/`);
        await expect(page.locator('form.complaint-form')).toHaveClass(/is-enhanced/);
        await expectNoViolations(page, `${slug}, empty, with the script`);
      });
    }
    const withoutScript = await context.newPage();
    for (const slug of providerSlugs) {
      await test.step(`${slug} without the script`, async () => {
        await openWithoutScript(withoutScript, slug);
        await expect(withoutScript.locator('#conditional-for-someone-else')).toBeVisible();
        await expectNoViolations(withoutScript, `${slug}, empty, without the script`);
      });
    }
  });

  test('sending an empty form shows the error summary, focused, and every inline error', async ({ page }) => {
    await page.goto('/cqm/complain/');
    const title = await page.title();
    await page.getByRole('button', { name: 'Send complaint' }).click();
    const summary = page.locator('#error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('heading')).toHaveText('There is a problem');
    await expect(page).toHaveTitle(`Error: ${title}`);
    await expect(page.locator('#full-name-error')).toHaveText('Error: Enter your full name');
    await expect(page.locator('#full-name')).toHaveAttribute('aria-describedby', 'full-name-error');
    await expectNoViolations(page, 'cqm, sent empty');
    // The summary's link moves focus to the field.
    await summary.getByRole('link', { name: 'Select who you are' }).click();
    await expect(page.locator('#role')).toBeFocused();
  });

  test('checks each answer as focus leaves it, and clears the error once it is put right', async ({
    page,
  }) => {
    await page.goto('/cqm/complain/');
    await page.locator('#email').fill('ada-at-example');
    await page.locator('#phone').focus();
    await expect(page.locator('#email-error')).toHaveText(
      'Error: Enter an email address in the correct format, like name@example.com',
    );
    await expect(page.locator('#full-name-error'), 'untouched questions are left alone').toHaveCount(0);
    await page.locator('#email').fill('ada@example.com');
    await page.locator('#phone').focus();
    await expect(page.locator('#email-error')).toHaveCount(0);
    await expect(page.locator('#email')).not.toHaveAttribute('aria-describedby', /email-error/);
  });

  test('shows questions only when they apply', async ({ page }) => {
    await page.goto('/digital-marketing-mentor/complain/');
    const block = page.locator('#conditional-for-someone-else');
    const yes = page.locator('#for-someone-else');
    await expect(block).toBeHidden();
    await expect(yes).toHaveAttribute('aria-controls', 'conditional-for-someone-else');
    await expect(page.locator('.only-if').first()).toBeHidden();
    await yes.check();
    await expect(block).toBeVisible();
    // DMM asks every representative for written confirmation, whatever the reason: it is asked
    // once a reason is given.
    const consent = page.locator('[data-consent-question]');
    await expect(consent).toBeHidden();
    await page.getByLabel('They cannot make the complaint themselves').check();
    await expect(consent).toBeVisible();
    await page.getByLabel('They have agreed to me complaining for them').check();
    await expect(consent).toBeVisible();

    // Only the ways of contact given are offered, and with one there is nothing to choose.
    const preferred = page.locator('[data-question="preferred-contact"]');
    await expect(preferred).toBeHidden();
    await page.locator('#email').fill('ada@example.com');
    await expect(preferred).toBeHidden();
    await page.locator('#phone').fill('07700 900 982');
    await expect(preferred).toBeVisible();
    await expect(page.getByLabel('Post', { exact: true })).toBeHidden();
    await expectNoViolations(page, 'digital-marketing-mentor, questions revealed');
  });

  test('asks why a complaint is late as soon as the date is older than the time limit', async ({ page }) => {
    await page.goto('/digital-marketing-mentor/complain/');
    const late = page.locator('#conditional-late-reason');
    await page.locator('#happened-day').fill('1');
    await page.locator('#happened-month').fill('1');
    await page.locator('#happened-year').fill('2020');
    await expect(late).toBeVisible();
    await expect(page.locator('#complaint-form-status')).toContainText('Why are you complaining now?');
    await expectNoViolations(page, 'digital-marketing-mentor, late question');
    const thisYear = new Date().getFullYear();
    await page.locator('#happened-year').fill(String(thisYear + 1));
    await expect(late).toBeHidden();
  });

  test('counts characters as you type', async ({ page }) => {
    await page.goto('/cqm/complain/');
    await page.locator('#what-happened').fill('Twelve chars');
    await expect(page.locator('#what-happened-info')).toHaveText('You have 9,988 characters remaining');
  });

  test('sends with the same key each time, and shows the errors the server returns', async ({ page }) => {
    const keys: string[] = [];
    await page.route('**/api/complaints/cqm', async (route) => {
      const body = new URLSearchParams(route.request().postData() ?? '');
      keys.push(body.get('submissionId') ?? '');
      expect(route.request().headers().accept).toBe('application/json');
      await route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [{ field: 'course', inputId: 'course', message: 'Course must be 200 characters or fewer' }],
        }),
      });
    });
    await page.goto('/cqm/complain/');
    await fillIn(page, FILLED);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await expect(page.locator('#error-summary')).toBeFocused();
    await expect(page.locator('#course-error')).toHaveText('Error: Course must be 200 characters or fewer');
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await expect.poll(() => keys.length).toBe(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  test('keeps everything entered when sending fails, and says so', async ({ page }) => {
    await page.route('**/api/complaints/cqm', (route) => route.abort('internetdisconnected'));
    await page.goto('/cqm/complain/');
    await fillIn(page, FILLED);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    const problem = page.locator('#send-problem');
    await expect(problem).toBeFocused();
    await expect(problem).toContainText('Your complaint has not been sent');
    await expect(page.locator('#what-happened')).toHaveValue(FILLED['what-happened'] ?? '');
    await expectNoViolations(page, 'cqm, sending failed');
  });

  test('goes to the confirmation once the complaint is accepted', async ({ page }) => {
    await page.route('**/api/complaints/cqm', (route) =>
      route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({ reference: 'CQM-260302-7K3M9Q', confirmationUrl: '/cqm/' }),
      }),
    );
    await page.goto('/cqm/complain/');
    await fillIn(page, FILLED);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await expect(page).toHaveURL(/\/cqm\/$/);
  });
});

test('a post without JavaScript that has mistakes comes back with the answers kept and the errors first', async ({
  page,
  javaScriptEnabled,
}) => {
  // With JavaScript on, the script is blocked, so the browser posts the form itself and axe can run.
  if (javaScriptEnabled) await page.route('**/assets/complaint-form.js', (route) => route.abort());
  await page.goto('/digital-marketing-mentor/complain/');
  const title = await page.title();
  await fillIn(page, {
    ...FILLED,
    'full-name': '',
    'for-someone-else': 'yes',
    'happened-day': '1',
    'happened-month': '1',
    'happened-year': '2020',
  });
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await expect(page).toHaveTitle(`Error: ${title}`);
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Enter your full name',
    'Enter the full name of the person you are complaining for',
    'Select why you are complaining for them',
    'Enter why you are complaining now',
  ]);
  await expect(page.locator('#conditional-late-reason'), 'the late question is now asked').toBeVisible();
  await expect(page.locator('#what-happened')).toHaveValue(FILLED['what-happened'] ?? '');
  await expect(page.locator('#for-someone-else')).toBeChecked();
  if (javaScriptEnabled) await expectNoViolations(page, 'digital-marketing-mentor, sent back by the server');
});

test.describe('without JavaScript', () => {
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'this is the no-JavaScript browser');

  test('every question shows, marked when it applies, and the form posts to the intake function', async ({
    page,
  }) => {
    for (const slug of providerSlugs) {
      await test.step(slug, async () => {
        await page.goto(`/${slug}/complain/`);
        await expect(page.locator('#conditional-for-someone-else')).toBeVisible();
        await expect(page.locator('#conditional-raised-with')).toBeVisible();
        await expect(page.locator('.only-if').first()).toBeVisible();
        await expect(page.locator('[data-question="preferred-contact"]')).toBeVisible();
        await expect(page.locator('#conditional-late-reason')).toBeHidden();
        await expect(page.locator('form.complaint-form')).toHaveAttribute(
          'action',
          `/api/complaints/${slug}`,
        );
        await expect(page.locator('input[name="submissionId"]')).toHaveValue('');
      });
    }
  });
});
