/** One problem in the summary: a link to the input to put right. */
export interface SummaryError {
  inputId: string;
  message: string;
}

export function ErrorSummaryItem({ inputId, message }: SummaryError) {
  return (
    <li>
      <a href={`#${inputId}`}>{message}</a>
    </li>
  );
}

/**
 * The error summary at the top of the page. `role="alert"` announces it; `tabindex="-1"` lets it
 * take focus (the browser script focuses it, and `autofocus` does so when the server returns the
 * page without JavaScript), so a screen reader starts reading at the list of problems.
 */
export function ErrorSummary({ errors }: { errors: readonly SummaryError[] }) {
  return (
    <div
      className="error-summary"
      id="error-summary"
      aria-labelledby="error-summary-title"
      role="alert"
      tabIndex={-1}
      // biome-ignore lint/a11y/noAutofocus: GOV.UK's error summary takes focus; without JavaScript only autofocus can
      autoFocus
    >
      <h2 className="error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <ErrorSummaryItem key={error.inputId} {...error} />
        ))}
      </ul>
    </div>
  );
}
