import type { ReactNode } from 'react';
import { Fieldset, FormGroup, type QuestionOptions } from './Question.tsx';

/** A group of questions under one legend, e.g. the ways to contact someone, with its own error. */
export function QuestionGroup({ children, ...options }: QuestionOptions & { children: ReactNode }) {
  return (
    <FormGroup question={options.id} error={options.error}>
      <Fieldset options={options}>
        <div data-control="">{children}</div>
      </Fieldset>
    </FormGroup>
  );
}
