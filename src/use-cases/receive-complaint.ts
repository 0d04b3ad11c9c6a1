import { isDeepStrictEqual } from 'node:util';
import pLimit from 'p-limit';
import { type HolidayCalendar, londonDate } from '../core/calendar.ts';
import { type Case, CaseSchema, type Derived } from '../core/case.ts';
import { casePath, parseCaseFile, serialiseCaseFile } from '../core/case-file.ts';
import { deriveClocks } from '../core/clocks.ts';
import { acknowledgementMessage, newCaseNotice } from '../core/intake-messages.ts';
import type { IsoDate, Nation } from '../core/period.ts';
import type { Provider } from '../core/provider.ts';
import { createReference } from '../core/reference.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { IntakeQueue, IntakeRecord } from '../ports/intake-queue.ts';
import type { Log } from '../ports/log.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { NoticeLedger } from '../ports/notice-ledger.ts';
import type { StatusIndex } from '../ports/status-index.ts';
import { mayAcknowledge } from './acknowledgement-limit.ts';

/** The ports intake works through: the composition root's services, or a test's own. */
export interface IntakeServices {
  intakeQueue: IntakeQueue;
  mailer: Mailer;
  /** Where acknowledgements are counted, per address and day. */
  noticeLedger: NoticeLedger;
  caseStore(provider: Provider): CaseStore;
  /** Where staff open a case in the case editor, for the notice to the provider. */
  caseUrl(provider: Provider, path: string): string;
  calendar(nation: Nation): HolidayCalendar;
  /** A new reference, from a cryptographic random source, for a complaint received on `receivedOn`. */
  newReference(provider: Provider, receivedOn: IsoDate): string;
  /** Finds a case from its status link's key. */
  statusIndex: StatusIndex;
  /** The complainant's private status page of a case with `token`. */
  statusUrl(provider: Provider, token: string): string;
  log: Log;
}

/**
 * How many references a complaint may draw before intake gives up (and the person is asked to try
 * again). References carry 30 random bits a provider a day, so even a second draw is rare; five
 * taken in a row means the random source is broken, not unlucky.
 */
const REFERENCE_DRAWS = 5;

/** What the complainant is told: the reference, and the dates the engine holds the provider to. */
export interface IntakeReceipt {
  reference: string;
  /** The case as accepted (the first acceptance, when this was a retry). */
  stored: Case;
  derived: Derived;
  /** `existing` when the same submission had already been accepted. */
  accepted: 'new' | 'existing';
  /**
   * Committing the case file and sending the acknowledgements, already under way: it settles true
   * once both are done, false when they are left to the drain. Never rejects.
   */
  completion: Promise<boolean>;
}

/**
 * Takes a complaint in (DESIGN, "Intake"): accept it durably under its idempotency key before
 * anything else, so a repeat returns the first reference, and say "received" once that is done.
 * Committing the case file and acknowledging it then run on (`completion`); a failure there leaves
 * the submission pending for `drainIntake`. A failure to accept rejects, so the caller never says
 * "received" for a complaint it could lose.
 */
export async function receiveComplaint(
  services: IntakeServices,
  provider: Provider,
  key: string,
  draft: Case,
  now: Date,
): Promise<IntakeReceipt> {
  let submission = CaseSchema.parse(draft);
  let result = await services.intakeQueue.accept(queued(key, submission, now));
  // Two complaints that drew the same reference: the second draws again before anyone is told one.
  for (let draw = 2; result.accepted === 'reference-taken'; draw++) {
    services.log('intake.reference-taken', { reference: submission.reference, step: 'accept' });
    if (draw > REFERENCE_DRAWS) throw new Error(`${REFERENCE_DRAWS} references in a row were already taken`);
    const reference = services.newReference(provider, londonDate(now));
    submission = CaseSchema.parse({ ...submission, reference });
    result = await services.intakeQueue.accept(queued(key, submission, now));
  }
  const { accepted, record } = result;
  if (accepted === 'existing') services.log('intake.repeat', { reference: record.reference });
  const stored =
    record.payload === undefined
      ? await committedCase(services, provider, record, draft)
      : CaseSchema.parse(record.payload);
  const derived = deriveClocks(stored, provider, londonDate(now), services.calendar(provider.nation));
  // A retry of a submission still waiting for the store tries again; one already done is left alone.
  const completion =
    record.committedAt === undefined
      ? completeIntake(services, provider, record, stored, derived)
      : Promise.resolve(true);
  return { reference: record.reference, stored, derived, accepted, completion };
}

function queued(key: string, submission: Case, now: Date) {
  return { key, reference: submission.reference, payload: submission, acceptedAt: now.toISOString() };
}

/**
 * The case a repeated submission was committed as. The queue forgot the submission once its case
 * was committed (it holds personal data only until then), so the case is read from the store; if
 * it has gone from there since, the repeat is shown its first reference with the answers just sent.
 */
async function committedCase(
  services: IntakeServices,
  provider: Provider,
  record: IntakeRecord,
  draft: Case,
): Promise<Case> {
  const path = casePath(provider, { reference: record.reference, receivedAt: record.acceptedAt });
  const file = await services.caseStore(provider).read(path);
  if (file === undefined) return CaseSchema.parse({ ...draft, reference: record.reference });
  const { derived: _, ...stored } = parseCaseFile(file.text, path);
  return CaseSchema.parse(stored);
}

/**
 * Acknowledging and marking done, a few complaints at a time. They follow a group commit in a burst
 * (up to 100 complaints at once), and all at once they would fill the queue of disk work that new
 * complaints are accepted through: whoever submitted just then would wait for all of them.
 */
const afterCommit = pLimit(4);

/**
 * Commits a queued case file and sends its acknowledgements, then marks it done. Both steps are
 * safe to repeat (the store never overwrites, the mailer keys each message), so a record is only
 * marked done once both have worked, and the drain simply runs this again for anything pending.
 */
export async function completeIntake(
  services: IntakeServices,
  provider: Provider,
  record: IntakeRecord,
  stored: Case,
  derived: Derived,
): Promise<boolean> {
  // Everything here happens after the answer: the caller answers before this task next runs.
  await new Promise((resolve) => setImmediate(resolve));
  let step = 'commit';
  try {
    const committed = await commitCaseFile(services, provider, record, stored, derived);
    step = 'index';
    // Before the acknowledgement: the link it carries must work once it arrives.
    const { statusToken } = committed.stored;
    if (statusToken !== undefined) await services.statusIndex.set(statusToken, committed.path);
    step = 'acknowledge';
    await afterCommit(async () => {
      const replaces = committed.stored.reference === stored.reference ? undefined : stored.reference;
      await sendAcknowledgements(services, provider, committed.stored, derived, committed.path, replaces);
      step = 'mark';
      await services.intakeQueue.markCommitted(record.key, new Date().toISOString());
    });
    return true;
  } catch (error) {
    // The reason is the adapter's; it never holds what the complainant wrote.
    services.log('intake.deferred', { reference: stored.reference, step, reason: (error as Error).message });
    return false;
  }
}

/**
 * Commits the case file under the complaint's reference, and answers the case as committed. A file
 * already at that path is this complaint's when it was received at the same instant and says the
 * same (an earlier attempt committed it, and the mark was lost). Anything else is another complaint that holds the
 * reference (logged by staff, or accepted where the queue's claim was lost): this one is then
 * committed under a fresh reference, never dropped, and its acknowledgement gives that reference.
 * The fresh reference is worked out from the record, so a retry by the drain finds the same one.
 */
async function commitCaseFile(
  services: IntakeServices,
  provider: Provider,
  record: IntakeRecord,
  stored: Case,
  derived: Derived,
): Promise<{ stored: Case; path: string }> {
  const store = services.caseStore(provider);
  let candidate = stored;
  for (let attempt = 1; ; attempt++) {
    const path = casePath(provider, candidate);
    const text = serialiseCaseFile(candidate, derived);
    const { created } = await store.create(path, text, `Receive ${candidate.reference}`);
    if (created || (await holdsComplaint(store, path, candidate))) return { stored: candidate, path };
    services.log('intake.reference-taken', { reference: candidate.reference, step: 'commit' });
    if (attempt >= REFERENCE_DRAWS) {
      throw new Error(`${REFERENCE_DRAWS} references in a row were already in the case store`);
    }
    const reference = await replacementReference(provider, record, stored, attempt);
    candidate = CaseSchema.parse({ ...stored, reference });
  }
}

/**
 * Whether the case file at `path` is this complaint's: received at the same instant, saying the
 * same. (What the complainant wrote is theirs; staff record their work beside it, not in it.)
 */
async function holdsComplaint(store: CaseStore, path: string, complaint: Case): Promise<boolean> {
  const file = await store.read(path);
  if (file === undefined) return false;
  try {
    const existing = parseCaseFile(file.text, path);
    return (
      Date.parse(existing.receivedAt) === Date.parse(complaint.receivedAt) &&
      isDeepStrictEqual(existing.complaint, complaint.complaint)
    );
  } catch {
    // A file staff broke cannot prove it is this complaint; a second case is better than a lost one.
    return false;
  }
}

/**
 * The `attempt`th replacement for a reference already taken: as unguessable as the first (it hashes
 * the random first reference with the submission's key), and the same on every retry.
 */
async function replacementReference(
  provider: Provider,
  record: IntakeRecord,
  stored: Case,
  attempt: number,
): Promise<string> {
  const seed = new TextEncoder().encode(`${record.key}\n${stored.reference}\n${attempt}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', seed));
  return createReference(provider.slug, londonDate(stored.receivedAt), digest);
}

async function sendAcknowledgements(
  services: IntakeServices,
  provider: Provider,
  stored: Case,
  derived: Derived,
  path: string,
  /** The reference the complainant was shown, when the case was committed under another. */
  replaces: string | undefined,
): Promise<void> {
  const addresses = [stored.complainant.email, stored.representative?.email].filter(
    (address): address is string => address !== undefined,
  );
  const allowed = [];
  for (const address of new Set(addresses)) {
    if (await mayAcknowledge(services.noticeLedger, address, stored)) allowed.push(address);
    else services.log('intake.acknowledgement-limited', { reference: stored.reference });
  }
  if (allowed.length > 0) {
    await services.mailer.send({
      to: allowed,
      ...acknowledgementMessage(provider, stored, derived, {
        replaces,
        statusUrl:
          stored.statusToken === undefined ? undefined : services.statusUrl(provider, stored.statusToken),
      }),
      idempotencyKey: `acknowledgement-${stored.reference}`,
      tag: 'acknowledgement',
    });
  }
  if (provider.caseTeam !== undefined) {
    await services.mailer.send({
      to: provider.caseTeam.emails,
      ...newCaseNotice(provider, stored, derived, services.caseUrl(provider, path)),
      idempotencyKey: `new-case-${stored.reference}`,
      tag: 'new-case',
    });
  }
}
