import { stringify } from 'yaml';
import { type Case, type CaseFile, CaseSchema } from '../core/case.ts';
import { caseFolder, parseCaseFile } from '../core/case-file.ts';
import { complainantAddresses } from '../core/outcome-messages.ts';
import type { IsoDate } from '../core/period.ts';
import {
  anonymiseCase,
  anonymousCasePath,
  caseConcerns,
  isPastRetention,
  isPerson,
  keptUntil,
  type PersonQuery,
  type REMOVAL_REASONS,
} from '../core/personal-data.ts';
import type { Provider } from '../core/provider.ts';
import type { CaseStore } from '../ports/case-store.ts';
import type { IntakeQueue, IntakeRecord } from '../ports/intake-queue.ts';
import type { Log } from '../ports/log.ts';
import type { ArchivedMail, MailArchive } from '../ports/mail-archive.ts';
import type { NoticeLedger } from '../ports/notice-ledger.ts';
import { acknowledgementEntries } from './acknowledgement-limit.ts';
import { escalationRequestKey } from './request-escalation.ts';
import { type CaseTeamServices, type SkippedCase, tellCaseTeam } from './tell-case-team.ts';

/**
 * Personal data over its life (DESIGN): removing it when a closed case's retention period ends,
 * erasing one complainant's on request, and finding all of a person's for a subject access request.
 * Each reaches everywhere Redress keeps personal data: the case store and its history, the intake
 * queue, the requests for the next stage, the acknowledgement limit's entries in the notice ledger
 * (hashes of addresses) and the local outbox. The rest of the ledger and the log hold references only.
 */
export interface PersonalDataServices {
  caseStore(provider: Provider): CaseStore;
  intakeQueue: IntakeQueue;
  /** Requests for the next stage: each pending one holds the complainant's reason. */
  escalationQueue: IntakeQueue;
  /** Holds the acknowledgement limit's entries, under hashes of addresses. */
  noticeLedger: NoticeLedger;
  /** The copies of sent mail Redress keeps; none when mail goes through Resend. */
  mailArchive: MailArchive | undefined;
  log: Log;
}

type StoredCase = { provider: Provider; path: string; file: CaseFile };

/** Every case file of `provider`, and those that cannot be read as cases, by path and version. */
async function readCases(
  services: PersonalDataServices,
  provider: Provider,
): Promise<{ cases: StoredCase[]; unreadable: { path: string; version: string }[] }> {
  const store = services.caseStore(provider);
  const paths = (await store.list(`${caseFolder(provider)}/`)).filter((path) => path.endsWith('.yaml'));
  const cases: StoredCase[] = [];
  const unreadable: { path: string; version: string }[] = [];
  for (const [path, { text, version }] of await store.readMany(paths)) {
    try {
      cases.push({ provider, path, file: parseCaseFile(text, path) });
    } catch {
      services.log('personal-data.unreadable', { provider: provider.slug, path });
      unreadable.push({ path, version });
    }
  }
  return { cases, unreadable };
}

/**
 * Keeps the anonymous facts of `cases` (one store's), then removes the case files from the store's
 * history and everything else Redress holds of them (`forgetElsewhere`). The facts are written
 * first, so a run stopped half way leaves every case either whole or with its facts kept: the next
 * run ends it.
 */
async function removeCases(
  services: PersonalDataServices,
  store: CaseStore,
  cases: readonly StoredCase[],
  today: IsoDate,
  because: (typeof REMOVAL_REASONS)[number],
  message: string,
): Promise<void> {
  await Promise.all(
    cases.map(({ provider, file }) => {
      const facts = anonymiseCase(file, today, because);
      const text = stringify(facts, { lineWidth: 0 });
      return store.create(anonymousCasePath(provider, facts), text, `Keep the facts of ${file.reference}`);
    }),
  );
  await store.expunge(
    cases.map(({ path }) => path),
    message,
  );
  const references = cases.map(({ file }) => file.reference);
  await forgetElsewhere(services, await heldElsewhere(services, references, cases, []));
}

/** A case's requests for the next stage: one key for each stage it could have asked to go on from. */
function escalationKeys({ provider, file }: StoredCase): string[] {
  return provider.stages.map((stage) => escalationRequestKey(file.reference, stage.id));
}

/** A request for the next stage not yet on its case, and the case's reference. */
type PendingEscalation = { record: IntakeRecord; reference: string };

/** The requests for the next stage of `cases` still pending. */
async function pendingEscalations(
  services: PersonalDataServices,
  cases: readonly StoredCase[],
): Promise<PendingEscalation[]> {
  const asked = new Map(
    cases.flatMap((found) => escalationKeys(found).map((key) => [key, found.file.reference] as const)),
  );
  return (await services.escalationQueue.pending()).flatMap((record) => {
    const reference = asked.get(record.key);
    return reference === undefined ? [] : [{ record, reference }];
  });
}

/** What Redress holds of some complaints outside the case store. */
interface HeldElsewhere {
  references: readonly string[];
  /** The keys of their requests for the next stage. */
  escalationKeys: string[];
  /** Those requests still pending: each holds the complainant's reason. */
  escalations: PendingEscalation[];
  /** The acknowledgement limit's entries under their addresses. */
  acknowledgements: string[];
  /** The copies of mail about them. */
  messages: ArchivedMail[];
}

/**
 * What is held outside the case store of the complaints `references`: stored as `cases`, or only
 * `submitted` (still in the intake queue).
 */
async function heldElsewhere(
  services: PersonalDataServices,
  references: readonly string[],
  cases: readonly StoredCase[],
  submitted: readonly Case[],
): Promise<HeldElsewhere> {
  const addresses = [...cases.map(({ file }) => file), ...submitted].flatMap(complainantAddresses);
  return {
    references,
    escalationKeys: cases.flatMap(escalationKeys),
    escalations: await pendingEscalations(services, cases),
    acknowledgements: await acknowledgementEntries(services.noticeLedger, addresses, references),
    messages: await mailAbout(services.mailArchive, references),
  };
}

/**
 * Removes what `held` found, and the intake queue's records of its complaints (committed ones too,
 * so not even a key is left).
 */
async function forgetElsewhere(services: PersonalDataServices, held: HeldElsewhere): Promise<void> {
  await services.intakeQueue.forget(held.references);
  await services.escalationQueue.forget(held.escalationKeys);
  await services.noticeLedger.forget(held.acknowledgements);
  await services.mailArchive?.remove(held.messages.map((entry) => entry.id));
}

/** The complaint a queue record holds, when it still holds one. */
function submissionOf(record: IntakeRecord): Case[] {
  const submission = CaseSchema.safeParse(record.payload);
  return submission.success ? [submission.data] : [];
}

/** Every message kept that names one of `references`: those about the cases. */
async function mailAbout(
  archive: MailArchive | undefined,
  references: readonly string[],
): Promise<ArchivedMail[]> {
  if (archive === undefined || references.length === 0) return [];
  const messages = await archive.sent();
  return messages.filter((entry) => {
    const text = JSON.stringify(entry.message);
    return references.some((reference) => text.includes(reference));
  });
}

/** A case whose personal data a retention run removed (or, in a dry run, would remove). */
export interface RetentionEntry {
  provider: string;
  reference: string;
  keptUntil: IsoDate;
}

/** What a retention run removed, and the case files it could not read (so could not judge). */
export interface RetentionReport {
  removed: RetentionEntry[];
  skipped: SkippedCase[];
}

/**
 * Removes the personal data of every closed case past its provider's retention period
 * (`retention.yearsAfterClosure` after it was closed or withdrawn), keeping its anonymous facts.
 * Every case of one provider goes in one rewrite of its store's history: rewriting costs the same
 * for one case as for many. A case file it cannot read is skipped, and its case team told once.
 */
export async function applyRetention(
  services: PersonalDataServices & CaseTeamServices,
  providers: readonly Provider[],
  today: IsoDate,
  dryRun: boolean,
): Promise<RetentionReport> {
  const removed: RetentionEntry[] = [];
  const skipped: SkippedCase[] = [];
  for (const provider of providers) {
    const { cases, unreadable } = await readCases(services, provider);
    for (const { path, version } of unreadable) {
      const found: SkippedCase = {
        name: path,
        provider: provider.slug,
        path,
        version,
        problem: 'the file is not a case Redress can read (its YAML, or one of its fields, is wrong).',
        consequence:
          'Until it is put right, Redress cannot tell when its personal data is due to be removed.',
      };
      skipped.push(found);
      await tellCaseTeam(services, provider, found, dryRun);
    }
    const due = cases.filter(({ file }) => isPastRetention(file, provider.retention, today));
    if (due.length === 0) continue;
    if (!dryRun) {
      const message = `Remove personal data of ${due.length} ${provider.slug} cases past retention`;
      await removeCases(services, services.caseStore(provider), due, today, 'retention', message);
      services.log('retention.removed', { provider: provider.slug, cases: due.length });
    }
    for (const { file } of due) {
      removed.push({
        provider: provider.slug,
        reference: file.reference,
        keptUntil: keptUntil(file, provider.retention) as IsoDate,
      });
    }
  }
  return { removed, skipped };
}

/** What an erasure found of a reference, and (once confirmed) removed. */
export interface Erasure {
  reference: string;
  /** The case file and its provider, when the case store has it. */
  stored: { provider: string; path: string; status: CaseFile['status'] } | undefined;
  /** Submissions under the reference still waiting in the intake queue. */
  pending: number;
  /** Its requests for the next stage not yet on the case. */
  escalations: number;
  /** Entries of the acknowledgement limit under its complainant's and representative's addresses. */
  acknowledgements: number;
  /** Copies of mail about the case in the local outbox. */
  messages: number;
  erased: boolean;
}

/**
 * Erases one complaint's personal data everywhere Redress keeps it: the case file and every
 * version of it in the case store's history (its anonymous facts are kept, as at the end of
 * retention), the intake queue, its requests for the next stage, the acknowledgement limit's
 * entries under its addresses, and the local outbox. Only once `confirmed`; before that it answers
 * what it found. The case store's history records the erasure by reference only ("Erase <reference>").
 */
export async function eraseComplaint(
  services: PersonalDataServices,
  providers: readonly Provider[],
  reference: string,
  today: IsoDate,
  confirmed: boolean,
): Promise<Erasure> {
  const file = `/${reference.toLowerCase()}.yaml`;
  let found: StoredCase | undefined;
  for (const provider of providers) {
    const store = services.caseStore(provider);
    const path = (await store.list(`${caseFolder(provider)}/`)).find((candidate) => candidate.endsWith(file));
    const stored = path === undefined ? undefined : await store.read(path);
    if (path !== undefined && stored !== undefined) {
      found = { provider, path, file: parseCaseFile(stored.text, path) };
      break;
    }
  }
  const pending = (await services.intakeQueue.pending()).filter((record) => record.reference === reference);
  const held = await heldElsewhere(
    services,
    [reference],
    found === undefined ? [] : [found],
    pending.flatMap(submissionOf),
  );
  const erasure: Erasure = {
    reference,
    stored:
      found === undefined
        ? undefined
        : { provider: found.provider.slug, path: found.path, status: found.file.status },
    pending: pending.length,
    escalations: held.escalations.length,
    acknowledgements: held.acknowledgements.length,
    messages: held.messages.length,
    erased: false,
  };
  const nothing =
    found === undefined && pending.length === 0 && held.acknowledgements.length + held.messages.length === 0;
  if (!confirmed || nothing) return erasure;
  if (found !== undefined) {
    await removeCases(
      services,
      services.caseStore(found.provider),
      [found],
      today,
      'erasure',
      `Erase ${reference}`,
    );
  } else {
    await forgetElsewhere(services, held);
  }
  services.log('erasure.done', { reference });
  return { ...erasure, erased: true };
}

/** Everything Redress holds about one person, for a subject access request (UK GDPR, Article 15). */
export interface SubjectAccess {
  /** Cases they complained in, or complained in for someone else. */
  cases: { provider: string; path: string; case: CaseFile }[];
  /** Their complaints accepted but not yet in the case store. */
  pending: { reference: string; acceptedAt: string; submission: unknown }[];
  /** Their requests for the next stage not yet on the case (the case's reference, and the request). */
  escalations: { reference: string; acceptedAt: string; request: unknown }[];
  /**
   * The acknowledgement limit's entries under their addresses: a hash of the address, a day, and
   * the reference of a complaint acknowledged there or a place taken that day.
   */
  acknowledgements: string[];
  /** Copies of mail to them or about their cases. */
  messages: ArchivedMail[];
}

/**
 * Finds every case, waiting submission, request for the next stage, entry of the acknowledgement
 * limit and kept message that concerns the person `query` names.
 */
export async function findPersonalData(
  services: PersonalDataServices,
  providers: readonly Provider[],
  query: PersonQuery,
): Promise<SubjectAccess> {
  const cases: StoredCase[] = [];
  for (const provider of providers) {
    for (const found of (await readCases(services, provider)).cases) {
      if (caseConcerns(found.file, query)) cases.push(found);
    }
  }
  const pending = (await services.intakeQueue.pending()).flatMap((record) =>
    submissionOf(record)
      .filter((submission) => caseConcerns(submission, query))
      .map((submission) => ({ record, submission })),
  );
  const references = [
    ...cases.map((found) => found.file.reference),
    ...pending.map((found) => found.record.reference),
  ];
  const theirs = [...cases.map(({ file }) => file), ...pending.map(({ submission }) => submission)];
  // Only the person's own addresses: a representative's request is not the complainant's.
  const addresses = theirs.flatMap((file) =>
    [file.complainant, file.representative].flatMap((details) =>
      details?.email !== undefined && isPerson(details, query) ? [details.email] : [],
    ),
  );
  const address = 'email' in query ? query.email.trim().toLowerCase() : undefined;
  const about = new Set((await mailAbout(services.mailArchive, references)).map((entry) => entry.id));
  const messages = (await services.mailArchive?.sent())?.filter(
    (entry) => about.has(entry.id) || entry.message.to.some((to) => to.toLowerCase() === address),
  );
  return {
    cases: cases.map(({ provider, path, file }) => ({ provider: provider.slug, path, case: file })),
    pending: pending.map(({ record, submission }) => ({
      reference: record.reference,
      acceptedAt: record.acceptedAt,
      submission,
    })),
    escalations: (await pendingEscalations(services, cases)).map(({ record, reference }) => ({
      reference,
      acceptedAt: record.acceptedAt,
      request: record.payload,
    })),
    acknowledgements: await acknowledgementEntries(
      services.noticeLedger,
      address === undefined ? addresses : [address, ...addresses],
      [],
    ),
    messages: messages ?? [],
  };
}
