import type { HolidayCalendar } from './calendar.ts';
import type { Complainant, Complaint } from './case.ts';
import { dueDate } from './deadlines.ts';
import type { IsoDate, Period } from './period.ts';
import type { Provider, RepresentativeReason, Representatives } from './provider.ts';
import { EMAIL_PATTERN, TEXT_MAX } from './text-limits.ts';

/**
 * The rules a complaint form submission must meet, and the one message a person reads for each
 * broken rule. The server (src/core/submission.ts) and the browser (src/forms/complaint-form-client.ts)
 * run these same functions. This module imports no library: zod would add more than 100 KB to the
 * browser's script, so nothing here may import it.
 */

/** The name of every field the form posts, form-encoded or as JSON. */
export const FIELD = {
  fullName: 'full-name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  postcode: 'postcode',
  preferredContact: 'preferred-contact',
  forSomeoneElse: 'for-someone-else',
  theirName: 'their-name',
  representativeReason: 'representative-reason',
  consentConfirmed: 'consent-confirmed',
  role: 'role',
  under18: 'under-18',
  about: 'about',
  course: 'course',
  whatHappened: 'what-happened',
  happenedDay: 'happened-day',
  happenedMonth: 'happened-month',
  happenedYear: 'happened-year',
  lateReason: 'late-reason',
  raisedInformally: 'raised-informally',
  raisedWith: 'raised-with',
  outcomeWanted: 'outcome-wanted',
  adjustments: 'adjustments',
  preferredFormat: 'preferred-format',
  /** The idempotency key: a UUID the browser makes on load (see `SUBMISSION_ID_PATTERN`). */
  submissionId: 'submissionId',
  /** The honeypot: people never see it, form-filling robots fill it in. */
  honeypot: 'website',
} as const;
export type FieldName = (typeof FIELD)[keyof typeof FIELD];
export const FIELD_NAMES: readonly FieldName[] = Object.values(FIELD);

/**
 * The questions an error can belong to, in the order the form asks them, so the error summary
 * lists problems top to bottom. Most are a field; `contact` is the group "how can we contact you"
 * and `happened` the day, month and year of the date.
 */
export const QUESTIONS = [
  'full-name',
  'contact',
  'email',
  'phone',
  'address',
  'postcode',
  'preferred-contact',
  'for-someone-else',
  'their-name',
  'representative-reason',
  'consent-confirmed',
  'role',
  'under-18',
  'about',
  'course',
  'what-happened',
  'happened',
  'late-reason',
  'raised-informally',
  'raised-with',
  'outcome-wanted',
  'adjustments',
  'preferred-format',
] as const;
export type Question = (typeof QUESTIONS)[number];

/** One problem with a submission: the question, the input the error summary links to, and what to do. */
export interface FieldError {
  field: Question;
  /** The id of the input to move to, e.g. `happened-month` or `email` for the contact group. */
  inputId: string;
  message: string;
}

/** Posted fields, one string each (the first, when a name is posted twice). */
export type FormValues = Partial<Record<FieldName, string>>;

export type PreferredContact = Complainant['preferredContact'];
export type ComplainantRole = Complainant['role'];
export type ComplaintSubject = Complaint['about'];

/** Choices and their labels. A `Record` keyed by the case's own types, so a choice cannot be forgotten. */
export const PREFERRED_CONTACT_LABELS: Record<PreferredContact, string> = {
  email: 'Email',
  telephone: 'Phone',
  post: 'Post',
};

export const ROLE_LABELS: Record<ComplainantRole, string> = {
  'learner-or-apprentice': 'A learner or apprentice',
  employer: 'An employer',
  'parent-or-guardian': 'A parent or guardian',
  'member-of-the-public': 'A member of the public',
  partner: 'A partner organisation',
};

/** CQM: "A complaint can relate to any of the following: the organisation, a member of staff, a product/service, a Director of the Board". */
export const SUBJECT_LABELS: Record<ComplaintSubject, string> = {
  organisation: 'The organisation',
  'member-of-staff': 'A member of staff',
  'product-or-service': 'A product or service',
  director: 'A director',
};

/** CQM: "A representative may complain for the affected person if they: have died; cannot make a complaint themselves; have given consent". */
export const REASON_LABELS: Record<RepresentativeReason, string> = {
  died: 'They have died',
  'cannot-complain': 'They cannot make the complaint themselves',
  consented: 'They have agreed to me complaining for them',
};

export const FORMATS = ['large-print', 'easy-read', 'braille', 'audio', 'british-sign-language'] as const;
export type Format = (typeof FORMATS)[number];
export const FORMAT_LABELS: Record<Format, string> = {
  'large-print': 'Large print',
  'easy-read': 'Easy Read',
  braille: 'Braille',
  audio: 'Audio',
  'british-sign-language': 'British Sign Language (BSL) video',
};

/** The browser makes the key with `crypto.randomUUID()`; anything else posted in its place is ignored. */
export const SUBMISSION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An answer written at length on the form. A case holds up to `TEXT_MAX.long`, so the stored
 * adjustments (the needs and a line for the preferred format) always fit.
 */
const ANSWER_MAX = 10_000;

/**
 * The longest answer each text field takes, counted as `countCharacters` does: within what the
 * case that stores it allows (./text-limits.ts).
 */
export const MAX_LENGTH = {
  'full-name': TEXT_MAX.name,
  /** The longest address mail can be delivered to (RFC 5321). */
  email: 254,
  phone: TEXT_MAX.phone,
  /** The address and the postcode are stored as one address, within `TEXT_MAX.address`. */
  address: 400,
  postcode: 20,
  'their-name': TEXT_MAX.name,
  course: TEXT_MAX.short,
  'what-happened': ANSWER_MAX,
  'late-reason': ANSWER_MAX,
  'raised-with': TEXT_MAX.short,
  'outcome-wanted': ANSWER_MAX,
  adjustments: ANSWER_MAX,
} as const satisfies Partial<Record<Question, number>>;

/**
 * Characters as a person counts them: a line break is one, although browsers post it as CR LF.
 * The character count the browser shows uses the same function, so the two never disagree.
 */
export function countCharacters(text: string): number {
  return text.replace(/\r\n/g, '\n').length;
}

/** Who may complain for someone else, as the form applies it. */
export interface RepresentativeRules {
  /** The reasons the form offers: the provider's, or all of them when it allows any representative. */
  reasons: readonly RepresentativeReason[];
  consent: Representatives['consent'];
}

/** Everything beyond the posted values that decides whether a submission is acceptable. */
export interface SubmissionRules {
  representatives: RepresentativeRules;
  /** Today's Europe/London date: a date after it has not happened yet. */
  today: IsoDate;
  /** Whether a complaint about something on this date comes after the provider's time limit. */
  isLate: (happenedOn: IsoDate) => boolean;
}

/**
 * A policy that says nothing about representatives is read as allowing any representative without a
 * particular form of consent: the provider can still ask, and nobody is turned away by the form.
 */
export function representativeRulesFor(representatives: Representatives | undefined): RepresentativeRules {
  if (representatives === undefined || representatives.reasons.length === 0) {
    return {
      reasons: Object.keys(REASON_LABELS) as RepresentativeReason[],
      consent: representatives?.consent ?? 'none',
    };
  }
  return { reasons: representatives.reasons, consent: representatives.consent };
}

/**
 * Whether the representative must confirm the person's agreement. Digital Marketing Mentor:
 * "complainants may prefer matters to be raised on their behalf by their chosen representative …
 * this will need to be confirmed in writing", naming no exemption, so every representative
 * confirms; recorded consent applies where consent is the reason for acting.
 */
export function needsConsent(rules: RepresentativeRules, reason: RepresentativeReason | undefined): boolean {
  switch (rules.consent) {
    case 'written-confirmation':
      return reason !== undefined;
    case 'recorded-consent':
      return reason === 'consented';
    case 'none':
      return false;
    default: {
      const unreachable: never = rules.consent;
      throw new Error(`unknown consent ${String(unreachable)}`);
    }
  }
}

/** What the form page tells its script about the provider, so the browser can run these rules. */
export interface FormRules {
  representatives: RepresentativeRules;
  /** The provider's time limit to complain, when its policy sets one. */
  timeLimit?: Period;
}

export function formRulesFor(provider: Provider): FormRules {
  return {
    representatives: representativeRulesFor(provider.representatives),
    ...(provider.timeLimit && { timeLimit: provider.timeLimit.within }),
  };
}

/** The rules for one provider on one day, counted with its bank holidays. */
export function submissionRulesFor(
  form: FormRules,
  today: IsoDate,
  calendar: HolidayCalendar,
): SubmissionRules {
  const { timeLimit } = form;
  return {
    representatives: form.representatives,
    today,
    // "within 12 weeks of it occurring": on time up to and including the day the period ends.
    isLate: (happenedOn) => timeLimit !== undefined && dueDate(happenedOn, timeLimit, calendar) < today,
  };
}

/** What a valid submission says: the function makes a case of it (src/core/intake.ts). */
export interface SubmissionAnswers {
  submissionId?: string;
  contact: {
    name: string;
    email?: string;
    phone?: string;
    address?: string;
    preferredContact: PreferredContact;
  };
  complainant: { name: string; role: ComplainantRole; under18: boolean };
  representative?: { reason: RepresentativeReason; consentConfirmed: boolean };
  complaint: Complaint;
  adjustments?: { needs?: string; format?: Format };
}

export type CheckResult = { ok: true; answers: SubmissionAnswers } | { ok: false; errors: FieldError[] };

/** A text field's wording: how to ask for it when empty, and its name in other messages. */
interface TextWording {
  /** "Enter your full name"; absent for optional fields. */
  missing?: string;
  /** The field's name starting a sentence, e.g. "Full name". */
  name: string;
}

const TEXT_WORDING: Record<keyof typeof MAX_LENGTH, TextWording> = {
  'full-name': { missing: 'Enter your full name', name: 'Full name' },
  email: { name: 'Email address' },
  phone: { name: 'Phone number' },
  address: { name: 'Address' },
  postcode: { name: 'Postcode' },
  'their-name': {
    missing: 'Enter the full name of the person you are complaining for',
    name: 'Their full name',
  },
  course: { name: 'Course' },
  'what-happened': { missing: 'Enter what happened', name: 'What happened' },
  'late-reason': { missing: 'Enter why you are complaining now', name: 'Why you are complaining now' },
  'raised-with': { missing: 'Enter who you raised it with', name: 'Who you raised it with' },
  'outcome-wanted': { missing: 'Enter what you would like to happen', name: 'What you would like to happen' },
  adjustments: { name: 'Adjustments or support' },
};

/** The earliest year a complaint can be about; anything before it is a typing slip. */
export const EARLIEST_YEAR = 1900;

export const MESSAGES = {
  contact: 'Enter at least one way to contact you: email, phone or postal address',
  email: 'Enter an email address in the correct format, like name@example.com',
  phone: 'Enter a phone number in the correct format, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
  addressForPostcode: 'Enter your address as well as your postcode',
  preferredContact: 'Select how you would like us to contact you',
  preferredContactMissing: {
    email: 'Enter your email address, or select another way for us to contact you',
    telephone: 'Enter your phone number, or select another way for us to contact you',
    post: 'Enter your postal address, or select another way for us to contact you',
  } satisfies Record<PreferredContact, string>,
  forSomeoneElse: 'Select yes if you are making this complaint for someone else',
  representativeReason: 'Select why you are complaining for them',
  consent: {
    'written-confirmation': 'Confirm that they have agreed in writing to you complaining for them',
    'recorded-consent': 'Confirm that they have agreed to you complaining for them',
  },
  role: 'Select who you are',
  under18: 'Select yes if you are under 18',
  about: 'Select what your complaint is about',
  happened: {
    missing: 'Enter the date it happened',
    real: 'Date it happened must be a real date',
    year: 'Year must include 4 numbers',
    /** A year like 0026 is a slip for 2026: nobody complains about something from before 1900. */
    early: `Year must be ${EARLIEST_YEAR} or later`,
    future: 'Date it happened must be today or in the past',
  },
  raisedInformally: 'Select yes if you have already raised this informally',
  preferredFormat: 'Select a format from the list, or leave it blank',
} as const;

/** "Full name must be 200 characters or fewer". */
export const tooLongMessage = (name: string, max: number) =>
  `${name} must be ${max.toLocaleString('en-GB')} characters or fewer`;
/**
 * "Full name must not include hidden control characters". Nobody types them; they arrive pasted or
 * from scripts, and in a name or a one-line answer they break what is made from it (an email
 * greeting, a commit, a case file read by staff). NUL also ends the text in storage and mail.
 */
export const controlCharacterMessage = (name: string) => `${name} must not include hidden control characters`;

/** C0 controls, DEL and C1 controls: nothing a person types into a one-line answer. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;
/** In long answers a line break is typed and a tab comes with pasted text; the rest are refused. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what it is for
const CONTROL_CHARACTER_IN_LONG_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** The answers written over several lines (a `<textarea>`). */
const LONG_TEXT: ReadonlySet<keyof typeof MAX_LENGTH> = new Set([
  'address',
  'what-happened',
  'late-reason',
  'outcome-wanted',
  'adjustments',
]);

type DatePart = 'day' | 'month' | 'year';
const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];
const DATE_FIELD: Record<DatePart, FieldName> = {
  day: FIELD.happenedDay,
  month: FIELD.happenedMonth,
  year: FIELD.happenedYear,
};

/** "must include a day", "must include a day and year". */
const missingPartsMessage = (parts: DatePart[]) => `Date it happened must include a ${parts.join(' and ')}`;

export type DateCheck = { ok: true; date: IsoDate } | { ok: false; inputId: string; message: string };

/** GOV.UK's date input rules: say what is missing, then whether it is a real date, then whether it is past. */
export function checkHappened(values: FormValues, today: IsoDate): DateCheck {
  // People type "5 " or " 05": spaces inside a number are not part of it.
  const parts = Object.fromEntries(
    DATE_PARTS.map((part) => [part, (values[DATE_FIELD[part]] ?? '').replace(/\s/g, '')]),
  ) as Record<DatePart, string>;
  const missing = DATE_PARTS.filter((part) => parts[part] === '');
  if (missing.length === 3)
    return { ok: false, inputId: FIELD.happenedDay, message: MESSAGES.happened.missing };
  const [firstMissing] = missing;
  if (firstMissing !== undefined) {
    return { ok: false, inputId: DATE_FIELD[firstMissing], message: missingPartsMessage(missing) };
  }
  const notNumber = DATE_PARTS.find((part) => !/^\d+$/.test(parts[part]));
  if (notNumber !== undefined)
    return { ok: false, inputId: DATE_FIELD[notNumber], message: MESSAGES.happened.real };
  if (parts.year.length !== 4)
    return { ok: false, inputId: FIELD.happenedYear, message: MESSAGES.happened.year };
  const [day, month, year] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  // Before the month and day: Date.UTC reads years 0–99 as 1900–1999, so 0026 would become 1926.
  if (year < EARLIEST_YEAR)
    return { ok: false, inputId: FIELD.happenedYear, message: MESSAGES.happened.early };
  if (month < 1 || month > 12)
    return { ok: false, inputId: FIELD.happenedMonth, message: MESSAGES.happened.real };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || date.getUTCDate() !== day) {
    return { ok: false, inputId: FIELD.happenedDay, message: MESSAGES.happened.real };
  }
  const iso = date.toISOString().slice(0, 10);
  if (iso > today) return { ok: false, inputId: FIELD.happenedDay, message: MESSAGES.happened.future };
  return { ok: true, date: iso };
}

const PHONE_PATTERN = /^\+?\d{7,15}$/;
/** Spaces, brackets, dots and dashes are how people group digits, e.g. "+44 (0)20 7946 0000". */
const phoneDigits = (phone: string) => phone.replace(/[\s().-]/g, '');

const isOneOf = <T extends string>(choices: Record<T, string> | readonly T[], value: string): value is T =>
  Array.isArray(choices) ? choices.includes(value as T) : Object.hasOwn(choices, value);

/**
 * Checks posted values against the rules. Returns every problem, one per question, in the order the
 * form asks the questions, or the answers ready to store. Text is trimmed and otherwise kept exactly
 * as typed; only a control character or an over-long answer is refused.
 */
export function checkSubmission(values: FormValues, rules: SubmissionRules): CheckResult {
  const errors: FieldError[] = [];
  const fail = (field: Question, message: string, inputId: string = field) => {
    errors.push({ field, inputId, message });
  };

  /** A trimmed text answer, `undefined` when empty or refused (refusals are recorded). */
  const text = (field: keyof typeof MAX_LENGTH & FieldName): string | undefined => {
    const value = (values[field] ?? '').trim();
    const wording = TEXT_WORDING[field];
    if (value === '') {
      if (wording.missing !== undefined) fail(field, wording.missing);
      return undefined;
    }
    if ((LONG_TEXT.has(field) ? CONTROL_CHARACTER_IN_LONG_TEXT : CONTROL_CHARACTER).test(value)) {
      fail(field, controlCharacterMessage(wording.name));
      return undefined;
    }
    if (countCharacters(value) > MAX_LENGTH[field]) {
      fail(field, tooLongMessage(wording.name, MAX_LENGTH[field]));
      return undefined;
    }
    return value;
  };
  const choice = <T extends string>(
    field: Question & FieldName,
    choices: Record<T, string> | readonly T[],
    message: string,
  ): T | undefined => {
    const value = values[field] ?? '';
    if (isOneOf(choices, value)) return value;
    fail(field, message);
    return undefined;
  };
  const yesNo = (field: Question & FieldName, message: string): boolean | undefined => {
    const answer = choice(field, ['yes', 'no'], message);
    return answer === undefined ? undefined : answer === 'yes';
  };

  // About you: the person filling in the form, whom the provider answers.
  const name = text(FIELD.fullName);
  const given = {
    email: (values[FIELD.email] ?? '').trim() !== '',
    telephone: (values[FIELD.phone] ?? '').trim() !== '',
    post: (values[FIELD.address] ?? '').trim() !== '' || (values[FIELD.postcode] ?? '').trim() !== '',
  } satisfies Record<PreferredContact, boolean>;
  if (!given.email && !given.telephone && !given.post) fail('contact', MESSAGES.contact, FIELD.email);
  let email = text(FIELD.email);
  if (email !== undefined && !EMAIL_PATTERN.test(email)) {
    fail(FIELD.email, MESSAGES.email);
    email = undefined;
  }
  let phone = text(FIELD.phone);
  if (phone !== undefined && !PHONE_PATTERN.test(phoneDigits(phone))) {
    fail(FIELD.phone, MESSAGES.phone);
    phone = undefined;
  }
  const addressLines = text(FIELD.address);
  const postcode = text(FIELD.postcode);
  if (addressLines === undefined && postcode !== undefined && (values[FIELD.address] ?? '').trim() === '') {
    fail(FIELD.address, MESSAGES.addressForPostcode);
  }
  const address =
    addressLines === undefined ? undefined : [addressLines, postcode].filter(Boolean).join('\n');

  const givenWays = (Object.keys(given) as PreferredContact[]).filter((way) => given[way]);
  // With one way given there is nothing to choose: the browser hides the question, and so may the post.
  const onlyWay = givenWays.length === 1 ? givenWays[0] : undefined;
  let preferredContact: PreferredContact | undefined;
  if (givenWays.length > 0) {
    const chosen = values[FIELD.preferredContact] ?? '';
    if (isOneOf(PREFERRED_CONTACT_LABELS, chosen)) {
      if (given[chosen]) preferredContact = chosen;
      else fail(FIELD.preferredContact, MESSAGES.preferredContactMissing[chosen]);
    } else if (onlyWay !== undefined) {
      preferredContact = onlyWay;
    } else {
      fail(FIELD.preferredContact, MESSAGES.preferredContact);
    }
  }

  // Complaining for someone else: ignored entirely when the answer is no.
  const forSomeoneElse = yesNo(FIELD.forSomeoneElse, MESSAGES.forSomeoneElse);
  let theirName: string | undefined;
  let representative: SubmissionAnswers['representative'];
  if (forSomeoneElse === true) {
    theirName = text(FIELD.theirName);
    const reason = choice(
      FIELD.representativeReason,
      rules.representatives.reasons,
      MESSAGES.representativeReason,
    );
    const consentNeeded = needsConsent(rules.representatives, reason);
    const consentConfirmed = values[FIELD.consentConfirmed] === 'yes';
    if (reason !== undefined && consentNeeded && !consentConfirmed) {
      const consent = rules.representatives.consent;
      // needsConsent is only true for these two, so `none` cannot reach here.
      if (consent !== 'none') fail(FIELD.consentConfirmed, MESSAGES.consent[consent]);
    }
    if (reason !== undefined)
      representative = { reason, consentConfirmed: consentNeeded && consentConfirmed };
  }

  const role = choice(FIELD.role, ROLE_LABELS, MESSAGES.role);
  const under18 = yesNo(FIELD.under18, MESSAGES.under18);

  // The complaint.
  const about = choice(FIELD.about, SUBJECT_LABELS, MESSAGES.about);
  const course = text(FIELD.course);
  const whatHappened = text(FIELD.whatHappened);
  const happened = checkHappened(values, rules.today);
  if (!happened.ok) fail('happened', happened.message, happened.inputId);
  // Late complaints are still considered (e.g. Dynamic Training "will consider exceptions"), so a late
  // date is never refused: the person is asked why, and the answer is kept only when it is late.
  const late = happened.ok && rules.isLate(happened.date);
  const lateReason = late ? text(FIELD.lateReason) : undefined;
  // "Complainants will be asked to confirm whether or not the issue has been raised previously on an
  // informal basis and if so, with whom." (Digital Marketing Mentor)
  const raised = yesNo(FIELD.raisedInformally, MESSAGES.raisedInformally);
  const withWhom = raised === true ? text(FIELD.raisedWith) : undefined;
  const outcomeWanted = text(FIELD.outcomeWanted);

  // Communication needs (Equality Act 2010): both optional.
  const needs = text(FIELD.adjustments);
  const formatValue = values[FIELD.preferredFormat] ?? '';
  const format =
    formatValue === '' ? undefined : choice(FIELD.preferredFormat, FORMATS, MESSAGES.preferredFormat);

  if (errors.length > 0) {
    const order = (error: FieldError) => QUESTIONS.indexOf(error.field);
    return { ok: false, errors: errors.sort((a, b) => order(a) - order(b)) };
  }
  // No errors means every required answer above was read; the checks below only narrow the types.
  if (
    name === undefined ||
    preferredContact === undefined ||
    forSomeoneElse === undefined ||
    role === undefined ||
    under18 === undefined ||
    about === undefined ||
    whatHappened === undefined ||
    !happened.ok ||
    raised === undefined ||
    outcomeWanted === undefined ||
    (forSomeoneElse && theirName === undefined)
  ) {
    throw new Error('a submission without errors is missing a required answer');
  }
  const submissionId = values[FIELD.submissionId] ?? '';
  return {
    ok: true,
    answers: {
      ...(SUBMISSION_ID_PATTERN.test(submissionId) && { submissionId: submissionId.toLowerCase() }),
      contact: {
        name,
        ...(email !== undefined && { email }),
        ...(phone !== undefined && { phone }),
        ...(address !== undefined && { address }),
        preferredContact,
      },
      complainant: { name: theirName ?? name, role, under18 },
      ...(representative !== undefined && { representative }),
      complaint: {
        about,
        ...(course !== undefined && { course }),
        whatHappened,
        happenedOn: happened.date,
        ...(lateReason !== undefined && { lateReason }),
        raisedInformally: { raised, ...(withWhom !== undefined && { withWhom }) },
        outcomeWanted,
      },
      ...((needs !== undefined || format !== undefined) && {
        adjustments: { ...(needs !== undefined && { needs }), ...(format !== undefined && { format }) },
      }),
    },
  };
}
