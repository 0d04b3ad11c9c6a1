import { ErrorMessage } from './ErrorMessage.tsx';
import { errorId } from './field-ids.ts';
import { describedBy, FormGroup, Hint, hintIdOf, labelText, type QuestionOptions } from './Question.tsx';

export interface TextInputProps extends QuestionOptions {
  value?: string | undefined;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  /** Names and addresses are not words: no red underlines. */
  spellCheck?: false;
  /** A width class for short answers, e.g. `input--width-10` for a postcode. */
  widthClass?: string;
}

export function TextInput(props: TextInputProps) {
  const { id, value = '', type = 'text', error } = props;
  return (
    <FormGroup question={id} error={error}>
      <label className="label" htmlFor={id}>
        {labelText(props)}
      </label>
      <Hint id={id} hint={props.hint} />
      {error === undefined ? null : <ErrorMessage question={id} message={error} />}
      <input
        className={['input', props.widthClass, error !== undefined && 'input--error']
          .filter(Boolean)
          .join(' ')}
        id={id}
        name={id}
        type={type}
        defaultValue={value}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck}
        aria-describedby={describedBy(hintIdOf(props), error !== undefined && errorId(id))}
        data-described=""
        data-control=""
      />
    </FormGroup>
  );
}
