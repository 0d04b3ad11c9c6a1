import { type DataAttributes, Fieldset, FormGroup, type QuestionOptions } from './Question.tsx';

export interface RadioItem {
  value: string;
  label: string;
  /** The id of the conditional block this choice reveals (GOV.UK conditional reveal). */
  reveals?: string | undefined;
  /** Extra attributes on the item, for the browser script. */
  data?: DataAttributes;
}

export interface RadiosProps extends QuestionOptions {
  value?: string | undefined;
  items: readonly RadioItem[];
  /** Two short choices side by side, e.g. Yes and No. */
  inline?: boolean;
}

/** The first radio's id is the question's, so an error summary link lands on the first choice. */
const radioId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

export function Radios(props: RadiosProps) {
  const { id, value } = props;
  return (
    <FormGroup question={id} error={props.error}>
      <Fieldset options={props}>
        <div className={props.inline ? 'radios radios--inline' : 'radios'} data-control="">
          {props.items.map((item, index) => (
            <div className="radios__item" key={item.value} {...item.data}>
              <input
                className="radios__input"
                id={radioId(id, index)}
                name={id}
                type="radio"
                value={item.value}
                defaultChecked={value === item.value}
                // The browser script turns this into aria-controls once it can show and hide the block.
                data-aria-controls={item.reveals}
              />
              <label className="label radios__label" htmlFor={radioId(id, index)}>
                {item.label}
              </label>
            </div>
          ))}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
