import { fileURLToPath } from 'node:url';
import { derivedOnSave, referenceFor, reviewCase } from '../../../cms/case-save.ts';
import { servicesFrom } from '../../../src/composition/services.ts';
import { settingsFrom } from '../../../src/composition/settings.ts';
import { londonDate } from '../../../src/core/calendar.ts';
import { type Case, CaseSchema } from '../../../src/core/case.ts';
import { casePath, parseCaseFile, serialiseCaseFile } from '../../../src/core/case-file.ts';
import type { Provider } from '../../../src/core/provider.ts';
import { parseReference } from '../../../src/core/reference.ts';
import { sendOutcomeLetters } from '../../../src/use-cases/send-outcome-letters.ts';
import { type StaffEvent, staffSave, withEvents } from '../../support/staff-save.ts';

/**
 * What staff do in the case editor, done here through the same store, decider and letters the
 * functions use, on the test server's data folder: the journeys test the complainant's side.
 */

/** The test server's data folder: its default, `.data` here. */
const dataDir = process.env.REDRESS_DATA_DIR ?? fileURLToPath(new URL('../../../.data', import.meta.url));
export const staffServices = servicesFrom(settingsFrom({ REDRESS_DATA_DIR: dataDir }));
export const today = () => londonDate(new Date());

export async function providerOf(slug: string): Promise<Provider> {
  const provider = (await staffServices.providers()).find((candidate) => candidate.slug === slug);
  if (provider === undefined) throw new Error(`no provider ${slug}`);
  return provider;
}

function pathOf(provider: Provider, reference: string): string {
  const parsed = parseReference(reference);
  if (!parsed.ok) throw new Error(parsed.problem);
  return casePath(provider, { reference, receivedAt: `${parsed.reference.receivedOn}T12:00:00Z` });
}

export async function readCase(slug: string, reference: string): Promise<Case | undefined> {
  const provider = await providerOf(slug);
  const path = pathOf(provider, reference);
  const file = await staffServices.caseStore(provider).read(path);
  if (file === undefined) return undefined;
  const { derived: _derived, ...stored } = parseCaseFile(file.text, path);
  return CaseSchema.parse(stored);
}

/**
 * Staff change the case in the editor and save (judged as the editor judges a save); then, as the
 * sweep does, any outcome letter due is sent.
 */
export async function staffEdit(
  slug: string,
  reference: string,
  edit: (stored: Case) => Case,
): Promise<Case> {
  const provider = await providerOf(slug);
  const context = { provider, calendar: staffServices.calendar(provider.nation) };
  const saved = await staffSave(
    staffServices.caseStore(provider),
    pathOf(provider, reference),
    context,
    edit,
  );
  await sendOutcomeLetters({ ...staffServices, ledger: staffServices.noticeLedger }, provider, saved);
  return saved;
}

/** Staff add `events` to the case in the editor and save. */
export const staffRecord = (slug: string, reference: string, ...events: StaffEvent[]): Promise<Case> =>
  staffEdit(slug, reference, withEvents(...events));

/**
 * A complaint staff log with **New case** from a call (or, where the policy takes no calls, a
 * visit): the caller gave a phone number only. Judged and given its clocks as the editor does.
 */
export async function logPhoneComplaint(slug: string, phone: string): Promise<string> {
  const provider = await providerOf(slug);
  const calendar = staffServices.calendar(provider.nation);
  const on = today();
  const receivedAt = new Date().toISOString();
  const stage = provider.stages.find((candidate) => !candidate.informal) ?? provider.stages[0];
  const data = {
    reference: referenceFor(provider, receivedAt, crypto.getRandomValues(new Uint8Array(6))),
    provider: provider.slug,
    receivedAt,
    channel: provider.channels.accepted.includes('telephone') ? 'telephone' : 'in-person',
    complainant: {
      name: 'Pat Phone',
      phone,
      preferredContact: 'telephone',
      role: 'employer',
      under18: false,
    },
    complaint: {
      about: 'organisation',
      whatHappened: 'Invented for a test: the apprentice was given the wrong start date.',
      raisedInformally: { raised: false },
      outcomeWanted: 'The start date corrected.',
    },
    stage: stage?.id,
    status: 'open',
    events: [{ type: 'received', on, stage: stage?.id }],
  };
  const review = reviewCase(data, '', provider, calendar);
  if (!review.ok) throw new Error(`the editor refuses the new case: ${review.problems.join('; ')}`);
  const { saved } = review;
  await staffServices
    .caseStore(provider)
    .create(
      casePath(provider, saved),
      serialiseCaseFile(saved, derivedOnSave(saved, provider, on, calendar)),
      `Receive ${saved.reference}`,
    );
  return saved.reference;
}

/** The newest mail to `to` with `tag` about `reference`, once it has been sent. */
export async function mailTo(to: string, tag: string, reference: string) {
  const sent = (await staffServices.mailArchive?.sent()) ?? [];
  return sent.findLast(
    (entry) =>
      entry.message.to.includes(to) && entry.message.tag === tag && entry.message.subject.includes(reference),
  )?.message;
}
