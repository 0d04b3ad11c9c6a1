import { londonDate } from '../../core/calendar.ts';
import {
  checkHappened,
  checkSubmission,
  countCharacters,
  FIELD,
  FIELD_NAMES,
  type FieldError,
  type FormValues,
  needsConsent,
  type PreferredContact,
  QUESTIONS,
  type Question,
  type SubmissionRules,
} from '../../core/submission-rules.ts';
import { countId, errorId, TEMPLATE_ID } from '../fields/field-ids.ts';
import { browserRules, type ComplaintFormData } from './form-data.ts';

/**
 * Progressive enhancement of the complaint form. Without it the form works in full (every question
 * shows, marked "Only if…", and the server checks the answers); with it, questions show only when
 * they apply, answers are checked as you go with the server's own rules (src/core/submission-rules.ts,
 * without zod so this stays small), and the complaint is sent without losing the page. Errors are
 * shown with clones of the page's own templates (ComplaintForm.tsx), so they are the server's markup.
 */

/**
 * What the intake function answers a post sent with `Accept: application/json`: 422 with `errors`
 * (as `parseSubmission` gives them), 200 or 201 with `confirmationUrl`, anything else with `error`.
 */
interface SentReply {
  confirmationUrl?: string;
  errors?: FieldError[];
  error?: string;
}

const ERROR_PREFIX = 'Error: ';

/** A fresh idempotency key, so sending twice (a double click, a retry) makes one complaint. */
function createSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function enhanceComplaintForm(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('form.complaint-form');
  if (form === null) return;
  const formElement: HTMLFormElement = form;
  const main = formElement.closest('main');
  const data = JSON.parse(formElement.dataset.rules ?? '{}') as ComplaintFormData;
  const formRules = data.rules;
  const baseTitle = doc.title.startsWith(ERROR_PREFIX) ? doc.title.slice(ERROR_PREFIX.length) : doc.title;
  const status = doc.getElementById('complaint-form-status');
  const problem = doc.getElementById('send-problem');
  const touched = new Set<Question>();
  /** Errors only the server can find (e.g. with the holiday calendar), kept until their answer changes. */
  let serverErrors: FieldError[] = [];
  let sending = false;

  formElement.classList.add('is-enhanced');
  // GOV.UK's conditional reveal: the choice controls the block it shows. (Not aria-expanded as well:
  // ARIA does not allow it on a radio, and screen readers read the revealed questions in order anyway.)
  for (const radio of formElement.querySelectorAll<HTMLInputElement>('input[data-aria-controls]')) {
    radio.setAttribute('aria-controls', radio.dataset.ariaControls ?? '');
  }
  // Errors the server sent back stay checked as they are corrected.
  for (const group of formElement.querySelectorAll<HTMLElement>('.form-group--error[data-question]')) {
    touched.add(group.dataset.question as Question);
  }
  const idInput = formElement.elements.namedItem(FIELD.submissionId);
  if (idInput instanceof HTMLInputElement && idInput.value === '') idInput.value = createSubmissionId();

  function readValues(): FormValues {
    const values: FormValues = {};
    const posted = new FormData(formElement);
    for (const name of FIELD_NAMES) {
      const value = posted.get(name);
      if (typeof value === 'string') values[name] = value;
    }
    return values;
  }

  // Today in Europe/London, whatever the device's time zone, as the server counts it.
  const rules = (): SubmissionRules => browserRules(data, londonDate(new Date()));

  const groupOf = (question: string) =>
    formElement.querySelector<HTMLElement>(`.form-group[data-question="${question}"]`);
  const show = (element: HTMLElement | null, visible: boolean) => {
    if (element !== null) element.hidden = !visible;
  };
  /** A copy of the first element of one of the page's templates. */
  const cloneTemplate = (id: string): HTMLElement => {
    const template = doc.getElementById(id);
    const element = template instanceof HTMLTemplateElement ? template.content.firstElementChild : null;
    if (!(element instanceof HTMLElement)) throw new Error(`the page has no template #${id}`);
    return element.cloneNode(true) as HTMLElement;
  };

  /** Shows or clears one question's inline error, keeping `aria-describedby` in step. */
  function setInlineError(question: string, message: string | undefined): void {
    const group = groupOf(question);
    if (group === null) return;
    const id = errorId(question);
    group.querySelector(`#${id}`)?.remove();
    group.classList.toggle('form-group--error', message !== undefined);
    const described = group.querySelector<HTMLElement>('[data-described]');
    if (described !== null) {
      const ids = (described.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .filter((token) => token && token !== id);
      if (message !== undefined) ids.push(id);
      if (ids.length > 0) described.setAttribute('aria-describedby', ids.join(' '));
      else described.removeAttribute('aria-describedby');
    }
    for (const input of group.querySelectorAll<HTMLElement>('.input, .textarea')) {
      if (input.closest('.form-group') !== group) continue;
      input.classList.toggle(
        input.classList.contains('textarea') ? 'textarea--error' : 'input--error',
        message !== undefined,
      );
    }
    if (message !== undefined) {
      const error = cloneTemplate(TEMPLATE_ID.errorMessage);
      error.id = id;
      error.append(message);
      group.querySelector('[data-control]')?.before(error);
    }
  }

  function showInlineErrors(errors: readonly FieldError[], questions: Iterable<Question>): void {
    for (const question of questions)
      setInlineError(question, errors.find((error) => error.field === question)?.message);
  }

  /** After sending: every error inline and in the summary, which takes focus so it is read first. */
  function showAllErrors(errors: readonly FieldError[]): void {
    for (const question of QUESTIONS) touched.add(question);
    showInlineErrors(errors, QUESTIONS);
    doc.getElementById('error-summary')?.remove();
    if (errors.length === 0) {
      doc.title = baseTitle;
      return;
    }
    const summary = cloneTemplate(TEMPLATE_ID.errorSummary);
    for (const { inputId, message } of errors) {
      const item = cloneTemplate(TEMPLATE_ID.errorSummaryItem);
      const link = item.querySelector('a');
      link?.setAttribute('href', `#${inputId}`);
      link?.append(message);
      summary.querySelector('ul')?.append(item);
    }
    main?.prepend(summary);
    doc.title = ERROR_PREFIX + baseTitle;
    summary.focus();
  }

  /** Shows and hides what depends on other answers. */
  function syncQuestions(): void {
    const values = readValues();
    for (const radio of formElement.querySelectorAll<HTMLInputElement>('input[data-aria-controls]')) {
      show(doc.getElementById(radio.dataset.ariaControls ?? ''), radio.checked);
    }
    const reason = values[FIELD.representativeReason];
    show(
      formElement.querySelector('[data-consent-question]'),
      needsConsent(
        formRules.representatives,
        formRules.representatives.reasons.find((candidate) => candidate === reason),
      ),
    );
    // Offer only the ways to be contacted that were given; with one or none there is nothing to choose.
    const given: Record<PreferredContact, boolean> = {
      email: (values[FIELD.email] ?? '').trim() !== '',
      telephone: (values[FIELD.phone] ?? '').trim() !== '',
      post: (values[FIELD.address] ?? '').trim() !== '' || (values[FIELD.postcode] ?? '').trim() !== '',
    };
    for (const item of formElement.querySelectorAll<HTMLElement>('[data-contact-way]')) {
      const way = item.dataset.contactWay as PreferredContact;
      item.hidden = !given[way];
      const radio = item.querySelector('input');
      if (item.hidden && radio !== null) radio.checked = false;
    }
    show(groupOf(FIELD.preferredContact), Object.values(given).filter(Boolean).length > 1);
    const late = formElement.querySelector<HTMLElement>('[data-late-question]');
    if (late !== null) {
      const { today, isLate } = rules();
      const happened = checkHappened(values, today);
      const wasHidden = late.hidden;
      late.hidden = !(happened.ok && isLate(happened.date));
      if (wasHidden && !late.hidden && status !== null) {
        status.textContent = 'A new question has appeared below the date: Why are you complaining now?';
      }
    }
  }

  function checkAsYouGo(): void {
    const result = checkSubmission(readValues(), rules());
    const found = result.ok ? [] : result.errors;
    const fromServer = serverErrors.filter((error) => !found.some((mine) => mine.field === error.field));
    showInlineErrors([...found, ...fromServer], touched);
  }

  /** An answer being changed settles what the server said about it. */
  function forgetServerErrors(event: Event): void {
    let group = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-question]') : null;
    while (group !== null) {
      const question = group.dataset.question;
      serverErrors = serverErrors.filter((error) => error.field !== question);
      group = group.parentElement?.closest<HTMLElement>('[data-question]') ?? null;
    }
  }

  formElement.addEventListener('change', (event) => {
    forgetServerErrors(event);
    syncQuestions();
    checkAsYouGo();
  });
  formElement.addEventListener('input', (event) => {
    forgetServerErrors(event);
    syncQuestions();
  });
  // A question is checked once focus leaves it, so nobody is told off while still typing.
  formElement.addEventListener('focusout', (event) => {
    const next = event.relatedTarget instanceof Node ? event.relatedTarget : null;
    let group = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-question]') : null;
    while (group !== null) {
      if (next === null || !group.contains(next)) touched.add(group.dataset.question as Question);
      group = group.parentElement?.closest<HTMLElement>('[data-question]') ?? null;
    }
    checkAsYouGo();
  });

  // Error summary links move focus to the answer and scroll its question into view.
  main?.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('.error-summary a') : null;
    const input = link === null ? null : doc.getElementById((link.getAttribute('href') ?? '').slice(1));
    if (input === null) return;
    event.preventDefault();
    const question =
      input.closest('fieldset')?.querySelector('legend') ?? doc.querySelector(`label[for="${input.id}"]`);
    (question ?? input).scrollIntoView();
    input.focus({ preventScroll: true });
  });

  for (const textarea of formElement.querySelectorAll<HTMLTextAreaElement>('textarea[data-maxlength]')) {
    const max = Number(textarea.dataset.maxlength);
    const info = doc.getElementById(countId(textarea.id));
    // Screen readers hear the count when typing pauses, not at every key.
    const live = doc.createElement('div');
    live.className = 'visually-hidden';
    live.setAttribute('aria-live', 'polite');
    info?.after(live);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const left = max - countCharacters(textarea.value);
      const count = Math.abs(left).toLocaleString('en-GB');
      const noun = Math.abs(left) === 1 ? 'character' : 'characters';
      const text = left >= 0 ? `You have ${count} ${noun} remaining` : `You have ${count} ${noun} too many`;
      if (info !== null) {
        info.textContent = text;
        info.classList.toggle('character-count--over', left < 0);
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        live.textContent = text;
      }, 1000);
    };
    textarea.addEventListener('input', update);
    if (textarea.value !== '') update();
  }

  function showProblem(message?: string): void {
    if (problem === null) return;
    const text = problem.querySelector('p');
    if (message !== undefined && text !== null) text.textContent = message;
    problem.hidden = false;
    problem.focus();
  }

  formElement.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    const result = checkSubmission(readValues(), rules());
    if (!result.ok) {
      showAllErrors(result.errors);
      return;
    }
    serverErrors = [];
    showAllErrors([]);
    if (problem !== null) problem.hidden = true;
    sending = true;
    const button = formElement.querySelector('button[type="submit"]');
    button?.setAttribute('aria-disabled', 'true');
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(formElement))
      if (typeof value === 'string') body.append(name, value);
    try {
      const response = await fetch(formElement.action, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      const reply = (await response.json().catch(() => ({}))) as SentReply;
      if (response.status === 422 && reply.errors !== undefined) {
        serverErrors = reply.errors;
        showAllErrors(reply.errors);
      } else if (response.ok && reply.confirmationUrl !== undefined)
        window.location.assign(reply.confirmationUrl);
      else showProblem(reply.error);
    } catch {
      // Offline or the server did not answer: nothing was lost, everything typed is still in the form.
      showProblem();
    } finally {
      sending = false;
      button?.removeAttribute('aria-disabled');
    }
  });

  syncQuestions();
}
