import { ErrorMessage } from './ErrorMessage.tsx';
import { countId, errorId } from './field-ids.ts';
import { describedBy, FormGroup, Hint, hintIdOf, labelText, type QuestionOptions } from './Question.tsx';

export interface TextareaProps extends QuestionOptions {
  value?: string | undefined;
  rows?: number;
  autoComplete?: string;
  /** Shows a character count (a hint without JavaScript, a live count with it). */
  maxLength?: number;
}

/**
 * A textarea. React writes a newline after `<textarea>` when the answer starts with one, because the
 * HTML parser drops the first: an answer that starts with a line break keeps it when shown again.
 */
export function Textarea(props: TextareaProps) {
  const { id, value = '', rows = 5, error, maxLength } = props;
  return (
    <FormGroup question={id} error={error}>
      <label className="label" htmlFor={id}>
        {labelText(props)}
      </label>
      <Hint id={id} hint={props.hint} />
      {error === undefined ? null : <ErrorMessage question={id} message={error} />}
      <textarea
        className={error === undefined ? 'textarea' : 'textarea textarea--error'}
        id={id}
        name={id}
        rows={rows}
        defaultValue={value}
        autoComplete={props.autoComplete}
        aria-describedby={describedBy(
          hintIdOf(props),
          maxLength !== undefined && countId(id),
          error !== undefined && errorId(id),
        )}
        data-described=""
        data-control=""
        data-maxlength={maxLength}
      />
      {maxLength === undefined ? null : (
        <div className="hint character-count" id={countId(id)}>
          You can enter up to {maxLength.toLocaleString('en-GB')} characters
        </div>
      )}
    </FormGroup>
  );
}
