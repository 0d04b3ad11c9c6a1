import { beforeAll, describe, expect, it } from 'vitest';
import { type ClockKind, handlerPhrase, summariseProcedure } from '../../src/core/procedure-summary.ts';
import type { Provider } from '../../src/core/provider.ts';
import { fixtureProviders } from '../support/fixtures.ts';

let providers: Map<string, Provider>;
beforeAll(async () => {
  providers = new Map((await fixtureProviders()).map((provider) => [provider.slug, provider]));
});

function provider(slug: string): Provider {
  const found = providers.get(slug);
  if (found === undefined) throw new Error(`tests/fixtures/providers/${slug}.yaml is missing`);
  return found;
}

/** The sentence the summary gives for one clock of one stage. */
function clockText(subject: Provider, stageId: string, kind: ClockKind): string {
  const stage = summariseProcedure(subject).stages.find((candidate) => candidate.id === stageId);
  if (stage === undefined) throw new Error(`${subject.slug} has no stage "${stageId}"`);
  const clock = stage.clocks.find((candidate) => candidate.kind === kind);
  if (clock === undefined) throw new Error(`${subject.slug} ${stageId} says nothing about "${kind}"`);
  return clock.text;
}

describe('the summary takes its timescales from the provider data', () => {
  it('changing a clock in a copy of a real provider changes the sentence', () => {
    const cqm = provider('cqm');
    expect(clockText(cqm, 'stage-1', 'acknowledge')).toBe(
      'We will acknowledge your complaint within 4 working days.',
    );

    const changed = structuredClone(cqm);
    const stage1 = changed.stages.find((stage) => stage.id === 'stage-1');
    if (stage1?.acknowledge === undefined) throw new Error('CQM stage 1 acknowledges complaints');
    stage1.acknowledge.within = { unit: 'calendar-days', count: 7 };

    expect(clockText(changed, 'stage-1', 'acknowledge')).toBe(
      'We will acknowledge your complaint within 7 days.',
    );
    // The original is untouched: the summary reads its argument and nothing else.
    expect(clockText(cqm, 'stage-1', 'acknowledge')).toContain('within 4 working days');
  });

  it('changing the time limit in a copy changes when the summary says to complain', () => {
    const dmm = structuredClone(provider('digital-marketing-mentor'));
    expect(summariseProcedure(dmm).timeLimit?.text).toContain('within 12 weeks');
    if (dmm.timeLimit === undefined) throw new Error('Digital Marketing Mentor sets a time limit');
    dmm.timeLimit.within = { unit: 'weeks', count: 6 };
    expect(summariseProcedure(dmm).timeLimit?.text).toContain('within 6 weeks');
  });

  it('a stage with no clocks in the data promises no timescale', () => {
    const ace = structuredClone(provider('ace-training'));
    const stage1 = ace.stages.find((stage) => stage.id === 'stage-1');
    if (stage1 === undefined) throw new Error('ACE has a stage 1');
    delete stage1.respond;
    expect(summariseProcedure(ace).stages.find((stage) => stage.id === 'stage-1')?.clocks).toEqual([]);
  });
});

// Each row is a timescale the provider's published policy states, in the words the summary must use.
// The policy's own sentence is beside each row.
const POLICY_CLOCKS: { slug: string; stage: string; kind: ClockKind; says: string }[] = [
  // "You can expect your complaint to be acknowledged within 4 working days of receipt."
  { slug: 'cqm', stage: 'stage-1', kind: 'acknowledge', says: 'within 4 working days' },
  // "You should get a response and an explanation within 15 working days."
  { slug: 'cqm', stage: 'stage-1', kind: 'respond', says: 'within 15 working days' },
  // "You must do this within 15 working days of receiving the written response from the MD."
  { slug: 'cqm', stage: 'stage-1', kind: 'escalate', says: 'within 15 working days' },
  // "The Chief Executive will respond normally within 15 working days"
  { slug: 'cqm', stage: 'stage-2', kind: 'holding-reply', says: 'within 15 working days' },
  { slug: 'cqm', stage: 'stage-2', kind: 'holding-reply', says: 'and when you can expect the outcome' },
  { slug: 'cqm', stage: 'stage-2', kind: 'respond', says: 'by the date that reply gives' },
  // "You must do this within 10 days of receiving the written response from Instructus' Chief Executive."
  { slug: 'cqm', stage: 'stage-2', kind: 'escalate', says: 'within 10 days' },
  // "The Chair of the Board (or their nominee) will respond normally within 10 working days"
  { slug: 'cqm', stage: 'final', kind: 'holding-reply', says: 'within 10 working days' },
  // "A detailed response should be received within 10 working days"
  { slug: 'digital-marketing-mentor', stage: 'stage-1', kind: 'respond', says: 'within 10 working days' },
  // "(normally within 10 working days of receiving written notification of the outcome of Stage 1)"
  { slug: 'digital-marketing-mentor', stage: 'stage-1', kind: 'escalate', says: 'within 10 working days' },
  // "The Managing Director will respond normally within 10 working days"
  {
    slug: 'digital-marketing-mentor',
    stage: 'stage-2',
    kind: 'holding-reply',
    says: 'within 10 working days to tell you what will be done to investigate your complaint.',
  },
  // "Complainants will receive a reply within 48 hours (working days) from when the complaint is received."
  { slug: 'dynamic-training', stage: 'stage-1', kind: 'respond', says: 'within 2 working days' },
  // "you will receive an interim response describing what is being done to deal with the matter, and
  // when a full reply can be expected"
  { slug: 'dynamic-training', stage: 'stage-1', kind: 'interim', says: 'interim response' },
  { slug: 'dynamic-training', stage: 'stage-1', kind: 'interim', says: 'when to expect the full reply' },
  // "Every written complaint is acknowledged within two working days"
  { slug: 'interlearn', stage: 'stage-1', kind: 'acknowledge', says: 'within 2 working days' },
  // "Investigations into written complaints are held within 28 days"
  // "Investigations into written complaints are held within 28 days": an investigation, not a reply.
  {
    slug: 'interlearn',
    stage: 'stage-1',
    kind: 'respond',
    says: 'We will investigate your complaint within 28 days',
  },
  // "If after 5 working days, the complaint has not been closed, the Customer Services Team are
  // responsible for contacting the referral manager"
  { slug: 'interlearn', stage: 'stage-1', kind: 'chase', says: 'within 5 working days' },
  { slug: 'interlearn', stage: 'stage-1', kind: 'chase', says: 'the Customer Services Team will chase' },
  // "They will give the customer a specific time that they will get back to them in"
  { slug: 'ace-training', stage: 'stage-1', kind: 'respond', says: 'will give you a date' },
];

describe("each provider's summary states every timescale its policy states", () => {
  it.each(POLICY_CLOCKS)('$slug $stage $kind: "$says"', ({ slug, stage, kind, says }) => {
    expect(clockText(provider(slug), stage, kind)).toContain(says);
  });

  // "Every written complaint is acknowledged within two working days": by email, by letter, or through the complaint form.
  it('says when a clock runs only for some ways of complaining', () => {
    expect(clockText(provider('interlearn'), 'stage-1', 'acknowledge')).toBe(
      'We will acknowledge your complaint within 2 working days if you complain by email, by post or through the website.',
    );
  });

  it.each([
    // "Bring their complaint to Digital Marketing mentor attention normally within 12 weeks of it occurring"
    { slug: 'digital-marketing-mentor', says: 'within 12 weeks' },
    // "(although eight weeks is generally considered to be an acceptable timeframe in which to lodge a complaint)"
    { slug: 'dynamic-training', says: 'within 8 weeks' },
  ])('$slug: the time limit to complain is "$says"', ({ slug, says }) => {
    expect(summariseProcedure(provider(slug)).timeLimit?.text).toContain(says);
  });

  it.each(['cqm', 'interlearn', 'ace-training'])(
    '%s sets no time limit, and the summary invents none',
    (slug) => {
      expect(summariseProcedure(provider(slug)).timeLimit).toBeUndefined();
    },
  );

  it('CQM: an oral complaint is written up and a copy sent within 3 working days', () => {
    // "Where someone complains orally, we will make a written record and provide a copy of it within 3 working days"
    expect(summariseProcedure(provider('cqm')).oralWriteUp?.text).toContain('within 3 working days');
  });

  it('every clock in every provider file reaches the summary, with the policy sentence it comes from', () => {
    for (const subject of providers.values()) {
      const summary = summariseProcedure(subject);
      subject.stages.forEach((stage, i) => {
        const expected = [
          stage.acknowledge,
          stage.holdingReply,
          stage.respond,
          stage.interim,
          stage.chase,
          stage.escalateWithin,
        ]
          .filter((rule) => rule !== undefined)
          .map((rule) => rule.quote);
        expect(
          summary.stages[i]?.clocks.map((clock) => clock.quote),
          `${subject.slug} ${stage.id}`,
        ).toEqual(expected);
      });
    }
  });
});

describe('the rest of the summary', () => {
  it('names the next stage when a complainant may escalate', () => {
    expect(clockText(provider('cqm'), 'stage-1', 'escalate')).toBe(
      'If you are not satisfied with the outcome, you can ask to go on to the next stage (Stage 2: Investigation) within 15 working days of receiving the response at this stage.',
    );
  });

  it('gives the external route after the last stage, with its contact details', () => {
    const external = summariseProcedure(provider('cqm')).external;
    expect(external?.name).toBe('ESFA Apprenticeship Service');
    expect(external?.email).toBe('helpdesk@manage-apprenticeships.service.gov.uk');
    expect(external?.phone).toBe('08000 150 600');
  });

  it('words the route outside the provider by when its policy allows it, and no more', () => {
    // CQM: "If the individual or organisation is unhappy with the outcome from the Chair, then they
    // can carry on to a final stage and make a complaint to the ESFA Apprenticeship Service".
    expect(summariseProcedure(provider('cqm')).external?.text).toBe(
      'If you are still not satisfied at the end of this procedure, you can contact the ESFA Apprenticeship Service.',
    );
    // ACE: "The customer also has the right to contact the Education & Skills Funding Agency."
    expect(summariseProcedure(provider('ace-training')).external?.text).toBe(
      'You can also contact the Education & Skills Funding Agency at any time.',
    );
  });

  it('gives no contact for a stage whose policy gives none (Interlearn appeals)', () => {
    const stages = summariseProcedure(provider('interlearn')).stages;
    expect(stages.find((stage) => stage.id === 'appeal')?.contact).toBeUndefined();
    expect(stages.find((stage) => stage.id === 'stage-1')?.contact?.email).toBe(
      'customerservices@interlearn.co.uk',
    );
  });

  it('lists what the procedure does not cover and where to go instead', () => {
    expect(summariseProcedure(provider('dynamic-training')).exclusions.map((e) => e.text)).toEqual([
      'Assessment decisions or examination results. Use instead: Other forms of redress that are more appropriate.',
      'Employment issues. Use instead: Staff Grievance Procedures.',
      'Whistleblowing. Use instead: Whistleblowing Procedure.',
    ]);
  });

  it('tells a concern from a complaint where the policy does', () => {
    const summary = summariseProcedure(provider('dynamic-training'));
    expect(summary.concern?.text).toContain('worry or doubt');
    expect(summary.complaint?.text).toContain('dissatisfaction');
  });

  it('says so when a way of complaining has no number or address in the policy', () => {
    const phone = summariseProcedure(provider('interlearn')).channels.find((c) => c.channel === 'telephone');
    expect(phone).toEqual({ channel: 'telephone', label: 'By phone', missing: 'the policy gives no number' });
    const email = summariseProcedure(provider('interlearn')).channels.find((c) => c.channel === 'email');
    expect(email).toEqual({ channel: 'email', label: 'By email' });
  });

  it.each([
    {
      slug: 'cqm',
      says: 'Someone else can complain for a person who has died, cannot make the complaint themselves or has agreed to someone acting for them.',
    },
    {
      slug: 'digital-marketing-mentor',
      says: 'Someone else can complain for a person who cannot make the complaint themselves or has agreed to someone acting for them (for example a friend, parent, guardian). You will need to confirm this in writing.',
    },
  ])('$slug: who may complain for someone else', ({ slug, says }) => {
    expect(summariseProcedure(provider(slug)).representatives?.text).toBe(says);
  });

  it('Digital Marketing Mentor: a complainant under 18 may have a parent or guardian told', () => {
    expect(summariseProcedure(provider('digital-marketing-mentor')).under18?.text).toContain(
      'parent or guardian',
    );
    expect(summariseProcedure(provider('cqm')).under18).toBeUndefined();
  });
});

describe('a handler named inside a sentence', () => {
  it.each([
    ['Managing Director', 'the Managing Director', 'The Managing Director'],
    [
      'The member of staff who dealt with you',
      'the member of staff who dealt with you',
      'The member of staff who dealt with you',
    ],
    ["Interlearn's Appeals Procedure", "Interlearn's Appeals Procedure", "Interlearn's Appeals Procedure"],
  ])('%s reads "%s", and "%s" opening a sentence', (role, inside, atStart) => {
    expect(handlerPhrase(role)).toBe(inside);
    expect(handlerPhrase(role, true)).toBe(atStart);
  });
});
