import { join, resolve } from 'node:path';
import { DEFAULTS } from './defaults.ts';

export { DEFAULTS };

/**
 * The composition root's first half: the one module that reads the environment, and the one place
 * every default is applied. Everything else (functions, the CLI, pages, scripts, the Astro config) is
 * handed `Settings`, and an architecture test (tests/unit/architecture.test.ts) fails if anything
 * else reads `process.env`. It imports nothing but `node:path`, so plain Node scripts can load it.
 */

/**
 * Every environment variable Redress reads, and what it does. The one list: the README's table is
 * rendered from it, and `readEnvironment` reads nothing that is not in it. With none of them set,
 * everything runs on this machine under `.data/`.
 */
export const ENVIRONMENT_VARIABLES = [
  {
    name: 'URL',
    description:
      "The site's public address, set by Netlify. Links in emails to the staff case editor start with it. Default: `http://localhost:4321`.",
  },
  {
    name: 'REDRESS_DATA_DIR',
    description:
      'Folder for local data: the case repository (`cases/`), intake queue (`intake/`), requests for the next stage (`escalations/`), counts of wrong reference and contact pairs (`attempts/`), mail outbox (`outbox/`) and ledger of notices sent (`ledger/`). Default: `.data` in the folder Redress runs from.',
  },
  {
    name: 'GITHUB_TOKEN',
    description:
      "A GitHub token that can write the case repositories. When set, each provider's cases are committed to the GitHub repository named in its provider file instead of the local case repository.",
  },
  {
    name: 'GITHUB_CASE_OWNER',
    description:
      'The GitHub account or organisation that owns case repositories named without an owner (`redress-cases` rather than `acme/redress-cases`). Read by the functions, and when the site is built by the staff editor.',
  },
  {
    name: 'GITHUB_CASE_BRANCH',
    description: 'The branch cases are committed to, by the functions and the staff editor. Default: `main`.',
  },
  {
    name: 'GITHUB_API_URL',
    description: 'The GitHub API address, for GitHub Enterprise. Default: `https://api.github.com`.',
  },
  {
    name: 'RESEND_API_KEY',
    description:
      'A Resend API key. When set, mail is sent through Resend; otherwise it is written to the local outbox.',
  },
  {
    name: 'MAIL_FROM',
    description:
      'The sender of every email, on a domain verified with Resend, e.g. `Complaints <complaints@example.org>`. Required with `RESEND_API_KEY`.',
  },
  { name: 'RESEND_BASE_URL', description: 'The Resend API address. Default: `https://api.resend.com`.' },
  {
    name: 'NETLIFY_BLOBS_CONTEXT',
    description:
      "Set by Netlify, not by you. On Netlify the intake queue, the requests for the next stage, the counts of wrong reference and contact pairs and the ledger of notices sent are the site's Netlify Blobs stores `intake`, `escalations`, `attempts` and `notice-ledger`; Netlify's local emulation (`astro dev`, `netlify dev`) keeps the local ones.",
  },
  {
    name: 'DECAP_AUTH_BASE_URL',
    description:
      "Read when the site is built. Where the editors' GitHub sign-in (OAuth) runs, Decap's `base_url`, e.g. `https://auth.example.org`. Default: Netlify's, with the site's GitHub OAuth app installed in Netlify.",
  },
  {
    name: 'DECAP_SITE_REPOSITORY',
    description:
      "Read when the site is built. This site's GitHub repository, `owner/name`, which the publishers' editor at `/admin/` commits to. Default: `redress/redress`.",
  },
  {
    name: 'DECAP_SITE_BRANCH',
    description:
      "Read when the site is built. The branch the publishers' editor commits to. Default: `main`.",
  },
  {
    name: 'ESCALATION_LINK_SECRET',
    description:
      'A long random secret that signs the links in outcome letters with which complainants ask for the next stage. Set it in production: without it an embedded development secret is used, and anyone who reads this code could make such links.',
  },
  {
    name: 'PUBLISHERS_EMAIL',
    description:
      "Who publishes the policies on this site, as email addresses separated by commas: they are reminded 30 days before, and on, each policy's next review date. When unset, `complaints review-policies` lists the reminders and nothing is mailed.",
  },
  {
    name: 'CASE_TEAM_EMAILS',
    description:
      "Where each provider's staff notices (new cases, overdue deadlines, cases that need attention) go on this deployment, as `slug=address` pairs separated by commas, e.g. `cqm=complaints@cqm.example,cqm=md@cqm.example`. A provider named here gets these addresses instead of the case team in its provider file. `complaints doctor` lists the providers left with none.",
  },
] as const;

export type EnvironmentVariable = (typeof ENVIRONMENT_VARIABLES)[number]['name'];
export type Environment = Partial<Record<EnvironmentVariable, string>>;

/** Everything Redress is configured with, each default applied. */
export interface Settings {
  /** The site's address, for links in emails. */
  siteUrl: string;
  /** `content/`: `providers/<slug>.yaml` and `policies/<slug>.md`. */
  contentDir: string;
  /** The folder local adapters keep their data in. */
  dataDir: string;
  gitHub: { token?: string; caseOwner?: string; caseBranch: string; apiUrl: string };
  resend: { apiKey?: string; from?: string; baseUrl?: string };
  /** Netlify's Blobs context, when the process runs on Netlify (or its local emulation). */
  netlifyBlobsContext?: string;
  /** What the editors are built with. */
  editors: {
    authBaseUrl?: string;
    siteRepository: string;
    siteBranch: string;
    caseBackendPort: number;
    adminBackendPort: number;
  };
  /** Who is reminded of policy reviews; empty when nobody is set. */
  publishers: string[];
  /**
   * `CASE_TEAM_EMAILS` as written, one pair per entry, in order: an entry with no `=` has an empty
   * address, which `complaints doctor` reports.
   */
  caseTeams: { slug: string; email: string }[];
  /** Signs escalation links; the embedded development secret when none is set (`secretIsDefault`). */
  escalationLinks: { secret: string; secretIsDefault: boolean };
}

/**
 * The settings of a process run from `cwd` with `environment`. Functions run from the project root
 * under `astro dev` and from their own root on Netlify, where `content/` travels with them
 * (`included_files` in netlify.toml); the CLI and scripts run from the project root.
 */
export function settingsFrom(environment: Environment, cwd: string = process.cwd()): Settings {
  return {
    siteUrl: environment.URL ?? DEFAULTS.siteUrl,
    contentDir: join(cwd, DEFAULTS.contentFolder),
    dataDir: resolve(cwd, environment.REDRESS_DATA_DIR ?? DEFAULTS.dataFolder),
    gitHub: {
      ...(environment.GITHUB_TOKEN !== undefined && { token: environment.GITHUB_TOKEN }),
      ...(environment.GITHUB_CASE_OWNER !== undefined && { caseOwner: environment.GITHUB_CASE_OWNER }),
      caseBranch: environment.GITHUB_CASE_BRANCH ?? DEFAULTS.branch,
      apiUrl: environment.GITHUB_API_URL ?? DEFAULTS.gitHubApiUrl,
    },
    resend: {
      ...(environment.RESEND_API_KEY !== undefined && { apiKey: environment.RESEND_API_KEY }),
      ...(environment.MAIL_FROM !== undefined && { from: environment.MAIL_FROM }),
      ...(environment.RESEND_BASE_URL !== undefined && { baseUrl: environment.RESEND_BASE_URL }),
    },
    ...(environment.NETLIFY_BLOBS_CONTEXT !== undefined && {
      netlifyBlobsContext: environment.NETLIFY_BLOBS_CONTEXT,
    }),
    editors: {
      ...(environment.DECAP_AUTH_BASE_URL !== undefined && { authBaseUrl: environment.DECAP_AUTH_BASE_URL }),
      siteRepository: environment.DECAP_SITE_REPOSITORY ?? DEFAULTS.siteRepository,
      siteBranch: environment.DECAP_SITE_BRANCH ?? DEFAULTS.branch,
      caseBackendPort: DEFAULTS.caseEditorBackendPort,
      adminBackendPort: DEFAULTS.adminEditorBackendPort,
    },
    publishers: commaList(environment.PUBLISHERS_EMAIL),
    caseTeams: commaList(environment.CASE_TEAM_EMAILS).map((entry) => {
      const [slug = '', email = ''] = entry.split('=', 2).map((part) => part.trim());
      return { slug, email };
    }),
    escalationLinks: {
      secret: environment.ESCALATION_LINK_SECRET ?? DEFAULTS.escalationLinkSecret,
      secretIsDefault: environment.ESCALATION_LINK_SECRET === undefined,
    },
  };
}

/** The entries of a comma-separated variable, trimmed, the empty ones left out. */
function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * Netlify's Blobs context when the process runs on Netlify itself. Netlify's local emulation (which
 * `astro dev` runs) also sets a Blobs context, pointing at a server on this machine: then there is
 * none, and the local adapters are used, so that with no configuration everything is under `.data/`
 * beside the cases and the outbox, where the CLI and tests look for it.
 */
export function netlifyBlobs(settings: Pick<Settings, 'netlifyBlobsContext'>): BlobsContext | undefined {
  const context = settings.netlifyBlobsContext;
  const blobs = context === undefined ? undefined : decodeBlobsContext(context);
  return blobs === undefined || isOnThisMachine(blobs.edgeURL) ? undefined : blobs;
}

export type BlobsContext = {
  apiURL?: string;
  edgeURL?: string;
  uncachedEdgeURL?: string;
  siteID?: string;
  token?: string;
};

/** Netlify's Blobs context (base64 JSON); `{}` when it cannot be read, which `getStore` then reports. */
function decodeBlobsContext(context: string): BlobsContext {
  try {
    return JSON.parse(Buffer.from(context, 'base64').toString('utf8')) as BlobsContext;
  } catch {
    return {};
  }
}

function isOnThisMachine(url: string | undefined): boolean {
  return url !== undefined && ['localhost', '127.0.0.1', '[::1]'].includes(URL.parse(url)?.hostname ?? '');
}

/** Netlify's runtime global, present only inside a Netlify function (typed by @netlify/functions there). */
type NetlifyRuntime = { Netlify?: { env: { toObject(): Record<string, string> } } };

/** The variables Redress reads, from `process.env` and, inside a Netlify function, `Netlify.env`. */
export function readEnvironment(): Environment {
  const netlify = (globalThis as NetlifyRuntime).Netlify;
  const sources: Record<string, string | undefined> = { ...process.env, ...netlify?.env.toObject() };
  // Netlify's runtime may leave the Blobs context on a global rather than in the environment.
  const blobsContext =
    typeof globalThis.netlifyBlobsContext === 'string' ? globalThis.netlifyBlobsContext : undefined;
  const environment: Environment = {};
  for (const { name } of ENVIRONMENT_VARIABLES) {
    const value = name === 'NETLIFY_BLOBS_CONTEXT' ? (sources[name] ?? blobsContext) : sources[name];
    if (value !== undefined && value !== '') environment[name] = value;
  }
  return environment;
}

let current: Settings | undefined;

/** This process's settings, read from its environment on first use. */
export function settings(): Settings {
  current ??= settingsFrom(readEnvironment());
  return current;
}

/**
 * The environment for a program Redress starts (git, decap-server, astro): this process's own, so
 * the program finds its tools on `PATH`, plus `extra`.
 */
export function childEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return { ...(process.env as Record<string, string>), ...extra };
}
