/**
 * How long the text a case holds may be, and the one email pattern. The case schemas (./case.ts)
 * check with them and the form's rules (./submission-rules.ts) ask within them, so the form never
 * accepts an answer a case would refuse. No library here: the browser runs the form's rules.
 */
export const TEXT_MAX = {
  /** A person's name. */
  name: 200,
  /** A phone number, as the person wrote it. */
  phone: 40,
  /** A postal address, as one block of lines. */
  address: 500,
  /** A short answer, e.g. a course, or who a complaint was first raised with. */
  short: 200,
  /** Anything written at length: what happened, a response, a note. */
  long: 20_000,
} as const;

/**
 * zod's `z.email()` pattern, kept here so the browser need not load zod; the case schemas check
 * with it through `z.email({ pattern: EMAIL_PATTERN })`.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
