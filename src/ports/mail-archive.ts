import type { MailMessage } from './mailer.ts';

/**
 * The copies of sent mail Redress itself keeps (the local outbox). Mail sent through Resend is kept
 * by Resend and by whoever received it, out of Redress's reach: then there is no archive.
 */
export type MailArchive = {
  /** Every message kept, oldest first. */
  sent(): Promise<ArchivedMail[]>;
  /** Deletes the messages with these ids, so nothing of them is left in the archive. */
  remove(ids: readonly string[]): Promise<void>;
};

export type ArchivedMail = { id: string; sentAt: string; message: MailMessage };
