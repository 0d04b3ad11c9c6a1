import { type DataAttributes, Fieldset, FormGroup, type QuestionOptions } from './Question.tsx';

export interface CheckboxProps extends QuestionOptions {
  /** The statement a tick confirms. */
  statement: string;
  checked: boolean;
  /** Extra attributes on the question, for the browser script. */
  data?: DataAttributes;
}

/** One checkbox in a fieldset, posted as `yes` when ticked. */
export function Checkbox(props: CheckboxProps) {
  const { id } = props;
  return (
    <FormGroup question={id} error={props.error} data={props.data}>
      <Fieldset options={props}>
        <div className="checkboxes" data-control="">
          <div className="checkboxes__item">
            <input
              className="checkboxes__input"
              id={id}
              name={id}
              type="checkbox"
              value="yes"
              defaultChecked={props.checked}
            />
            <label className="label checkboxes__label" htmlFor={id}>
              {props.statement}
            </label>
          </div>
        </div>
      </Fieldset>
    </FormGroup>
  );
}
