import { longDate } from './calendar.ts';
import type { ClockKind } from './case.ts';
import { casePath } from './case-file.ts';
import { type MessageContent, render } from './intake-messages.ts';
import { NOTICE_KINDS, type Notice, type NoticeKind } from './notices.ts';
import type { IsoDate } from './period.ts';
import type { Provider } from './provider.ts';
import { createReference, REFERENCE_RANDOM_BYTES } from './reference.ts';

/**
 * The email for each notice. Staff notices go to inboxes that may be shared or forwarded, so they
 * name the case by its reference only: who complained and what about is in the case store, behind
 * its access control, one link away.
 */

/** What each clock asks the handler to do, as a phrase after "to". */
const CLOCK_TASKS: Record<ClockKind, string> = {
  acknowledge: 'acknowledge the complaint',
  'holding-reply': 'send the holding reply saying what will be done to investigate',
  respond: 'send the full response',
  interim: 'send the full response promised in the interim response',
  chase: 'close the complaint',
  'write-up': 'send the complainant the written record of their complaint',
  'escalate-window': 'receive a request for the next stage',
};

function subjectAndBody(notice: Notice, stageName: string): { subject: string; lines: string[] } {
  const date = longDate(notice.dueBy);
  const task = notice.clock === undefined ? '' : CLOCK_TASKS[notice.clock];
  const ref = notice.reference;
  switch (notice.kind) {
    case 'due-soon':
      return {
        subject: `Due ${date}: ${ref}`,
        lines: [`The deadline to ${task} for complaint ${ref} (${stageName}) is ${date}.`],
      };
    case 'overdue':
      return {
        subject: `Overdue: ${ref}`,
        lines: [
          `The deadline to ${task} for complaint ${ref} (${stageName}) was ${date}, and it has not been met.`,
          'Please record what has been done in the case, or agree a new date with the complainant and record the extension.',
        ],
      };
    case 'chase':
      return {
        subject: `Chase: ${ref} is not closed`,
        lines: [
          `Complaint ${ref} (${stageName}) has not been closed, and the period for closing it ended on ${date}.`,
          'Please contact the person handling it and log an update on the progress made towards closing it.',
        ],
      };
    case 'interim-needed':
      return {
        subject: `Interim response needed? ${ref}`,
        lines: [
          `The full response to complaint ${ref} (${stageName}) is due by ${date}.`,
          'If it cannot be sent by then, send the complainant an interim response saying what is being done and when they can expect the full response, and record it in the case.',
        ],
      };
    case 'date-needed':
      return {
        subject: `Date needed: ${ref}`,
        lines: [
          `Complaint ${ref} (${stageName}) reached this stage on ${date}. Give the complainant a date by which they will hear back, and record it in the case: the reminders count from it.`,
        ],
      };
    case 'delay-told':
      return {
        subject: `Your complaint ${ref}: a new date for our full response`,
        lines: [
          `We are sorry: our full response to your complaint ${ref} (${stageName}) will take longer than we said.`,
          `You should now receive it by ${date}.`,
          'If you have any questions, reply to this email and quote your reference.',
        ],
      };
    case 'write-up-due':
      return {
        subject: `Written record due ${date}: ${ref}`,
        lines: [
          `Complaint ${ref} was made in person or by telephone. Write it up and send the complainant a copy by ${date}, then record that in the case.`,
        ],
      };
    case 'guardian-reminder':
      return {
        subject: `Under 18: ${ref}`,
        lines: [
          `The complainant of ${ref} (received ${date}) is under 18. The policy says the provider may be obliged to inform their parent or guardian.`,
          'Decide whether to, and record in the case when they were informed.',
        ],
      };
    case 'escalation-window-closing':
      return {
        subject: `Window to escalate closes ${date}: ${ref}`,
        lines: [
          `The complainant of ${ref} can ask for the next stage after ${stageName} until ${date}. If they do not, the case can be closed after that day.`,
        ],
      };
    case 'escalation-window-closed':
      return {
        subject: `Window to escalate closed: ${ref}`,
        lines: [
          `The time for the complainant of ${ref} to ask for the next stage after ${stageName} ended on ${date} without a request. The case can now be closed.`,
        ],
      };
    default: {
      const unreachable: never = notice.kind;
      throw new Error(`unknown notice ${String(unreachable)}`);
    }
  }
}

/**
 * A notice as an email: to staff, what is due, the date, and the link to the case; to a
 * complainant, what they were promised, and never a link into the staff editor.
 */
export function noticeMessage(provider: Provider, notice: Notice, caseUrl: string): MessageContent {
  const stage = provider.stages.find((candidate) => candidate.id === notice.stage);
  const { subject, lines } = subjectAndBody(notice, stage?.name ?? notice.stage);
  const forStaff = !notice.recipients.includes('complainant');
  return render(subject, [
    ...lines,
    ...(forStaff ? [`Open the case in the case editor: ${caseUrl}`] : []),
    forStaff ? `${provider.name} – Redress` : provider.name,
  ]);
}

/** A case a batch job could not work on, named for the case team (DESIGN, "After stage 1"). */
export interface CaseNeedingAttention {
  /** The case's reference, or the file's path when the file cannot be read as a case. */
  name: string;
  /** What is wrong, in words for the case team; never anything a person wrote in the case. */
  problem: string;
  /** What was left undone for it until it is put right. */
  consequence: string;
}

/** Every kind of email staff are sent about cases: the sweep's notices, and "needs attention". */
export const STAFF_EMAILS = [...NOTICE_KINDS, 'needs-attention'] as const;
export type StaffEmail = (typeof STAFF_EMAILS)[number];

/** The email telling a provider's case team that a case needs a person to put it right. */
export function needsAttentionMessage(
  provider: Provider,
  skipped: CaseNeedingAttention,
  caseUrl: string,
): MessageContent {
  return render(`Needs attention: ${skipped.name}`, [
    `Redress skipped case ${skipped.name}: ${skipped.problem}`,
    skipped.consequence,
    `Open the case in the case editor and put it right (if the editor cannot open it, correct the file in the case repository): ${caseUrl}`,
    `${provider.name} – Redress`,
  ]);
}

/** The mail tag of a notice kind (Resend tags are letters, digits, `_` and `-`). */
export const noticeTag = (kind: NoticeKind): string => `notice-${kind}`;

/** The clock an example of each kind is about. */
const EXAMPLE_CLOCKS: Record<NoticeKind, ClockKind | undefined> = {
  'due-soon': 'respond',
  overdue: 'acknowledge',
  chase: 'chase',
  'interim-needed': 'respond',
  'date-needed': 'respond',
  'delay-told': 'respond',
  'write-up-due': 'write-up',
  'guardian-reminder': undefined,
  'escalation-window-closing': 'escalate-window',
  'escalation-window-closed': 'escalate-window',
};

/** An example notice of `kind` for an invented case of `provider`, dated `today`: for previews. */
export function exampleNotice(
  provider: Provider,
  kind: NoticeKind,
  today: IsoDate,
  caseUrl: (path: string) => string,
): { notice: Notice; message: MessageContent } {
  const stage = provider.stages.find((candidate) => !candidate.informal) ?? provider.stages[0];
  if (stage === undefined) throw new Error(`${provider.name} has no stages`);
  const { reference, path } = exampleCase(provider, today);
  const clock = EXAMPLE_CLOCKS[kind];
  const notice: Notice = {
    kind,
    reference,
    stage: stage.id,
    ...(clock === undefined ? {} : { clock }),
    dueBy: today,
    recipients: kind === 'delay-told' ? ['complainant'] : ['handler'],
  };
  return { notice, message: noticeMessage(provider, notice, caseUrl(path)) };
}

/** The reference and path of an example case received `today`, for previews of staff emails. */
export function exampleCase(provider: Provider, today: IsoDate): { reference: string; path: string } {
  const reference = createReference(provider.slug, today, new Uint8Array(REFERENCE_RANDOM_BYTES));
  return { reference, path: casePath(provider, { reference, receivedAt: `${today}T09:00:00Z` }) };
}
