import { addWorkingDays, type HolidayCalendar, workingDaysBetween } from './calendar.ts';
import { type Case, CLOCKS, type Clock, type ClockKind, type ClockState, type Derived } from './case.ts';
import { caseInWords } from './case-words.ts';
import { dueDate } from './deadlines.ts';
import { type LifecycleState, replayEvents, type StageProgress } from './lifecycle.ts';
import { escalationWindow } from './outcome.ts';
import type { IsoDate } from './period.ts';
import type { Channel, ClockRule, HandlerSetRule, Provider, Stage } from './provider.ts';

/**
 * Every deadline of a case, worked out from its events, its provider's procedure, today and the
 * bank holidays. Where each clock counts from:
 *
 * - acknowledge, respond, chase: the day the case reached the stage (the complaint received, or
 *   the request to escalate). A response or interim response also acknowledges receipt.
 * - holding-reply: the stage's period, where the policy asks first for a reply saying what will be
 *   done; met by that reply, or by the outcome if it comes first.
 * - respond: the stage's period; or, after a holding reply, the date it promised; or the date the handler set; an extension replaces either. At a
 *   stage with an interim rule, an interim response meets it too.
 * - interim: the date an interim response promised the full reply by; met by the full response.
 * - chase: the stage's period; met once the stage has its outcome (a case closes only after one).
 * - write-up: the day an in-person or telephone complaint was received, when the provider writes
 *   oral complaints up.
 * - escalate-window: the day the complainant received the stage's outcome (src/core/outcome.ts:
 *   by post, two working days after posting unless its arrival was recorded); met by a request
 *   for the next stage.
 *
 * A pause moves the respond, interim and chase dates on by the working days it lasted (up to today
 * while it goes on). It moves a date only if it began on or before that date, and a date a person
 * set (a handler's date, an extension, an interim's promise) only by pauses from the day it was set:
 * they knew of the earlier ones.
 *
 * A rule that names the ways of complaining it applies to (Interlearn: "Every written complaint
 * is acknowledged within two working days") runs only for a case that came in one of those ways.
 *
 * A respond date the handler has not set yet is a clock with no `dueBy`, always "upcoming": the
 * sweep can prompt for the date, but nothing can be overdue against a date nobody gave.
 */

// "Where someone complains orally, we will make a written record" (CQM).
const ORAL_CHANNELS: readonly Channel[] = ['in-person', 'telephone'];

/** A clock before its state is worked out. */
interface Deadline {
  stage: string;
  clock: ClockKind;
  dueBy?: IsoDate;
  metOn?: IsoDate;
  pausedSince?: IsoDate;
}

/** `rule`, unless it applies only to other ways of complaining than `channel`. */
function ruleFor<Rule extends ClockRule | HandlerSetRule>(
  rule: Rule | undefined,
  channel: Channel,
): Rule | undefined {
  if (rule === undefined || !('appliesTo' in rule) || rule.appliesTo === undefined) return rule;
  return rule.appliesTo.includes(channel) ? rule : undefined;
}

/** The earliest of the days something happened, if any did. */
function earliest(...dates: (IsoDate | undefined)[]): IsoDate | undefined {
  return dates.filter((date) => date !== undefined).sort()[0];
}

/** `due` moved on by the pauses that began on or after `setOn` and no later than the date itself. */
function shiftByPauses(
  due: IsoDate,
  setOn: IsoDate,
  progress: StageProgress,
  today: IsoDate,
  calendar: HolidayCalendar,
): Pick<Deadline, 'dueBy' | 'pausedSince'> {
  let dueBy = due;
  let pausedSince: IsoDate | undefined;
  for (const pause of progress.pauses) {
    if (pause.from < setOn || pause.from > dueBy) continue;
    dueBy = addWorkingDays(dueBy, workingDaysBetween(pause.from, pause.to ?? today, calendar), calendar);
    if (pause.to === undefined) pausedSince = pause.from;
  }
  return pausedSince === undefined ? { dueBy } : { dueBy, pausedSince };
}

/** The respond date before pauses, and the day it was fixed; none while the handler has not set one. */
function respondBase(rule: ClockRule | HandlerSetRule, progress: StageProgress, calendar: HolidayCalendar) {
  const extension = progress.extensions.at(-1);
  if (extension !== undefined) return { due: extension.newDueBy, setOn: extension.on };
  if ('setBy' in rule) {
    return progress.handlerDate === undefined
      ? undefined
      : { due: progress.handlerDate.dueBy, setOn: progress.handlerDate.on };
  }
  return { due: dueDate(progress.startedOn, rule.within, calendar), setOn: progress.startedOn };
}

function stageDeadlines(
  provider: Provider,
  stage: Stage,
  progress: StageProgress,
  channel: Channel,
  today: IsoDate,
  calendar: HolidayCalendar,
): Deadline[] {
  const acknowledge = ruleFor(stage.acknowledge, channel);
  const respond = ruleFor(stage.respond, channel);
  const escalateWithin = ruleFor(stage.escalateWithin, channel);
  const at = { stage: stage.id };
  const met = (metOn: IsoDate | undefined) => (metOn === undefined ? {} : { metOn });
  const firstInterim = progress.interims[0]?.on;
  const respondedOn = progress.outcome?.on;
  const deadlines: Deadline[] = [];

  if (acknowledge !== undefined) {
    deadlines.push({
      ...at,
      clock: 'acknowledge',
      dueBy: dueDate(progress.startedOn, acknowledge.within, calendar),
      ...met(earliest(progress.acknowledgedOn, firstInterim, respondedOn)),
    });
  }
  if (stage.holdingReply !== undefined) {
    deadlines.push({
      ...at,
      clock: 'holding-reply',
      dueBy: dueDate(progress.startedOn, stage.holdingReply.within, calendar),
      ...met(earliest(progress.holdingReplyOn, respondedOn)),
    });
  }
  if (respond !== undefined) {
    const base = respondBase(respond, progress, calendar);
    deadlines.push({
      ...at,
      clock: 'respond',
      ...(base === undefined ? {} : shiftByPauses(base.due, base.setOn, progress, today, calendar)),
      ...met(stage.interim === undefined ? respondedOn : earliest(firstInterim, respondedOn)),
    });
  }
  const promise = progress.interims.findLast((interim) => interim.expectedBy !== undefined);
  if (stage.interim !== undefined && promise?.expectedBy !== undefined) {
    deadlines.push({
      ...at,
      clock: 'interim',
      ...shiftByPauses(promise.expectedBy, promise.on, progress, today, calendar),
      ...met(respondedOn),
    });
  }
  if (stage.chase !== undefined) {
    const due = dueDate(progress.startedOn, stage.chase.after, calendar);
    deadlines.push({
      ...at,
      clock: 'chase',
      ...shiftByPauses(due, progress.startedOn, progress, today, calendar),
      ...met(respondedOn),
    });
  }
  const window = escalationWindow(provider, progress, calendar);
  if (escalateWithin !== undefined && window?.closesOn !== undefined) {
    deadlines.push({
      ...at,
      clock: 'escalate-window',
      dueBy: window.closesOn,
      ...met(progress.escalatedOn),
    });
  }
  return deadlines;
}

function writeUpDeadline(
  stored: Pick<Case, 'channel'>,
  provider: Provider,
  state: LifecycleState,
  calendar: HolidayCalendar,
): Deadline[] {
  const receipt = state.stages[0];
  const rule = ruleFor(provider.oralWriteUp, stored.channel);
  if (rule === undefined || receipt === undefined || !ORAL_CHANNELS.includes(stored.channel)) return [];
  return [
    {
      stage: receipt.stage,
      clock: 'write-up',
      dueBy: dueDate(receipt.startedOn, rule.within, calendar),
      ...(state.writtenUpOn === undefined ? {} : { metOn: state.writtenUpOn }),
    },
  ];
}

function stateOf(
  deadline: Deadline,
  status: LifecycleState['status'],
  provider: Provider,
  today: IsoDate,
  calendar: HolidayCalendar,
): ClockState {
  const { dueBy, metOn } = deadline;
  if (metOn !== undefined) return dueBy === undefined || metOn <= dueBy ? 'met' : 'met-late';
  if (status === 'withdrawn') return 'stopped';
  // The escalation window is the complainant's to use: closing unused is no one's failure, and a
  // closed case still reopens if they ask within it.
  if (deadline.clock === 'escalate-window') {
    return dueBy !== undefined && today > dueBy ? 'lapsed' : 'upcoming';
  }
  if (status === 'closed') return 'stopped';
  if (dueBy === undefined) return 'upcoming';
  if (today > dueBy) return 'overdue';
  return dueDate(today, provider.reminders.dueSoon, calendar) >= dueBy ? 'due-soon' : 'upcoming';
}

const PENDING: readonly ClockState[] = ['upcoming', 'due-soon', 'overdue'];

/** Every clock of the case's current and past stages, and the earliest one still to be met. */
export function deriveClocks(
  stored: Pick<Case, 'reference' | 'channel' | 'events'>,
  provider: Provider,
  today: IsoDate,
  calendar: HolidayCalendar,
): Derived {
  const state = replayEvents(stored.events);
  const deadlines = state.stages.flatMap((progress, i) => {
    const index = provider.stages.findIndex((stage) => stage.id === progress.stage);
    const stage = provider.stages[index];
    if (stage === undefined) {
      throw new Error(
        `case ${stored.reference} reached stage "${progress.stage}", which ${provider.name} does not have`,
      );
    }
    const own = stageDeadlines(provider, stage, progress, stored.channel, today, calendar);
    const all = i === 0 ? [...own, ...writeUpDeadline(stored, provider, state, calendar)] : own;
    return all.toSorted((a, b) => CLOCKS.indexOf(a.clock) - CLOCKS.indexOf(b.clock));
  });
  const clocks = deadlines.map(({ stage, clock, dueBy, metOn, pausedSince }): Clock => {
    const clockState = stateOf({ stage, clock, dueBy, metOn }, state.status, provider, today, calendar);
    return {
      stage,
      clock,
      ...(dueBy === undefined ? {} : { dueBy }),
      state: clockState,
      ...(metOn === undefined ? {} : { metOn }),
      ...(pausedSince !== undefined && PENDING.includes(clockState) ? { pausedSince } : {}),
    };
  });
  const nextDue = clocks
    .filter((clock) => clock.dueBy !== undefined && PENDING.includes(clock.state))
    .toSorted((a, b) => (a.dueBy ?? '').localeCompare(b.dueBy ?? ''))[0];
  const current = state.stages.at(-1)?.stage;
  return {
    clocks,
    ...(nextDue === undefined ? {} : { nextDue }),
    ...(current === undefined ? {} : { words: caseInWords(provider, current, clocks, nextDue) }),
  };
}
