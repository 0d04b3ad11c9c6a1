import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { type HolidayCalendar, londonDate } from '../core/calendar.ts';
import { type Case, CaseSchema, type Derived } from '../core/case.ts';
import { casePath, parseCaseFile, serialiseCaseFile } from '../core/case-file.ts';
import { deriveClocks } from '../core/clocks.ts';
import {
  checkEscalation,
  contactMatches,
  type EscalationCheck,
  type EscalationLink,
  type EscalationRefusal,
  escalationLinkText,
  formatEscalationToken,
  parseEscalationToken,
} from '../core/escalation.ts';
import { escalationAcknowledgement, escalationNotice } from '../core/escalation-messages.ts';
import { applyCommand, LifecycleError, replayEvents } from '../core/lifecycle.ts';
import { escalationWindow } from '../core/outcome.ts';
import type { OutcomeLetter } from '../core/outcome-messages.ts';
import { complainantAddresses } from '../core/outcome-messages.ts';
import type { Nation } from '../core/period.ts';
import type { Provider } from '../core/provider.ts';
import { parseReference } from '../core/reference.ts';
import type { AttemptCounter } from '../ports/attempt-counter.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { IntakeQueue, IntakeRecord } from '../ports/intake-queue.ts';
import type { Log } from '../ports/log.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { Signer } from '../ports/signer.ts';
import type { StatusIndex } from '../ports/status-index.ts';
import { newStatusToken } from './status-token.ts';

/**
 * A complainant asks online for the next stage (DESIGN, "After stage 1"). Proven by the signed
 * link from their outcome letter, or by the reference and the email address or phone number they
 * gave. Refused with nothing recorded when it cannot be taken; accepted durably (a queue record
 * under a key of the case and stage, as intake is) before the answer; then the `escalate` command
 * goes through the decider onto the stored case, with a conditional update, so a staff save at the
 * same moment is kept and the request applied on top of it.
 */

/** Wrong reference and contact pairs a client may send in an hour before being refused. */
export const WRONG_PAIRS_PER_HOUR = 20;
/** Tries at one case's conditional update before the request is left for the drain. */
const MAX_ATTEMPTS = 5;

export interface EscalationServices {
  caseStore(provider: Provider): CaseStore;
  /** Requests accepted and not yet on the case: the intake queue's pattern, a queue of its own. */
  escalationQueue: IntakeQueue;
  mailer: Mailer;
  attempts: AttemptCounter;
  signer: Signer;
  calendar(nation: Nation): HolidayCalendar;
  caseUrl(provider: Provider, path: string): string;
  statusIndex: StatusIndex;
  statusUrl(provider: Provider, token: string): string;
  log: Log;
}

/** How the complainant proves the case is theirs. */
export type EscalationProof =
  | { token: string }
  /** `client` names who is asking (e.g. their IP address), only to limit guessing; it is hashed. */
  | { reference: string; contact: string; client: string };

export type EscalationAnswer =
  | {
      kind: 'accepted';
      reference: string;
      /** The stage the case goes to, and its clocks from today: what the complainant is told. */
      stage: string;
      derived: Derived;
      completion: Promise<boolean>;
    }
  | { kind: 'refused'; reference: string; refusal: EscalationRefusal }
  /** The reference and contact do not match a case: which one is wrong is never said. */
  | { kind: 'no-match' }
  | { kind: 'rate-limited' }
  /** 404: the link was not made by Redress (or names no case); 410: it was, but is spent. */
  | { kind: 'bad-link'; status: 404 | 410; why: 'forged' | 'expired' | 'used' };

/** The link in an outcome letter: signed, and working until the window it opens closes. */
export function escalationLinkFor(
  signer: Signer,
  siteUrl: string,
  provider: Provider,
  stored: Case,
  letter: OutcomeLetter,
  calendar: HolidayCalendar,
): string {
  const progress = replayEvents(stored.events).stages.findLast((visit) => visit.stage === letter.stage);
  const window = progress === undefined ? undefined : escalationWindow(provider, progress, calendar);
  const link: EscalationLink = {
    reference: stored.reference,
    stage: letter.stage,
    expiresOn: window?.closesOn ?? 'open',
  };
  const token = formatEscalationToken(link, signer.sign(escalationLinkText(link)));
  const url = new URL(`/api/escalate/${provider.slug}`, siteUrl);
  url.searchParams.set('token', token);
  return url.href;
}

/** The hour a failed attempt counts in. */
const hourOf = (now: Date) => now.toISOString().slice(0, 13);
const clientKey = (client: string) => createHash('sha256').update(client).digest('hex').slice(0, 32);

/** The path of a case from its reference: the date in it says the year folder. */
function pathOf(provider: Provider, reference: string): string | undefined {
  const parsed = parseReference(reference);
  if (!parsed.ok) return undefined;
  const { text, receivedOn } = parsed.reference;
  return casePath(provider, { reference: text, receivedAt: `${receivedOn}T12:00:00Z` });
}

async function readCase(store: CaseStore, path: string) {
  const file = await store.read(path);
  if (file === undefined) return undefined;
  const { derived: _derived, ...stored } = parseCaseFile(file.text, path);
  return { stored: CaseSchema.parse(stored), version: file.version };
}

/** Whether the link or the pair proves a case, and which. */
async function findCase(
  services: EscalationServices,
  provider: Provider,
  proof: EscalationProof,
  now: Date,
): Promise<
  | { found: true; stored: Case; path: string; link?: EscalationLink }
  | { found: false; answer: EscalationAnswer }
> {
  const store = services.caseStore(provider);
  if ('token' in proof) {
    const forged = { found: false, answer: { kind: 'bad-link', status: 404, why: 'forged' } } as const;
    const parsed = parseEscalationToken(proof.token);
    if (parsed === undefined || !services.signer.verify(escalationLinkText(parsed.link), parsed.signature)) {
      return forged;
    }
    const path = pathOf(provider, parsed.link.reference);
    const read = path === undefined ? undefined : await readCase(store, path);
    if (read === undefined || path === undefined) return forged;
    if (parsed.link.expiresOn !== 'open' && londonDate(now) > parsed.link.expiresOn) {
      return { found: false, answer: { kind: 'bad-link', status: 410, why: 'expired' } };
    }
    return { found: true, stored: read.stored, path, link: parsed.link };
  }
  const window = hourOf(now);
  const client = clientKey(proof.client);
  if ((await services.attempts.failures(client, window)) >= WRONG_PAIRS_PER_HOUR) {
    return { found: false, answer: { kind: 'rate-limited' } };
  }
  const path = pathOf(provider, proof.reference);
  const read = path === undefined ? undefined : await readCase(store, path);
  if (read === undefined || path === undefined || !contactMatches(read.stored, proof.contact)) {
    await services.attempts.fail(client, window);
    return { found: false, answer: { kind: 'no-match' } };
  }
  return { found: true, stored: read.stored, path };
}

const SPENT = { kind: 'bad-link', status: 410, why: 'used' } as const;

/** A link is spent once its stage has moved on, or the request it was for can no longer be made. */
const isSpent = (check: EscalationCheck, link: EscalationLink) => !check.ok || check.stage !== link.stage;

/**
 * Whether the outcome letter's link still works, before the complainant writes their reason: the
 * answer to give when it does not, or undefined when it does.
 */
export async function checkEscalationLink(
  services: EscalationServices,
  provider: Provider,
  token: string,
  now: Date,
): Promise<EscalationAnswer | undefined> {
  const found = await findCase(services, provider, { token }, now);
  if (!found.found) return found.answer;
  const check = checkEscalation(provider, found.stored, londonDate(now), services.calendar(provider.nation));
  return found.link !== undefined && isSpent(check, found.link) ? SPENT : undefined;
}

/** The queue record's payload: what the `escalate` command needs, and nothing a person wrote but the reason. */
interface Request {
  provider: string;
  path: string;
  stage: string;
  on: string;
  reason: string;
}

/**
 * The escalation queue's key (and reference) of a case's request to go on from `stage`: a case
 * asks for each stage once. Erasure and subject access find a case's requests by it.
 */
export function escalationRequestKey(reference: string, stage: string): string {
  return `escalate-${reference}-${stage}`;
}

/** Takes a request for the next stage; see the module comment. `reason` is checked by the edge. */
export async function requestEscalation(
  services: EscalationServices,
  provider: Provider,
  proof: EscalationProof,
  reason: string,
  now: Date,
): Promise<EscalationAnswer> {
  const found = await findCase(services, provider, proof, now);
  if (!found.found) return found.answer;
  const { stored, path, link } = found;
  const today = londonDate(now);
  const check = checkEscalation(provider, stored, today, services.calendar(provider.nation));
  if (link !== undefined && isSpent(check, link)) return SPENT;
  if (!check.ok) return { kind: 'refused', reference: stored.reference, refusal: check.refusal };
  // The decider's judgement before anything is kept: the case as it will be, and its new clocks.
  const calendar = services.calendar(provider.nation);
  const escalated = applyCommand(stored, { type: 'escalate', on: today, reason }, { provider, calendar });
  const request: Request = { provider: provider.slug, path, stage: check.stage, on: today, reason };
  const key = escalationRequestKey(stored.reference, check.stage);
  // The queue's key stands for the reference too: a case asks for each stage once.
  const result = await services.escalationQueue.accept({
    key,
    reference: key,
    payload: request,
    acceptedAt: now.toISOString(),
  });
  if (result.accepted === 'reference-taken') {
    throw new Error(`the escalation queue holds ${key} under another key`);
  }
  const { accepted, record } = result;
  if (accepted === 'existing') {
    if (link !== undefined) return { kind: 'bad-link', status: 410, why: 'used' };
    const on = londonDate(record.acceptedAt);
    return { kind: 'refused', reference: stored.reference, refusal: { kind: 'already-asked', on } };
  }
  return {
    kind: 'accepted',
    reference: stored.reference,
    stage: escalated.stage,
    derived: deriveClocks(escalated, provider, today, calendar),
    completion: completeEscalation(services, provider, record, now),
  };
}

/**
 * Requests being put onto their cases, four at a time (as intake's `afterCommit`). All at once, a
 * burst's case updates and emails would fill the queue of disk work that new requests are accepted
 * through, and whoever asked just then would wait for all of them.
 */
const afterAnswer = pLimit(4);

/**
 * Puts an accepted request onto its case through the decider, then acknowledges it and tells the
 * provider's staff, then forgets it. Safe to repeat (a request already on the case is not applied
 * again; each email has its idempotency key). Settles false, leaving the request queued, when the
 * store kept refusing or the decider refused (logged by reference).
 */
export async function completeEscalation(
  services: EscalationServices,
  provider: Provider,
  record: IntakeRecord,
  now: Date,
): Promise<boolean> {
  // Everything here happens after the answer: the caller answers before this task next runs.
  await new Promise((resolve) => setImmediate(resolve));
  return afterAnswer(() => applyRequest(services, provider, record, now));
}

/** {@link completeEscalation}'s work, once a place is free. */
async function applyRequest(
  services: EscalationServices,
  provider: Provider,
  record: IntakeRecord,
  now: Date,
): Promise<boolean> {
  const request = record.payload as Request;
  const store = services.caseStore(provider);
  const calendar = services.calendar(provider.nation);
  try {
    // A case staff logged has no status link yet: the acknowledgement brings one. A link staff
    // turned off stays off.
    const linkIssued = await services.statusIndex.issued(request.path);
    let escalated: Case | undefined;
    for (let attempt = 1; escalated === undefined && attempt <= MAX_ATTEMPTS; attempt += 1) {
      const read = await readCase(store, request.path);
      if (read === undefined) throw new Error('the case is no longer in the store');
      const progress = replayEvents(read.stored.events).stages.find(
        (visit) => visit.stage === request.stage && visit.escalatedOn !== undefined,
      );
      if (progress !== undefined) {
        escalated = read.stored;
        break;
      }
      const next = {
        ...(linkIssued ? {} : { statusToken: newStatusToken() }),
        ...applyCommand(
          read.stored,
          { type: 'escalate', on: request.on, reason: request.reason },
          { provider, calendar },
        ),
      };
      const derived = deriveClocks(next, provider, londonDate(now), calendar);
      const result = await store.update(
        request.path,
        serialiseCaseFile(next, derived),
        read.version,
        `Escalate ${next.reference}`,
      );
      if (result.ok) escalated = next;
    }
    if (escalated === undefined) throw new Error(`the case kept changing over ${MAX_ATTEMPTS} attempts`);
    const derived = deriveClocks(escalated, provider, londonDate(now), calendar);
    const { statusToken } = escalated;
    if (statusToken !== undefined) await services.statusIndex.set(statusToken, request.path);
    const to = complainantAddresses(escalated);
    if (to.length > 0) {
      await services.mailer.send({
        to,
        ...escalationAcknowledgement(
          provider,
          escalated,
          derived,
          statusToken === undefined ? undefined : services.statusUrl(provider, statusToken),
        ),
        idempotencyKey: `escalation-${record.key}`,
        tag: 'escalation-acknowledgement',
      });
    }
    const staff = provider.caseTeam?.emails;
    if (staff !== undefined) {
      await services.mailer.send({
        to: staff,
        ...escalationNotice(provider, escalated, derived, services.caseUrl(provider, request.path)),
        idempotencyKey: `escalation-notice-${record.key}`,
        tag: 'escalation-notice',
      });
    }
    await services.escalationQueue.markCommitted(record.key, new Date().toISOString());
    return true;
  } catch (error) {
    const why = error instanceof LifecycleError ? 'refused' : 'deferred';
    services.log(`escalation.${why}`, { reference: record.reference, reason: (error as Error).message });
    return false;
  }
}

/** What one drain of the escalation queue did. */
export interface EscalationDrainReport {
  pending: number;
  completed: number;
  stillPending: number;
}

/**
 * Puts every accepted request for the next stage onto its case, oldest first: those whose store
 * write or emails failed when they were made. The scheduled drain and `complaints drain` run it.
 */
export async function drainEscalations(
  services: EscalationServices,
  providers: readonly Provider[],
  now: Date,
): Promise<EscalationDrainReport> {
  const pending = await services.escalationQueue.pending();
  let completed = 0;
  for (const record of pending) {
    const slug = (record.payload as Partial<Request> | undefined)?.provider;
    const provider = providers.find((candidate) => candidate.slug === slug);
    if (provider === undefined) {
      services.log('escalation.unknown-provider', { reference: record.reference });
      continue;
    }
    if (await completeEscalation(services, provider, record, now)) completed += 1;
  }
  const stillPending = (await services.escalationQueue.pending()).length;
  return { pending: pending.length, completed, stillPending };
}
