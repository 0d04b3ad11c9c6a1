import type { Page } from '@playwright/test';
import { addCalendarDays, longDate } from '../../src/core/calendar.ts';
import { dueDate } from '../../src/core/deadlines.ts';
import { expect, expectNoViolations, test } from '../support/browser-test.ts';
import {
  logPhoneComplaint,
  mailTo,
  providerOf,
  readCase,
  staffRecord,
  staffServices,
  today,
} from './support/staff.ts';

/**
 * The whole life of a complaint as its complainant meets it, through the built site and its
 * functions: the form, the acknowledgement with its status link, outcome letters, the signed link
 * to ask for the next stage, and the external route at the end. Staff steps are recorded through
 * the case store and the decider, as the editor would save them. Each test runs with and without
 * JavaScript (the two Playwright projects).
 */

// A recent date, inside every provider's time limit.
const happened = new Date(Date.now() - 5 * 24 * 60 * 60 * 1000);

/** A complaint through the form, as a person fills it in; answers the reference on the confirmation. */
async function complain(page: Page, slug: string, email: string): Promise<string> {
  await page.goto(`/${slug}/complain/`);
  const fill = (name: string, value: string) => page.locator(`[name="${name}"]`).fill(value);
  const check = (name: string, value: string) => page.locator(`[name="${name}"][value="${value}"]`).check();
  await fill('full-name', 'Jo Journey');
  await fill('email', email);
  await check('for-someone-else', 'no');
  await check('role', 'learner-or-apprentice');
  await check('under-18', 'no');
  await check('about', 'organisation');
  await fill('what-happened', 'Three sessions in a row were cancelled at the last minute.');
  await fill('happened-day', String(happened.getUTCDate()));
  await fill('happened-month', String(happened.getUTCMonth() + 1));
  await fill('happened-year', String(happened.getUTCFullYear()));
  await check('raised-informally', 'no');
  await fill('outcome-wanted', 'The sessions made up before the assessment.');
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Complaint received', { timeout: 30_000 });
  const reference = (await page.locator('.reference').textContent()) ?? '';
  await expect
    .poll(async () => (await readCase(slug, reference))?.reference, { timeout: 20_000 })
    .toBe(reference);
  return reference;
}

/** The path and query of the first link in a mail's text that matches `pattern`. */
function linkIn(text: string | undefined, pattern: RegExp): string {
  const match = pattern.exec(text ?? '');
  if (match === null) throw new Error(`no link ${pattern} in: ${text}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

/**
 * The outcome letter's link opened, the reason given and the request sent; answers the link once
 * the case is at `nextStage`.
 */
async function askWithLink(
  page: Page,
  slug: string,
  email: string,
  reference: string,
  nextStage: string,
): Promise<string> {
  const letter = await mailTo(email, 'outcome-letter', reference);
  const link = linkIn(letter?.text, /https?:\/\/\S+\/api\/escalate\/\S+/);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Ask for the next stage/);
  await expectNoViolations(page, 'the escalation form opened from the outcome letter');
  await page.locator('#reason').fill('The outcome did not explain why the sessions were cancelled.');
  await page.getByRole('button', { name: 'Ask for the next stage' }).click();
  await expect(page.locator('.panel-title')).toHaveText('Request received');
  await expect(page.locator('main')).toContainText('What happens next');
  await expectNoViolations(page, 'the request received');
  await expect
    .poll(async () => (await readCase(slug, reference))?.stage, { timeout: 20_000 })
    .toBe(nextStage);
  return link;
}

test('CQM: received, outcome by email, escalated with the link twice, and the final outcome gives the external route', async ({
  page,
  javaScriptEnabled,
}) => {
  test.setTimeout(180_000);
  const email = `jo-${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now()}@example.org`;
  const reference = await complain(page, 'cqm', email);

  // The acknowledgement's private status link.
  await expect
    .poll(async () => mailTo(email, 'acknowledgement', reference), { timeout: 20_000 })
    .toBeDefined();
  const status = linkIn(
    (await mailTo(email, 'acknowledgement', reference))?.text,
    /https?:\/\/\S+\/cqm\/status\/\S+/,
  );
  await page.goto(status);
  await expect(page.locator('h1')).toHaveText(`Your complaint ${reference}`);
  await expect(page.locator('main')).toContainText('Stage 1: Frontline Resolution');
  await expect(page.locator('main')).not.toContainText('Jo Journey');
  await expectNoViolations(page, 'the status page');

  const on = today();
  const respond = {
    type: 'respond',
    on,
    outcome: 'not-upheld',
    summary: 'No fault found.',
    sentBy: 'email',
  } as const;
  await staffRecord('cqm', reference, { type: 'acknowledge', on }, respond);
  const first = await askWithLink(page, 'cqm', email, reference, 'stage-2');

  // Reused, the link is spent: a clear page, nothing recorded.
  await page.goto(first);
  await expect(page.locator('h1')).toHaveText('This link can no longer be used');

  const promised = addCalendarDays(on, 20);
  await staffRecord('cqm', reference, { type: 'send-holding-reply', on, outcomeBy: promised }, respond);
  await askWithLink(page, 'cqm', email, reference, 'final');

  await staffRecord('cqm', reference, { type: 'send-holding-reply', on, outcomeBy: promised }, respond);
  const finalLetter = await mailTo(email, 'outcome-letter', reference);
  expect(finalLetter?.text).toContain('ESFA Apprenticeship Service');
  expect(finalLetter?.text).not.toContain('Ask online');
  await page.goto(status);
  await expect(page.locator('main')).toContainText('You can contact the ESFA Apprenticeship Service');
  await expectNoViolations(page, 'the status page after the last stage');
});

test('DMM: an outcome by post opens the window from the day it is deemed received; asked with reference and email', async ({
  page,
  javaScriptEnabled,
}) => {
  test.setTimeout(120_000);
  const email = `po-${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now()}@example.org`;
  const reference = await complain(page, 'digital-marketing-mentor', email);
  await staffRecord('digital-marketing-mentor', reference, {
    type: 'respond',
    on: today(),
    outcome: 'partially-upheld',
    summary: 'Two sessions are made up.',
    sentBy: 'post',
  });
  const letter = await mailTo(email, 'outcome-letter', reference);
  const lastDay = /The last day to ask is ([^.]+)\./.exec(letter?.text ?? '')?.[1] ?? 'missing';
  await expect.poll(async () => mailTo(email, 'acknowledgement', reference)).toBeDefined();
  const status = linkIn(
    (await mailTo(email, 'acknowledgement', reference))?.text,
    /https?:\/\/\S+\/status\/\S+/,
  );
  await page.goto(status);
  // The status page and the letter give the same last day: one rule for both.
  await expect(page.locator('main')).toContainText(`You can ask for Stage 2 until ${lastDay}.`);
  // Had the window counted from the day of posting, it would end two working days sooner.
  const dmm = await providerOf('digital-marketing-mentor');
  const fromPosting = dueDate(
    today(),
    { unit: 'working-days', count: 10 },
    staffServices.calendar(dmm.nation),
  );
  expect(lastDay).not.toBe(longDate(fromPosting));
  expect(lastDay).toMatch(/^\w+day \d+ \w+ \d{4}$/);

  await page.getByRole('link', { name: 'Ask for Stage 2' }).click();
  await page.locator('#reference').fill(reference.toLowerCase());
  await page.locator('#contact').fill(email.toUpperCase());
  await page.locator('#reason').fill('I want the third session made up too.');
  await page.getByRole('button', { name: 'Ask for the next stage' }).click();
  await expect(page.locator('.panel-title')).toHaveText('Request received');
  await expect
    .poll(async () => (await readCase('digital-marketing-mentor', reference))?.stage, { timeout: 20_000 })
    .toBe('stage-2');
});

test('CQM: a complaint logged by phone is escalated with the reference and the phone number', async ({
  page,
}) => {
  const phone = `07700 9${String(Date.now()).slice(-5)}`;
  const reference = await logPhoneComplaint('cqm', phone);
  await staffRecord('cqm', reference, {
    type: 'respond',
    on: today(),
    outcome: 'not-upheld',
    summary: 'The start date was right.',
    sentBy: 'post',
  });
  await page.goto('/cqm/escalate/');
  await expectNoViolations(page, 'the escalation form');
  await page.locator('#reference').fill(reference);
  await page.locator('#contact').fill('0000');
  await page.locator('#reason').fill('The start date was wrong.');
  await page.getByRole('button', { name: 'Ask for the next stage' }).click();
  await expect(page.locator('h1')).toHaveText('We could not find your complaint');
  await expectNoViolations(page, 'no match');
  await page.goto('/cqm/escalate/');
  await page.locator('#reference').fill(reference);
  await page.locator('#contact').fill(phone.replaceAll(' ', ''));
  await page.locator('#reason').fill('The start date was wrong.');
  await page.getByRole('button', { name: 'Ask for the next stage' }).click();
  await expect(page.locator('.panel-title')).toHaveText('Request received');
  await expect
    .poll(async () => (await readCase('cqm', reference))?.stage, { timeout: 20_000 })
    .toBe('stage-2');
});

test('the escalation form sent empty shows the error summary, each link going to its question', async ({
  page,
}) => {
  await page.goto('/dynamic-training/escalate/');
  await page.getByRole('button', { name: 'Ask for the next stage' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoViolations(page, 'the escalation form with errors');
  await summary.getByRole('link').first().click();
  await expect(page.locator('#reference')).toBeFocused();
});
