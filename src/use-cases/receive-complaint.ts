import pLimit from 'p-limit';
import { type HolidayCalendar, londonDate } from '../core/calendar.ts';
import { type Case, CaseSchema, type Derived } from '../core/case.ts';
import { casePath, parseCaseFile, serialiseCaseFile } from '../core/case-file.ts';
import { deriveClocks } from '../core/clocks.ts';
import { acknowledgementMessage, newCaseNotice } from '../core/intake-messages.ts';
import type { Nation } from '../core/period.ts';
import type { Provider } from '../core/provider.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { IntakeQueue, IntakeRecord } from '../ports/intake-queue.ts';
import type { Log } from '../ports/log.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { StatusIndex } from '../ports/status-index.ts';

/** The ports intake works through: the composition root's services, or a test's own. */
export interface IntakeServices {
  intakeQueue: IntakeQueue;
  mailer: Mailer;
  caseStore(provider: Provider): CaseStore;
  /** Where staff open a case in the case editor, for the notice to the provider. */
  caseUrl(provider: Provider, path: string): string;
  calendar(nation: Nation): HolidayCalendar;
  /** Finds a case from its status link's key. */
  statusIndex: StatusIndex;
  /** The complainant's private status page of a case with `token`. */
  statusUrl(provider: Provider, token: string): string;
  log: Log;
}

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
  const { accepted, record } = await services.intakeQueue.accept({
    key,
    reference: draft.reference,
    payload: CaseSchema.parse(draft),
    acceptedAt: now.toISOString(),
  });
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
  const path = casePath(provider, stored);
  let step = 'commit';
  try {
    await services
      .caseStore(provider)
      .create(path, serialiseCaseFile(stored, derived), `Receive ${stored.reference}`);
    step = 'index';
    // Before the acknowledgement: the link it carries must work once it arrives.
    if (stored.statusToken !== undefined) await services.statusIndex.set(stored.statusToken, path);
    step = 'acknowledge';
    await afterCommit(async () => {
      await sendAcknowledgements(services, provider, stored, derived, path);
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

async function sendAcknowledgements(
  services: IntakeServices,
  provider: Provider,
  stored: Case,
  derived: Derived,
  path: string,
): Promise<void> {
  const complainantAddresses = [stored.complainant.email, stored.representative?.email].filter(
    (address): address is string => address !== undefined,
  );
  if (complainantAddresses.length > 0) {
    await services.mailer.send({
      to: [...new Set(complainantAddresses)],
      ...acknowledgementMessage(
        provider,
        stored,
        derived,
        stored.statusToken === undefined ? undefined : services.statusUrl(provider, stored.statusToken),
      ),
      idempotencyKey: `acknowledgement-${stored.reference}`,
      tag: 'acknowledgement',
    });
  }
  const intake = provider.contacts.find((contact) => contact.id === provider.intakeContact);
  if (intake?.email !== undefined) {
    await services.mailer.send({
      to: [intake.email],
      ...newCaseNotice(provider, stored, derived, services.caseUrl(provider, path)),
      idempotencyKey: `new-case-${stored.reference}`,
      tag: 'new-case',
    });
  }
}
