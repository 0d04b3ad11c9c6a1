import type { HolidayCalendar } from './calendar.ts';
import type { Case, CaseFile, Clock, ClockKind } from './case.ts';
import { dueDate } from './deadlines.ts';
import { type LifecycleState, replayEvents } from './lifecycle.ts';
import type { IsoDate } from './period.ts';
import type { Provider, Stage } from './provider.ts';

/**
 * The notices a deadline sweep sends for a case on a given day, worked out from the case's derived
 * clocks. Each notice names a day (`dueBy`) so that, with the case, kind and stage, it is a key the
 * ledger can hold: the same notice is due on every sweep until its clock moves on, and is sent once.
 */

export const NOTICE_KINDS = [
  'due-soon',
  'overdue',
  'chase',
  'interim-needed',
  'date-needed',
  'delay-told',
  'write-up-due',
  'guardian-reminder',
  'escalation-window-closing',
  'escalation-window-closed',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Who a notice goes to: the case's handler at the notice's stage, the provider's case team, one of
 * the provider's contacts, or the complainant (and their representative).
 */
export type Recipient = 'handler' | 'case-team' | 'complainant' | { contact: string };

export interface Notice {
  kind: NoticeKind;
  /** The case's reference: the only thing about the case a notice needs to name. */
  reference: string;
  stage: string;
  /** The clock the notice is about; a guardian reminder belongs to no clock. */
  clock?: ClockKind;
  /** The date the notice is about: the clock's date, or the day the complaint was received. */
  dueBy: IsoDate;
  recipients: readonly Recipient[];
}

/**
 * The ledger key of a notice: one case, one notice (its kind and clock: two clocks of a stage can
 * fall due on the same day), one stage, one date. Safe as a file name and as an idempotency key.
 */
export function noticeKey(notice: Pick<Notice, 'reference' | 'kind' | 'clock' | 'stage' | 'dueBy'>): string {
  const what = notice.clock === undefined ? notice.kind : `${notice.kind}-${notice.clock}`;
  return `${notice.reference}.${what}.${notice.stage}.${notice.dueBy}`;
}

function stageOf(provider: Provider, id: string): Stage {
  const stage = provider.stages.find((candidate) => candidate.id === id);
  if (stage === undefined) throw new Error(`${provider.name} has no stage "${id}"`);
  return stage;
}

const contacts = (ids: readonly string[]): Recipient[] => ids.map((contact) => ({ contact }));

/** The notice one clock calls for today, if any. */
function clockNotice(
  clock: Clock & { dueBy: IsoDate },
  stage: Stage,
  reminderFrom: IsoDate,
): Omit<Notice, 'reference'> | undefined {
  const about = { stage: clock.stage, clock: clock.clock, dueBy: clock.dueBy };
  switch (clock.clock) {
    case 'escalate-window':
      // The window is the complainant's; the handler only needs to know when the case can close.
      if (clock.state === 'lapsed')
        return { kind: 'escalation-window-closed', ...about, recipients: ['handler'] };
      if (clock.state === 'upcoming' && reminderFrom >= clock.dueBy) {
        return { kind: 'escalation-window-closing', ...about, recipients: ['handler'] };
      }
      return undefined;
    case 'chase':
      // Interlearn: "If after 5 working days, the complaint has not been closed, the Customer Services
      // Team are responsible for contacting the referral manager": due once the period has passed.
      if (clock.state !== 'overdue') return undefined;
      return { kind: 'chase', ...about, recipients: ['handler', ...contacts(stage.chase?.notify ?? [])] };
    case 'acknowledge':
    case 'holding-reply':
    case 'respond':
    case 'interim':
    case 'write-up': {
      if (clock.state === 'overdue') {
        // The case team hears of every overdue clock, so one reaches someone even where the policy
        // gives neither the handler nor the people it names an address.
        return {
          kind: 'overdue',
          ...about,
          recipients: ['handler', 'case-team', ...contacts(stage.escalationContacts)],
        };
      }
      if (clock.state !== 'due-soon') return undefined;
      if (clock.clock === 'write-up') return { kind: 'write-up-due', ...about, recipients: ['handler'] };
      // Where the policy offers an interim response, the reminder before the respond date is the
      // prompt to send one if the full reply will not be ready.
      if (clock.clock === 'respond' && stage.interim !== undefined) {
        return { kind: 'interim-needed', ...about, recipients: ['handler'] };
      }
      return { kind: 'due-soon', ...about, recipients: ['handler'] };
    }
    default: {
      const unreachable: never = clock.clock;
      throw new Error(`unknown clock ${String(unreachable)}`);
    }
  }
}

/**
 * Every notice due today for an open case. Paused clocks send nothing: their dates move on each
 * working day, and the handler knows why they stopped. A closed or withdrawn case sends nothing.
 */
export function noticesDue(
  file: Pick<CaseFile, 'reference' | 'status' | 'events' | 'complainant' | 'derived' | 'stage'>,
  provider: Provider,
  today: IsoDate,
  calendar: HolidayCalendar,
): Notice[] {
  if (file.status !== 'open') return [];
  const state = replayEvents(file.events);
  const reminderFrom = dueDate(today, provider.reminders.dueSoon, calendar);
  const notices: Notice[] = [];
  for (const clock of file.derived.clocks) {
    if (clock.pausedSince !== undefined) continue;
    if (clock.dueBy === undefined) {
      const dateNeeded = dateNeededNotice(clock, state);
      if (dateNeeded !== undefined) notices.push({ reference: file.reference, ...dateNeeded });
      continue;
    }
    const notice = clockNotice(
      { ...clock, dueBy: clock.dueBy },
      stageOf(provider, clock.stage),
      reminderFrom,
    );
    if (notice !== undefined) notices.push({ reference: file.reference, ...notice });
  }
  const guardian = guardianReminder(file, provider, state);
  const delay = delayNotice(file, provider);
  return [...notices, ...(guardian === undefined ? [] : [guardian]), ...(delay === undefined ? [] : [delay])];
}

/**
 * DMM: "the complainant will be advised of any delay"; Dynamic: the interim response says "when a
 * full reply can be expected". Where the stage promises that, each extension staff record at the
 * case's stage is told to the complainant once, with its new date.
 */
function delayNotice(
  file: Pick<Case, 'reference' | 'events' | 'stage'>,
  provider: Provider,
): Notice | undefined {
  const stage = stageOf(provider, file.stage);
  if (stage.delayNotice === undefined && stage.interim?.tellsNewDate !== true) return undefined;
  const extension = file.events.findLast((event) => event.type === 'extended' && event.stage === file.stage);
  if (extension === undefined || !('newDueBy' in extension)) return undefined;
  return {
    kind: 'delay-told',
    reference: file.reference,
    stage: file.stage,
    clock: 'respond',
    dueBy: extension.newDueBy,
    recipients: ['complainant'],
  };
}

/**
 * ACE: "They will give the customer a specific time that they will get back to them in". Until
 * the handler records that date, nothing can fall due, so the handler is asked for it once, keyed
 * to the day the stage started.
 */
function dateNeededNotice(clock: Clock, state: LifecycleState): Omit<Notice, 'reference'> | undefined {
  const startedOn = state.stages.find((progress) => progress.stage === clock.stage)?.startedOn;
  if (clock.clock !== 'respond' || clock.state !== 'upcoming' || startedOn === undefined) return undefined;
  return {
    kind: 'date-needed',
    stage: clock.stage,
    clock: clock.clock,
    dueBy: startedOn,
    recipients: ['handler'],
  };
}

/**
 * DMM: "In the case of students raising a complaint who are aged below 18, Digital Marketing Mentor
 * may be obliged to inform their parent/guardian". Until a
 * case records that the guardian was informed, the handler is reminded once, keyed to the day the
 * complaint was received.
 */
function guardianReminder(
  file: Pick<Case, 'reference' | 'complainant'>,
  provider: Provider,
  state: LifecycleState,
): Notice | undefined {
  if (provider.under18 === undefined || !file.complainant.under18) return undefined;
  const received = state.stages[0];
  if (received === undefined || state.guardianInformedOn !== undefined) return undefined;
  return {
    kind: 'guardian-reminder',
    reference: file.reference,
    stage: received.stage,
    dueBy: received.startedOn,
    recipients: ['handler'],
  };
}

/** The email addresses of a notice's recipients; contacts the policy gives no address for are left out. */
export function recipientAddresses(
  notice: Pick<Notice, 'stage' | 'recipients'>,
  file: Pick<Case, 'handlers' | 'complainant' | 'representative'>,
  provider: Provider,
): string[] {
  const contactEmail = (id: string) => provider.contacts.find((contact) => contact.id === id)?.email;
  const addresses = notice.recipients.flatMap((recipient) => {
    if (recipient === 'complainant') return [file.complainant.email, file.representative?.email];
    if (recipient === 'case-team') return provider.caseTeam?.emails ?? [];
    if (recipient !== 'handler') return [contactEmail(recipient.contact)];
    // A handler the case names wins over the role the policy names for the stage.
    const named = file.handlers.find((handler) => handler.stage === notice.stage)?.email;
    const role = stageOf(provider, notice.stage).handler.contact;
    return [named ?? (role === undefined ? undefined : contactEmail(role))];
  });
  return [...new Set(addresses.filter((address) => address !== undefined))];
}
