import { describePeriod } from '../core/deadlines.ts';
import { escapeHtml } from '../core/html.ts';
import { summariseProcedure } from '../core/procedure-summary.ts';
import type { Provider } from '../core/provider.ts';
import {
  FIELD,
  type FieldError,
  FORMAT_LABELS,
  type FormValues,
  MAX_LENGTH,
  PREFERRED_CONTACT_LABELS,
  type Question,
  REASON_LABELS,
  ROLE_LABELS,
  representativeRulesFor,
  SUBJECT_LABELS,
} from '../core/submission-rules.ts';
import {
  type RadioItem,
  renderCheckbox,
  renderDateInput,
  renderErrorSummary,
  renderQuestionGroup,
  renderRadios,
  renderTextarea,
  renderTextInput,
} from './fields.ts';

/**
 * The complaint page's content, below the breadcrumbs: error summary, heading, what the procedure
 * does not cover, and the form. The Astro page (src/pages/[provider]/complain/index.astro) renders it
 * empty; the intake function renders it again with the values and errors of a post without
 * JavaScript and puts it into the built page with `replaceFormRegion`.
 */

/** The element that holds everything `renderComplaintForm` returns. */
export const FORM_REGION_ID = 'complaint-form-region';
/** The conditional blocks the browser script shows and hides. */
const REVEAL = {
  forSomeoneElse: 'conditional-for-someone-else',
  raisedWith: 'conditional-raised-with',
  late: 'conditional-late-reason',
} as const;

export interface ComplaintFormInput {
  provider: Provider;
  /** The posted values, as `parseSubmission` gives them back; `{}` for an empty form. */
  values: FormValues;
  errors: readonly FieldError[];
  /** Why the complaint could not be sent (e.g. the service is unavailable): shown at the top, with the values kept. */
  problem?: string;
}

/** The page title the layout is given; "Error: " goes before it when the page shows errors. */
export const complaintPageTitle = (provider: Provider) => `Make a complaint to ${provider.name}`;

const YES_NO = (reveals?: string): RadioItem[] => [
  { value: 'yes', label: 'Yes', reveals },
  { value: 'no', label: 'No' },
];

const itemsOf = <T extends string>(labels: Record<T, string>, only?: readonly T[]): RadioItem[] =>
  (only ?? (Object.keys(labels) as T[])).map((value) => ({ value, label: labels[value] }));

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;
const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

/** Shown without JavaScript, where every question is on the page: says when to answer it. */
const onlyIf = (text: string) => `<p class="only-if">${escapeHtml(text)}</p>`;

function renderConditional(id: string, body: string, { hidden = false, lateQuestion = false } = {}): string {
  return `<div class="conditional" id="${id}"${lateQuestion ? ' data-late-question' : ''}${hidden ? ' hidden' : ''}>${body}</div>`;
}

/** What the procedure does not cover, and (where the policy says) a concern against a complaint. */
function renderBeforeYouStart(provider: Provider, waysHref: string): string {
  const summary = summariseProcedure(provider);
  const sections: string[] = [];
  if (provider.exclusions.length > 0) {
    const items = provider.exclusions
      .map(
        (exclusion) =>
          `<li><strong>${escapeHtml(exclusion.description)}</strong>. Where to go instead: ${link(waysHref, exclusion.routeTo)}</li>`,
      )
      .join('');
    sections.push(
      '<h2 id="not-covered">Is your complaint about any of these?</h2>' +
        paragraph(
          `${provider.name}'s complaints procedure does not deal with them. Each has its own procedure: contact ${provider.name} to use it.`,
        ) +
        `<ul>${items}</ul>`,
    );
  }
  if (summary.concern !== undefined) {
    sections.push(
      '<h2 id="concern-or-complaint">A concern or a complaint?</h2>' +
        `<p><strong>A concern</strong>: ${escapeHtml(summary.concern.text)}</p>` +
        (summary.complaint === undefined
          ? ''
          : `<p><strong>A complaint</strong>: ${escapeHtml(summary.complaint.text)}</p>`) +
        `<p>You can raise a concern informally: see ${link(waysHref, `ways to contact ${provider.name}`)}. Use this form to make a complaint.</p>`,
    );
  }
  return sections.join('');
}

/** The consent question, in the words of the provider's rule; none when the policy asks for no consent. */
function renderConsent(provider: Provider, values: FormValues, error: string | undefined): string {
  const rules = representativeRulesFor(provider.representatives);
  const common = { id: FIELD.consentConfirmed, checked: values[FIELD.consentConfirmed] === 'yes', error };
  switch (rules.consent) {
    case 'written-confirmation':
      return renderCheckbox({
        ...common,
        label: 'Their agreement',
        hint: [
          `${provider.name} needs them to confirm in writing that you can complain for them, and will ask you for this confirmation.`,
          'You do not need to confirm this if they have died.',
        ],
        statement: 'I confirm they have agreed in writing that I can make this complaint for them',
        group: { 'data-consent-question': true },
      });
    case 'recorded-consent':
      return renderCheckbox({
        ...common,
        label: 'Their agreement',
        hint: `Only if they have agreed to you complaining for them. ${provider.name} will keep a record of their consent.`,
        statement: 'I confirm they have agreed that I can make this complaint for them',
        group: { 'data-consent-question': true },
      });
    case 'none':
      return '';
    default: {
      const unreachable: never = rules.consent;
      throw new Error(`unknown consent ${String(unreachable)}`);
    }
  }
}

/** Everything the complaint page shows below the breadcrumbs, for an empty form or one sent back with errors. */
export function renderComplaintForm({ provider, values, errors, problem }: ComplaintFormInput): string {
  const summary = summariseProcedure(provider);
  const rules = representativeRulesFor(provider.representatives);
  const errorFor = (question: Question) => errors.find((error) => error.field === question)?.message;
  const value = (field: keyof FormValues) => values[field] ?? '';
  const waysHref = `/${provider.slug}/#ways-to-complain`;
  const limit = provider.timeLimit === undefined ? undefined : describePeriod(provider.timeLimit.within);
  // Asked once the date is known to be late: by the browser as the date is typed, or by the server.
  const askLateReason = errorFor('late-reason') !== undefined || value(FIELD.lateReason).trim() !== '';

  const aboutYou =
    '<h2>About you</h2>' +
    renderTextInput({
      id: FIELD.fullName,
      label: 'Your full name',
      value: value(FIELD.fullName),
      autocomplete: 'name',
      spellcheck: false,
      error: errorFor('full-name'),
    }) +
    renderQuestionGroup(
      {
        id: 'contact',
        label: 'How can we contact you?',
        hint: 'Give at least one way. We will only use them about your complaint.',
        error: errorFor('contact'),
      },
      renderTextInput({
        id: FIELD.email,
        label: 'Email address',
        type: 'email',
        value: value(FIELD.email),
        autocomplete: 'email',
        spellcheck: false,
        error: errorFor('email'),
      }) +
        renderTextInput({
          id: FIELD.phone,
          label: 'Phone number',
          type: 'tel',
          value: value(FIELD.phone),
          autocomplete: 'tel',
          widthClass: 'input--width-20',
          error: errorFor('phone'),
        }) +
        renderTextarea({
          id: FIELD.address,
          label: 'Postal address',
          rows: 3,
          value: value(FIELD.address),
          autocomplete: 'street-address',
          error: errorFor('address'),
        }) +
        renderTextInput({
          id: FIELD.postcode,
          label: 'Postcode',
          value: value(FIELD.postcode),
          autocomplete: 'postal-code',
          spellcheck: false,
          widthClass: 'input--width-10',
          error: errorFor('postcode'),
        }),
    ) +
    renderRadios({
      id: FIELD.preferredContact,
      label: 'How would you like us to contact you?',
      hint: 'Choose a way you gave above.',
      value: values[FIELD.preferredContact],
      items: itemsOf(PREFERRED_CONTACT_LABELS).map((item) => ({
        ...item,
        item: { 'data-contact-way': item.value },
      })),
      error: errorFor('preferred-contact'),
    });

  const representativeExamples = provider.representatives?.examples;
  const forSomeoneElse =
    '<h2>Complaining for someone else</h2>' +
    renderRadios({
      id: FIELD.forSomeoneElse,
      label: 'Are you making this complaint for someone else?',
      hint: `For example, for ${representativeExamples ?? 'a family member, a friend or someone you support'}.`,
      value: values[FIELD.forSomeoneElse],
      items: YES_NO(REVEAL.forSomeoneElse),
      inline: true,
      error: errorFor('for-someone-else'),
    }) +
    renderConditional(
      REVEAL.forSomeoneElse,
      onlyIf('Answer these only if you are making this complaint for someone else.') +
        (summary.representatives === undefined ? '' : paragraph(summary.representatives.text)) +
        renderTextInput({
          id: FIELD.theirName,
          label: 'Their full name',
          value: value(FIELD.theirName),
          spellcheck: false,
          error: errorFor('their-name'),
        }) +
        renderRadios({
          id: FIELD.representativeReason,
          label: 'Why are you complaining for them?',
          value: values[FIELD.representativeReason],
          items: itemsOf(REASON_LABELS, rules.reasons),
          error: errorFor('representative-reason'),
        }) +
        renderConsent(provider, values, errorFor('consent-confirmed')),
    );

  const answerForThem = 'If you are complaining for someone else, answer for them.';
  const whoIsComplaining =
    '<h2>Who the complaint is from</h2>' +
    renderRadios({
      id: FIELD.role,
      label: 'Which of these best describes you?',
      hint: answerForThem,
      value: values[FIELD.role],
      items: itemsOf(ROLE_LABELS),
      error: errorFor('role'),
    }) +
    renderRadios({
      id: FIELD.under18,
      label: 'Are you under 18?',
      hint: summary.under18 === undefined ? answerForThem : [answerForThem, summary.under18.text],
      value: values[FIELD.under18],
      items: YES_NO(),
      inline: true,
      error: errorFor('under-18'),
    });

  const lateQuestion =
    limit === undefined
      ? ''
      : renderConditional(
          REVEAL.late,
          renderTextarea({
            id: FIELD.lateReason,
            label: 'Why are you complaining now?',
            hint: `It happened more than ${limit} ago. ${provider.name} asks for complaints within ${limit}, but can still consider yours. For example, tell us if you found out about it only recently, or could not complain sooner.`,
            value: value(FIELD.lateReason),
            maxLength: MAX_LENGTH['late-reason'],
            error: errorFor('late-reason'),
          }),
          // The browser script shows it while the date typed is late.
          { hidden: !askLateReason, lateQuestion: true },
        );

  const complaint =
    '<h2>Your complaint</h2>' +
    renderRadios({
      id: FIELD.about,
      label: 'What is your complaint about?',
      value: values[FIELD.about],
      items: itemsOf(SUBJECT_LABELS),
      error: errorFor('about'),
    }) +
    renderTextInput({
      id: FIELD.course,
      label: 'Course or apprenticeship',
      optional: true,
      hint: 'Leave this empty if your complaint is not about a course.',
      value: value(FIELD.course),
      error: errorFor('course'),
    }) +
    renderTextarea({
      id: FIELD.whatHappened,
      label: 'What happened?',
      hint: 'Explain the problem as clearly and fully as you can: what happened, who was involved, and how it has affected you.',
      rows: 8,
      value: value(FIELD.whatHappened),
      maxLength: MAX_LENGTH['what-happened'],
      error: errorFor('what-happened'),
    }) +
    renderDateInput({
      id: 'happened',
      label: 'When did it happen?',
      hint: [
        'If it is still happening, or happened more than once, enter the most recent date. If you are not sure, give your best guess.',
        ...(summary.timeLimit === undefined ? [] : [summary.timeLimit.text]),
        'For example, 16 2 2026',
      ],
      values: {
        day: values[FIELD.happenedDay],
        month: values[FIELD.happenedMonth],
        year: values[FIELD.happenedYear],
      },
      error: errorFor('happened'),
    }) +
    lateQuestion +
    renderRadios({
      id: FIELD.raisedInformally,
      label: 'Have you already raised this informally?',
      hint: 'For example, with your mentor, your tutor or the member of staff who dealt with you.',
      value: values[FIELD.raisedInformally],
      items: YES_NO(REVEAL.raisedWith),
      inline: true,
      error: errorFor('raised-informally'),
    }) +
    renderConditional(
      REVEAL.raisedWith,
      onlyIf('Answer this only if you have already raised it informally.') +
        renderTextInput({
          id: FIELD.raisedWith,
          label: 'Who did you raise it with?',
          hint: 'Their name or their role.',
          value: value(FIELD.raisedWith),
          error: errorFor('raised-with'),
        }),
    ) +
    renderTextarea({
      id: FIELD.outcomeWanted,
      label: 'What would you like to happen?',
      hint: 'For example, an explanation, an apology, or something put right.',
      value: value(FIELD.outcomeWanted),
      maxLength: MAX_LENGTH['outcome-wanted'],
      error: errorFor('outcome-wanted'),
    });

  const adjustments =
    '<h2>Support and adjustments</h2>' +
    renderTextarea({
      id: FIELD.adjustments,
      label: 'Do you need any support or adjustments?',
      optional: true,
      hint: [
        'For example, if a disability or learning difficulty affects how you communicate, tell us how you would like us to contact you, or how meetings should be held.',
        ...(summary.adjustments === undefined ? [] : [summary.adjustments.text]),
      ],
      value: value(FIELD.adjustments),
      maxLength: MAX_LENGTH.adjustments,
      error: errorFor('adjustments'),
    }) +
    renderRadios({
      id: FIELD.preferredFormat,
      label: 'Do you need our replies in another format?',
      optional: true,
      value: values[FIELD.preferredFormat],
      items: [...itemsOf(FORMAT_LABELS), { value: '', label: 'No, the usual format is fine' }],
      error: errorFor('preferred-format'),
    });

  const report = provider.report;
  const privacy =
    '<h2>What happens to your information</h2>' +
    paragraph(
      `${provider.name} uses what you tell us to look into your complaint and to reply to you. It is kept privately, only for handling complaints, and is never published.`,
    ) +
    (report?.anonymised
      ? paragraph(`Complaints are counted in an anonymised report to the ${report.recipients}.`)
      : '') +
    `<p>Read the ${link('/privacy/', 'privacy notice')} to find out how your information is stored and how long it is kept.</p>`;

  // Robots fill in every field; people never see this one. Hidden from screen readers and the Tab
  // key too, and labelled in case a person does reach it.
  const honeypot = `<div class="honeypot" aria-hidden="true"><label for="${FIELD.honeypot}">Leave this empty</label><input id="${FIELD.honeypot}" name="${FIELD.honeypot}" type="text" tabindex="-1" autocomplete="off" value="${escapeHtml(value(FIELD.honeypot))}"></div>`;

  // The browser script shows this when sending fails; the server shows it with its own words.
  const sendProblem =
    `<div class="panel warning send-problem" id="send-problem" tabindex="-1"${problem === undefined ? ' hidden' : ' autofocus'}>` +
    '<h2>Your complaint has not been sent</h2>' +
    (problem === undefined
      ? `<p>We could not reach ${escapeHtml(provider.name)}'s complaints service. Everything you entered is still here: try sending it again in a few minutes, or ${link(waysHref, 'complain another way')}.</p>`
      : paragraph(problem)) +
    '</div>';

  const formRules = JSON.stringify({
    representatives: rules,
    ...(provider.timeLimit && { timeLimit: provider.timeLimit.within }),
  });

  const form =
    `<form class="complaint-form" method="post" action="/api/complaints/${escapeHtml(provider.slug)}" enctype="application/x-www-form-urlencoded" accept-charset="utf-8" novalidate data-rules="${escapeHtml(formRules)}">` +
    `<input type="hidden" name="${FIELD.submissionId}" value="${escapeHtml(value(FIELD.submissionId))}">` +
    aboutYou +
    forSomeoneElse +
    whoIsComplaining +
    complaint +
    adjustments +
    privacy +
    honeypot +
    '<p class="visually-hidden" id="complaint-form-status" role="status"></p>' +
    '<button type="submit" class="button">Send complaint</button>' +
    '</form>';

  return (
    `<div id="${FORM_REGION_ID}">` +
    (errors.length > 0 ? renderErrorSummary(errors) : '') +
    sendProblem +
    `<h1>${escapeHtml(complaintPageTitle(provider))}</h1>` +
    `<p class="lede">Use this form to complain to ${escapeHtml(provider.name)}. You can also ${link(waysHref, 'complain in other ways')}.</p>` +
    renderBeforeYouStart(provider, waysHref) +
    '<h2 id="the-form">Your complaint form</h2>' +
    form +
    '</div>'
  );
}
