import { describe, expect, it } from 'vitest';
import { loadProvider, loadProviders } from '../../src/adapters/content-files.ts';
import type { Period } from '../../src/core/period.ts';
import type { Provider, Stage } from '../../src/core/provider.ts';
import { ProviderFileError } from '../../src/core/provider-file.ts';
import { FIXTURE_CONTENT, fixtureProviders } from '../support/fixtures.ts';

const providers = await fixtureProviders();
const bySlug = (slug: string): Provider => {
  const provider = providers.find((candidate) => candidate.slug === slug);
  if (provider === undefined) throw new Error(`no provider ${slug}`);
  return provider;
};

const workingDays = (count: number): Period => ({ unit: 'working-days', count });
const calendarDays = (count: number): Period => ({ unit: 'calendar-days', count });
const weeks = (count: number): Period => ({ unit: 'weeks', count });

// The fixtures are frozen copies of the five published providers: these tests prove the files are
// read as their policies mean, and stay true whatever a publisher edits in content/providers.
describe('the provider files, as published when the fixtures were copied', () => {
  it('all five load, sorted by name, with the invented Example Academy among them', () => {
    expect(providers.map((provider) => [provider.name, provider.slug])).toEqual([
      ['ACE Training', 'ace-training'],
      ['CQM Training & Consultancy', 'cqm'],
      ['Digital Marketing Mentor', 'digital-marketing-mentor'],
      ['Dynamic Training', 'dynamic-training'],
      ['Example Academy', 'example-academy'],
      ['Interlearn', 'interlearn'],
    ]);
  });

  it.each([
    ['ace-training', ['informal', 'stage-1', 'stage-2']],
    ['cqm', ['informal', 'stage-1', 'stage-2', 'final']],
    ['digital-marketing-mentor', ['informal', 'stage-1', 'stage-2']],
    ['dynamic-training', ['informal', 'stage-1', 'stage-2', 'stage-3', 'final']],
    ['interlearn', ['informal', 'stage-1', 'appeal']],
  ])('%s has the stages its policy sets out, the first of them informal', (slug, stageIds) => {
    const { stages } = bySlug(slug);
    expect(stages.map((stage) => stage.id)).toEqual(stageIds);
    expect(stages.map((stage) => stage.informal)).toEqual(stageIds.map((id) => id === 'informal'));
  });

  type ClockName = 'acknowledge' | 'holdingReply' | 'respond' | 'chase' | 'escalateWithin';
  const clockOf = (stage: Stage, clock: ClockName): Period | 'set by the handler' | undefined => {
    switch (clock) {
      case 'acknowledge':
        return stage.acknowledge?.within;
      case 'holdingReply':
        return stage.holdingReply?.within;
      case 'respond':
        if (stage.respond === undefined) return undefined;
        return 'setBy' in stage.respond ? 'set by the handler' : stage.respond.within;
      case 'chase':
        return stage.chase?.after;
      case 'escalateWithin':
        return stage.escalateWithin?.within;
      default: {
        const unreachable: never = clock;
        throw new Error(`unknown clock ${String(unreachable)}`);
      }
    }
  };

  // biome-ignore format: one row a line keeps the table readable as a table
  const clocks: [slug: string, stage: string, clock: ClockName, expected: Period | 'set by the handler' | undefined, policy: string][] = [
    ['digital-marketing-mentor', 'stage-1', 'acknowledge', undefined, 'acknowledges receipt, but gives no period'],
    ['digital-marketing-mentor', 'stage-1', 'respond', workingDays(10), 'A detailed response should be received within 10 working days'],
    ['digital-marketing-mentor', 'stage-1', 'escalateWithin', workingDays(10), 'normally within 10 working days of receiving written notification of the outcome of Stage 1'],
    ['digital-marketing-mentor', 'stage-2', 'holdingReply', workingDays(10), 'The Managing Director will respond normally within 10 working days to inform the complainant of the action being taken'],
    ['digital-marketing-mentor', 'stage-2', 'respond', 'set by the handler', 'no period for the outcome itself'],
    ['interlearn', 'stage-1', 'acknowledge', workingDays(2), 'Every written complaint is acknowledged within two working days'],
    ['interlearn', 'stage-1', 'respond', calendarDays(28), 'Investigations into written complaints are held within 28 days'],
    ['interlearn', 'stage-1', 'chase', workingDays(5), 'If after 5 working days, the complaint has not been closed'],
    ['dynamic-training', 'stage-1', 'respond', workingDays(2), 'a reply within 48 hours (working days)'],
    ['dynamic-training', 'stage-2', 'respond', undefined, 'no period for the departmental manager'],
    ['ace-training', 'stage-1', 'respond', 'set by the handler', 'They will give the customer a specific time'],
    ['ace-training', 'stage-1', 'acknowledge', undefined, '"immediately", with no period'],
    ['cqm', 'stage-1', 'acknowledge', workingDays(4), 'acknowledged within 4 working days of receipt'],
    ['cqm', 'stage-1', 'respond', workingDays(15), 'a response and an explanation within 15 working days'],
    ['cqm', 'stage-1', 'escalateWithin', workingDays(15), 'within 15 working days of receiving the written response from the MD'],
    ['cqm', 'stage-2', 'holdingReply', workingDays(15), 'The Chief Executive will respond normally within 15 working days to inform you of the action'],
    ['cqm', 'stage-2', 'respond', 'set by the handler', 'and when you can expect to hear the outcome of the investigation'],
    ['cqm', 'stage-2', 'escalateWithin', calendarDays(10), 'within 10 days of receiving the written response from Instructus\' Chief Executive'],
    ['cqm', 'final', 'holdingReply', workingDays(10), 'The Chair of the Board (or their nominee) will respond normally within 10 working days to inform you of the action'],
    ['cqm', 'final', 'respond', 'set by the handler', 'and when you can expect to hear the outcome of the investigation'],
  ];

  it.each(clocks)('%s %s %s is as the policy says', (slug, stageId, clock, expected, policy) => {
    const stage = bySlug(slug).stages.find((candidate) => candidate.id === stageId);
    expect(stage, `${slug} has a stage ${stageId}`).toBeDefined();
    expect(clockOf(stage as Stage, clock), policy).toEqual(expected);
  });

  it('Interlearn acknowledges and investigates written complaints only, and Customer Services chase', () => {
    const stage = bySlug('interlearn').stages[1];
    // Written complaints: by email, by letter, or through the Redress complaint form.
    expect(stage?.acknowledge?.appliesTo).toEqual(['email', 'post', 'website']);
    expect(stage?.respond !== undefined && 'appliesTo' in stage.respond && stage.respond.appliesTo).toEqual([
      'email',
      'post',
      'website',
    ]);
    expect(stage?.chase?.notify).toEqual(['customer-services']);
  });

  it('Dynamic Training sends an interim response that says when the full reply can be expected', () => {
    expect(bySlug('dynamic-training').stages[1]?.interim?.tellsNewDate).toBe(true);
  });

  it.each([
    ['digital-marketing-mentor', weeks(12)],
    ['dynamic-training', weeks(8)],
    ['interlearn', undefined],
    ['ace-training', undefined],
    ['cqm', undefined],
  ])("%s: the time limit to complain is the policy's, or absent where it sets none", (slug, expected) => {
    expect(bySlug(slug).timeLimit?.within).toEqual(expected);
  });

  it.each([
    ['digital-marketing-mentor', 'annual', 'the Directors', false],
    ['dynamic-training', 'quarterly', 'Board of Directors', true],
    ['cqm', 'annual', 'Directors of the Board', true],
    ['interlearn', undefined, undefined, undefined],
    ['ace-training', undefined, undefined, undefined],
  ])(
    '%s: the report is made %s to %s (anonymised: %s), or absent where none is promised',
    (slug, cadence, recipients, anonymised) => {
      const { report } = bySlug(slug);
      expect([report?.cadence, report?.recipients, report?.anonymised]).toEqual([
        cadence,
        recipients,
        anonymised,
      ]);
    },
  );

  it.each([
    ['digital-marketing-mentor', ['assessment-decisions', 'partner-contracts']],
    ['dynamic-training', ['assessment-decisions', 'staff-grievances', 'whistleblowing']],
    ['interlearn', []],
    ['ace-training', []],
    ['cqm', []],
  ])('%s excludes %j and says where each goes instead', (slug, topics) => {
    const { exclusions } = bySlug(slug);
    expect(exclusions.map((exclusion) => exclusion.topic)).toEqual(topics);
  });

  it.each([
    ['digital-marketing-mentor', ['cannot-complain', 'consented'], 'written-confirmation'],
    ['interlearn', [], 'none'],
    ['cqm', ['died', 'cannot-complain', 'consented'], 'none'],
    ['dynamic-training', undefined, undefined],
    ['ace-training', undefined, undefined],
  ])('%s: representatives may act for reasons %j with consent %s', (slug, reasons, consent) => {
    const { representatives } = bySlug(slug);
    expect([representatives?.reasons, representatives?.consent]).toEqual([reasons, consent]);
  });

  it('only Digital Marketing Mentor has an under-18 rule, and only CQM writes oral complaints up (in 3 working days)', () => {
    expect(providers.filter((provider) => provider.under18).map((provider) => provider.slug)).toEqual([
      'digital-marketing-mentor',
    ]);
    expect(providers.filter((provider) => provider.oralWriteUp).map((provider) => provider.slug)).toEqual([
      'cqm',
    ]);
    expect(bySlug('cqm').oralWriteUp?.within).toEqual(workingDays(3));
  });

  it('CQM and ACE name the funding agency as the route after their last stage, CQM with its helpdesk', () => {
    expect(bySlug('cqm').external).toMatchObject({
      name: 'ESFA Apprenticeship Service',
      email: 'helpdesk@manage-apprenticeships.service.gov.uk',
      phone: '08000 150 600',
    });
    expect(bySlug('ace-training').external?.name).toBe('Education & Skills Funding Agency');
    expect(providers.filter((provider) => provider.external).map((provider) => provider.slug)).toEqual([
      'ace-training',
      'cqm',
    ]);
  });
});

describe('loading one provider', () => {
  it('finds a provider by its slug', async () => {
    expect((await loadProvider('cqm', FIXTURE_CONTENT.providers)).name).toBe('CQM Training & Consultancy');
  });

  it.each([
    ['nobody', 'there is no provider "nobody": tests/fixtures/providers/nobody.yaml does not exist'],
    // A slug may come from a URL: anything that is not a slug never becomes a path.
    ['../package', 'there is no provider "../package": a slug is lower-case letters, digits and hyphens'],
  ])('refuses %j with a plain message', async (slug, message) => {
    await expect(loadProvider(slug, FIXTURE_CONTENT.providers)).rejects.toThrow(message);
  });
});

describe('a folder of provider files', () => {
  const fixtures = (folder: string) => new URL(`../fixtures/providers/${folder}/`, import.meta.url).pathname;

  it('loads from the folder it is given', async () => {
    expect((await loadProviders(fixtures('good'))).map((provider) => provider.slug)).toEqual([
      'example-college',
    ]);
  });

  it('stops at a bad file with the friendly error, naming the file from the repository root', async () => {
    const failure = loadProviders(fixtures('bad'));
    await expect(failure).rejects.toBeInstanceOf(ProviderFileError);
    await expect(failure).rejects.toThrow(
      'tests/fixtures/providers/bad/misnamed.yaml:2: slug must match the file name "misnamed.yaml" (found "example-college"); rename the file or change the slug',
    );
  });
});
