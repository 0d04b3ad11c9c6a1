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

/** The form with something wrong in every kind of question, as the server returns it. */
export const ERRORS: { values: FormValues; errors: FieldError[] } = {
  values: {
    ...FILLED,
    'full-name': '',
    email: 'ada-at-example',
    'for-someone-else': 'yes',
    'their-name': '',
    role: '',
    'happened-day': '',
    'happened-month': '',
    'happened-year': '',
    'late-reason': '',
  },
  errors: [
    { field: 'full-name', inputId: 'full-name', message: 'Enter your full name' },
    {
      field: 'email',
      inputId: 'email',
      message: 'Enter an email address in the correct format, like name@example.com',
    },
    {
      field: 'their-name',
      inputId: 'their-name',
      message: 'Enter the full name of the person you are complaining for',
    },
    {
      field: 'representative-reason',
      inputId: 'representative-reason',
      message: 'Select why you are complaining for them',
    },
    { field: 'role', inputId: 'role', message: 'Select who you are' },
    { field: 'happened', inputId: 'happened-day', message: 'Enter the date it happened' },
    { field: 'late-reason', inputId: 'late-reason', message: 'Enter why you are complaining now' },
  ],
};
