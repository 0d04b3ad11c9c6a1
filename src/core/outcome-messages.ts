import { type HolidayCalendar, longDate } from './calendar.ts';
import type { Case, Outcome } from './case.ts';
import { type MessageContent, render } from './intake-messages.ts';
import { decide, INITIAL_STATE, positionOf, replayEvents } from './lifecycle.ts';
import { escalationWindow } from './outcome.ts';
import type { IsoDate } from './period.ts';
import { externalRoute, handlerPhrase, procedureEnded } from './procedure-summary.ts';
import type { Contact, Provider } from './provider.ts';
import { createReference, REFERENCE_RANDOM_BYTES } from './reference.ts';

/**
 * The letter that tells a complainant the outcome of a stage, by email: what was decided, and what
 * they can do next with its concrete last day, or, after the last stage, the external route with
 * the contact details the policy gives. It goes once per outcome (the ledger key below), to the
 * complainant and their representative when they gave an address.
 */

/** What each outcome means, in the words a complainant reads. */
const DECISIONS: Record<Outcome, string> = {
  upheld: 'Your complaint is upheld: we agree with it.',
  'partially-upheld': 'Your complaint is partly upheld: we agree with some of it.',
  'not-upheld': 'Your complaint is not upheld: we do not agree with it.',
  resolved: 'Your complaint is resolved: we have agreed a way to put things right.',
};

/** One outcome that calls for a letter: the stage it ended and the day it was sent. */
export interface OutcomeLetter {
  reference: string;
  stage: string;
  sentOn: IsoDate;
}

/** The ledger key of an outcome letter: one per case, stage and day sent. */
export const outcomeLetterKey = (letter: OutcomeLetter): string =>
  `${letter.reference}.outcome-letter.${letter.stage}.${letter.sentOn}`;

/** The mail tag of outcome letters. */
export const OUTCOME_LETTER_TAG = 'outcome-letter';

/**
 * The outcomes of a case that call for a letter: those recorded with how they were sent, to a
 * complainant or representative who gave an email address. Outcomes recorded before Redress asked
 * how they were sent were told to the complainant outside Redress, so none is sent for them.
 */
export function outcomeLettersDue(
  stored: Pick<Case, 'reference' | 'events' | 'complainant' | 'representative'>,
): OutcomeLetter[] {
  if (complainantAddresses(stored).length === 0) return [];
  return stored.events.flatMap((event) =>
    event.type === 'responded' && event.sentBy !== undefined
      ? [{ reference: stored.reference, stage: event.stage, sentOn: event.on }]
      : [],
  );
}

/** Where mail to the complainant goes: their address and their representative's, once each. */
export function complainantAddresses(stored: Pick<Case, 'complainant' | 'representative'>): string[] {
  const addresses = [stored.complainant.email, stored.representative?.email];
  return [...new Set(addresses.filter((address) => address !== undefined))];
}

/** A contact's ways to be reached, as lines of a letter: only what the provider file gives. */
export function contactLines(contact: Pick<Contact, 'email' | 'phone' | 'address'>): string[] {
  return [
    ...(contact.email === undefined ? [] : [`Email: ${contact.email}`]),
    ...(contact.phone === undefined ? [] : [`Telephone: ${contact.phone}`]),
    ...(contact.address === undefined ? [] : [`Post: ${contact.address.join(', ')}`]),
  ];
}

/**
 * The outcome letter for `letter`. `askUrl` is where the complainant asks for the next stage
 * online; it is not used after the last stage.
 */
export function outcomeMessage(
  provider: Provider,
  stored: Case,
  letter: OutcomeLetter,
  calendar: HolidayCalendar,
  askUrl: string,
): MessageContent {
  const event = stored.events.find(
    (candidate) =>
      candidate.type === 'responded' && candidate.stage === letter.stage && candidate.on === letter.sentOn,
  );
  if (event?.type !== 'responded') {
    throw new Error(`case ${stored.reference} has no outcome at "${letter.stage}" sent on ${letter.sentOn}`);
  }
  const stage = provider.stages.find((candidate) => candidate.id === letter.stage);
  if (stage === undefined) throw new Error(`${provider.name} has no stage "${letter.stage}"`);
  const progress = replayEvents(stored.events).stages.findLast((visit) => visit.stage === letter.stage);
  const window = progress === undefined ? undefined : escalationWindow(provider, progress, calendar);
  const name = stored.representative === undefined ? stored.complainant.name : stored.representative.name;
  return render(`The outcome of your complaint: ${stored.reference}`, [
    `Dear ${name},`,
    `${provider.name} has finished ${stage.name} of your complaint ${stored.reference}.`,
    DECISIONS[event.outcome],
    event.summary,
    ...(window === undefined ? lastStage(provider) : nextStage(provider, window, askUrl, stored.reference)),
    'If you need us to communicate with you in another way because of a disability or other need, reply to this email and tell us.',
    provider.name,
  ]);
}

/** Paragraphs and lists, as `render` takes them. */
type Paragraphs = (string | string[])[];

function nextStage(
  provider: Provider,
  window: NonNullable<ReturnType<typeof escalationWindow>>,
  askUrl: string,
  reference: string,
): Paragraphs {
  const id = window.next.handler.contact;
  const handler = id === undefined ? undefined : provider.contacts.find((contact) => contact.id === id);
  const ways = handler === undefined ? [] : contactLines(handler);
  return [
    `If you are not satisfied with this outcome, you can ask for ${window.next.name}, handled by ${handlerPhrase(window.next.handler.role)}. Say why you are not satisfied.`,
    window.closesOn === undefined
      ? 'There is no deadline for asking.'
      : `The last day to ask is ${longDate(window.closesOn)}.`,
    `Ask online: ${askUrl}`,
    ...(ways.length === 0
      ? []
      : [
          `Or write to ${handlerPhrase(window.next.handler.role)}, quoting your reference ${reference}:`,
          ways,
        ]),
  ];
}

function lastStage(provider: Provider): Paragraphs {
  const { external } = provider;
  if (external === undefined) return [procedureEnded(provider)];
  const ways = contactLines(external);
  const route = externalRoute(external);
  return [
    `${procedureEnded(provider)} ${ways.length === 0 ? route : `${route.slice(0, -1)}:`}`,
    ...(ways.length === 0 ? [] : [ways]),
  ];
}

/**
 * An example outcome letter for an invented complainant of `provider`, at its first formal stage,
 * sent by email on `today`: for previews.
 */
export function exampleOutcomeLetter(
  provider: Provider,
  today: IsoDate,
  calendar: HolidayCalendar,
  askUrl: (stored: Case, letter: OutcomeLetter) => string,
): { letter: OutcomeLetter; message: MessageContent } {
  const context = { provider, calendar };
  const reference = createReference(provider.slug, today, new Uint8Array(REFERENCE_RANDOM_BYTES));
  const received = decide({ type: 'receive', on: today }, INITIAL_STATE, context);
  const events = [
    ...received,
    ...decide(
      {
        type: 'respond',
        on: today,
        outcome: 'partially-upheld',
        summary: 'An example summary: what was looked into, what was found, and what will be done.',
        sentBy: 'email',
      },
      replayEvents(received),
      context,
    ),
  ];
  const stored: Case = {
    reference,
    provider: provider.slug,
    receivedAt: `${today}T09:00:00Z`,
    channel: 'email',
    complainant: {
      name: 'Ada Example',
      email: 'ada@example.org',
      preferredContact: 'email',
      role: 'learner-or-apprentice',
      under18: false,
    },
    complaint: {
      about: 'product-or-service',
      whatHappened: 'An example complaint.',
      raisedInformally: { raised: false },
      outcomeWanted: 'An example remedy.',
    },
    handlers: [],
    events,
    notes: [],
    actions: [],
    ...positionOf(replayEvents(events)),
  };
  const [letter] = outcomeLettersDue(stored);
  if (letter === undefined) throw new Error('the example case has no outcome letter');
  return { letter, message: outcomeMessage(provider, stored, letter, calendar, askUrl(stored, letter)) };
}
