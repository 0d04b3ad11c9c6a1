import { describe, expect, it } from 'vitest';
import type { Wiring } from '../../src/cli/arguments.ts';
import { runComplaints } from '../../src/cli/complaints.ts';
import type { Environment } from '../../src/composition/settings.ts';
import { type Deployment, findDeploymentGaps } from '../../src/core/deployment-gaps.ts';
import type { Policy } from '../../src/core/policy.ts';
import { fixtureWiring } from '../support/fixtures.ts';

/** Every fixture provider with a case team, and publishers: a local deployment with no gaps. */
const COMPLETE: Environment = {
  CASE_TEAM_EMAILS: 'cqm=complaints@cqm.example,ace-training=complaints@ace.example',
  PUBLISHERS_EMAIL: 'web@example.org',
};

/** A Netlify Blobs context as Netlify sets it in production: its edge is off this machine. */
const ON_NETLIFY = Buffer.from(
  JSON.stringify({ edgeURL: 'https://edge.netlify.example', siteID: 'site', token: 'token' }),
).toString('base64');
const IN_LOCAL_EMULATION = Buffer.from(JSON.stringify({ edgeURL: 'http://127.0.0.1:8971' })).toString(
  'base64',
);

async function doctor(environment: Environment, ...args: string[]) {
  return doctorWith(fixtureWiring(environment), ...args);
}

async function doctorWith(wiring: Wiring, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
  const code = await runComplaints(['doctor', ...args], io, wiring);
  return { code, out, err: err.join('\n') };
}

/**
 * The fixtures as a deployment whose every provider has a case team and report recipients with
 * addresses, and whose policies all have a next review date: the checks below break one thing each.
 */
async function completeWiring(environment: Environment): Promise<Wiring> {
  const wiring = fixtureWiring(environment);
  const content = await wiring.content();
  const providers = (await content.providers()).filter((provider) =>
    ['example-academy', 'interlearn'].includes(provider.slug),
  );
  const policies = (await content.policies()).filter(([slug]) => slug === 'example-academy');
  return {
    ...wiring,
    content: async () => ({ ...content, providers: async () => providers, policies: async () => policies }),
  };
}

const complete = async (environment: Environment = {}) =>
  doctorWith(await completeWiring({ PUBLISHERS_EMAIL: 'web@example.org', ...environment }));

/** The fixtures' warnings that every run prints: policies with no next review date, reports half-addressed. */
const FIXTURE_WARNINGS = [
  'warning: The ace-training policy has no next review date: its publishers are never reminded to review it. Fix: add nextReviewDate: "YYYY-MM-DD" to the front matter of content/policies/ace-training.md.',
  'warning: The digital-marketing-mentor policy has no next review date: its publishers are never reminded to review it. Fix: add nextReviewDate: "YYYY-MM-DD" to the front matter of content/policies/digital-marketing-mentor.md.',
  'warning: The dynamic-training policy has no next review date: its publishers are never reminded to review it. Fix: add nextReviewDate: "YYYY-MM-DD" to the front matter of content/policies/dynamic-training.md.',
  'warning: The interlearn policy has no next review date: its publishers are never reminded to review it. Fix: add nextReviewDate: "YYYY-MM-DD" to the front matter of content/policies/interlearn.md.',
];

/** The fixtures' reports: every recipient of CQM's, DMM's and Dynamic's lacks an address. */
const REPORT_GAPS = [
  "gap: CQM Training & Consultancy (cqm) has no email address for its report's recipients (Directors of the Board): the annual report goes to no one. Fix: give the contact directors-of-the-board an email in content/providers/cqm.yaml (contacts), or name contacts that have one in report.mailTo.",
  "gap: Digital Marketing Mentor (digital-marketing-mentor) has no email address for its report's recipients (the Directors): the annual report goes to no one. Fix: give the contact directors an email in content/providers/digital-marketing-mentor.yaml (contacts), or name contacts that have one in report.mailTo.",
  "gap: Dynamic Training (dynamic-training) has no email address for its report's recipients (Board of Directors): the quarterly report goes to no one. Fix: give the contact board an email in content/providers/dynamic-training.yaml (contacts), or name contacts that have one in report.mailTo.",
];

describe('complaints doctor', () => {
  it('with no configuration, names the providers whose staff notices go to no one, and exits 1', async () => {
    const { code, out, err } = await doctor({});
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toEqual([
      'gap: ACE Training (ace-training) has no case-team address: its new-case, overdue and needs-attention notices go to no one. Fix: add the address under caseTeam.emails in content/providers/ace-training.yaml, or set CASE_TEAM_EMAILS=ace-training=<address> on this deployment.',
      'gap: CQM Training & Consultancy (cqm) has no case-team address: its new-case, overdue and needs-attention notices go to no one. Fix: add the address under caseTeam.emails in content/providers/cqm.yaml, or set CASE_TEAM_EMAILS=cqm=<address> on this deployment.',
      ...REPORT_GAPS,
      "gap: PUBLISHERS_EMAIL is not set: reminders of policy reviews are listed by complaints review-policies and mailed to no one. Fix: set PUBLISHERS_EMAIL to the publishers' addresses, separated by commas.",
      ...FIXTURE_WARNINGS,
      '6 gaps and 4 warnings: something would not be sent or kept until the gaps are fixed.',
    ]);
  });

  it('with every gap closed, says so and exits 0', async () => {
    expect(await complete()).toEqual({ code: 0, out: ['No gaps found.'], err: '' });
  });

  it('takes the case teams CASE_TEAM_EMAILS sets, and names the entries it cannot use', async () => {
    const { code, out } = await doctor({
      ...COMPLETE,
      CASE_TEAM_EMAILS: `${COMPLETE.CASE_TEAM_EMAILS},cqm,acme=team@acme.example,interlearn=not-an-address`,
    });
    expect(code).toBe(1);
    expect(out.filter((line) => line.includes('CASE_TEAM_EMAILS') || line.includes('case-team'))).toEqual([
      'gap: CASE_TEAM_EMAILS has an entry "cqm" that is not a provider and an email address: it is ignored. Fix: write each entry as slug=address, e.g. cqm=complaints@cqm.example, separated by commas.',
      'gap: CASE_TEAM_EMAILS names "acme", which is no provider: "acme=team@acme.example" is ignored. Fix: use one of the providers\' slugs: ace-training, cqm, digital-marketing-mentor, dynamic-training, example-academy, interlearn.',
      'gap: CASE_TEAM_EMAILS has an entry "interlearn=not-an-address" that is not a provider and an email address: it is ignored. Fix: write each entry as slug=address, e.g. cqm=complaints@cqm.example, separated by commas.',
    ]);
    expect(out.at(-1)).toBe(
      '6 gaps and 4 warnings: something would not be sent or kept until the gaps are fixed.',
    );
  });

  it.each<[string, Environment, string]>([
    [
      'a Resend key with no sender',
      { RESEND_API_KEY: 're_test' },
      'gap: RESEND_API_KEY is set but MAIL_FROM is not: every email fails to send. Fix: set MAIL_FROM to the sender on a domain verified with Resend, e.g. Complaints <complaints@example.org>.',
    ],
    [
      'a sender with no Resend key',
      { MAIL_FROM: 'Complaints <complaints@example.org>' },
      'gap: MAIL_FROM is set but RESEND_API_KEY is not: mail is written to the local outbox, not sent. Fix: set RESEND_API_KEY to a Resend API key, or unset MAIL_FROM if this deployment is not meant to send mail.',
    ],
    [
      'a GitHub token with case repositories named without an owner',
      { GITHUB_TOKEN: 'ghp_test' },
      'gap: Example Academy (example-academy) names its case repository "redress-cases" without an owner and GITHUB_CASE_OWNER is not set: its cases cannot be committed. Fix: set GITHUB_CASE_OWNER to the GitHub account that owns it, or write caseStore.repository as owner/redress-cases in content/providers/example-academy.yaml.',
    ],
    [
      'publishers unset while a policy has a review date to be reminded of',
      { PUBLISHERS_EMAIL: '' },
      "gap: PUBLISHERS_EMAIL is not set: reminders of policy reviews are listed by complaints review-policies and mailed to no one. Fix: set PUBLISHERS_EMAIL to the publishers' addresses, separated by commas.",
    ],
  ])('names %s first and exits 1', async (_, environment, line) => {
    const { code, out } = await complete(environment);
    expect(code).toBe(1);
    expect(out[0]).toBe(line);
    expect(out.at(-1)).toMatch(/^\d+ gaps?: something would not be sent or kept until the gaps are fixed\.$/);
  });

  it('on Netlify, names mail kept in the outbox and cases kept in the local store', async () => {
    const { code, out } = await complete({ NETLIFY_BLOBS_CONTEXT: ON_NETLIFY });
    expect(code).toBe(1);
    expect(out).toEqual([
      "gap: This runs on Netlify but RESEND_API_KEY is not set: mail is written to a local outbox that Netlify discards, never sent. Fix: set RESEND_API_KEY and MAIL_FROM in the Netlify site's environment variables.",
      "gap: This runs on Netlify but GITHUB_TOKEN is not set: cases are committed to a local case store that Netlify discards. Fix: set GITHUB_TOKEN (contents read and write on the case repositories) in the Netlify site's environment variables.",
      '2 gaps: something would not be sent or kept until the gaps are fixed.',
    ]);
  });

  it("finds nothing missing in Netlify's local emulation, or on Netlify fully set up", async () => {
    expect((await complete({ NETLIFY_BLOBS_CONTEXT: IN_LOCAL_EMULATION })).code).toBe(0);
    const production = await complete({
      NETLIFY_BLOBS_CONTEXT: ON_NETLIFY,
      RESEND_API_KEY: 're_test',
      MAIL_FROM: 'Complaints <complaints@example.org>',
      GITHUB_TOKEN: 'ghp_test',
      GITHUB_CASE_OWNER: 'acme',
    });
    expect(production).toEqual({ code: 0, out: ['No gaps found.'], err: '' });
  });

  it('warns of a policy with no review date without failing, and exits 0', async () => {
    const wiring = await completeWiring({ PUBLISHERS_EMAIL: 'web@example.org' });
    const content = await wiring.content();
    const undated = (await content.policies()).map(([slug]): [string, Policy] => [
      slug,
      { relatedPolicies: [] },
    ]);
    const { code, out } = await doctorWith({
      ...wiring,
      content: async () => ({ ...content, policies: async () => undated }),
    });
    expect(code).toBe(0);
    expect(out).toEqual([
      'warning: The example-academy policy has no next review date: its publishers are never reminded to review it. Fix: add nextReviewDate: "YYYY-MM-DD" to the front matter of content/policies/example-academy.md.',
      'No gaps found; 1 warning above.',
    ]);
  });

  it('refuses arguments it does not take, with the usage (exit 2)', async () => {
    const { code, err } = await doctor(COMPLETE, '--fix');
    expect(code).toBe(2);
    expect(err).toContain("Unknown option '--fix'");
    expect(err).toContain('complaints doctor');
  });
});

describe('the deployment checks', () => {
  const deployment = (overrides: Partial<Deployment>): Deployment => ({
    providers: [],
    policies: [],
    caseTeams: [],
    publishers: ['web@example.org'],
    resendApiKey: false,
    mailFrom: false,
    gitHubToken: false,
    gitHubCaseOwner: false,
    onNetlify: false,
    ...overrides,
  });

  it("warns, not fails, when only some of a report's recipients have an address", async () => {
    const wiring = fixtureWiring();
    const dynamic = (await (await wiring.content()).providers()).find((p) => p.slug === 'dynamic-training');
    if (dynamic === undefined) throw new Error('the fixtures have no dynamic-training');
    const report = dynamic.report;
    if (report === undefined) throw new Error('the dynamic-training fixture has no report');
    const provider = { ...dynamic, report: { ...report, mailTo: ['complaints', 'board'] } };
    expect(findDeploymentGaps(deployment({ providers: [provider] }))).toEqual([
      {
        severity: 'warning',
        problem:
          'Dynamic Training (dynamic-training) sends its quarterly report to some of its recipients only: board has no email address.',
        fix: 'give the contact board an email in content/providers/dynamic-training.yaml (contacts), or name contacts that have one in report.mailTo.',
      },
    ]);
  });

  it('does not fail for unset publishers when no policy has a date to be reminded of', () => {
    const gaps = findDeploymentGaps(
      deployment({ publishers: [], policies: [['x', { relatedPolicies: [] }]] }),
    );
    expect(gaps.map((gap) => gap.severity)).toEqual(['warning', 'warning']);
  });
});
