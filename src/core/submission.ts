import { z } from 'zod';
import type { HolidayCalendar } from './calendar.ts';
import { ComplainantSchema, ComplaintSchema } from './case.ts';
import { dueDate } from './deadlines.ts';
import type { IsoDate } from './period.ts';
import { type Provider, RepresentativeReasonSchema } from './provider.ts';
import {
  checkSubmission,
  FIELD,
  FIELD_NAMES,
  type FieldError,
  type FieldName,
  FORMATS,
  type FormValues,
  MAX_LENGTH,
  representativeRulesFor,
  SUBMISSION_ID_PATTERN,
  type SubmissionAnswers,
  type SubmissionRules,
} from './submission-rules.ts';

/**
 * A complaint as the public form (or a script posting the same fields) submits it. The rules and
 * their messages live in ./submission-rules.ts so the browser can run them too; this module adds the
 * provider's time limit, counted with the real holiday calendar, and the schema of what is accepted.
 */

/**
 * The posted fields: a form post's names and values, or a JSON object with the same names. A name
 * posted more than once may be a list.
 */
export type FormFields = Record<string, string | string[]>;

const LongTextSchema = (max: number) => z.string().trim().min(1).max(max);

/** The detail each way of being contacted needs. */
const CONTACT_DETAIL = { email: 'email', telephone: 'phone', post: 'address' } as const;

/** What a person filled in, accepted: the function maps it onto a case (src/core/case.ts). */
export const ComplaintSubmissionSchema = z.strictObject({
  /** Idempotency key from the browser (a UUID); absent from a post without JavaScript, see `submissionKeySource`. */
  submissionId: z.string().regex(SUBMISSION_ID_PATTERN).optional(),
  /** Whoever filled in the form: the complainant, or their representative. The provider replies to them. */
  contact: z
    .strictObject({
      name: ComplainantSchema.shape.name,
      email: ComplainantSchema.shape.email,
      /** As the person wrote it. */
      phone: ComplainantSchema.shape.phone,
      /** The address lines and postcode as one block of lines. */
      address: ComplainantSchema.shape.address,
      /** Only a way they gave: the form offers no other. */
      preferredContact: ComplainantSchema.shape.preferredContact,
    })
    .refine((contact) => contact[CONTACT_DETAIL[contact.preferredContact]] !== undefined, {
      message: 'the preferred way of contact needs its detail',
    }),
  /** The person the complaint is from: the one who filled in the form, unless `representative` is present. */
  complainant: z.strictObject({
    name: ComplainantSchema.shape.name,
    role: ComplainantSchema.shape.role,
    /** Some policies let the provider inform a parent or guardian of a learner under 18. */
    under18: ComplainantSchema.shape.under18,
  }),
  /** Present when `contact` complains for the complainant. */
  representative: z
    .strictObject({
      reason: RepresentativeReasonSchema,
      /** The representative confirmed the complainant agreed, where the provider asks (otherwise false). */
      consentConfirmed: z.boolean(),
    })
    .optional(),
  /** What happened and what the complainant wants, exactly as the case stores it. */
  complaint: ComplaintSchema,
  /** Communication needs and a preferred format for replies (Equality Act 2010). */
  adjustments: z
    .strictObject({
      needs: LongTextSchema(MAX_LENGTH.adjustments).optional(),
      format: z.enum(FORMATS).optional(),
    })
    .optional(),
});
export type ComplaintSubmission = z.output<typeof ComplaintSubmissionSchema>;

export type ParseResult =
  | { ok: true; submission: ComplaintSubmission }
  | {
      ok: false;
      /** One per question, in the order the form asks them. */
      errors: FieldError[];
      /** The fields as posted, untrimmed, for the form to show again. */
      values: FormValues;
    };

/** The known fields, one string each; anything else posted is dropped. */
export function readFormValues(fields: FormFields): FormValues {
  const values: FormValues = {};
  for (const name of FIELD_NAMES) {
    const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) values[name] = first;
  }
  return values;
}

/** The rules for one provider on one day. */
export function submissionRulesFor(
  provider: Provider,
  today: IsoDate,
  calendar: HolidayCalendar,
): SubmissionRules {
  const { timeLimit } = provider;
  return {
    representatives: representativeRulesFor(provider.representatives),
    today,
    // "within 12 weeks of it occurring": on time up to and including the day the period ends.
    isLate: (happenedOn) =>
      timeLimit !== undefined && dueDate(happenedOn, timeLimit.within, calendar) < today,
  };
}

/**
 * Checks a submission against the provider's procedure. Pure: `today` (Europe/London) and the
 * provider's holiday calendar are arguments.
 */
export function parseSubmission(
  fields: FormFields,
  provider: Provider,
  today: IsoDate,
  calendar: HolidayCalendar,
): ParseResult {
  const values = readFormValues(fields);
  const checked = checkSubmission(values, submissionRulesFor(provider, today, calendar));
  if (!checked.ok) return { ok: false, errors: checked.errors, values };
  const answers: SubmissionAnswers = checked.answers;
  // The rules and the schema describe the same thing; if they ever disagree that is a bug, not a person's mistake.
  return { ok: true, submission: ComplaintSubmissionSchema.parse(answers) };
}

/** A form-filling robot fills in the field people never see. */
export function isHoneypotFilled(values: FormValues): boolean {
  return (values[FIELD.honeypot] ?? '').trim() !== '';
}

const NOT_PART_OF_THE_KEY: ReadonlySet<FieldName> = new Set([FIELD.submissionId, FIELD.honeypot]);

/**
 * The text to hash into an idempotency key when a post has no `submissionId` (no JavaScript): the
 * trimmed values in a fixed order, so going back and sending the same answers again gives the same
 * key, and therefore the same reference, while any changed answer gives a new one.
 */
export function submissionKeySource(values: FormValues): string {
  return JSON.stringify(
    FIELD_NAMES.filter((name) => !NOT_PART_OF_THE_KEY.has(name)).map((name) => [
      name,
      (values[name] ?? '').trim(),
    ]),
  );
}
