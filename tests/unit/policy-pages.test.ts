import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { handleSubmission } from '../../functions/submit-complaint.mts';
import { settings } from '../../src/composition/settings.ts';
import { londonDate } from '../../src/core/calendar.ts';
import { checkReview, nextReview, type Policy, PolicySchema } from '../../src/core/policy.ts';
import { summariseProcedure } from '../../src/core/procedure-summary.ts';
import type { Provider } from '../../src/core/provider.ts';
import { createIntakeWorld, formPost, validFields } from '../integration/support/intake.ts';
import { FIXTURE_CONTENT, fixtureProviders } from '../support/fixtures.ts';
import { buildSite, copySite } from '../support/site-copy.ts';
import { allElements, type HtmlElement, outline, parseHtml } from './html-tree.ts';

const POLICIES_DIR = FIXTURE_CONTENT.policies;

async function readFrontMatter(slug: string): Promise<unknown> {
  const text = await readFile(join(POLICIES_DIR, `${slug}.md`), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (match === null) throw new Error(`tests/fixtures/policies/${slug}.md has no front matter`);
  return parseYaml(match[1] ?? '');
}

describe('policy front matter says only what each policy states', () => {
  // Only CQM's policy prints version metadata ("Version 5 / Approved by Executive Team / Approved on
  // 24/11/2022 / Review Date 13/08/2024 / Next Review Date 24/11/2024"); the others leave it out.
  const EXPECTED: Record<string, Policy> = {
    cqm: {
      title: 'Complaints Policy, Procedure and Flow Chart',
      version: '5',
      approvedBy: 'Executive Team',
      approvedOn: '2022-11-24',
      reviewDate: '2024-08-13',
      nextReviewDate: '2024-11-24',
      relatedPolicies: [
        'Appeals Procedure',
        'Malpractice - Maladministration Policy',
        'Internal Quality Assurance Policy & Strategy',
        'Additional Learning Support and Reasonable Adjustments Policy',
      ],
      reviewCycle: {
        every: 'year',
        quote:
          'we learn from complaints, use them to improve our services, and review annually our complaints policy and procedure',
      },
    },
    interlearn: { title: 'Complaints Policy 2018-2019', relatedPolicies: ['Appeals Procedure'] },
    'digital-marketing-mentor': {
      title: 'Complaints Procedure',
      relatedPolicies: [
        'Student Code of Conduct',
        'Disciplinary Procedure',
        'Equality Policy',
        'Assessment Appeals Procedure',
      ],
      reviewCycle: {
        every: 'year',
        quote:
          'Digital Marketing Mentor will review the Complaints Procedure annually and measure the extent to which it is meeting its commitments, through its review of complaints and outcomes of opinion surveys etc.',
      },
    },
    // Dynamic Training's policy prints no title.
    'dynamic-training': {
      relatedPolicies: ['Staff Grievance Procedures', 'Whistleblowing Procedure'],
      reviewCycle: {
        every: 'year',
        quote:
          'This complaints policy will be reviewed annually by the Board of Directors and amended as is necessary and any such changes will be communicated to all learners and staff.',
      },
    },
    'ace-training': { title: 'Customer Complaints Policy and Procedure', relatedPolicies: [] },
    // Invented: a fixture.
    'example-academy': {
      title: 'Complaints Procedure',
      version: '1',
      nextReviewDate: '2027-08-31',
      relatedPolicies: [],
    },
  };

  it('there is a policy for every provider and a provider for every policy', async () => {
    const policies = (await readdir(POLICIES_DIR)).map((file) => file.replace(/\.md$/, '')).sort();
    const providers = (await fixtureProviders()).map((provider) => provider.slug).sort();
    expect(policies).toEqual(providers);
    expect(policies).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (slug, expected) => {
    expect(PolicySchema.parse(await readFrontMatter(slug))).toEqual(expected);
  });

  it('reads an unquoted YAML date as the calendar date the publisher typed', () => {
    const frontMatter = parseYaml('nextReviewDate: 2024-11-24\n', { customTags: ['timestamp'] });
    expect(frontMatter.nextReviewDate).toBeInstanceOf(Date);
    expect(PolicySchema.parse(frontMatter).nextReviewDate).toBe('2024-11-24');
  });

  it('refuses a misspelt field rather than quietly dropping it', () => {
    const result = PolicySchema.safeParse({ title: 'Complaints Policy', aprovedBy: 'Board' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('aprovedBy');
  });
});

describe('nextReview: a policy promising a yearly review is reviewed a year after its last review or approval', () => {
  const reviewCycle = { every: 'year', quote: 'We review this policy annually.' } as const;
  it.each([
    [
      'a stated date is the date',
      { nextReviewDate: '2025-03-01', reviewDate: '2024-01-01', reviewCycle },
      { known: true, date: '2025-03-01', from: 'stated' },
    ],
    [
      'a year after the last review',
      { reviewDate: '2024-08-13', approvedOn: '2022-11-24', reviewCycle },
      { known: true, date: '2025-08-13', from: 'review-date', since: '2024-08-13' },
    ],
    [
      'a year after approval, with no review since',
      { approvedOn: '2022-11-24', reviewCycle },
      { known: true, date: '2023-11-24', from: 'approved-on', since: '2022-11-24' },
    ],
    [
      'approved after the last review: a year after approval',
      { reviewDate: '2023-01-10', approvedOn: '2023-06-01', reviewCycle },
      { known: true, date: '2024-06-01', from: 'approved-on', since: '2023-06-01' },
    ],
    [
      '29 February moves to 1 March',
      { approvedOn: '2024-02-29', reviewCycle },
      { known: true, date: '2025-03-01', from: 'approved-on', since: '2024-02-29' },
    ],
    ['a promise with no date to count from is not known', { reviewCycle }, { known: false, promised: true }],
    ['no promise and no date: not stated', { approvedOn: '2022-11-24' }, { known: false, promised: false }],
  ] as const)('%s', (_name, policy, expected) => {
    expect(nextReview(policy)).toEqual(expected);
  });

  it('quotes each promise of a review word for word from its policy', async () => {
    for (const slug of ['cqm', 'digital-marketing-mentor', 'dynamic-training']) {
      const text = await readFile(join(POLICIES_DIR, `${slug}.md`), 'utf8');
      const { reviewCycle: promise } = PolicySchema.parse(await readFrontMatter(slug));
      expect(promise, slug).toBeDefined();
      expect(text.slice(text.indexOf('\n---\n', 3)), slug).toContain(promise?.quote);
    }
  });
});

describe('a policy is overdue for review only after its next review date', () => {
  it.each([
    { today: '2024-11-23', state: 'due' },
    { today: '2024-11-24', state: 'due' },
    { today: '2024-11-25', state: 'overdue' },
    { today: '2026-01-01', state: 'overdue' },
  ])('next review 2024-11-24, today $today: $state', ({ today, state }) => {
    expect(checkReview({ nextReviewDate: '2024-11-24' }, today)).toEqual({
      state,
      nextReviewDate: '2024-11-24',
      next: { known: true, date: '2024-11-24', from: 'stated' },
    });
  });

  it('a policy that states no next review date is never called overdue', () => {
    expect(checkReview({}, '2099-12-31')).toEqual({
      state: 'not-stated',
      next: { known: false, promised: false },
    });
  });
});

/** The text a reader sees: tags dropped, entities decoded, white space collapsed. */
function toText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

// The pages are built once, exactly as `astro build` builds them for the site, from a copy of the
// site whose content is the fixtures: a publisher's edit cannot change what these tests see, and a
// dist/ being served elsewhere is left alone.
describe('the built pages', () => {
  let copy: string;
  let outDir: string;
  let providers: Provider[];
  const page = (path: string) => readFile(join(outDir, path, 'index.html'), 'utf8');

  beforeAll(async () => {
    copy = await copySite(FIXTURE_CONTENT);
    outDir = join(copy, 'dist');
    await buildSite(copy);
    providers = await fixtureProviders();
  }, 180_000);

  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it("each provider's page shows every sentence of its generated summary, from the same data the engine reads", async () => {
    for (const provider of providers) {
      const text = toText(await page(provider.slug));
      const summary = summariseProcedure(provider);
      const sentences = [
        ...summary.stages.flatMap((stage) => [
          stage.name,
          stage.what,
          ...stage.clocks.map((clock) => clock.text),
        ]),
        ...[summary.timeLimit, summary.complaint, summary.concern, summary.representatives, summary.under18]
          .concat([summary.oralWriteUp, summary.adjustments, summary.external], summary.exclusions)
          .flatMap((statement) => (statement ? [statement.text] : [])),
      ];
      for (const sentence of sentences) expect(text, `/${provider.slug}/`).toContain(sentence);
    }
  });

  it('the summary comes before the policy text, and the page says how to complain', async () => {
    for (const provider of providers) {
      const html = await page(provider.slug);
      expect(html.indexOf('How to complain and what happens')).toBeGreaterThan(0);
      expect(html.indexOf('How to complain and what happens')).toBeLessThan(
        html.indexOf('The policy in full'),
      );
      expect(html).toContain(`<a class="action" href="/${provider.slug}/complain/">Make a complaint</a>`);
      expect(html.match(/<h1\b/g)?.length, `/${provider.slug}/ has one h1`).toBe(1);
    }
  });

  it('CQM shows its version block and, past 24 November 2024, warns that its review is overdue', async () => {
    const text = toText(await page('cqm'));
    for (const fact of ['Version 5', 'Approved by Executive Team', 'Approved on 24 November 2022']) {
      expect(text).toContain(fact);
    }
    expect(text).toContain('Review date 13 August 2024');
    expect(text).toContain('Next review 24 November 2024');
    // The build date is read when the page is built, so the expectation is worked out the same way.
    const overdue = checkReview({ nextReviewDate: '2024-11-24' }, londonDate(new Date())).state === 'overdue';
    expect(text.includes('This policy is overdue for review.')).toBe(overdue);
  });

  it('a page says "not stated in the policy" where its policy is silent, and shows no review warning', async () => {
    const text = toText(await page('digital-marketing-mentor'));
    expect(text).toContain('Version Not stated in the policy');
    // DMM promises a yearly review but prints no date to count it from.
    expect(text).toContain(
      'Next review Not known: the policy promises a yearly review but states no date it was approved or last reviewed',
    );
    expect(text).not.toContain('overdue');
    expect(toText(await page('interlearn'))).toContain('Next review Not stated in the policy');
    expect(toText(await page('dynamic-training'))).toContain('Title Not stated in the policy');
  });

  it('the policies keep their structure: the ACE steps table, the CQM flow chart, the Record of Complaint', async () => {
    const ace = await page('ace-training');
    expect(ace).toContain('<caption>The 7 steps when a complaint is received</caption>');
    expect(ace.match(/<th scope="col">/g)?.length).toBe(4);
    expect(ace.match(/<th scope="row" data-label="Step">\d<\/th>/g)?.length).toBe(7);
    expect(toText(ace)).toContain(
      'Date complaint received Received from Reported to Actions taken and by whom',
    );

    const cqm = await page('cqm');
    const flowChart = cqm.slice(cqm.indexOf('Flow Chart</h3>'));
    expect(flowChart).toMatch(/<ol>\s*<li><strong>Complaint received\.<\/strong>/);
    expect(toText(flowChart)).toContain('Apprenticeship Complaints.');

    const dmm = toText(await page('digital-marketing-mentor'));
    for (const field of [
      'Surname',
      'First name (s)',
      'Telephone No',
      'Date referred to designated manager:',
    ]) {
      expect(dmm).toContain(field);
    }
  });

  it('the privacy notice says how long each provider keeps a closed case, and why, from its provider file', async () => {
    const text = toText(await page('privacy'));
    for (const provider of providers) {
      const { yearsAfterClosure, reason } = provider.retention;
      expect(text).toContain(
        `${provider.name}: ${yearsAfterClosure} years after the complaint is closed. ${reason}`,
      );
    }
    expect(text).not.toContain('Ask the provider you complain to for its retention period');
  });

  it('the procedure page lists the stages in order with the policy sentence behind each timescale', async () => {
    const html = await page('cqm/procedure');
    const positions = [
      'Informal',
      'Stage 1: Frontline Resolution',
      'Stage 2: Investigation',
      'Final Stage',
    ].map((name) => html.indexOf(`${name}</h3>`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(toText(html)).toContain(
      'The policy says: You can expect your complaint to be acknowledged within 4 working days of receipt.',
    );
  });

  it('no public page loads JavaScript', async () => {
    const paths = [
      '',
      'accessibility',
      'privacy',
      ...providers.flatMap((p) => [p.slug, `${p.slug}/procedure`]),
    ];
    for (const path of paths) expect(await page(path), `/${path}`).not.toMatch(/<script\b/);
  });

  it('the editors’ code loads only on the editors’ pages: never on a public page or the complaint form', async () => {
    const scriptsOf = (html: string) =>
      [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? '');
    /** A built script and every module it imports, as the browser would fetch them. */
    async function withImports(src: string, seen = new Set<string>()): Promise<Set<string>> {
      if (seen.has(src)) return seen;
      seen.add(src);
      const code = await readFile(join(outDir, src), 'utf8');
      for (const [, relative = ''] of code.matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)) {
        await withImports(new URL(relative, `http://site${src}`).pathname, seen);
      }
      return seen;
    }
    const editorHtml = [
      await page('admin'),
      ...(await Promise.all(providers.map((p) => page(`cases/${p.slug}`)))),
    ];
    const editorScripts = editorHtml.flatMap(scriptsOf);
    expect(editorScripts.length).toBeGreaterThan(0);
    for (const src of new Set(editorScripts)) {
      expect(await readFile(join(outDir, src), 'utf8')).toMatch(/CMS\.init|init\(\{config/);
    }
    const publicPaths = [
      '',
      'accessibility',
      'privacy',
      ...providers.flatMap((p) => [p.slug, `${p.slug}/procedure`, `${p.slug}/complain`]),
    ];
    for (const path of publicPaths) {
      for (const src of scriptsOf(await page(path))) {
        expect(editorScripts, `/${path}`).not.toContain(src);
        for (const module of await withImports(src)) {
          expect(await readFile(join(outDir, module), 'utf8'), `/${path} loads ${module}`).not.toMatch(
            /decap/i,
          );
        }
      }
    }
  });

  it('the site map lists every public page', async () => {
    const sitemap = await readFile(join(outDir, 'sitemap.xml'), 'utf8');
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (match) => new URL(match[1] ?? '').pathname,
    );
    const expected = ['/', '/accessibility/', '/privacy/'];
    for (const provider of providers) expected.push(`/${provider.slug}/`, `/${provider.slug}/procedure/`);
    expect(paths).toEqual(expect.arrayContaining(expected));
  });

  it('no public page has an inline script or style, so a Content-Security-Policy need not allow them', async () => {
    const paths = [
      '',
      'accessibility',
      'privacy',
      ...providers.flatMap((p) => [p.slug, `${p.slug}/procedure`, `${p.slug}/complain`]),
    ];
    for (const path of paths) {
      const html = await page(path);
      expect(html, `/${path}`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle="/);
    }
    const css = await readFile(join(outDir, 'assets', 'site.css'), 'utf8');
    expect(css, 'printed links are given the site address by the stylesheet').toContain(
      `--site:${JSON.stringify(new URL(settings().siteUrl).origin)}`,
    );
  });

  describe('the complaint page a function sends back without JavaScript', () => {
    /** The page with what a post adds taken out: errors, the answers typed, "Error: " in the title. */
    function withoutWhatWasPosted(html: string): string {
      const root = parseHtml(html);
      const remove = (element: HtmlElement) => {
        const siblings = element.parent?.content ?? [];
        siblings.splice(siblings.indexOf(element), 1);
      };
      for (const element of allElements(root)) {
        const { attributes } = element;
        if (attributes.id === 'error-summary' || attributes.class === 'error-message') remove(element);
        if (attributes.class !== undefined) {
          attributes.class = attributes.class.replace(/ (form-group|input|textarea)--error\b/g, '');
        }
        const described = attributes['aria-describedby']?.split(' ').filter((id) => !id.endsWith('-error'));
        if (described !== undefined && described.length > 0)
          attributes['aria-describedby'] = described.join(' ');
        else delete attributes['aria-describedby'];
        if (['text', 'email', 'tel', 'hidden'].includes(attributes.type ?? '')) attributes.value = '';
        if (element.tag === 'textarea') element.content = [];
        delete attributes.checked;
        if (element.tag === 'title') element.content = [element.text.replace(/^Error: /, '')];
      }
      return outline(root);
    }

    async function answer(fields: Record<string, string>, failQueue = false): Promise<Response> {
      const world = await createIntakeWorld();
      if (failQueue) world.services.intakeQueue.accept = () => Promise.reject(new Error('the disk is full'));
      try {
        // Built today at the site's address, as the static page was.
        return await handleSubmission(formPost('cqm', fields), {
          ...world.dependencies,
          now: () => new Date(),
          siteUrl: settings().siteUrl,
        });
      } finally {
        await world.cleanUp();
      }
    }

    it('with mistakes is the built page plus the errors, and the answers kept', async () => {
      const response = await answer(validFields({ 'full-name': '', email: 'not an email' }));
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain('href="#email"');
      expect(html).toContain('value="not an email"');
      expect(withoutWhatWasPosted(html)).toBe(withoutWhatWasPosted(await page('cqm/complain')));
      expect(withoutWhatWasPosted(html), 'the errors were there to take out').not.toBe(
        outline(parseHtml(html)),
      );
    });

    it('that could not be saved is the built page with the problem shown, and the answers kept', async () => {
      const response = await answer(validFields(), true);
      expect(response.status).toBe(503);
      const html = await response.text();
      const problemPanel = (markup: string) => {
        const found = allElements(parseHtml(markup)).find((e) => e.attributes.id === 'send-problem');
        return found === undefined ? '' : outline(found);
      };
      expect(problemPanel(html)).toContain('could not save your complaint');
      const built = await page('cqm/complain');
      expect(withoutWhatWasPosted(html).replace(problemPanel(html), '')).toBe(
        withoutWhatWasPosted(built).replace(problemPanel(built), ''),
      );
    });
  });
});
