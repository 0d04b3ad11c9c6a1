import { holidayCalendar } from '../../src/adapters/holidays.ts';
import type { Provider } from '../../src/core/provider.ts';
import { parseSubmission } from '../../src/core/submission.ts';
import type { FieldError, FormValues } from '../../src/core/submission-rules.ts';

/**
 * Named examples of the complaint form, in the govuk-frontend style: the submission tests, the render
 * test and the accessibility test all start from these. The people are invented.
 */

/** Today, for every example: a Monday. */
export const TODAY = '2026-03-02';

/** A complete, valid complaint from someone complaining for themselves. */
export const FILLED: FormValues = {
  'full-name': 'Ada Example',
  email: 'ada@example.com',
  phone: '07700 900 982',
  address: '1 Example Street\nExampletown',
  postcode: 'EX1 2MP',
  'preferred-contact': 'email',
  'for-someone-else': 'no',
  role: 'learner-or-apprentice',
  'under-18': 'no',
  about: 'member-of-staff',
  course: 'Level 3 Digital Marketer',
  'what-happened': 'My assessor missed three reviews in a row.',
  'happened-day': '16',
  'happened-month': '2',
  'happened-year': '2026',
  'raised-informally': 'yes',
  'raised-with': 'My mentor',
  'outcome-wanted': 'A new assessor and the reviews rescheduled.',
  submissionId: '0b7a3c52-8f1e-4d7a-9c3b-5e2f1a6d4c88',
};

/** The same complaint, made by a representative for someone who agreed in writing. */
export const FOR_SOMEONE_ELSE: FormValues = {
  ...FILLED,
  'for-someone-else': 'yes',
  'their-name': 'Bea Example',
  'representative-reason': 'consented',
  'consent-confirmed': 'yes',
};

/** A form sent back with an error in most kinds of question, a late date among them. */
export const MISTAKES: FormValues = {
  ...FOR_SOMEONE_ELSE,
  'full-name': '',
  email: 'ada-at-example',
  'their-name': '',
  'representative-reason': '',
  'consent-confirmed': '',
  role: '',
  'happened-day': '10',
  'happened-month': '1',
  'happened-year': '2025',
  'what-happened': '<script>alert("hello")</script>',
};

export interface Example {
  name: string;
  values: FormValues;
  /** The page as first shown: no errors even though nothing is filled in. */
  fresh?: true;
}

export const EXAMPLES: readonly Example[] = [
  { name: 'empty', values: {}, fresh: true },
  { name: 'sent empty', values: {} },
  { name: 'filled', values: FILLED },
  { name: 'for someone else', values: FOR_SOMEONE_ELSE },
  { name: 'mistakes', values: MISTAKES },
  { name: 'date not real', values: { ...FILLED, 'happened-day': '30', 'happened-month': '2' } },
];

/** The errors the server gives an example, for a provider, today. */
export function errorsFor(example: Example, provider: Provider): FieldError[] {
  if (example.fresh) return [];
  const result = parseSubmission(example.values, provider, TODAY, holidayCalendar(provider.nation));
  return result.ok ? [] : result.errors;
}
