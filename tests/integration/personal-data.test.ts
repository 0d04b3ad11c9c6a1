import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { handleSubmission } from '../../functions/submit-complaint.mts';
import type { Services } from '../../src/composition/services.ts';
import { type Case, CaseSchema } from '../../src/core/case.ts';
import { caseFolder, casePath, parseCaseFile, serialiseCaseFile } from '../../src/core/case-file.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import type { LifecycleCommand } from '../../src/core/lifecycle.ts';
import { AnonymousCaseSchema } from '../../src/core/personal-data.ts';
import type { CaseStore } from '../../src/ports/case-store.ts';
import { requestEscalation } from '../../src/use-cases/request-escalation.ts';
import { fixtureServices, runCommand, wiringOf } from '../support/fixtures.ts';
import { type GitHubStandIn, startGitHubStandIn } from '../support/github-stand-in.ts';
import { applyCommands, givenCase, givenProvider } from '../unit/given-case.ts';
import { jsonPost, NOW, validFields } from './support/intake.ts';

const run = promisify(execFile);

let dir: string;
let wired: Services;
let deferred: Promise<unknown>[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redress-personal-data-'));
  wired = fixtureServices({ REDRESS_DATA_DIR: dir });
  deferred = [];
});
afterEach(async () => {
  await Promise.allSettled(deferred);
  await rm(dir, { recursive: true, force: true });
});

function complaints(...argv: string[]) {
  return runCommand(wiringOf(wired), argv);
}

/** A complaint sent through the form, committed and acknowledged; answers its reference. */
async function submitted(slug: string, fields: Record<string, string>): Promise<string> {
  const response = await handleSubmission(jsonPost(slug, validFields(fields)), {
    services: wired,
    providers: wired.providers,
    siteUrl: wired.settings.siteUrl,
    now: () => NOW,
    defer: (task) => deferred.push(task),
  });
  await Promise.all(deferred.splice(0));
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

/** A case logged straight into the store, by a person, after `commands`. */
async function logged(
  slug: string,
  receivedOn: string,
  person: Partial<Case['complainant']>,
  ...commands: LifecycleCommand[]
): Promise<Case> {
  const context = await givenProvider(slug);
  const received = givenCase(context, receivedOn);
  const stored = applyCommands(
    context,
    CaseSchema.parse({ ...received, complainant: { ...received.complainant, ...person } }),
    ...commands,
  );
  const derived = deriveClocks(stored, context.provider, receivedOn, context.calendar);
  await wired
    .caseStore(context.provider)
    .create(
      casePath(context.provider, stored),
      serialiseCaseFile(stored, derived),
      `Receive ${stored.reference}`,
    );
  return stored;
}

/**
 * The path and text of every file and folder under the data folder, and every object in the case
 * repository, reachable or not.
 */
async function everythingStored(): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const raw = await Promise.all(files.map((file) => readFile(file, 'latin1')));
  const paths = entries.map((entry) => join(entry.parentPath, entry.name));
  const cases = join(dir, 'cases');
  const { stdout } = await run('git', ['-C', cases, 'cat-file', '--batch-all-objects', '--batch'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return `${paths.join('\n')}\n${raw.join('\n')}\n${stdout}`;
}

/** The start of the hash under which the acknowledgement limit counts mail to `address`. */
const hashed = (address: string) => createHash('sha256').update(address).digest('hex').slice(0, 16);

/** `store`, refusing every update: as when the case store is down just after a request is read. */
function refusingUpdates(store: CaseStore): CaseStore {
  const refuse = () => Promise.reject(new Error('the case store is down'));
  return new Proxy(store, {
    get: (target, name) => (name === 'update' ? refuse : Reflect.get(target, name).bind(target)),
  });
}

/**
 * Records a Stage 1 outcome, emailed on Wednesday 25 November, on the Digital Marketing Mentor
 * case `reference`; then `contact` asks for Stage 2 on Monday 30 November, for `reason`, while the
 * case store refuses updates: the request stays in the queue, reason and all.
 */
async function escalationWaiting(reference: string, contact: string, reason: string): Promise<void> {
  const context = await givenProvider('digital-marketing-mentor');
  const { provider, calendar } = context;
  const store = wired.caseStore(provider);
  const path = (await store.list(`${caseFolder(provider)}/`)).find((each) =>
    each.endsWith(`${reference.toLowerCase()}.yaml`),
  );
  const read = path === undefined ? undefined : await store.read(path);
  if (path === undefined || read === undefined) throw new Error(`no case ${reference}`);
  const { derived: _derived, ...stored } = parseCaseFile(read.text, path);
  const responded = applyCommands(context, stored as Case, {
    type: 'respond',
    on: '2026-11-25',
    outcome: 'not-upheld',
    summary: 'The course ran as advertised.',
    sentBy: 'email',
  });
  const derived = deriveClocks(responded, provider, '2026-11-25', calendar);
  await store.update(path, serialiseCaseFile(responded, derived), read.version, `Respond ${reference}`);
  const answer = await requestEscalation(
    { ...wired, caseStore: (of) => refusingUpdates(wired.caseStore(of)) },
    provider,
    { reference, contact, client: '192.0.2.1' },
    reason,
    new Date('2026-11-30T10:00:00Z'),
  );
  if (answer.kind !== 'accepted') throw new Error(`the request was not accepted: ${answer.kind}`);
  expect(await answer.completion).toBe(false);
}

/** The names of a provider's case files in the case store. */
async function casesIn(slug: string): Promise<(string | undefined)[]> {
  const { provider } = await givenProvider(slug);
  return (await wired.caseStore(provider).list(`${slug}/`)).map((path) => path.split('/').at(-1));
}

describe('retention: personal data is removed once a closed case has been kept six years', () => {
  it('over seven simulated years removes exactly the cases past their period, keeping their facts', async () => {
    const closed = await logged(
      'cqm',
      '2026-01-05',
      { name: 'Closed Person', email: 'closed@example.org' },
      { type: 'respond', on: '2026-01-20', outcome: 'upheld', summary: 'Sorry, Closed Person.' },
      { type: 'close', on: '2026-01-21' },
    );
    const withdrawn = await logged(
      'cqm',
      '2026-03-02',
      { name: 'Withdrawn Person', email: 'withdrawn@example.org' },
      { type: 'withdraw', on: '2026-03-10', reason: 'Sorted out by Withdrawn Person' },
    );
    const leap = await logged(
      'cqm',
      '2028-02-14',
      { name: 'Leap Person', email: 'leap@example.org' },
      { type: 'respond', on: '2028-02-28', outcome: 'not-upheld', summary: 'No.' },
      { type: 'close', on: '2028-02-29' },
    );
    const open = await logged('cqm', '2026-02-02', { name: 'Open Person', email: 'open@example.org' });
    const name = (stored: Case) => `${stored.reference.toLowerCase()}.yaml`;
    // The last day each keeps its personal data, worked out by hand: six years after closure, and
    // a case closed on 29 February kept until 1 March.
    const lastDays: [Case, string][] = [
      [closed, '2032-01-21'],
      [withdrawn, '2032-03-10'],
      [leap, '2034-03-01'],
    ];
    const days = [];
    for (let year = 2026; year <= 2033; year++) {
      for (let month = 1; month <= 12; month++) days.push(`${year}-${String(month).padStart(2, '0')}-01`);
    }
    days.push('2032-01-21', '2032-01-22', '2032-03-10', '2032-03-11');
    for (const today of days.sort()) {
      const { code } = await complaints('retention', '--now', today);
      expect(code).toBe(0);
      const kept = [open, ...lastDays.filter(([, last]) => today <= last).map(([stored]) => stored)];
      expect((await casesIn('cqm')).sort(), today).toEqual(kept.map(name).sort());
    }
    const stored = await everythingStored();
    for (const gone of ['Closed Person', 'closed@example.org', 'Withdrawn Person', 'withdrawn@example.org']) {
      expect(stored).not.toContain(gone);
    }
    expect(stored).toContain('Leap Person');
    expect(stored).toContain('Open Person');
    const { provider } = await givenProvider('cqm');
    const facts = await wired.caseStore(provider).read(`anonymised/cqm/2026/${name(closed)}`);
    expect(AnonymousCaseSchema.parse(parse(facts?.text ?? ''))).toMatchObject({
      reference: closed.reference,
      status: 'closed',
      channel: 'email',
      personalDataRemoved: { on: '2032-01-22', because: 'retention' },
    });
  });

  it('in a dry run lists what it would remove and removes nothing', async () => {
    const closed = await logged(
      'cqm',
      '2026-01-05',
      { name: 'Closed Person' },
      { type: 'withdraw', on: '2026-01-06' },
    );
    const { code, out } = await complaints('retention', '--now', '2033-01-01', '--dry-run');
    expect(code).toBe(0);
    expect(out).toBe(
      `cqm ${closed.reference}: kept until 2032-01-06\nwould remove the personal data of 1 case past retention on 2033-01-01`,
    );
    expect(await casesIn('cqm')).toEqual([`${closed.reference.toLowerCase()}.yaml`]);
  });

  it('skips and names a case file it cannot read, tells the case team once, and removes the rest', async () => {
    const { provider } = await givenProvider('dynamic-training');
    await logged(
      'dynamic-training',
      '2026-01-05',
      { name: 'Closed Person' },
      { type: 'withdraw', on: '2026-01-06' },
    );
    await wired.caseStore(provider).create('dynamic-training/2026/broken.yaml', '[not a case\n', 'Receive');
    for (const _run of [1, 2]) {
      const { code, out } = await complaints(
        'retention',
        '--now',
        '2033-01-01',
        '--provider',
        'dynamic-training',
      );
      expect(code).toBe(0);
      expect(out).toContain(
        'skipped dynamic-training/2026/broken.yaml (dynamic-training): the file is not a case Redress can read',
      );
    }
    expect(await casesIn('dynamic-training')).toEqual(['broken.yaml']);
    expect(
      (await wired.noticeLedger.sentKeys()).filter((key) => key.includes('needs-attention')),
    ).toHaveLength(1);
  });
});

describe('erasure: one complainant’s personal data, from everywhere Redress keeps it', () => {
  const erin = { 'full-name': 'Erin Erasable', email: 'erin@example.org', phone: '07700 900111' };
  const kit = { 'full-name': 'Kit Keepable', email: 'kit@example.org', submissionId: crypto.randomUUID() };

  it('leaves no trace of the name or email under the data folder, history and pruned objects included', async () => {
    const erased = await submitted('digital-marketing-mentor', {
      ...erin,
      submissionId: crypto.randomUUID(),
    });
    await submitted('cqm', kit);
    const reason = 'Erin wants the assessor to explain the cancellations.';
    await escalationWaiting(erased, erin.email, reason);
    expect(await wired.escalationQueue.pending()).toHaveLength(1);
    // Reminders and overdue notices put the reference in the ledger and in more mail.
    expect((await complaints('sweep', '--now', '2026-12-21')).code).toBe(0);
    const before = await everythingStored();
    for (const trace of ['Erin Erasable', reason, hashed(erin.email), hashed(kit.email)]) {
      expect(before).toContain(trace);
    }

    const asked = await complaints('erase', erased.toLowerCase());
    expect(asked.out).toContain(
      '0 waiting in the intake queue, 1 requests for the next stage waiting, 2 entries counting acknowledgements to its addresses',
    );
    expect(asked.out).toContain('Nothing was erased. Run again with --yes');
    expect(await everythingStored()).toContain('erin@example.org');

    const done = await complaints('erase', erased, '--yes');
    expect(done).toMatchObject({ code: 0, err: '' });
    expect(done.out).toContain(`Erased ${erased}.`);
    const stored = await everythingStored();
    for (const trace of ['Erin Erasable', 'erin@example.org', '07700 900111', 'Erasable', reason]) {
      expect(stored).not.toContain(trace);
    }
    expect(stored).not.toContain(hashed(erin.email));
    expect(await wired.escalationQueue.pending()).toEqual([]);
    expect(stored).toContain('Kit Keepable');
    expect(stored).toContain('kit@example.org');
    expect(stored).toContain(hashed(kit.email));
    const { stdout: log } = await run('git', ['-C', join(dir, 'cases'), 'log', '--format=%s']);
    expect(log.split('\n')[0]).toBe(`Erase ${erased}`);
  });

  it('says so, for a person to read, when nothing is held under the reference', async () => {
    expect(await complaints('erase', 'CQM-261122-7K3M9Q', '--yes')).toEqual({
      code: 1,
      out: '',
      err: 'complaints: nothing is held under CQM-261122-7K3M9Q: no case, waiting submission, acknowledgement count or mail',
    });
    expect((await complaints('erase', 'not-a-reference')).err).toContain(
      '"not-a-reference" is not a complaint reference, like CQM-261122-7K3M9Q',
    );
  });

  describe('through the GitHub case store', () => {
    let standIn: GitHubStandIn;
    beforeEach(async () => {
      standIn = await startGitHubStandIn({ owner: 'example-org', repo: 'redress-cases' });
      wired = fixtureServices({
        REDRESS_DATA_DIR: dir,
        GITHUB_TOKEN: standIn.token,
        GITHUB_API_URL: standIn.url,
        GITHUB_CASE_OWNER: standIn.owner,
      });
    });
    afterEach(async () => {
      await standIn.close();
    });

    it('leaves no commit reachable from the branch holding the name or email, and the other case intact', async () => {
      const erased = await submitted('cqm', { ...erin, submissionId: crypto.randomUUID() });
      await submitted('cqm', kit);
      expect(standIn.reachableTexts().join('\n')).toContain('Erin Erasable');
      expect((await complaints('erase', erased, '--yes')).code).toBe(0);
      const reachable = standIn.reachableTexts().join('\n');
      expect(reachable).not.toContain('Erin Erasable');
      expect(reachable).not.toContain('erin@example.org');
      expect(reachable).toContain('Kit Keepable');
      expect(standIn.commitMessages()[0]).toBe(`Erase ${erased}`);
    });
  });
});

describe('subject access: everything held about one person', () => {
  it('finds a person who complained to two providers, and for someone else, and writes JSON and escaped HTML', async () => {
    const person = {
      'full-name': 'Ana <b>Asker</b>',
      email: 'Ana.Asker@example.org',
      phone: '+44 7700 900222',
    };
    const first = await submitted('cqm', { ...person, submissionId: crypto.randomUUID() });
    const second = await submitted('dynamic-training', {
      ...person,
      'what-happened': '<script>alert("x")</script> nobody called back',
      submissionId: crypto.randomUUID(),
    });
    const forSomeone = await submitted('digital-marketing-mentor', {
      ...person,
      'for-someone-else': 'yes',
      'their-name': 'Sam Learner',
      'representative-reason': 'consented',
      'consent-confirmed': 'yes',
      submissionId: crypto.randomUUID(),
    });
    const other = await submitted('cqm', { 'full-name': 'Someone Else', submissionId: crypto.randomUUID() });
    const reason = 'Ana asks for Stage 2 on behalf of Sam.';
    await escalationWaiting(forSomeone, person.email, reason);
    const out = join(dir, 'answer');

    const byEmail = await complaints('subject-access', '--email', 'ana.asker@EXAMPLE.org', '--out', out);
    expect(byEmail.code).toBe(0);
    // One acknowledgement a complaint, each counted by a place and by the complaint that took it.
    expect(byEmail.out).toMatch(
      /^3 cases, 0 waiting, 1 requests for the next stage, 6 acknowledgements counted, \d+ emails: /,
    );
    const written = (await readdir(out)).sort();
    expect(written).toEqual([
      expect.stringMatching(/^subject-access-.*\.html$/),
      expect.stringMatching(/\.json$/),
    ]);
    const read = (extension: string) =>
      readFile(join(out, written.find((file) => file.endsWith(extension)) ?? ''), 'utf8');
    const found = JSON.parse(await read('.json'));
    const references = found.cases.map((each: { case: Case }) => each.case.reference).sort();
    expect(references).toEqual([first, second, forSomeone].sort());
    expect(references).not.toContain(other);
    expect(found.messages.length).toBeGreaterThanOrEqual(3);
    expect(found.escalations).toEqual([
      {
        reference: forSomeone,
        acceptedAt: '2026-11-30T10:00:00.000Z',
        request: expect.objectContaining({ stage: 'stage-1', reason }),
      },
    ]);
    expect(found.acknowledgements).toHaveLength(6);
    const page = await read('.html');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('Ana &lt;b&gt;Asker&lt;/b&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain(reason);

    const byPhone = await complaints('subject-access', '--phone', '07700 900222', '--out', out);
    expect(byPhone.out).toMatch(
      /^3 cases, 0 waiting, 1 requests for the next stage, 6 acknowledgements counted, /,
    );
  });

  it.each([
    [[], "give the person's --email or their --phone (one of them)"],
    [['--email', 'a@example.org', '--phone', '0123456789'], "give the person's --email or their --phone"],
    [['--email', 'nobody'], '--email must be an email address (found "nobody")'],
    [['--phone', 'none'], '--phone must be a phone number (found "none")'],
  ])('%j is refused with the usage (exit 2)', async (args, message) => {
    const { code, err } = await complaints('subject-access', ...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

describe('ledgers and logs', () => {
  it('hold references only, through a full intake and sweep', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'info').mockImplementation((line: string) => {
      lines.push(line);
    });
    let reference: string;
    try {
      reference = await submitted('dynamic-training', {
        'full-name': 'Lou Logless',
        email: 'lou@example.org',
        phone: '07700 900333',
        submissionId: crypto.randomUUID(),
      });
      const sweep = await complaints('sweep', '--now', '2026-12-21');
      expect(sweep.out).toMatch(/sent: .*overdue [1-9]/);
    } finally {
      spy.mockRestore();
    }
    const ledger = join(dir, 'ledger');
    const names = await readdir(ledger, { recursive: true });
    const contents = await Promise.all(
      names.map((name) => readFile(join(ledger, name), 'utf8').catch(() => '')),
    );
    expect(await wired.noticeLedger.sentKeys()).not.toEqual([]);
    expect(names.join('\n')).toContain(reference);
    const held = [...names, ...contents, ...lines].join('\n');
    for (const personal of [
      'Lou',
      'Logless',
      'lou@example.org',
      '07700',
      'assessments',
      'apology',
      'mentor',
    ]) {
      expect(held).not.toContain(personal);
    }
  });
});
