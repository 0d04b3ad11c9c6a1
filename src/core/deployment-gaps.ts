import { z } from 'zod';
import type { Policy } from './policy.ts';
import type { Provider } from './provider.ts';

/**
 * What `complaints doctor` finds wrong with a deployment, worked out from its settings and content
 * alone. A `gap` means something would silently not happen (a notice, a report or a reminder sent
 * to no one, a case kept where it will be lost); a `warning` is worth fixing but loses nothing by
 * itself. Each says what is wrong and how to fix it, for the operator who reads it.
 */
export interface DeploymentGap {
  severity: 'gap' | 'warning';
  problem: string;
  fix: string;
}

/** Everything the checks read: the content as this deployment sees it, and its settings as facts. */
export interface Deployment {
  /** The providers, with `CASE_TEAM_EMAILS` already applied to their case teams. */
  providers: readonly Provider[];
  /** Every policy's front matter, by slug. */
  policies: readonly (readonly [string, Policy])[];
  /** `CASE_TEAM_EMAILS` as written, one pair per entry. */
  caseTeams: readonly { slug: string; email: string }[];
  /** `PUBLISHERS_EMAIL`. */
  publishers: readonly string[];
  resendApiKey: boolean;
  mailFrom: boolean;
  gitHubToken: boolean;
  gitHubCaseOwner: boolean;
  /** Running on Netlify itself (its Blobs context points off this machine), not its local emulation. */
  onNetlify: boolean;
}

const isEmail = (text: string) => z.email().safeParse(text).success;

/** Every gap of `deployment`, gaps before warnings, each kind in the order of the providers. */
export function findDeploymentGaps(deployment: Deployment): DeploymentGap[] {
  const found = [
    ...caseTeamGaps(deployment),
    ...caseTeamSettingGaps(deployment),
    ...reportGaps(deployment),
    ...reviewGaps(deployment),
    ...mailGaps(deployment),
    ...caseStoreGaps(deployment),
  ];
  return [
    ...found.filter((each) => each.severity === 'gap'),
    ...found.filter((each) => each.severity === 'warning'),
  ];
}

function caseTeamGaps({ providers }: Deployment): DeploymentGap[] {
  return providers
    .filter((provider) => (provider.caseTeam?.emails ?? []).length === 0)
    .map((provider) => ({
      severity: 'gap',
      problem: `${provider.name} (${provider.slug}) has no case-team address: its new-case, overdue and needs-attention notices go to no one.`,
      fix: `add the address under caseTeam.emails in content/providers/${provider.slug}.yaml, or set CASE_TEAM_EMAILS=${provider.slug}=<address> on this deployment.`,
    }));
}

function caseTeamSettingGaps({ providers, caseTeams }: Deployment): DeploymentGap[] {
  const slugs = providers.map((provider) => provider.slug);
  return caseTeams.flatMap(({ slug, email }): DeploymentGap[] => {
    const entry = email === '' ? slug : `${slug}=${email}`;
    if (slug === '' || !isEmail(email)) {
      return [
        {
          severity: 'gap',
          problem: `CASE_TEAM_EMAILS has an entry "${entry}" that is not a provider and an email address: it is ignored.`,
          fix: 'write each entry as slug=address, e.g. cqm=complaints@cqm.example, separated by commas.',
        },
      ];
    }
    if (!slugs.includes(slug)) {
      return [
        {
          severity: 'gap',
          problem: `CASE_TEAM_EMAILS names "${slug}", which is no provider: "${entry}" is ignored.`,
          fix: `use one of the providers' slugs: ${slugs.join(', ')}.`,
        },
      ];
    }
    return [];
  });
}

function reportGaps({ providers }: Deployment): DeploymentGap[] {
  return providers.flatMap((provider): DeploymentGap[] => {
    const { report } = provider;
    if (report === undefined) return [];
    const unreachable = report.mailTo.filter(
      (id) => provider.contacts.find((contact) => contact.id === id)?.email === undefined,
    );
    if (unreachable.length === 0) return [];
    const everyone = unreachable.length === report.mailTo.length;
    return [
      {
        severity: everyone ? 'gap' : 'warning',
        problem: everyone
          ? `${provider.name} (${provider.slug}) has no email address for its report's recipients (${report.recipients}): the ${report.cadence} report goes to no one.`
          : `${provider.name} (${provider.slug}) sends its ${report.cadence} report to some of its recipients only: ${unreachable.join(', ')} ${unreachable.length === 1 ? 'has' : 'have'} no email address.`,
        fix: `give ${unreachable.length === 1 ? 'the contact' : 'the contacts'} ${unreachable.join(', ')} an email in content/providers/${provider.slug}.yaml (contacts), or name contacts that have one in report.mailTo.`,
      },
    ];
  });
}

function reviewGaps({ policies, publishers }: Deployment): DeploymentGap[] {
  const undated = policies.filter(([, policy]) => policy.nextReviewDate === undefined);
  const gaps: DeploymentGap[] = undated.map(([slug]) => ({
    // The policy page already says "not stated", so nothing is silently lost by this alone.
    severity: 'warning',
    problem: `The ${slug} policy has no next review date: its publishers are never reminded to review it.`,
    fix: `add nextReviewDate: "YYYY-MM-DD" to the front matter of content/policies/${slug}.md.`,
  }));
  if (publishers.length === 0) {
    // Reminders are silently lost only when a policy has a date to be reminded of.
    const anyDated = undated.length < policies.length;
    gaps.push({
      severity: anyDated ? 'gap' : 'warning',
      problem:
        'PUBLISHERS_EMAIL is not set: reminders of policy reviews are listed by complaints review-policies and mailed to no one.',
      fix: "set PUBLISHERS_EMAIL to the publishers' addresses, separated by commas.",
    });
  }
  return gaps;
}

function mailGaps(deployment: Deployment): DeploymentGap[] {
  const { resendApiKey, mailFrom, onNetlify } = deployment;
  if (resendApiKey && !mailFrom) {
    return [
      {
        severity: 'gap',
        problem: 'RESEND_API_KEY is set but MAIL_FROM is not: every email fails to send.',
        fix: 'set MAIL_FROM to the sender on a domain verified with Resend, e.g. Complaints <complaints@example.org>.',
      },
    ];
  }
  if (!resendApiKey && mailFrom) {
    return [
      {
        severity: 'gap',
        problem: 'MAIL_FROM is set but RESEND_API_KEY is not: mail is written to the local outbox, not sent.',
        fix: 'set RESEND_API_KEY to a Resend API key, or unset MAIL_FROM if this deployment is not meant to send mail.',
      },
    ];
  }
  if (!resendApiKey && onNetlify) {
    return [
      {
        severity: 'gap',
        problem:
          'This runs on Netlify but RESEND_API_KEY is not set: mail is written to a local outbox that Netlify discards, never sent.',
        fix: "set RESEND_API_KEY and MAIL_FROM in the Netlify site's environment variables.",
      },
    ];
  }
  return [];
}

function caseStoreGaps(deployment: Deployment): DeploymentGap[] {
  const { providers, gitHubToken, gitHubCaseOwner, onNetlify } = deployment;
  if (!gitHubToken) {
    return onNetlify
      ? [
          {
            severity: 'gap',
            problem:
              'This runs on Netlify but GITHUB_TOKEN is not set: cases are committed to a local case store that Netlify discards.',
            fix: "set GITHUB_TOKEN (contents read and write on the case repositories) in the Netlify site's environment variables.",
          },
        ]
      : [];
  }
  if (gitHubCaseOwner) return [];
  return providers
    .filter((provider) => !provider.caseStore.repository.includes('/'))
    .map((provider) => ({
      severity: 'gap',
      problem: `${provider.name} (${provider.slug}) names its case repository "${provider.caseStore.repository}" without an owner and GITHUB_CASE_OWNER is not set: its cases cannot be committed.`,
      fix: `set GITHUB_CASE_OWNER to the GitHub account that owns it, or write caseStore.repository as owner/${provider.caseStore.repository} in content/providers/${provider.slug}.yaml.`,
    }));
}

/** The gaps as the operator reads them, one line each, and the process exit code. */
export function describeDeploymentGaps(gaps: readonly DeploymentGap[]): { lines: string[]; exitCode: 0 | 1 } {
  const lines = gaps.map(({ severity, problem, fix }) => `${severity}: ${problem} Fix: ${fix}`);
  const failing = gaps.filter((each) => each.severity === 'gap').length;
  const warnings = gaps.length - failing;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (failing === 0) {
    lines.push(warnings === 0 ? 'No gaps found.' : `No gaps found; ${plural(warnings, 'warning')} above.`);
    return { lines, exitCode: 0 };
  }
  lines.push(
    `${plural(failing, 'gap')}${warnings === 0 ? '' : ` and ${plural(warnings, 'warning')}`}: something would not be sent or kept until the gaps are fixed.`,
  );
  return { lines, exitCode: 1 };
}
