import { errorId } from './field-ids.ts';

/**
 * An inline error. The hidden "Error:" tells screen reader users what kind of message follows when
 * `aria-describedby` reads it out with the field. Rendered with an empty message as a template, the
 * browser script appends the message it found as text.
 */
export function ErrorMessage({ question, message }: { question: string; message: string }) {
  return (
    <p className="error-message" id={errorId(question)}>
      <span className="visually-hidden">Error:</span> {message}
    </p>
  );
}
