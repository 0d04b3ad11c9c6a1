import type { HolidayCalendar } from './calendar.ts';
import type { Case } from './case.ts';
import { replayEvents } from './lifecycle.ts';
import { type EscalationWindow, escalationWindow } from './outcome.ts';
import type { IsoDate } from './period.ts';
import type { Provider } from './provider.ts';

/**
 * Whether a complainant may ask online for the next stage today, and the words of the link that
 * lets them. The decider has the last word (a request is an `escalate` command); this is what the
 * public page can say before anything is recorded, and says it for a person, not for staff.
 */

/** Why a request for the next stage cannot be taken online. */
export type EscalationRefusal =
  /** The case has no outcome at its stage yet. */
  | { kind: 'no-outcome'; stage: string }
  /** The provider's last stage: only the external route is left. */
  | { kind: 'last-stage'; stage: string }
  /** They already asked (or staff recorded it) on `on`. */
  | { kind: 'already-asked'; on: IsoDate }
  /** The window closed on `closedOn`: staff may still accept a late request with a reason. */
  | { kind: 'window-closed'; closedOn: IsoDate; next: string }
  /** The case was withdrawn. */
  | { kind: 'withdrawn' };

export type EscalationCheck =
  | { ok: true; stage: string; window: EscalationWindow }
  | { ok: false; refusal: EscalationRefusal };

/** Whether the case's complainant can ask for the next stage on `today`. */
export function checkEscalation(
  provider: Provider,
  stored: Pick<Case, 'events'>,
  today: IsoDate,
  calendar: HolidayCalendar,
): EscalationCheck {
  const state = replayEvents(stored.events);
  const progress = state.stages.at(-1);
  if (state.status === 'withdrawn') return { ok: false, refusal: { kind: 'withdrawn' } };
  if (progress === undefined) throw new Error('the case history has no stage');
  const index = provider.stages.findIndex((stage) => stage.id === progress.stage);
  if (provider.stages[index + 1] === undefined) {
    return { ok: false, refusal: { kind: 'last-stage', stage: progress.stage } };
  }
  if (progress.escalatedOn !== undefined) {
    return { ok: false, refusal: { kind: 'already-asked', on: progress.escalatedOn } };
  }
  const window = escalationWindow(provider, progress, calendar);
  if (window === undefined) return { ok: false, refusal: { kind: 'no-outcome', stage: progress.stage } };
  if (window.closesOn !== undefined && today > window.closesOn) {
    return {
      ok: false,
      refusal: { kind: 'window-closed', closedOn: window.closesOn, next: window.next.name },
    };
  }
  return { ok: true, stage: progress.stage, window };
}

/**
 * The text an escalation link signs: the case, the stage whose outcome it answers, and the last
 * day it works (the day the window closes), so a link cannot be moved to another case or stage,
 * or used after its window.
 */
export interface EscalationLink {
  reference: string;
  stage: string;
  /** `open` when the policy sets no window. */
  expiresOn: IsoDate | 'open';
}

export const escalationLinkText = (link: EscalationLink): string =>
  `escalate.${link.reference}.${link.stage}.${link.expiresOn}`;

/** Digits only, so "07700 900 000" and "07700900000" are the same number. */
const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * Whether `contact` is the email address or phone number given on the complaint, by the
 * complainant or their representative: what proves a request without the link.
 */
export function contactMatches(
  stored: Pick<Case, 'complainant' | 'representative'>,
  contact: string,
): boolean {
  const given = contact.trim();
  if (given === '') return false;
  const people = [stored.complainant, stored.representative].filter((person) => person !== undefined);
  if (given.includes('@')) {
    return people.some((person) => person.email?.toLowerCase() === given.toLowerCase());
  }
  const number = digits(given);
  return (
    number.length >= 6 &&
    people.some((person) => person.phone !== undefined && digits(person.phone) === number)
  );
}

/** The token in an escalation link: the signed fields, then the signature. */
export function formatEscalationToken(link: EscalationLink, signature: string): string {
  return `${link.reference}.${link.stage}.${link.expiresOn}.${signature}`;
}

/** A token taken apart, or undefined when it cannot be one. */
export function parseEscalationToken(token: string): { link: EscalationLink; signature: string } | undefined {
  const match = /^([A-Z0-9-]{8,20})\.([a-z0-9-]{1,40})\.(\d{4}-\d{2}-\d{2}|open)\.([A-Za-z0-9_-]{43})$/.exec(
    token,
  );
  if (match === null) return undefined;
  const [, reference = '', stage = '', expiresOn = '', signature = ''] = match;
  return { link: { reference, stage, expiresOn }, signature };
}
