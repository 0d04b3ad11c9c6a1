import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EscalateDependencies, handleEscalation } from '../../functions/escalate.mts';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { renderEscalationPage } from '../../src/components/escalation/EscalationPage.tsx';
import type { Case } from '../../src/core/case.ts';
import { casePath, parseCaseFile, serialiseCaseFile } from '../../src/core/case-file.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import type { LifecycleCommand } from '../../src/core/lifecycle.ts';
import { escalationLinkFor } from '../../src/use-cases/request-escalation.ts';
import { applyCommands, givenCase } from '../unit/given-case.ts';
import { createIntakeWorld, type IntakeWorld } from './support/intake.ts';

const SITE = 'https://complaints.example.org';
/** Monday 30 November 2026, 10:00 in London. */
const NOW = new Date('2026-11-30T10:00:00Z');
const REASON = 'Nobody explained why the assessments were cancelled.';

describe('the escalation function', () => {
  let world: IntakeWorld;
  let dependencies: EscalateDependencies;

  beforeEach(async () => {
    world = await createIntakeWorld();
    const deferred: Promise<unknown>[] = [];
    dependencies = {
      services: world.escalation,
      providers: async () => world.providers,
      siteUrl: SITE,
      now: () => NOW,
      defer: (task) => {
        deferred.push(task);
      },
    };
    world.settle = async () => {
      await Promise.all(deferred.splice(0));
    };
  });
  afterEach(async () => {
    await world.cleanUp();
  });

  async function givenCaseOf(slug: string, stage: string, ...commands: LifecycleCommand[]) {
    const provider = world.provider(slug);
    const context = { provider, calendar: holidayCalendar(provider.nation) };
    const stored = applyCommands(context, givenCase(context, '2026-11-02', { stage }), ...commands);
    const path = casePath(provider, stored);
    await world.store.create(
      path,
      serialiseCaseFile(stored, deriveClocks(stored, provider, '2026-11-30', context.calendar)),
      'Receive',
    );
    const sentOn = stored.events.findLast((event) => event.type === 'responded')?.on ?? '';
    const link = escalationLinkFor(
      world.escalation.signer,
      SITE,
      provider,
      stored,
      { reference: stored.reference, stage, sentOn },
      context.calendar,
    );
    return { provider, stored, path, link: new URL(link) };
  }

  const outcome = (on: string): LifecycleCommand => ({
    type: 'respond',
    on,
    outcome: 'not-upheld',
    summary: 'The course ran as advertised.',
    sentBy: 'email',
  });

  const post = (slug: string, fields: Record<string, string>) =>
    handleEscalation(
      new Request(`http://localhost/api/escalate/${slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      }),
      dependencies,
      '192.0.2.1',
    );
  const get = (url: string) => handleEscalation(new Request(url), dependencies, '192.0.2.1');

  async function caseAt(path: string): Promise<Case> {
    const { derived: _derived, ...stored } = parseCaseFile((await world.store.read(path))?.text ?? '', path);
    return stored as Case;
  }

  it('without a link, answers with the static page itself: the same component, the same markup', async () => {
    const provider = world.provider('digital-marketing-mentor');
    const response = await get(`http://localhost/api/escalate/${provider.slug}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      renderEscalationPage({ provider, values: {}, errors: [], site: SITE }),
    );
  });

  it("the outcome letter's link opens the form with its token, on a page kept out of search and referrers", async () => {
    const { link } = await givenCaseOf('digital-marketing-mentor', 'stage-1', outcome('2026-11-20'));
    const response = await get(link.href);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain(`<input type="hidden" name="token" value="${link.searchParams.get('token')}"/>`);
    expect(html).not.toContain('name="reference"');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).toContain('<meta name="referrer" content="no-referrer"/>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('a forged link gets a clear 404 page', async () => {
    const { link } = await givenCaseOf('digital-marketing-mentor', 'stage-1', outcome('2026-11-20'));
    link.searchParams.set('token', `${link.searchParams.get('token')?.slice(0, -1)}A`);
    const response = await get(link.href);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<h1>This link does not work</h1>');
  });

  it('a post with nothing in it gets the form back with every problem, in the summary and at its question', async () => {
    const response = await post('digital-marketing-mentor', {
      reference: 'nonsense',
      contact: '',
      reason: '',
    });
    const html = await response.text();
    expect(response.status).toBe(422);
    expect(html).toContain(
      '<title>Error: Ask for the next stage of your complaint to Digital Marketing Mentor',
    );
    expect(html).toContain(
      '<a href="#reference">Check your reference: a reference looks like CQM-261122-7K3M9Q',
    );
    expect(html).toContain(
      '<a href="#contact">Enter the email address or phone number you gave with your complaint</a>',
    );
    expect(html).toContain('<a href="#reason">Say why you are not satisfied with the outcome</a>');
    expect(html).toContain('value="nonsense"');
  });

  it('with the link: received, with the next stage and its dates, and the case moves on', async () => {
    const { path, link } = await givenCaseOf('digital-marketing-mentor', 'stage-1', outcome('2026-11-20'));
    const response = await post('digital-marketing-mentor', {
      token: link.searchParams.get('token') ?? '',
      reason: REASON,
    });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<h1 class="panel-title">Request received</h1>');
    expect(html).toContain('The Managing Director will reply by Monday 14 December 2026');
    await world.settle();
    expect((await caseAt(path)).stage).toBe('stage-2');
  });

  it('after the window: refused with the date it closed and what can still be done; nothing recorded', async () => {
    const { stored, path } = await givenCaseOf('digital-marketing-mentor', 'stage-1', outcome('2026-11-02'));
    const response = await post('digital-marketing-mentor', {
      reference: stored.reference,
      contact: 'sam@example.org',
      reason: REASON,
    });
    const html = await response.text();
    expect(response.status).toBe(409);
    expect(html).toContain(
      'The last day to ask for Stage 2 was Monday 16 November 2026. Nothing has been recorded.',
    );
    expect(html).toContain('can still accept a late request');
    expect(html).toContain('Email: enquiries@digitalmarketingmentor.co.uk');
    expect((await caseAt(path)).stage).toBe('stage-1');
  });

  it('at the last stage: refused, showing the external route with its contacts', async () => {
    const { stored } = await givenCaseOf(
      'cqm',
      'final',
      { type: 'send-holding-reply', on: '2026-11-03', outcomeBy: '2026-11-20' },
      outcome('2026-11-20'),
    );
    const response = await post('cqm', {
      reference: stored.reference,
      contact: 'sam@example.org',
      reason: REASON,
    });
    const html = await response.text();
    expect(response.status).toBe(409);
    expect(html).toContain('you can contact the ESFA Apprenticeship Service');
    expect(html).toContain('Email: helpdesk@manage-apprenticeships.service.gov.uk');
    expect(html).toContain('Telephone: 08000 150 600');
  });

  it('a wrong reference and a wrong contact get the same page, so neither is confirmed', async () => {
    const { stored } = await givenCaseOf('digital-marketing-mentor', 'stage-1', outcome('2026-11-20'));
    const wrongContact = await post('digital-marketing-mentor', {
      reference: stored.reference,
      contact: 'x@example.org',
      reason: REASON,
    });
    const wrongReference = await post('digital-marketing-mentor', {
      reference: 'DMM-261102-ZZZZZZ',
      contact: 'sam@example.org',
      reason: REASON,
    });
    expect([wrongContact.status, wrongReference.status]).toEqual([404, 404]);
    expect(await wrongContact.text()).toBe(await wrongReference.text());
  });
});
