import { addWorkingDays, type HolidayCalendar } from './calendar.ts';
import type { OutcomeDelivery } from './case.ts';
import { dueDate } from './deadlines.ts';
import type { StageProgress } from './lifecycle.ts';
import type { IsoDate } from './period.ts';
import type { Provider, Stage } from './provider.ts';

/**
 * When a complainant receives an outcome, and so when their window to ask for the next stage
 * closes. The policies count the window from receipt, not from sending (DMM: "within 10 working
 * days of receiving written notification of the outcome of Stage 1"; CQM: "within 15 working days
 * of receiving the written response"). Every date shown to the complainant, to staff and used by
 * the sweep and the decider comes from here.
 */

/**
 * First-class post is taken to arrive on the second working day after posting: the usual rule in
 * the UK (the Civil Procedure Rules' deemed service of a letter posted first class).
 */
const POST_ARRIVES_AFTER_WORKING_DAYS = 2;

/** An outcome as the lifecycle state holds it. */
export interface SentOutcome {
  /** The day it was sent (posted, emailed or handed over). */
  on: IsoDate;
  /** Absent on outcomes recorded before Redress asked how they were sent: taken as received that day. */
  sentBy?: OutcomeDelivery;
  /** The day a posted outcome arrived, when staff know it. */
  arrivedOn?: IsoDate;
}

/**
 * The day the complainant received the outcome: by email or in person, the day it was sent; by
 * post, the day staff recorded it arrived, else the second working day after posting.
 */
export function outcomeReceivedOn(outcome: SentOutcome, calendar: HolidayCalendar): IsoDate {
  if (outcome.arrivedOn !== undefined) return outcome.arrivedOn;
  switch (outcome.sentBy) {
    case 'post':
      return addWorkingDays(outcome.on, POST_ARRIVES_AFTER_WORKING_DAYS, calendar);
    case 'email':
    case 'in-person':
    case undefined:
      return outcome.on;
    default: {
      const unreachable: never = outcome.sentBy;
      throw new Error(`unknown way of sending an outcome ${String(unreachable)}`);
    }
  }
}

/** The complainant's window to ask for the stage after an outcome. */
export interface EscalationWindow {
  /** The stage they can ask for. */
  next: Stage;
  /** The day they received the outcome: the window counts from it. */
  receivedOn: IsoDate;
  /** The last day to ask; absent when the policy sets no limit. */
  closesOn?: IsoDate;
}

/**
 * The window the outcome of `progress` opens, or none: no outcome yet, or the provider's last
 * stage (the external route is what is left).
 */
export function escalationWindow(
  provider: Provider,
  progress: Pick<StageProgress, 'stage' | 'outcome'>,
  calendar: HolidayCalendar,
): EscalationWindow | undefined {
  const index = provider.stages.findIndex((stage) => stage.id === progress.stage);
  const stage = provider.stages[index];
  const next = provider.stages[index + 1];
  if (stage === undefined || next === undefined || progress.outcome === undefined) return undefined;
  const receivedOn = outcomeReceivedOn(progress.outcome, calendar);
  if (stage.escalateWithin === undefined) return { next, receivedOn };
  return { next, receivedOn, closesOn: dueDate(receivedOn, stage.escalateWithin.within, calendar) };
}
