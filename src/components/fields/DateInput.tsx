import { Fieldset, FormGroup, type QuestionOptions } from './Question.tsx';

export interface DateInputProps extends QuestionOptions {
  /** The posted values, by part. */
  values: { day?: string | undefined; month?: string | undefined; year?: string | undefined };
}

const PARTS = [
  ['day', 'Day', 'input--width-2'],
  ['month', 'Month', 'input--width-2'],
  ['year', 'Year', 'input--width-4'],
] as const;

/**
 * Day, month and year boxes (GOV.UK date input). Named `<id>-day` and so on; `inputmode="numeric"`
 * brings up the number keyboard on phones without the problems of `type="number"`.
 */
export function DateInput(props: DateInputProps) {
  const { id, error } = props;
  return (
    <FormGroup question={id} error={error}>
      <Fieldset options={props}>
        <div className="date-input" data-control="">
          {PARTS.map(([part, label, width]) => (
            <div className="date-input__item" key={part}>
              <label className="label date-input__label" htmlFor={`${id}-${part}`}>
                {label}
              </label>
              <input
                className={['input', 'date-input__input', width, error !== undefined && 'input--error']
                  .filter(Boolean)
                  .join(' ')}
                id={`${id}-${part}`}
                name={`${id}-${part}`}
                type="text"
                inputMode="numeric"
                defaultValue={props.values[part] ?? ''}
              />
            </div>
          ))}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
