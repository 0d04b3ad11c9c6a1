/**
 * Signs the links Redress mails to complainants (the link to ask for the next stage), so that a
 * link cannot be made up or changed: only what was signed with the deployment's secret verifies.
 */
export type Signer = {
  /** A signature of `text`, safe in a URL. */
  sign(text: string): string;
  /** Whether `signature` is this signer's signature of `text`. */
  verify(text: string, signature: string): boolean;
};
