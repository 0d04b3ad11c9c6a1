import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage.tsx';
import { errorId, hintId } from './field-ids.ts';

/**
 * What every question has: an id (also its name), words, a hint and at most one error. Every
 * question is a `.form-group` with `data-question`; the element that carries `aria-describedby`
 * has `data-described`, and inline errors go just before `data-control` (the browser script relies
 * on these three to show and clear errors).
 */
export interface QuestionOptions {
  id: string;
  /** The question: a label or a legend. */
  label: string;
  /** Several paragraphs as several strings. */
  hint?: string | readonly string[];
  error?: string | undefined;
  /** Marks the label "(optional)": GOV.UK marks optional questions, not required ones. */
  optional?: boolean;
}

/** Extra `data-` attributes on a question or a choice, for the browser script. */
export type DataAttributes = Record<`data-${string}`, string>;

export const labelText = ({ label, optional }: QuestionOptions) => (optional ? `${label} (optional)` : label);

/** The ids that describe a control: its hint, count and error, in reading order. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}

export const hintIdOf = (options: QuestionOptions) =>
  options.hint === undefined ? undefined : hintId(options.id);

export function Hint({ id, hint }: { id: string; hint: QuestionOptions['hint'] }) {
  if (hint === undefined) return null;
  const paragraphs = typeof hint === 'string' ? [hint] : hint;
  return (
    <div className="hint" id={hintId(id)}>
      {paragraphs.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

export function FormGroup({
  question,
  error,
  data,
  children,
}: {
  question: string;
  error: string | undefined;
  data?: DataAttributes | undefined;
  children: ReactNode;
}) {
  return (
    <div
      className={error === undefined ? 'form-group' : 'form-group form-group--error'}
      data-question={question}
      {...data}
    >
      {children}
    </div>
  );
}

/** A fieldset: the legend is the question, read out with every control inside it. */
export function Fieldset({ options, children }: { options: QuestionOptions; children: ReactNode }) {
  const { id, error } = options;
  return (
    <fieldset
      className="fieldset"
      aria-describedby={describedBy(hintIdOf(options), error !== undefined && errorId(id))}
      data-described=""
    >
      <legend className="legend">{labelText(options)}</legend>
      <Hint id={id} hint={options.hint} />
      {error === undefined ? null : <ErrorMessage question={id} message={error} />}
      {children}
    </fieldset>
  );
}
