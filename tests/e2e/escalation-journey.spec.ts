import type { Page } from '@playwright/test';
import { longDate } from '../../src/core/calendar.ts';
import { dueDate } from '../../src/core/deadlines.ts';
import { externalRoute, procedureEnded } from '../../src/core/procedure-summary.ts';
import type { Provider, Stage } from '../../src/core/provider.ts';
import { expect, expectNoViolations, test } from '../support/browser-test.ts';
import type { StaffEvent } from '../support/staff-save.ts';
import {
  logPhoneComplaint,
  mailTo,
  providerOf,
  readCase,
  staffEdit,
  staffRecord,
  staffServices,
  today,
} from './support/staff.ts';

/**
 * The whole life of a complaint as its complainant meets it, through the built site and its
 * functions, for every provider: the complaint, its acknowledgement with the status link, an
 * outcome at each stage, the request for the next stage, and at the end the route outside the
 * provider or, where the policy gives none, that the procedure has ended. Each provider's journey
 * is made three ways: outcomes by email and asked for with the letter's link; outcomes by post to
 * a representative, asked for with the reference and their email; and a complaint staff logged from
 * a call, asked for with the reference and the phone number. Staff steps are saved as the case
 * editor saves them, judged by the decider. Each test runs with and without JavaScript (the two
 * Playwright projects).
 */

const PROVIDERS = ['ace-training', 'cqm', 'digital-marketing-mentor', 'dynamic-training', 'interlearn'];
type Way = 'email' | 'post' | 'phone';
const WAYS: Record<Way, string> = {
  email: 'outcomes by email, the next stage asked for with the letter’s link',
  post: 'outcomes by post to a representative, asked for with the reference and their email',
  phone: 'logged by staff from a call, asked for with the reference and the phone number',
};

// A recent date, inside every provider's time limit.
const happened = new Date(Date.now() - 5 * 24 * 60 * 60 * 1000);

/**
 * A complaint through the form, as a person fills it in, for themselves or (`representative`) for
 * someone else; answers the reference on the confirmation.
 */
async function complain(page: Page, slug: string, email: string, representative: boolean): Promise<string> {
  await page.goto(`/${slug}/complain/`);
  const fill = (name: string, value: string) => page.locator(`[name="${name}"]`).fill(value);
  const check = (name: string, value: string) => page.locator(`[name="${name}"][value="${value}"]`).check();
  await fill('full-name', 'Jo Journey');
  await fill('email', email);
  await check('for-someone-else', representative ? 'yes' : 'no');
  if (representative) {
    await fill('their-name', 'Kim Learner');
    await page.locator('[name="representative-reason"]').first().check();
    const consent = page.locator('[name="consent-confirmed"]');
    if ((await consent.count()) > 0) await consent.check();
  }
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
  return (await page.locator('.reference').textContent()) ?? '';
}

/** The path and query of the first link in a mail's text that matches `pattern`. */
function linkIn(text: string | undefined, pattern: RegExp): string {
  const match = pattern.exec(text ?? '');
  if (match === null) throw new Error(`no link ${pattern} in: ${text}`);
  return new URL(match[0]).pathname + new URL(match[0]).search;
}

/** What staff record at `stage` before its outcome, as its policy asks, on `on`. */
function beforeOutcome(stage: Stage, first: boolean, on: string): StaffEvent[] {
  const promised = new Date(Date.parse(`${on}T12:00:00Z`) + 20 * 24 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
  return [
    ...(first || stage.acknowledge !== undefined ? [{ type: 'acknowledged', on } as const] : []),
    ...(stage.holdingReply === undefined
      ? []
      : [
          stage.holdingReply.tellsOutcomeDate
            ? ({ type: 'holding-reply-sent', on, outcomeBy: promised } as const)
            : ({ type: 'holding-reply-sent', on } as const),
        ]),
  ];
}

/** The escalation form filled in with the reference and a contact given on the complaint, and sent. */
async function askWithReference(page: Page, slug: string, reference: string, contact: string) {
  await page.goto(`/${slug}/escalate/`);
  await page.locator('#reference').fill(reference.toLowerCase());
  await page.locator('#contact').fill(contact.toUpperCase());
  await page.locator('#reason').fill('The outcome did not explain why the sessions were cancelled.');
  await page.getByRole('button', { name: 'Ask for the next stage' }).click();
}

/** What the complainant reads once the last stage has its outcome. */
function endWords(provider: Provider): string[] {
  return [
    procedureEnded(provider),
    ...(provider.external === undefined ? [] : [externalRoute(provider.external)]),
  ];
}

for (const slug of PROVIDERS) {
  for (const way of Object.keys(WAYS) as Way[]) {
    test(`${slug}: ${WAYS[way]}, to the end of the procedure`, async ({ page, javaScriptEnabled }) => {
      test.setTimeout(180_000);
      const provider = await providerOf(slug);
      const stages = provider.stages.filter((stage) => !stage.informal);
      const stamp = `${javaScriptEnabled ? 'js' : 'nojs'}-${Date.now()}`;
      const email = `${way}-${stamp}@example.org`;
      const phone = `07700 9${String(Date.now()).slice(-5)}`;
      const reference =
        way === 'phone'
          ? await logPhoneComplaint(slug, phone)
          : await complain(page, slug, email, way === 'post');

      // The acknowledgement, sent once the case is committed, carries the private status link.
      let status: string | undefined;
      if (way !== 'phone') {
        await expect
          .poll(async () => mailTo(email, 'acknowledgement', reference), { timeout: 20_000 })
          .toBeDefined();
        status = linkIn(
          (await mailTo(email, 'acknowledgement', reference))?.text,
          new RegExp(`https?://\\S+/${slug}/status/\\S+`),
        );
      }
      if (way === 'email') {
        await page.goto(status ?? '');
        await expect(page.locator('h1')).toHaveText(`Your complaint ${reference}`);
        await expect(page.locator('main')).toContainText(stages[0]?.name ?? 'missing');
        await expect(page.locator('main')).not.toContainText('Jo Journey');
      }

      const on = today();
      const calendar = staffServices.calendar(provider.nation);
      if (way === 'post') {
        // Staff record the consent the policy asks for before the case goes on.
        await staffEdit(slug, reference, (stored) => ({
          ...stored,
          ...(stored.representative && {
            representative: {
              ...stored.representative,
              consent: { confirmed: true, how: 'A letter signed by the learner', recordedOn: on },
            },
          }),
        }));
      }
      for (const [i, stage] of stages.entries()) {
        await staffRecord(slug, reference, ...beforeOutcome(stage, i === 0, on), {
          type: 'responded',
          on,
          outcome: 'not-upheld',
          summary: `No fault found at ${stage.name}.`,
          sentBy: way === 'email' ? 'email' : 'post',
        });
        const next = stages[i + 1];
        if (next === undefined) break;
        if (i > 0) {
          // Past the first request online, the complainant asks by letter and staff record it:
          // the journey keeps its browser steps for the first request and the end.
          await staffRecord(slug, reference, {
            type: 'escalated',
            on,
            toStage: next.id,
            reason: 'Asked by letter: the outcome did not explain why.',
          });
          continue;
        }

        if (way === 'email') {
          const letter = await mailTo(email, 'outcome-letter', reference);
          const link = linkIn(letter?.text, /https?:\/\/\S+\/api\/escalate\/\S+/);
          await page.goto(link);
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Ask for the next stage/);
          // The same pages for every provider: checked once a run.
          const once = slug === 'cqm';
          if (once) await expectNoViolations(page, 'the escalation form opened from the outcome letter');
          await page.locator('#reason').fill('The outcome did not explain why the sessions were cancelled.');
          await page.getByRole('button', { name: 'Ask for the next stage' }).click();
          await expect(page.locator('.panel-title')).toHaveText('Request received');
          await expect(page.locator('main')).toContainText('What happens next');
          if (once) {
            await expectNoViolations(page, 'the request received');
            // Reused, the link is spent: a clear page, nothing recorded.
            await page.goto(link);
            await expect(page.locator('h1')).toHaveText('This link can no longer be used');
          }
        } else if (way === 'post') {
          // The letter, the status page and the decider count the window from the day the posted
          // outcome is deemed received, the second working day after posting.
          const letter = await mailTo(email, 'outcome-letter', reference);
          const lastDay = /The last day to ask is ([^.]+)\./.exec(letter?.text ?? '')?.[1];
          if (stage.escalateWithin !== undefined) {
            expect(lastDay).toMatch(/^\w+day \d+ \w+ \d{4}$/);
            expect(lastDay).not.toBe(longDate(dueDate(on, stage.escalateWithin.within, calendar)));
            await page.goto(status ?? '');
            await expect(page.locator('main')).toContainText(
              `You can ask for ${next.name} until ${lastDay}.`,
            );
          }
          await askWithReference(page, slug, reference, email);
          await expect(page.locator('.panel-title')).toHaveText('Request received');
        } else {
          // Once a run: twenty wrong pairs an hour from one connection are refused.
          if (slug === 'cqm') {
            await askWithReference(page, slug, reference, '0000 000');
            await expect(page.locator('h1')).toHaveText('We could not find your complaint');
          }
          await askWithReference(page, slug, reference, phone.replaceAll(' ', ''));
          await expect(page.locator('.panel-title')).toHaveText('Request received');
        }
        await expect
          .poll(async () => (await readCase(slug, reference))?.stage, { timeout: 20_000 })
          .toBe(next.id);
      }

      // After the last stage: the route outside the provider, or that the procedure has ended.
      const words = endWords(provider);
      if (status !== undefined) {
        const letter = await mailTo(email, 'outcome-letter', reference);
        for (const sentence of words)
          expect(letter?.text.replaceAll(/\s+/g, ' ')).toContain(sentence.slice(0, -1));
        expect(letter?.text).not.toContain('Ask online');
        await page.goto(status);
        for (const sentence of words) await expect(page.locator('main')).toContainText(sentence);
        if (provider.external === undefined)
          await expect(page.locator('main')).not.toContainText('you can contact');
        await expectNoViolations(page, 'the status page after the last stage');
      } else {
        await askWithReference(page, slug, reference, phone);
        await expect(page.locator('h1')).toHaveText(`${provider.name}'s procedure has no further stage`);
        if (provider.external !== undefined) {
          await expect(page.locator('main')).toContainText(externalRoute(provider.external));
        }
      }
    });
  }
}

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
