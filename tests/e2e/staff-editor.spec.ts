import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { loadProvider } from '../../src/adapters/content-files.ts';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { LocalGitCaseStore } from '../../src/adapters/local-git-case-store.ts';
import { DEFAULTS } from '../../src/composition/defaults.ts';
import { londonDate } from '../../src/core/calendar.ts';
import { CaseSchema } from '../../src/core/case.ts';
import { caseEditorUrl, casePath, parseCaseFile, serialiseCaseFile } from '../../src/core/case-file.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import { dueDate } from '../../src/core/deadlines.ts';
import type { Provider } from '../../src/core/provider.ts';
import { violations } from '../support/axe.ts';
import { expect, test } from '../support/browser-test.ts';
import { PUBLISHED_CONTENT } from '../support/site-copy.ts';
import { startDecapServer } from './support/decap-server.ts';

/**
 * The staff case editor against the local backend `npm start` runs: decap-server in git mode over
 * a case store of the test's own, holding one overdue case.
 */

const REFERENCE = 'CQM-261102-7K3M9Q';
const identity = {
  GIT_AUTHOR_NAME: 'Redress staff editor',
  GIT_AUTHOR_EMAIL: 'case-store@redress.invalid',
  GIT_COMMITTER_NAME: 'Redress staff editor',
  GIT_COMMITTER_EMAIL: 'case-store@redress.invalid',
};

let directory = '';
let server: ChildProcess | undefined;
let path = '';
let provider: Provider;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  // Skipped here rather than per test, so the project without JavaScript starts no decap-server.
  test.skip(testInfo.project.use.javaScriptEnabled === false, 'Decap CMS is a JavaScript application');
  directory = mkdtempSync(join(tmpdir(), 'redress-staff-editor-'));
  // The built site's own provider: the editor under test is built from the published content.
  provider = await loadProvider('cqm', PUBLISHED_CONTENT.providers);
  const stored = CaseSchema.parse({
    reference: REFERENCE,
    provider: 'cqm',
    receivedAt: '2026-11-02T09:30:00Z',
    channel: 'email',
    complainant: {
      name: 'Sam Example',
      email: 'sam@example.org',
      preferredContact: 'email',
      role: 'learner-or-apprentice',
      under18: false,
    },
    complaint: {
      about: 'product-or-service',
      whatHappened: 'The course materials never arrived.',
      raisedInformally: { raised: false },
      outcomeWanted: 'The materials.',
    },
    stage: 'stage-1',
    status: 'open',
    events: [{ type: 'received', on: '2026-11-02', stage: 'stage-1' }],
  });
  const derived = deriveClocks(stored, provider, '2026-11-23', holidayCalendar(provider.nation));
  path = casePath(provider, stored);
  await new LocalGitCaseStore(directory).create(path, serialiseCaseFile(stored, derived), 'Receive the case');
  server = await startDecapServer({
    port: DEFAULTS.caseEditorBackendPort,
    mode: 'git',
    directory,
    env: identity,
  });
});

test.afterAll(() => {
  server?.kill();
  if (directory !== '') rmSync(directory, { recursive: true, force: true });
});

async function logIn(page: Page): Promise<void> {
  await page.goto('/cases/cqm/');
  await page.getByRole('button', { name: /login/i }).click();
}

/** Decap's selects are not native: open one by its label and pick an option. */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).last().click({ force: true });
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The visible field labelled `label` that is still empty: the one in the item just added. */
async function emptyField(page: Page, label: string): Promise<Locator> {
  for (const field of await page.getByLabel(label, { exact: true }).all()) {
    if ((await field.isVisible()) && (await field.inputValue()) === '') return field;
  }
  throw new Error(`no empty field labelled "${label}"`);
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^publish$/i }).click();
  await page.getByText('Publish now').click();
  await expect(page.getByText('Entry saved')).toBeVisible();
}

const caseFile = () => parse(readFileSync(join(directory, path), 'utf8')) as Record<string, unknown>;

test('a handler finds the overdue case, records an acknowledgement and a call: those fields and the clocks change', async ({
  page,
}) => {
  const before = caseFile();
  await logIn(page);
  await page.getByRole('button', { name: 'Filter by' }).click();
  await page.getByText('Overdue', { exact: true }).click();
  // The list names the stage and the next date as staff speak of them.
  await page
    .getByText(
      `${REFERENCE} — Stage 1: Frontline Resolution — open — Acknowledge by Friday 6 November 2026, overdue`,
    )
    .click();
  // Stages by name and dates as people read them; the file keeps ids and ISO dates.
  await expect(
    page
      .getByText('Acknowledge at Stage 1: Frontline Resolution by Friday 6 November 2026 (OVERDUE)')
      .first(),
  ).toBeVisible();

  // Each event already recorded is summed up by its date as people read it.
  await expect(page.getByText('Monday 2 November 2026 · Complaint received')).toBeVisible();

  await page.getByRole('button', { name: /add events/i }).click();
  await page.getByText('Acknowledgement sent', { exact: true }).click();
  await page.getByLabel('On', { exact: true }).last().fill('2026-11-03');
  await pick(page, 'Stage', 'Stage 1: Frontline Resolution');
  await page.getByRole('button', { name: /add notes of calls/i }).click();
  await page.getByLabel('On', { exact: true }).last().fill('2026-11-03');
  await pick(page, 'Kind', 'call');
  await page.getByLabel('By', { exact: true }).last().fill('Pat Example');
  await page.getByLabel('Text', { exact: true }).last().fill('Called Sam: the materials are on their way.');
  await publish(page);

  const after = caseFile();
  const { derived: _before, ...unchanged } = before;
  const expected = {
    ...unchanged,
    events: [...(before.events as unknown[]), { type: 'acknowledged', on: '2026-11-03', stage: 'stage-1' }],
    notes: [
      {
        on: '2026-11-03',
        kind: 'call',
        by: 'Pat Example',
        text: 'Called Sam: the materials are on their way.',
      },
    ],
  };
  // The clocks follow the save, worked out for the day it was made, as the sweep would.
  const today = londonDate(new Date());
  expect(after).toEqual({
    ...expected,
    derived: deriveClocks(CaseSchema.parse(expected), provider, today, holidayCalendar(provider.nation)),
  });
  const log = execFileSync('git', ['log', '--format=%s', '--', path], { cwd: directory }).toString();
  expect(log.split('\n')[0]).toBe(`Update case 2026/${REFERENCE.toLowerCase()}`);
  expect(execFileSync('git', ['status', '--porcelain'], { cwd: directory }).toString()).toBe('');

  // The link each email to staff carries opens this case.
  await page.goto('/');
  await page.goto(caseEditorUrl(page.url(), provider, path));
  await expect(page.getByText(REFERENCE, { exact: true })).toBeVisible();
  // Beside the form, the case preview: what is due next, every clock, the route onward, the timeline.
  const preview = page.frameLocator('iframe').first();
  await expect(preview.getByRole('heading', { name: REFERENCE })).toBeVisible();
  for (const heading of ['Due next', 'Clocks', 'Escalation', 'Timeline']) {
    await expect(preview.getByRole('heading', { name: heading })).toBeVisible();
  }
  await expect(preview.getByText('Note of a call by Pat Example')).toBeVisible();

  // Back in the list, the case reads what the save changed: the acknowledgement is met.
  await page.goto('/cases/cqm/#/collections/cases');
  await expect(
    page.getByText(`${REFERENCE} — Stage 1: Frontline Resolution — open — Full response by`),
  ).toBeVisible();
});

test('staff log a complaint taken by phone: it gets a reference, the engine can read it, and it shows in the list', async ({
  page,
}) => {
  await logIn(page);
  await page.goto('/cases/cqm/#/collections/cases/new');
  await page.getByLabel('Name', { exact: true }).first().fill('Jo Example');
  await page.getByLabel('Phone (optional)', { exact: true }).first().fill('01632 960 001');
  await pick(page, 'Preferred contact', 'telephone');
  await pick(page, 'Role', 'employer');
  await pick(page, 'About', 'organisation');
  await page
    .getByLabel('What happened', { exact: true })
    .fill('Invoices keep arriving for a course we cancelled.');
  await page.getByLabel('Outcome wanted', { exact: true }).fill('The invoices cancelled.');
  await publish(page);

  const added = execFileSync('git', ['show', '--name-only', '--format=%s', 'HEAD'], { cwd: directory })
    .toString()
    .trim()
    .split('\n');
  expect(added).toHaveLength(3);
  const [message, , file = ''] = added;
  const logged = parseCaseFile(readFileSync(join(directory, file), 'utf8'), file);
  expect(file).toBe(casePath(provider, logged));
  expect(message).toBe(`Log case ${file.slice('cqm/'.length, -'.yaml'.length)}`);
  expect(logged).toMatchObject({
    channel: 'telephone',
    stage: 'stage-1',
    status: 'open',
    complainant: { name: 'Jo Example', phone: '01632 960 001', role: 'employer' },
  });
  expect(logged.reference).toMatch(/^CQM-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/);
  expect(logged.events).toEqual([{ type: 'received', on: logged.receivedAt.slice(0, 10), stage: 'stage-1' }]);
  // Its clocks are the engine's: CQM writes up a complaint made by phone within the period its
  // provider file gives (read from the file, so a publisher's edit to it keeps this test true).
  const received = logged.events[0]?.on ?? '';
  const calendar = holidayCalendar(provider.nation);
  expect(logged.derived).toEqual(deriveClocks(logged, provider, received, calendar));
  if (provider.oralWriteUp === undefined) throw new Error('CQM writes up oral complaints');
  expect(logged.derived.clocks.find((clock) => clock.clock === 'write-up')?.dueBy).toBe(
    dueDate(received, provider.oralWriteUp.within, calendar),
  );

  await page.goto('/cases/cqm/#/collections/cases');
  await expect(page.getByText(logged.reference)).toBeVisible();
});

test('closing a case before its full response is refused by the decider, saying what to do, and the file is left as it was', async ({
  page,
}) => {
  const before = readFileSync(join(directory, path), 'utf8');
  await logIn(page);
  await page.goto('/');
  await page.goto(caseEditorUrl(page.url(), provider, path));
  await page.getByRole('button', { name: /add events/i }).click();
  await page.getByText('Case closed', { exact: true }).click();
  await (await emptyField(page, 'On')).fill('2026-11-04');
  await pick(page, 'Stage', 'Stage 1: Frontline Resolution');
  await page.getByRole('button', { name: /^publish$/i }).click();
  await page.getByText('Publish now').click();
  // The decider's refusal, at the event it refuses, saying what to do.
  await expect(
    page.getByText(
      /Events › item \d+ \(Case closed, 2026-11-04\): Stage 1: Frontline Resolution has no outcome yet: record the response before closing the case/,
    ),
  ).toBeVisible();
  expect(readFileSync(join(directory, path), 'utf8')).toBe(before);
});

test("the staff editor, Decap's chrome included, has no axe violations", async ({ page }) => {
  await page.goto('/cases/cqm/');
  await expect(page.getByRole('button', { name: /login/i })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await logIn(page);
  await expect(page.getByText(REFERENCE).first()).toBeVisible();
  // The list of cases: Decap's chrome alone, its grey text darkened by the editors' stylesheet.
  expect(await violations(page)).toEqual([]);

  await page.goto('/');
  await page.goto(caseEditorUrl(page.url(), provider, path));
  await expect(page.getByText(REFERENCE, { exact: true })).toBeVisible();
  const preview = page.frameLocator('iframe#preview-pane');
  await expect(preview.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  // The frame is named after Decap renders it, so a screen reader says what it holds.
  await expect(page.getByTitle('Preview of the case')).toBeVisible();

  // Redress's own: the read-only widgets and the whole preview, in its frame.
  expect(
    await violations(page, '.redress-reference', '.redress-position', '.redress-clocks', [
      'iframe#preview-pane',
      '.redress-preview',
    ]),
  ).toEqual([]);
  // The whole editor, Decap's chrome included: each list item's fold and remove buttons are named,
  // and no item has a drag handle.
  await expect(page.getByRole('button', { name: 'Remove this item' }).first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
