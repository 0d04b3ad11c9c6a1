import { escapeHtml } from '../core/html.ts';

/**
 * GOV.UK Design System form fields as HTML strings. Pure and dependency-free: the server renders
 * the form with them, and the browser script rebuilds error messages and the error summary with the
 * same functions, so there is one source of markup.
 *
 * Every question is a `.form-group` with `data-question`; the element that carries
 * `aria-describedby` has `data-described`, and inline errors go just before `data-control`.
 */

type AttributeValue = string | boolean | undefined;

/** ` name="value"` pairs; `true` writes the bare attribute, `false` and `undefined` leave it out. */
function renderAttributes(attributes: Record<string, AttributeValue>): string {
  return Object.entries(attributes)
    .map(([name, value]) => {
      if (value === undefined || value === false) return '';
      return value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
    })
    .join('');
}

const hintId = (id: string) => `${id}-hint`;
export const errorId = (question: string) => `${question}-error`;

/** The ids that describe a control: its hint and its error, in reading order. */
function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

/**
 * An inline error. The hidden "Error:" tells screen reader users what kind of message follows when
 * `aria-describedby` reads it out with the field.
 */
export function renderErrorMessage(question: string, message: string): string {
  return `<p class="error-message" id="${errorId(question)}"><span class="visually-hidden">Error:</span> ${escapeHtml(message)}</p>`;
}

/**
 * The error summary at the top of the page. `role="alert"` announces it; `tabindex="-1"` lets it
 * take focus (the browser script focuses it, and `autofocus` does so when the server returns the
 * page without JavaScript), so a screen reader starts reading at the list of problems.
 */
export function renderErrorSummary(errors: readonly { inputId: string; message: string }[]): string {
  const items = errors
    .map((error) => `<li><a href="#${escapeHtml(error.inputId)}">${escapeHtml(error.message)}</a></li>`)
    .join('');
  return (
    '<div class="error-summary" id="error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1" autofocus>' +
    '<h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>' +
    `<ul class="error-summary__list">${items}</ul></div>`
  );
}

/** What every question has: an id (also its name), words, a hint and at most one error. */
interface QuestionOptions {
  id: string;
  /** The question: a label or a legend. Plain text. */
  label: string;
  /** Plain text; several paragraphs as several strings. */
  hint?: string | readonly string[];
  error?: string;
  /** Marks the label "(optional)": GOV.UK marks optional questions, not required ones. */
  optional?: boolean;
}

function renderHint(id: string, hint: string | readonly string[] | undefined): string {
  if (hint === undefined) return '';
  const paragraphs = typeof hint === 'string' ? [hint] : hint;
  return `<div class="hint" id="${hintId(id)}">${paragraphs.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`;
}

const labelText = ({ label, optional }: QuestionOptions) =>
  escapeHtml(optional ? `${label} (optional)` : label);

function renderGroup(
  question: string,
  error: string | undefined,
  body: string,
  extra: Record<string, AttributeValue> = {},
) {
  const className = error === undefined ? 'form-group' : 'form-group form-group--error';
  return `<div${renderAttributes({ class: className, 'data-question': question, ...extra })}>${body}</div>`;
}

export interface TextInputOptions extends QuestionOptions {
  value?: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  /** Names and addresses are not words: no red underlines. */
  spellcheck?: false;
  /** A width class for short answers, e.g. `input--width-10` for a postcode. */
  widthClass?: string;
  /** Extra attributes on the group, e.g. for the browser script. */
  group?: Record<string, AttributeValue>;
}

export function renderTextInput(options: TextInputOptions): string {
  const { id, value = '', type = 'text', error } = options;
  const hint = options.hint === undefined ? undefined : hintId(id);
  const input = `<input${renderAttributes({
    class: ['input', options.widthClass, error !== undefined && 'input--error'].filter(Boolean).join(' '),
    id,
    name: id,
    type,
    value,
    autocomplete: options.autocomplete,
    spellcheck: options.spellcheck === false ? 'false' : undefined,
    'aria-describedby': describedBy(hint, error !== undefined && errorId(id)),
    'data-described': true,
    'data-control': true,
  })}>`;
  return renderGroup(
    id,
    error,
    `<label class="label" for="${escapeHtml(id)}">${labelText(options)}</label>${renderHint(id, options.hint)}${
      error === undefined ? '' : renderErrorMessage(id, error)
    }${input}`,
    options.group,
  );
}

export interface TextareaOptions extends QuestionOptions {
  value?: string;
  rows?: number;
  autocomplete?: string;
  /** Shows a character count (a hint without JavaScript, a live count with it). */
  maxLength?: number;
  group?: Record<string, AttributeValue>;
}

export const countId = (id: string) => `${id}-info`;

export function renderTextarea(options: TextareaOptions): string {
  const { id, value = '', rows = 5, error, maxLength } = options;
  const hint = options.hint === undefined ? undefined : hintId(id);
  // The newline after the opening tag is eaten by the HTML parser, so an answer that starts with
  // a line break keeps it when the form is shown again.
  const textarea = `<textarea${renderAttributes({
    class: error === undefined ? 'textarea' : 'textarea textarea--error',
    id,
    name: id,
    rows: String(rows),
    autocomplete: options.autocomplete,
    'aria-describedby': describedBy(
      hint,
      maxLength !== undefined && countId(id),
      error !== undefined && errorId(id),
    ),
    'data-described': true,
    'data-control': true,
    'data-maxlength': maxLength === undefined ? undefined : String(maxLength),
  })}>\n${escapeHtml(value)}</textarea>`;
  const count =
    maxLength === undefined
      ? ''
      : `<div class="hint character-count" id="${countId(id)}">You can enter up to ${maxLength.toLocaleString('en-GB')} characters</div>`;
  return renderGroup(
    id,
    error,
    `<label class="label" for="${escapeHtml(id)}">${labelText(options)}</label>${renderHint(id, options.hint)}${
      error === undefined ? '' : renderErrorMessage(id, error)
    }${textarea}${count}`,
    options.group,
  );
}

/** A fieldset: the legend is the question, read out with every control inside it. */
function renderFieldset(options: QuestionOptions, question: string, controls: string): string {
  const { id, error } = options;
  const hint = options.hint === undefined ? undefined : hintId(id);
  return `<fieldset${renderAttributes({
    class: 'fieldset',
    'aria-describedby': describedBy(hint, error !== undefined && errorId(question)),
    'data-described': true,
  })}><legend class="legend">${labelText(options)}</legend>${renderHint(id, options.hint)}${
    error === undefined ? '' : renderErrorMessage(question, error)
  }${controls}</fieldset>`;
}

export interface RadioItem {
  value: string;
  label: string;
  /** The id of the conditional block this choice reveals (GOV.UK conditional reveal). */
  reveals?: string;
  /** Extra attributes on the item, e.g. for the browser script. */
  item?: Record<string, AttributeValue>;
}

export interface RadiosOptions extends QuestionOptions {
  value?: string;
  items: readonly RadioItem[];
  /** Two short choices side by side, e.g. Yes and No. */
  inline?: boolean;
  group?: Record<string, AttributeValue>;
}

/** The first radio's id is the question's, so an error summary link lands on the first choice. */
const radioId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

export function renderRadios(options: RadiosOptions): string {
  const { id, value } = options;
  const items = options.items
    .map((item, index) => {
      const inputId = radioId(id, index);
      const input = `<input${renderAttributes({
        class: 'radios__input',
        id: inputId,
        name: id,
        type: 'radio',
        value: item.value,
        checked: value === item.value,
        // The browser script turns this into aria-controls once it can show and hide the block.
        'data-aria-controls': item.reveals,
      })}>`;
      return `<div${renderAttributes({ class: 'radios__item', ...item.item })}>${input}<label class="label radios__label" for="${escapeHtml(inputId)}">${escapeHtml(item.label)}</label></div>`;
    })
    .join('');
  const className = options.inline ? 'radios radios--inline' : 'radios';
  return renderGroup(
    id,
    options.error,
    renderFieldset(options, id, `<div class="${className}" data-control>${items}</div>`),
    options.group,
  );
}

export interface CheckboxOptions extends QuestionOptions {
  /** The statement a tick confirms. */
  statement: string;
  checked: boolean;
  group?: Record<string, AttributeValue>;
}

/** One checkbox in a fieldset, posted as `yes` when ticked. */
export function renderCheckbox(options: CheckboxOptions): string {
  const { id } = options;
  const input = `<input${renderAttributes({ class: 'checkboxes__input', id, name: id, type: 'checkbox', value: 'yes', checked: options.checked })}>`;
  return renderGroup(
    id,
    options.error,
    renderFieldset(
      options,
      id,
      `<div class="checkboxes" data-control><div class="checkboxes__item">${input}<label class="label checkboxes__label" for="${escapeHtml(id)}">${escapeHtml(options.statement)}</label></div></div>`,
    ),
    options.group,
  );
}

export interface DateInputOptions extends QuestionOptions {
  /** The posted values, by part. */
  values: { day?: string; month?: string; year?: string };
}

/**
 * Day, month and year boxes (GOV.UK date input). Named `<id>-day` and so on; `inputmode="numeric"`
 * brings up the number keyboard on phones without the problems of `type="number"`.
 */
export function renderDateInput(options: DateInputOptions): string {
  const { id, error } = options;
  const parts = [
    ['day', 'Day', 'input--width-2'],
    ['month', 'Month', 'input--width-2'],
    ['year', 'Year', 'input--width-4'],
  ] as const;
  const inputs = parts
    .map(([part, label, width]) => {
      const inputId = `${id}-${part}`;
      return `<div class="date-input__item"><label class="label date-input__label" for="${inputId}">${label}</label><input${renderAttributes(
        {
          class: ['input', 'date-input__input', width, error !== undefined && 'input--error']
            .filter(Boolean)
            .join(' '),
          id: inputId,
          name: inputId,
          type: 'text',
          inputmode: 'numeric',
          value: options.values[part] ?? '',
        },
      )}></div>`;
    })
    .join('');
  return renderGroup(
    id,
    error,
    renderFieldset(options, id, `<div class="date-input" data-control>${inputs}</div>`),
  );
}

/** A group of questions under one legend, e.g. the ways to contact someone, with its own error. */
export function renderQuestionGroup(options: QuestionOptions, questions: string): string {
  return renderGroup(
    options.id,
    options.error,
    renderFieldset(options, options.id, `<div data-control>${questions}</div>`),
  );
}
