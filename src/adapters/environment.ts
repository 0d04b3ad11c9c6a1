import { join, resolve } from 'node:path';
import { getStore, type Store } from '@netlify/blobs';
import type { Provider } from '../core/provider.ts';
import { BlobsIntakeQueue } from './blobs-intake-queue.ts';
import type { CaseStore } from './case-store.ts';
import { GitHubCaseStore } from './github-case-store.ts';
import type { IntakeQueue } from './intake-queue.ts';
import { LocalFileIntakeQueue } from './local-file-intake-queue.ts';
import { LocalGitCaseStore } from './local-git-case-store.ts';
import { LocalOutboxMailer } from './local-outbox-mailer.ts';
import type { Mailer } from './mailer.ts';
import { BlobsNoticeLedger, LocalFileLedger, type NoticeLedger } from './notice-ledger.ts';
import { ResendMailer } from './resend-mailer.ts';

/**
 * Every environment variable Redress reads, and what it does. The one list: the README's table is
 * rendered from it, and `chooseAdapters` reads nothing that is not in it. With none of them set,
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
      'Folder for local data: the case repository (`cases/`), intake queue (`intake/`), mail outbox (`outbox/`) and ledger of notices sent (`ledger/`). Default: `.data` in the folder Redress runs from.',
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
      "Set by Netlify, not by you. On Netlify the intake queue and the ledger of notices sent are the site's Netlify Blobs stores `intake` and `notice-ledger`; Netlify's local emulation (`astro dev`, `netlify dev`) keeps the local ones.",
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
    name: 'PUBLISHERS_EMAIL',
    description:
      "Who publishes the policies on this site, as email addresses separated by commas: they are reminded 30 days before, and on, each policy's next review date. When unset, `complaints review-policies` lists the reminders and nothing is mailed.",
  },
] as const;

export type EnvironmentVariable = (typeof ENVIRONMENT_VARIABLES)[number]['name'];
export type Environment = Partial<Record<EnvironmentVariable, string>>;

/** The adapters Redress runs with, chosen from the environment. */
export type Adapters = {
  /** The site's address, for links in emails. */
  siteUrl: string;
  /** The folder local adapters keep their data in (also when only some of them are local). */
  dataDir: string;
  /** The case store holding a provider's cases (the repository its provider file names). */
  caseStore(provider: Pick<Provider, 'caseStore'>): CaseStore;
  intakeQueue: IntakeQueue;
  mailer: Mailer;
  /** Which deadline notices were sent. */
  noticeLedger: NoticeLedger;
  /** Who is reminded of policy reviews; empty when nobody is set. */
  publishers: string[];
};

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

/**
 * Chooses each port's adapter: GitHub for cases when `GITHUB_TOKEN` is set, Resend for mail when
 * `RESEND_API_KEY` is, Netlify Blobs for intake on Netlify, and otherwise the local adapters. Stores
 * are made once per repository, so all writers in a process share one queue (group commit, and one
 * budget for GitHub's rate limits).
 */
export function chooseAdapters(environment: Environment): Adapters {
  const dataDir = resolve(environment.REDRESS_DATA_DIR ?? join(process.cwd(), '.data'));
  const stores = new Map<string, CaseStore>();
  const caseStore = (provider: Pick<Provider, 'caseStore'>): CaseStore => {
    const token = environment.GITHUB_TOKEN;
    const key = token === undefined ? 'local' : provider.caseStore.repository;
    let store = stores.get(key);
    if (store === undefined) {
      store =
        token === undefined
          ? new LocalGitCaseStore(join(dataDir, 'cases'))
          : new GitHubCaseStore({
              ...gitHubRepository(provider.caseStore.repository, environment.GITHUB_CASE_OWNER),
              branch: environment.GITHUB_CASE_BRANCH ?? 'main',
              token,
              baseUrl: environment.GITHUB_API_URL ?? 'https://api.github.com',
            });
      stores.set(key, store);
    }
    return store;
  };
  return {
    siteUrl: environment.URL ?? 'http://localhost:4321',
    dataDir,
    caseStore,
    intakeQueue: chooseIntakeQueue(environment, dataDir),
    mailer: chooseMailer(environment, dataDir),
    noticeLedger: chooseNoticeLedger(environment, dataDir),
    publishers: (environment.PUBLISHERS_EMAIL ?? '')
      .split(',')
      .map((address) => address.trim())
      .filter((address) => address !== ''),
  };
}

let current: Adapters | undefined;

/** The adapters for this process, chosen from its environment on first use. */
export function adapters(): Adapters {
  current ??= chooseAdapters(readEnvironment());
  return current;
}

function gitHubRepository(
  repository: string,
  defaultOwner: string | undefined,
): { owner: string; repo: string } {
  const [owner, repo, ...rest] = repository.includes('/')
    ? repository.split('/')
    : [defaultOwner, repository];
  if (owner === undefined || repo === undefined || rest.length > 0) {
    throw new Error(
      `the case repository "${repository}" names no GitHub owner: write it as "owner/${repository}" in the provider file, or set GITHUB_CASE_OWNER`,
    );
  }
  return { owner, repo };
}

/**
 * The site's Netlify Blobs store `name` on Netlify; none elsewhere. Netlify's local emulation
 * (which `astro dev` runs) also sets a Blobs context, pointing at a server on this machine: then
 * the local adapters are used, so that with no configuration everything is under `.data/` beside
 * the cases and the outbox, where the CLI and tests look for it.
 */
function netlifyBlobsStore(environment: Environment, name: string): Store | undefined {
  const context = environment.NETLIFY_BLOBS_CONTEXT;
  const blobs = context === undefined ? undefined : decodeBlobsContext(context);
  if (blobs === undefined || isOnThisMachine(blobs.edgeURL)) return undefined;
  // A retry must see the record the first attempt wrote; strong reads need the uncached edge.
  const consistency = blobs.uncachedEdgeURL === undefined ? 'eventual' : 'strong';
  const { apiURL, edgeURL, uncachedEdgeURL, siteID, token } = blobs;
  return getStore({ name, consistency, apiURL, edgeURL, uncachedEdgeURL, siteID, token });
}

function chooseIntakeQueue(environment: Environment, dataDir: string): IntakeQueue {
  const store = netlifyBlobsStore(environment, 'intake');
  return store === undefined
    ? new LocalFileIntakeQueue(join(dataDir, 'intake'))
    : new BlobsIntakeQueue(store);
}

/** Netlify functions keep no files between runs, so there the ledger is a Blobs store. */
function chooseNoticeLedger(environment: Environment, dataDir: string): NoticeLedger {
  const store = netlifyBlobsStore(environment, 'notice-ledger');
  return store === undefined ? new LocalFileLedger(join(dataDir, 'ledger')) : new BlobsNoticeLedger(store);
}

/** Netlify's Blobs context (base64 JSON); `{}` when it cannot be read, which `getStore` then reports. */
function decodeBlobsContext(context: string): BlobsContext {
  try {
    return JSON.parse(Buffer.from(context, 'base64').toString('utf8')) as BlobsContext;
  } catch {
    return {};
  }
}

type BlobsContext = {
  apiURL?: string;
  edgeURL?: string;
  uncachedEdgeURL?: string;
  siteID?: string;
  token?: string;
};

function isOnThisMachine(url: string | undefined): boolean {
  return url !== undefined && ['localhost', '127.0.0.1', '[::1]'].includes(URL.parse(url)?.hostname ?? '');
}

function chooseMailer(environment: Environment, dataDir: string): Mailer {
  const apiKey = environment.RESEND_API_KEY;
  if (apiKey === undefined) return new LocalOutboxMailer(join(dataDir, 'outbox'));
  const from = environment.MAIL_FROM;
  if (from === undefined) {
    throw new Error(
      'RESEND_API_KEY is set but MAIL_FROM is not: set MAIL_FROM to the sender, e.g. "Complaints <complaints@example.org>"',
    );
  }
  return new ResendMailer({ apiKey, from, baseUrl: environment.RESEND_BASE_URL });
}
