import { join } from 'node:path';
import { getStore, type Store } from '@netlify/blobs';
import { BlobsAttemptCounter, LocalFileAttemptCounter } from '../adapters/attempt-counters.ts';
import { BlobsIntakeQueue } from '../adapters/blobs-intake-queue.ts';
import { logToConsole } from '../adapters/console-log.ts';
import { GitHubCaseStore } from '../adapters/github-case-store.ts';
import { HmacSigner } from '../adapters/hmac-signer.ts';
import { LocalFileIntakeQueue } from '../adapters/local-file-intake-queue.ts';
import { LocalGitCaseStore } from '../adapters/local-git-case-store.ts';
import { LocalOutboxMailer } from '../adapters/local-outbox-mailer.ts';
import { BlobsNoticeLedger, LocalFileLedger } from '../adapters/notice-ledger.ts';
import { ResendMailer } from '../adapters/resend-mailer.ts';
import { BlobsStatusIndex, LocalFileStatusIndex } from '../adapters/status-indexes.ts';
import type { Case } from '../core/case.ts';
import { caseEditorUrl } from '../core/case-file.ts';
import type { OutcomeLetter } from '../core/outcome-messages.ts';
import type { IsoDate } from '../core/period.ts';
import type { Provider } from '../core/provider.ts';
import { createReference, REFERENCE_RANDOM_BYTES } from '../core/reference.ts';
import type { AttemptCounter } from '../ports/attempt-counter.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { IntakeQueue } from '../ports/intake-queue.ts';
import type { Log } from '../ports/log.ts';
import type { MailArchive } from '../ports/mail-archive.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { NoticeLedger } from '../ports/notice-ledger.ts';
import type { Signer } from '../ports/signer.ts';
import type { StatusIndex } from '../ports/status-index.ts';
import { escalationLinkFor } from '../use-cases/request-escalation.ts';
import { type Content, contentFrom } from './content.ts';
import { netlifyBlobs, type Settings, settings } from './settings.ts';

/**
 * The composition root's second half: from `Settings`, the adapter of every port, made once per
 * process. Functions, the CLI and scripts take their services from here and hand the use cases the
 * ports they need; nothing else constructs an adapter.
 */
export interface Services extends Content {
  settings: Settings;
  /** The case store holding a provider's cases (the repository its provider file names). */
  caseStore(provider: Pick<Provider, 'caseStore'>): CaseStore;
  intakeQueue: IntakeQueue;
  /** Requests for the next stage, accepted and not yet on their case. */
  escalationQueue: IntakeQueue;
  /** Wrong reference and contact pairs, to limit guessing. */
  attempts: AttemptCounter;
  /** Signs the links in outcome letters. */
  signer: Signer;
  /** Finds a case from its status link's key. */
  statusIndex: StatusIndex;
  /** The complainant's private status page of a case with `token`. */
  statusUrl(provider: Provider, token: string): string;
  mailer: Mailer;
  /** The copies of sent mail Redress keeps: the local outbox; none when mail goes through Resend. */
  mailArchive: MailArchive | undefined;
  /** Which notices were sent. */
  noticeLedger: NoticeLedger;
  /** A new case reference, from this machine's cryptographic random source. */
  newReference(provider: Pick<Provider, 'slug'>, receivedOn: IsoDate): string;
  log: Log;
  /** Where staff open the case at `path` in its provider's case editor. */
  caseUrl(provider: Provider, path: string): string;
  /** Where a complainant asks online for the stage after an outcome: the link in the outcome letter. */
  escalationLink(provider: Provider, stored: Case, letter: OutcomeLetter): string;
}

/**
 * Chooses each port's adapter: GitHub for cases when a GitHub token is set, Resend for mail when a
 * Resend key is, Netlify Blobs for intake on Netlify, and otherwise the local adapters. Stores are
 * made once per repository, so all writers in a process share one queue (group commit, and one
 * budget for GitHub's rate limits).
 */
export function servicesFrom(settings: Settings): Services {
  const { dataDir, gitHub } = settings;
  const stores = new Map<string, CaseStore>();
  const caseStore = (provider: Pick<Provider, 'caseStore'>): CaseStore => {
    const token = gitHub.token;
    const key = token === undefined ? 'local' : provider.caseStore.repository;
    let store = stores.get(key);
    if (store === undefined) {
      store =
        token === undefined
          ? new LocalGitCaseStore(join(dataDir, 'cases'))
          : new GitHubCaseStore({
              ...gitHubRepository(provider.caseStore.repository, gitHub.caseOwner),
              branch: gitHub.caseBranch,
              token,
              baseUrl: gitHub.apiUrl,
            });
      stores.set(key, store);
    }
    return store;
  };
  const mailer = chooseMailer(settings);
  const signer = new HmacSigner(settings.escalationLinks.secret);
  const content = contentFrom(settings);
  return {
    settings,
    ...content,
    caseStore,
    intakeQueue: chooseIntakeQueue(settings, 'intake'),
    escalationQueue: chooseIntakeQueue(settings, 'escalations'),
    attempts: chooseAttemptCounter(settings),
    signer,
    statusIndex: chooseStatusIndex(settings),
    statusUrl: (provider, token) => new URL(`/${provider.slug}/status/${token}`, settings.siteUrl).href,
    mailer,
    mailArchive: mailer instanceof LocalOutboxMailer ? mailer : undefined,
    noticeLedger: chooseNoticeLedger(settings),
    newReference: (provider, receivedOn) =>
      createReference(
        provider.slug,
        receivedOn,
        crypto.getRandomValues(new Uint8Array(REFERENCE_RANDOM_BYTES)),
      ),
    log: logToConsole,
    caseUrl: (provider, path) => caseEditorUrl(settings.siteUrl, provider, path),
    escalationLink: (provider, stored, letter) =>
      escalationLinkFor(
        signer,
        settings.siteUrl,
        provider,
        stored,
        letter,
        content.calendar(provider.nation),
      ),
  };
}

let current: Services | undefined;

/** This process's services, made from its settings on first use. */
export function services(): Services {
  current ??= servicesFrom(settings());
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
 * The site's Netlify Blobs store `name` on Netlify; none elsewhere, including Netlify's local
 * emulation (see `netlifyBlobs`).
 */
function netlifyBlobsStore(settings: Settings, name: string): Store | undefined {
  const blobs = netlifyBlobs(settings);
  if (blobs === undefined) return undefined;
  // A retry must see the record the first attempt wrote; strong reads need the uncached edge.
  const consistency = blobs.uncachedEdgeURL === undefined ? 'eventual' : 'strong';
  const { apiURL, edgeURL, uncachedEdgeURL, siteID, token } = blobs;
  return getStore({ name, consistency, apiURL, edgeURL, uncachedEdgeURL, siteID, token });
}

/** A queue of accepted requests: complaints (`intake`) or requests for the next stage (`escalations`). */
function chooseIntakeQueue(settings: Settings, name: 'intake' | 'escalations'): IntakeQueue {
  const store = netlifyBlobsStore(settings, name);
  return store === undefined
    ? new LocalFileIntakeQueue(join(settings.dataDir, name))
    : new BlobsIntakeQueue(store);
}

function chooseStatusIndex(settings: Settings): StatusIndex {
  const store = netlifyBlobsStore(settings, 'status-links');
  return store === undefined
    ? new LocalFileStatusIndex(join(settings.dataDir, 'status-links'))
    : new BlobsStatusIndex(store);
}

function chooseAttemptCounter(settings: Settings): AttemptCounter {
  const store = netlifyBlobsStore(settings, 'attempts');
  return store === undefined
    ? new LocalFileAttemptCounter(join(settings.dataDir, 'attempts'))
    : new BlobsAttemptCounter(store);
}

/** Netlify functions keep no files between runs, so there the ledger is a Blobs store. */
function chooseNoticeLedger(settings: Settings): NoticeLedger {
  const store = netlifyBlobsStore(settings, 'notice-ledger');
  return store === undefined
    ? new LocalFileLedger(join(settings.dataDir, 'ledger'))
    : new BlobsNoticeLedger(store);
}

function chooseMailer(settings: Settings): Mailer {
  const { apiKey, from, baseUrl } = settings.resend;
  if (apiKey === undefined) return new LocalOutboxMailer(join(settings.dataDir, 'outbox'));
  if (from === undefined) {
    throw new Error(
      'RESEND_API_KEY is set but MAIL_FROM is not: set MAIL_FROM to the sender, e.g. "Complaints <complaints@example.org>"',
    );
  }
  return new ResendMailer({ apiKey, from, baseUrl });
}
