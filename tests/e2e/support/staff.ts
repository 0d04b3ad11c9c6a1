import { fileURLToPath } from 'node:url';
import { servicesFrom } from '../../../src/composition/services.ts';
import { settingsFrom } from '../../../src/composition/settings.ts';
import { londonDate } from '../../../src/core/calendar.ts';
import { type Case, CaseSchema } from '../../../src/core/case.ts';
import { casePath, parseCaseFile, serialiseCaseFile } from '../../../src/core/case-file.ts';
import { deriveClocks } from '../../../src/core/clocks.ts';
import {
  applyCommand,
  decide,
  INITIAL_STATE,
  type LifecycleCommand,
  positionOf,
  replayEvents,
} from '../../../src/core/lifecycle.ts';
import type { Provider } from '../../../src/core/provider.ts';
import { createReference, parseReference } from '../../../src/core/reference.ts';
import { sendOutcomeLetters } from '../../../src/use-cases/send-outcome-letters.ts';

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
 * Staff record `commands` on the case and save; then, as the sweep does, any outcome letter due
 * is sent. A save meeting a newer version is made again on it.
 */
export async function staffRecord(
  slug: string,
  reference: string,
  ...commands: LifecycleCommand[]
): Promise<Case> {
  const provider = await providerOf(slug);
  const store = staffServices.caseStore(provider);
  const calendar = staffServices.calendar(provider.nation);
  const path = pathOf(provider, reference);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const file = await store.read(path);
    if (file === undefined) throw new Error(`no case ${reference}`);
    const { derived: _derived, ...stored } = parseCaseFile(file.text, path);
    const next = commands.reduce(
      (current, command) => applyCommand(current, command, { provider, calendar }),
      CaseSchema.parse(stored),
    );
    const result = await store.update(
      path,
      serialiseCaseFile(next, deriveClocks(next, provider, today(), calendar)),
      file.version,
      `Edit ${reference}`,
    );
    if (result.ok) {
      await sendOutcomeLetters({ ...staffServices, ledger: staffServices.noticeLedger }, provider, next);
      return next;
    }
  }
  throw new Error(`the case ${reference} kept changing`);
}

/** A complaint staff log from a phone call: the caller gave a phone number only. */
export async function logPhoneComplaint(slug: string, phone: string): Promise<string> {
  const provider = await providerOf(slug);
  const calendar = staffServices.calendar(provider.nation);
  const on = today();
  const events = decide({ type: 'receive', on }, INITIAL_STATE, { provider, calendar });
  const stored = CaseSchema.parse({
    reference: createReference(provider.slug, on, crypto.getRandomValues(new Uint8Array(6))),
    provider: provider.slug,
    receivedAt: new Date().toISOString(),
    channel: 'telephone',
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
    events,
    ...positionOf(replayEvents(events)),
  });
  await staffServices
    .caseStore(provider)
    .create(
      casePath(provider, stored),
      serialiseCaseFile(stored, deriveClocks(stored, provider, on, calendar)),
      `Receive ${stored.reference}`,
    );
  return stored.reference;
}

/** The newest mail to `to` with `tag` about `reference`, once it has been sent. */
export async function mailTo(to: string, tag: string, reference: string) {
  const sent = (await staffServices.mailArchive?.sent()) ?? [];
  return sent.findLast(
    (entry) =>
      entry.message.to.includes(to) && entry.message.tag === tag && entry.message.subject.includes(reference),
  )?.message;
}
