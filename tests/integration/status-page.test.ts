import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleStatus, type StatusDependencies } from '../../functions/show-status.mts';
import { handleSubmission } from '../../functions/submit-complaint.mts';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { parseCaseFile, serialiseCaseFile } from '../../src/core/case-file.ts';
import { applyCommand } from '../../src/core/lifecycle.ts';
import { requestEscalation } from '../../src/use-cases/request-escalation.ts';
import { createIntakeWorld, formPost, type IntakeWorld, validFields } from './support/intake.ts';

describe("a complainant's private status page", () => {
  let world: IntakeWorld;
  let dependencies: StatusDependencies;
  let today: Date;
  beforeEach(async () => {
    world = await createIntakeWorld();
    today = new Date('2026-11-24T10:00:00Z');
    dependencies = {
      caseStore: () => world.store,
      statusIndex: world.escalation.statusIndex,
      calendar: holidayCalendar,
      providers: async () => world.providers,
      siteUrl: 'https://complaints.example.org',
      now: () => today,
    };
  });
  afterEach(async () => {
    await world.cleanUp();
  });

  /** A complaint sent through the form, and the status link its acknowledgement carries. */
  async function complain(): Promise<{ link: URL; path: string }> {
    const response = await handleSubmission(formPost('cqm', validFields()), world.dependencies);
    expect(response.status).toBe(303);
    const acknowledgement = (await world.sent()).find((entry) => entry.message.tag === 'acknowledgement');
    const match = /https?:\/\/\S+\/cqm\/status\/[A-Za-z0-9_-]{43}/.exec(acknowledgement?.message.text ?? '');
    const [path = ''] = [...(await world.cases()).keys()];
    return { link: new URL(match?.[0] ?? 'https://missing.example/'), path };
  }
  const open = (link: URL) => handleStatus(new Request(`http://localhost${link.pathname}`), dependencies);

  it('is linked from the acknowledgement, and shows the stage and what happens next by when', async () => {
    const { link } = await complain();
    const response = await open(link);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<dd>Stage 1: Frontline Resolution</dd>');
    // Received Monday 23 November 2026: CQM acknowledges in 4 and responds in 15 working days.
    expect(html).toContain('We acknowledge your complaint by Friday 27 November 2026.');
    expect(html).toContain('We send you the outcome by Monday 14 December 2026.');
  });

  it('shows no personal data beyond the reference, and is kept out of search engines and referrers', async () => {
    const { link } = await complain();
    const response = await open(link);
    const html = await response.text();
    const fields = validFields();
    const personal = ['full-name', 'email', 'course', 'what-happened', 'raised-with', 'outcome-wanted'];
    for (const value of personal.map((name) => fields[name] ?? '')) {
      expect(value).not.toBe('');
      expect(html).not.toContain(value);
    }
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
  });

  it('shows the window to ask for the next stage once the outcome is sent, with its last day', async () => {
    const { link, path } = await complain();
    const provider = world.provider('cqm');
    const file = await world.store.read(path);
    const { derived, ...stored } = parseCaseFile(file?.text ?? '', path);
    const answered = applyCommand(
      stored,
      {
        type: 'respond',
        on: '2026-11-27',
        outcome: 'not-upheld',
        summary: 'No fault found.',
        sentBy: 'post',
      },
      { provider, calendar: holidayCalendar(provider.nation) },
    );
    await world.store.update(path, serialiseCaseFile(answered, derived), file?.version ?? '', 'Respond');
    today = new Date('2026-12-01T10:00:00Z');
    const html = await (await open(link)).text();
    // Posted Friday 27 November: received Tuesday 1 December; 15 working days end Tuesday 22 December.
    expect(html).toContain('You can ask for Stage 2: Investigation until Tuesday 22 December 2026.');
    expect(html).toContain('<a href="/cqm/escalate/">Ask for Stage 2: Investigation</a>');
  });

  it('stops working once staff delete its key from the case, and a made-up key opens nothing', async () => {
    const { link, path } = await complain();
    const file = await world.store.read(path);
    const { derived, statusToken: _revoked, ...stored } = parseCaseFile(file?.text ?? '', path);
    await world.store.update(path, serialiseCaseFile(stored, derived), file?.version ?? '', 'Revoke');
    const revoked = await open(link);
    expect(revoked.status).toBe(404);
    expect(await revoked.text()).toContain('<h1>This status link does not work</h1>');
    const madeUp = new URL(link.href.replace(/[A-Za-z0-9_-]{43}$/, 'A'.repeat(43)));
    expect((await open(madeUp)).status).toBe(404);
  });

  it('stays off once staff turned it off: asking for the next stage issues no new link', async () => {
    const { link, path } = await complain();
    const provider = world.provider('cqm');
    const file = await world.store.read(path);
    const { derived, statusToken: _revoked, ...stored } = parseCaseFile(file?.text ?? '', path);
    const answered = applyCommand(
      stored,
      {
        type: 'respond',
        on: '2026-11-24',
        outcome: 'not-upheld',
        summary: 'No fault found.',
        sentBy: 'email',
      },
      { provider, calendar: holidayCalendar(provider.nation) },
    );
    await world.store.update(path, serialiseCaseFile(answered, derived), file?.version ?? '', 'Revoke');
    const proof = { reference: stored.reference, contact: 'ada@example.org', client: 'test' };
    const answer = await requestEscalation(world.escalation, provider, proof, 'Why?', today);
    expect(answer.kind).toBe('accepted');
    if (answer.kind === 'accepted') expect(await answer.completion).toBe(true);

    const escalated = parseCaseFile((await world.store.read(path))?.text ?? '', path);
    expect(escalated.stage).toBe('stage-2');
    expect(escalated.statusToken).toBeUndefined();
    const acknowledged = (await world.sent()).find(
      (entry) => entry.message.tag === 'escalation-acknowledgement',
    );
    expect(acknowledged?.message.text).toContain(stored.reference);
    expect(acknowledged?.message.text).not.toContain('/status/');
    expect((await open(link)).status).toBe(404);
  });
});
