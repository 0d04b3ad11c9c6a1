import { type HolidayCalendar, listHolidays } from '../../core/calendar.ts';
import { describePeriod } from '../../core/deadlines.ts';
import type { IsoDate } from '../../core/period.ts';
import { summariseProcedure } from '../../core/procedure-summary.ts';
import type { Provider } from '../../core/provider.ts';
import {
  FIELD,
  type FieldError,
  FORMAT_LABELS,
  type FormValues,
  formRulesFor,
  MAX_LENGTH,
  PREFERRED_CONTACT_LABELS,
  type Question,
  REASON_LABELS,
  ROLE_LABELS,
  representativeRulesFor,
  SUBJECT_LABELS,
} from '../../core/submission-rules.ts';
import { Checkbox } from '../fields/Checkbox.tsx';
import { DateInput } from '../fields/DateInput.tsx';
import { ErrorMessage } from '../fields/ErrorMessage.tsx';
import { ErrorSummary, ErrorSummaryItem } from '../fields/ErrorSummary.tsx';
import { TEMPLATE_ID } from '../fields/field-ids.ts';
import { QuestionGroup } from '../fields/QuestionGroup.tsx';
import { type RadioItem, Radios } from '../fields/Radios.tsx';
import { Textarea } from '../fields/Textarea.tsx';
import { TextInput } from '../fields/TextInput.tsx';
import { type ComplaintFormData, intakePath } from './form-data.ts';

/**
 * The complaint page's content: error summary, heading, what the procedure does not cover, and the
 * form. The static page renders it empty; the intake function renders it again with the values
 * and errors of a post without JavaScript.
 */

export interface ComplaintFormProps {
  provider: Provider;
  /** The posted values, as `parseSubmission` gives them back; `{}` for an empty form. */
  values: FormValues;
  errors: readonly FieldError[];
  /** Why the complaint could not be sent (e.g. the service is unavailable): shown at the top, with the values kept. */
  problem?: string | undefined;
  /** The provider's bank holidays, for the browser's late-complaint check. */
  calendar: HolidayCalendar;
  /** The London date the page is made on. */
  today: IsoDate;
}

/** The page title; "Error: " goes before it when the page shows errors. */
export const complaintPageTitle = (provider: Provider) => `Make a complaint to ${provider.name}`;

/** The conditional blocks the browser script shows and hides. */
const REVEAL = {
  forSomeoneElse: 'conditional-for-someone-else',
  raisedWith: 'conditional-raised-with',
  late: 'conditional-late-reason',
} as const;

const yesNo = (reveals?: string): RadioItem[] => [
  { value: 'yes', label: 'Yes', reveals },
  { value: 'no', label: 'No' },
];

const itemsOf = <T extends string>(labels: Record<T, string>, only?: readonly T[]): RadioItem[] =>
  (only ?? (Object.keys(labels) as T[])).map((value) => ({ value, label: labels[value] }));

/** Shown without JavaScript, where every question is on the page: says when to answer it. */
const OnlyIf = ({ children }: { children: string }) => <p className="only-if">{children}</p>;

/** What the procedure does not cover, and (where the policy says) a concern against a complaint. */
function BeforeYouStart({ provider, waysHref }: { provider: Provider; waysHref: string }) {
  const summary = summariseProcedure(provider);
  return (
    <>
      {provider.exclusions.length === 0 ? null : (
        <>
          <h2 id="not-covered">Is your complaint about any of these?</h2>
          <p>
            {provider.name}'s complaints procedure does not deal with them. Each has its own procedure:
            contact {provider.name} to use it.
          </p>
          <ul>
            {provider.exclusions.map((exclusion) => (
              <li key={exclusion.description}>
                <strong>{exclusion.description}</strong>. Where to go instead:{' '}
                <a href={waysHref}>{exclusion.routeTo}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.concern === undefined ? null : (
        <>
          <h2 id="concern-or-complaint">A concern or a complaint?</h2>
          <p>
            <strong>A concern</strong>: {summary.concern.text}
          </p>
          {summary.complaint === undefined ? null : (
            <p>
              <strong>A complaint</strong>: {summary.complaint.text}
            </p>
          )}
          <p>
            You can raise a concern informally: see <a href={waysHref}>ways to contact {provider.name}</a>.
            Use this form to make a complaint.
          </p>
        </>
      )}
    </>
  );
}

/** The consent question, in the words of the provider's rule; none when the policy asks for no consent. */
function Consent({
  provider,
  checked,
  error,
}: {
  provider: Provider;
  checked: boolean;
  error: string | undefined;
}) {
  const rules = representativeRulesFor(provider.representatives);
  const common = { id: FIELD.consentConfirmed, checked, error, data: { 'data-consent-question': '' } };
  switch (rules.consent) {
    case 'written-confirmation':
      return (
        <Checkbox
          {...common}
          label="Their agreement"
          hint={[
            `${provider.name} needs them to confirm in writing that you can complain for them, and will ask you for this confirmation.`,
            'You do not need to confirm this if they have died.',
          ]}
          statement="I confirm they have agreed in writing that I can make this complaint for them"
        />
      );
    case 'recorded-consent':
      return (
        <Checkbox
          {...common}
          label="Their agreement"
          hint={`Only if they have agreed to you complaining for them. ${provider.name} will keep a record of their consent.`}
          statement="I confirm they have agreed that I can make this complaint for them"
        />
      );
    case 'none':
      return null;
    default: {
      const unreachable: never = rules.consent;
      throw new Error(`unknown consent ${String(unreachable)}`);
    }
  }
}

/**
 * The error components as templates: the browser script clones them for the errors it finds, so
 * its messages are this markup too.
 */
function ErrorTemplates() {
  return (
    <>
      <template id={TEMPLATE_ID.errorMessage}>
        <ErrorMessage question="template" message="" />
      </template>
      <template id={TEMPLATE_ID.errorSummary}>
        <ErrorSummary errors={[]} />
      </template>
      <template id={TEMPLATE_ID.errorSummaryItem}>
        <ErrorSummaryItem inputId="" message="" />
      </template>
    </>
  );
}

/** Everything the complaint page's main content shows, for an empty form or one sent back with errors. */
export function ComplaintForm({ provider, values, errors, problem, calendar, today }: ComplaintFormProps) {
  const summary = summariseProcedure(provider);
  const rules = representativeRulesFor(provider.representatives);
  const errorFor = (question: Question) => errors.find((error) => error.field === question)?.message;
  const value = (field: keyof FormValues) => values[field] ?? '';
  const waysHref = `/${provider.slug}/#ways-to-complain`;
  const limit = provider.timeLimit === undefined ? undefined : describePeriod(provider.timeLimit.within);
  // Asked once the date is known to be late: by the browser as the date is typed, or by the server.
  const askLateReason = errorFor('late-reason') !== undefined || value(FIELD.lateReason).trim() !== '';
  const year = Number(today.slice(0, 4));
  const data: ComplaintFormData = {
    rules: formRulesFor(provider),
    holidays: listHolidays(calendar, year - 1, year + 1),
  };
  const answerForThem = 'If you are complaining for someone else, answer for them.';
  const report = provider.report;

  return (
    <>
      {errors.length > 0 ? <ErrorSummary errors={errors} /> : null}
      {/* The browser script shows this when sending fails; the server shows it with its own words. */}
      <div
        className="panel warning send-problem"
        id="send-problem"
        tabIndex={-1}
        hidden={problem === undefined}
        // biome-ignore lint/a11y/noAutofocus: without JavaScript, only autofocus takes a screen reader to why the form came back
        autoFocus={problem !== undefined}
      >
        <h2>Your complaint has not been sent</h2>
        {problem === undefined ? (
          <p>
            We could not reach {provider.name}'s complaints service. Everything you entered is still here: try
            sending it again in a few minutes, or <a href={waysHref}>complain another way</a>.
          </p>
        ) : (
          <p>{problem}</p>
        )}
      </div>
      <h1>{complaintPageTitle(provider)}</h1>
      <p className="lede">
        Use this form to complain to {provider.name}. You can also{' '}
        <a href={waysHref}>complain in other ways</a>.
      </p>
      <BeforeYouStart provider={provider} waysHref={waysHref} />
      <h2 id="the-form">Your complaint form</h2>
      <form
        className="complaint-form"
        method="post"
        action={intakePath(provider.slug)}
        encType="application/x-www-form-urlencoded"
        acceptCharset="utf-8"
        noValidate
        data-rules={JSON.stringify(data)}
      >
        <input type="hidden" name={FIELD.submissionId} defaultValue={value(FIELD.submissionId)} />

        <h2>About you</h2>
        <TextInput
          id={FIELD.fullName}
          label="Your full name"
          value={value(FIELD.fullName)}
          autoComplete="name"
          spellCheck={false}
          error={errorFor('full-name')}
        />
        <QuestionGroup
          id="contact"
          label="How can we contact you?"
          hint="Give at least one way. We will only use them about your complaint."
          error={errorFor('contact')}
        >
          <TextInput
            id={FIELD.email}
            label="Email address"
            type="email"
            value={value(FIELD.email)}
            autoComplete="email"
            spellCheck={false}
            error={errorFor('email')}
          />
          <TextInput
            id={FIELD.phone}
            label="Phone number"
            type="tel"
            value={value(FIELD.phone)}
            autoComplete="tel"
            widthClass="input--width-20"
            error={errorFor('phone')}
          />
          <Textarea
            id={FIELD.address}
            label="Postal address"
            rows={3}
            value={value(FIELD.address)}
            autoComplete="street-address"
            error={errorFor('address')}
          />
          <TextInput
            id={FIELD.postcode}
            label="Postcode"
            value={value(FIELD.postcode)}
            autoComplete="postal-code"
            spellCheck={false}
            widthClass="input--width-10"
            error={errorFor('postcode')}
          />
        </QuestionGroup>
        <Radios
          id={FIELD.preferredContact}
          label="How would you like us to contact you?"
          hint="Choose a way you gave above."
          value={values[FIELD.preferredContact]}
          items={itemsOf(PREFERRED_CONTACT_LABELS).map((item) => ({
            ...item,
            data: { 'data-contact-way': item.value },
          }))}
          error={errorFor('preferred-contact')}
        />

        <h2>Complaining for someone else</h2>
        <Radios
          id={FIELD.forSomeoneElse}
          label="Are you making this complaint for someone else?"
          hint={`For example, for ${provider.representatives?.examples ?? 'a family member, a friend or someone you support'}.`}
          value={values[FIELD.forSomeoneElse]}
          items={yesNo(REVEAL.forSomeoneElse)}
          inline
          error={errorFor('for-someone-else')}
        />
        <div className="conditional" id={REVEAL.forSomeoneElse}>
          <OnlyIf>Answer these only if you are making this complaint for someone else.</OnlyIf>
          {summary.representatives === undefined ? null : <p>{summary.representatives.text}</p>}
          <TextInput
            id={FIELD.theirName}
            label="Their full name"
            value={value(FIELD.theirName)}
            spellCheck={false}
            error={errorFor('their-name')}
          />
          <Radios
            id={FIELD.representativeReason}
            label="Why are you complaining for them?"
            value={values[FIELD.representativeReason]}
            items={itemsOf(REASON_LABELS, rules.reasons)}
            error={errorFor('representative-reason')}
          />
          <Consent
            provider={provider}
            checked={values[FIELD.consentConfirmed] === 'yes'}
            error={errorFor('consent-confirmed')}
          />
        </div>

        <h2>Who the complaint is from</h2>
        <Radios
          id={FIELD.role}
          label="Which of these best describes you?"
          hint={answerForThem}
          value={values[FIELD.role]}
          items={itemsOf(ROLE_LABELS)}
          error={errorFor('role')}
        />
        <Radios
          id={FIELD.under18}
          label="Are you under 18?"
          hint={summary.under18 === undefined ? answerForThem : [answerForThem, summary.under18.text]}
          value={values[FIELD.under18]}
          items={yesNo()}
          inline
          error={errorFor('under-18')}
        />

        <h2>Your complaint</h2>
        <Radios
          id={FIELD.about}
          label="What is your complaint about?"
          value={values[FIELD.about]}
          items={itemsOf(SUBJECT_LABELS)}
          error={errorFor('about')}
        />
        <TextInput
          id={FIELD.course}
          label="Course or apprenticeship"
          optional
          hint="Leave this empty if your complaint is not about a course."
          value={value(FIELD.course)}
          error={errorFor('course')}
        />
        <Textarea
          id={FIELD.whatHappened}
          label="What happened?"
          hint="Explain the problem as clearly and fully as you can: what happened, who was involved, and how it has affected you."
          rows={8}
          value={value(FIELD.whatHappened)}
          maxLength={MAX_LENGTH['what-happened']}
          error={errorFor('what-happened')}
        />
        <DateInput
          id="happened"
          label="When did it happen?"
          hint={[
            'If it is still happening, or happened more than once, enter the most recent date. If you are not sure, give your best guess.',
            ...(summary.timeLimit === undefined ? [] : [summary.timeLimit.text]),
            'For example, 16 2 2026',
          ]}
          values={{
            day: values[FIELD.happenedDay],
            month: values[FIELD.happenedMonth],
            year: values[FIELD.happenedYear],
          }}
          error={errorFor('happened')}
        />
        {limit === undefined ? null : (
          // The browser script shows it while the date typed is late.
          <div className="conditional" id={REVEAL.late} data-late-question="" hidden={!askLateReason}>
            <Textarea
              id={FIELD.lateReason}
              label="Why are you complaining now?"
              hint={`It happened more than ${limit} ago. ${provider.name} asks for complaints within ${limit}, but can still consider yours. For example, tell us if you found out about it only recently, or could not complain sooner.`}
              value={value(FIELD.lateReason)}
              maxLength={MAX_LENGTH['late-reason']}
              error={errorFor('late-reason')}
            />
          </div>
        )}
        <Radios
          id={FIELD.raisedInformally}
          label="Have you already raised this informally?"
          hint="For example, with your mentor, your tutor or the member of staff who dealt with you."
          value={values[FIELD.raisedInformally]}
          items={yesNo(REVEAL.raisedWith)}
          inline
          error={errorFor('raised-informally')}
        />
        <div className="conditional" id={REVEAL.raisedWith}>
          <OnlyIf>Answer this only if you have already raised it informally.</OnlyIf>
          <TextInput
            id={FIELD.raisedWith}
            label="Who did you raise it with?"
            hint="Their name or their role."
            value={value(FIELD.raisedWith)}
            error={errorFor('raised-with')}
          />
        </div>
        <Textarea
          id={FIELD.outcomeWanted}
          label="What would you like to happen?"
          hint="For example, an explanation, an apology, or something put right."
          value={value(FIELD.outcomeWanted)}
          maxLength={MAX_LENGTH['outcome-wanted']}
          error={errorFor('outcome-wanted')}
        />

        <h2>Support and adjustments</h2>
        <Textarea
          id={FIELD.adjustments}
          label="Do you need any support or adjustments?"
          optional
          hint={[
            'For example, if a disability or learning difficulty affects how you communicate, tell us how you would like us to contact you, or how meetings should be held.',
            ...(summary.adjustments === undefined ? [] : [summary.adjustments.text]),
          ]}
          value={value(FIELD.adjustments)}
          maxLength={MAX_LENGTH.adjustments}
          error={errorFor('adjustments')}
        />
        <Radios
          id={FIELD.preferredFormat}
          label="Do you need our replies in another format?"
          optional
          value={values[FIELD.preferredFormat]}
          items={[...itemsOf(FORMAT_LABELS), { value: '', label: 'No, the usual format is fine' }]}
          error={errorFor('preferred-format')}
        />

        <h2>What happens to your information</h2>
        <p>
          {provider.name} uses what you tell us to look into your complaint and to reply to you. It is kept
          privately, only for handling complaints, and is never published.
        </p>
        {report?.anonymised ? (
          <p>Complaints are counted in an anonymised report to the {report.recipients}.</p>
        ) : null}
        <p>
          Read the <a href="/privacy/">privacy notice</a> to find out how your information is stored and how
          long it is kept.
        </p>

        {/* Robots fill in every field; people never see this one. Hidden from screen readers and the
            Tab key too, and labelled in case a person does reach it. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor={FIELD.honeypot}>Leave this empty</label>
          <input
            id={FIELD.honeypot}
            name={FIELD.honeypot}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue={value(FIELD.honeypot)}
          />
        </div>
        <p className="visually-hidden" id="complaint-form-status" role="status" />
        <button type="submit" className="button">
          Send complaint
        </button>
      </form>
      <ErrorTemplates />
    </>
  );
}
