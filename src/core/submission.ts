import type { HolidayCalendar } from './calendar.ts';
import type { IsoDate } from './period.ts';
import type { Provider } from './provider.ts';
import {
  checkSubmission,
  FIELD,
  FIELD_NAMES,
  type FieldError,
  type FieldName,
  type FormValues,
  formRulesFor,
  type SubmissionAnswers,
  submissionRulesFor,
} from './submission-rules.ts';

/**
 * A complaint as the public form (or a script posting the same fields) submits it. The rules and
 * their messages live in ./submission-rules.ts so the browser runs them too; the server runs them
 * with the provider's real holiday calendar, and the case made from the answers is checked by
 * `CaseSchema` where it is built (./intake.ts).
 */

/**
 * The posted fields: a form post's names and values, or a JSON object with the same names. A name
 * posted more than once may be a list.
 */
export type FormFields = Record<string, string | string[]>;

export type ParseResult =
  | { ok: true; submission: SubmissionAnswers }
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
  const checked = checkSubmission(values, submissionRulesFor(formRulesFor(provider), today, calendar));
  return checked.ok
    ? { ok: true, submission: checked.answers }
    : { ok: false, errors: checked.errors, values };
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
