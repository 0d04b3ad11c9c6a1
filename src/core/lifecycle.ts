import type { HolidayCalendar } from './calendar.ts';
import type { Case, CaseEvent, Outcome, OutcomeDelivery } from './case.ts';
import { describePeriod } from './deadlines.ts';
import { escalationWindow, type SentOutcome } from './outcome.ts';
import type { IsoDate } from './period.ts';
import type { Provider, Stage } from './provider.ts';

/**
 * The case lifecycle as a pure decider: `decide(command, state, context)` says which events a
 * command makes (or throws a `LifecycleError` saying why it cannot happen), and `evolve(state,
 * event)` folds one event into the state. The events are what the case file stores; the state is
 * always worked out again from them.
 */

/** A move a person asks for. Every command says the day it happened. */
export type LifecycleCommand =
  /** Log a complaint; `stage` defaults to the provider's first formal stage. */
  | { type: 'receive'; on: IsoDate; stage?: string }
  | { type: 'acknowledge'; on: IsoDate }
  | { type: 'send-interim-response'; on: IsoDate; expectedBy?: IsoDate }
  /** Tell the complainant what will be done to investigate and, where asked, when to expect the outcome. */
  | { type: 'send-holding-reply'; on: IsoDate; outcomeBy?: IsoDate }
  /** Send the stage's outcome: `on` is the day it was emailed, posted or handed over. */
  | { type: 'respond'; on: IsoDate; outcome: Outcome; summary: string; sentBy?: OutcomeDelivery }
  /** A posted outcome arrived on `on`, earlier or later than the usual two working days. */
  | { type: 'record-outcome-arrival'; on: IsoDate }
  | { type: 'extend'; on: IsoDate; newDueBy: IsoDate; reason: string }
  | { type: 'pause'; on: IsoDate; reason: string }
  | { type: 'resume'; on: IsoDate }
  /** The complainant asks for the next stage; staff may accept a late request with a reason. */
  | { type: 'escalate'; on: IsoDate; reason: string; lateAcceptedBecause?: string }
  | { type: 'set-handler-date'; on: IsoDate; dueBy: IsoDate }
  | { type: 'record-write-up'; on: IsoDate }
  | { type: 'inform-guardian'; on: IsoDate }
  | { type: 'close'; on: IsoDate }
  | { type: 'withdraw'; on: IsoDate; reason?: string };
export type CommandType = LifecycleCommand['type'];

/** Where a case is: not yet received (no case file), or the stored status. */
export type LifecycleStatus = 'not-received' | Case['status'];

/**
 * Which commands each status allows. Finer rules (an outcome before closing, the escalation
 * window, one acknowledgement a stage) are checked by `decide` after this table.
 */
export const TRANSITIONS = {
  receive: ['not-received'],
  acknowledge: ['open'],
  'send-interim-response': ['open'],
  'send-holding-reply': ['open'],
  respond: ['open'],
  // A case may close before the complainant says when the posted outcome reached them.
  'record-outcome-arrival': ['open', 'closed'],
  extend: ['open'],
  pause: ['open'],
  resume: ['open'],
  // A closed case reopens when the complainant asks for the next stage within the window.
  escalate: ['open', 'closed'],
  'set-handler-date': ['open'],
  'record-write-up': ['open'],
  'inform-guardian': ['open'],
  close: ['open'],
  withdraw: ['open'],
} as const satisfies Record<CommandType, readonly LifecycleStatus[]>;

/** Whether the transitions table lets a case in `status` take `command`. */
export function isAllowed(status: LifecycleStatus, command: CommandType): boolean {
  return (TRANSITIONS[command] as readonly LifecycleStatus[]).includes(status);
}

/** A command that cannot happen, with the reason written for the person who asked. */
export class LifecycleError extends Error {
  override name = 'LifecycleError';
  /** The case field the reason is about, when it is not the event itself (e.g. `['handlers', 1, 'name']`). */
  readonly field: readonly (string | number)[] | undefined;
  constructor(message: string, field?: readonly (string | number)[]) {
    super(message);
    this.field = field;
  }
}

/** What has happened at one stage the case reached. */
export interface StageProgress {
  stage: string;
  /** The day the complaint, or the request to escalate, reached this stage: its clocks count from here. */
  startedOn: IsoDate;
  acknowledgedOn?: IsoDate;
  holdingReplyOn?: IsoDate;
  interims: readonly { on: IsoDate; expectedBy?: IsoDate }[];
  outcome?: SentOutcome & { outcome: Outcome };
  extensions: readonly { on: IsoDate; newDueBy: IsoDate }[];
  handlerDate?: { on: IsoDate; dueBy: IsoDate };
  /** `to` is missing while the pause goes on. */
  pauses: readonly { from: IsoDate; to?: IsoDate }[];
  escalatedOn?: IsoDate;
}

/** Everything the lifecycle rules need to know about a case, worked out from its events. */
export interface LifecycleState {
  status: LifecycleStatus;
  /** Every stage the case reached, in order; the last is the current one. */
  stages: readonly StageProgress[];
  writtenUpOn?: IsoDate;
  guardianInformedOn?: IsoDate;
  closedOn?: IsoDate;
  withdrawnOn?: IsoDate;
}

export const INITIAL_STATE: LifecycleState = { status: 'not-received', stages: [] };

/** What `decide` reads besides the state: the provider's procedure and its bank holidays. */
export interface LifecycleContext {
  provider: Provider;
  calendar: HolidayCalendar;
  /**
   * Who the case names, where the command is judged against them: the representative (whose
   * consent lets the case go on) and the handlers (who must be independent where the policy says).
   */
  parties?: Pick<Case, 'representative' | 'handlers'>;
}

function fail(reason: string, field?: readonly (string | number)[]): never {
  throw new LifecycleError(reason, field);
}

function requireText(value: string | undefined, what: string): void {
  if (value === undefined || value.trim() === '') fail(`give ${what}`);
}

/** Why the transitions table refuses a command in the case's status. */
function whyNotAllowed(state: LifecycleState): string {
  switch (state.status) {
    case 'not-received':
      return 'there is no complaint yet: receive it first';
    case 'open':
      return `the complaint was already received on ${state.stages[0]?.startedOn}`;
    case 'closed':
      return `the case was closed on ${state.closedOn}: only a request to escalate it can reopen it`;
    case 'withdrawn':
      return `the case was withdrawn on ${state.withdrawnOn}: nothing more can be recorded on it`;
    default: {
      const unreachable: never = state.status;
      throw new Error(`unknown status ${String(unreachable)}`);
    }
  }
}

function findStage(provider: Provider, id: string): Stage {
  return (
    provider.stages.find((stage) => stage.id === id) ??
    fail(
      `${provider.name} has no stage "${id}"; its stages are: ${provider.stages.map((stage) => stage.id).join(', ')}`,
    )
  );
}

function decideReceive(
  command: Extract<LifecycleCommand, { type: 'receive' }>,
  provider: Provider,
): CaseEvent[] {
  const stage =
    command.stage === undefined
      ? (provider.stages.find((candidate) => !candidate.informal) ??
        fail(`${provider.name} has only informal stages, so a complaint is never logged as a case`))
      : findStage(provider, command.stage);
  if (stage.informal) {
    fail(`the "${stage.name}" stage is informal: concerns there are raised directly, not logged as a case`);
  }
  return [{ type: 'received', on: command.on, stage: stage.id }];
}

/**
 * The events `command` makes for a case in `state`, or a `LifecycleError` saying why it cannot
 * happen.
 */
export function decide(
  command: LifecycleCommand,
  state: LifecycleState,
  context: LifecycleContext,
): CaseEvent[] {
  if (!isAllowed(state.status, command.type)) fail(whyNotAllowed(state));
  const { provider, calendar, parties } = context;
  if (command.type === 'receive') return decideReceive(command, provider);
  if (parties !== undefined) {
    if (PROCEEDING.has(command.type)) refuseWithoutConsent(parties, provider);
    refuseDependentHandlers(parties.handlers, provider);
  }

  const progress = state.stages.at(-1) ?? fail('the case history has no stage');
  const stage = findStage(provider, progress.stage);
  const { on } = command;
  if (on < progress.startedOn) {
    fail(`${on} is before the case reached ${stage.name} on ${progress.startedOn}`);
  }
  const at = { on, stage: stage.id };
  const openPause = progress.pauses.find((pause) => pause.to === undefined);
  // Responding or withdrawing ends a pause: no clock of the stage is left running.
  const endPause: CaseEvent[] = openPause === undefined ? [] : [{ type: 'resumed', ...at }];
  const { outcome } = progress;
  const refuseAfterOutcome = () => {
    if (outcome !== undefined) {
      fail(`${stage.name} was already responded to on ${outcome.on} (${outcome.outcome})`);
    }
  };

  switch (command.type) {
    case 'acknowledge':
      if (progress.acknowledgedOn !== undefined) {
        fail(`${stage.name} was already acknowledged on ${progress.acknowledgedOn}`);
      }
      return [{ type: 'acknowledged', ...at }];
    case 'send-interim-response': {
      const { interim } = stage;
      if (interim === undefined) {
        fail(
          `${provider.name}'s policy has no interim response at ${stage.name}; to give a later date, extend the respond date with a reason`,
        );
      }
      refuseAfterOutcome();
      if (command.expectedBy === undefined) {
        if (interim.tellsNewDate) fail(`say when the full reply can be expected: "${interim.quote}"`);
        return [{ type: 'interim-sent', ...at }];
      }
      if (command.expectedBy <= on) {
        fail(`the full reply must be expected after the interim response on ${on}`);
      }
      return [{ type: 'interim-sent', ...at, expectedBy: command.expectedBy }];
    }
    case 'send-holding-reply': {
      const { holdingReply } = stage;
      if (holdingReply === undefined) {
        fail(`${provider.name}'s policy has no holding reply at ${stage.name}`);
      }
      refuseAfterOutcome();
      if (progress.holdingReplyOn !== undefined) {
        fail(`the holding reply at ${stage.name} was already sent on ${progress.holdingReplyOn}`);
      }
      if (command.outcomeBy === undefined) {
        if (holdingReply.tellsOutcomeDate) {
          fail(`say when the complainant can expect the outcome: "${holdingReply.quote}"`);
        }
        return [{ type: 'holding-reply-sent', ...at }];
      }
      if (command.outcomeBy <= on) fail(`the outcome must be expected after the holding reply on ${on}`);
      if (progress.handlerDate !== undefined) {
        fail(
          `the handler already set ${progress.handlerDate.dueBy} on ${progress.handlerDate.on}: to move it, extend it with a reason`,
        );
      }
      return [{ type: 'holding-reply-sent', ...at, outcomeBy: command.outcomeBy }];
    }
    case 'respond':
      refuseAfterOutcome();
      requireText(command.summary, 'a summary of the response');
      return [
        ...endPause,
        {
          type: 'responded',
          ...at,
          outcome: command.outcome,
          summary: command.summary,
          ...(command.sentBy === undefined ? {} : { sentBy: command.sentBy }),
        },
      ];
    case 'record-outcome-arrival':
      if (outcome === undefined) fail(`${stage.name} has no outcome yet: record the response first`);
      if (outcome.sentBy !== 'post') {
        fail(
          `the outcome was sent by ${outcome.sentBy ?? 'email'}: only a posted outcome has a day it arrived`,
        );
      }
      if (outcome.arrivedOn !== undefined)
        fail(`the outcome was already recorded as arriving on ${outcome.arrivedOn}`);
      if (on < outcome.on) fail(`the outcome was posted on ${outcome.on}: it cannot arrive before that`);
      if (progress.escalatedOn !== undefined) {
        fail(`the complainant already asked for the next stage on ${progress.escalatedOn}`);
      }
      return [{ type: 'outcome-arrived', ...at }];
    case 'extend': {
      if (stage.respond === undefined) fail(`${stage.name} has no respond date to extend`);
      refuseAfterOutcome();
      if ('setBy' in stage.respond && progress.handlerDate === undefined) {
        fail(`the handler has not set a date for ${stage.name} yet: set it first`);
      }
      const interim = progress.interims.at(-1);
      if (interim !== undefined) {
        fail(
          `an interim response was sent on ${interim.on}: send another interim response with the new date instead`,
        );
      }
      if (command.newDueBy <= on) fail(`the new date must be after ${on}`);
      requireText(command.reason, 'the reason for the extension: the complainant is told it');
      return [{ type: 'extended', ...at, newDueBy: command.newDueBy, reason: command.reason }];
    }
    case 'pause':
      if (outcome !== undefined) {
        fail(`the response was sent on ${outcome.on}: there is no clock left to pause`);
      }
      if (openPause !== undefined) fail(`${stage.name}'s clock has been paused since ${openPause.from}`);
      requireText(command.reason, 'the reason for the pause');
      return [{ type: 'paused', ...at, reason: command.reason }];
    case 'resume':
      if (openPause === undefined) fail(`${stage.name}'s clock is not paused`);
      if (on < openPause.from) {
        fail(`the clock was paused on ${openPause.from}: it cannot resume before that`);
      }
      return [{ type: 'resumed', ...at }];
    case 'escalate': {
      if (outcome === undefined) {
        fail(`${stage.name} has no outcome yet: a case is escalated after the response at its stage`);
      }
      const next = provider.stages[provider.stages.indexOf(stage) + 1];
      if (next === undefined) {
        const onward =
          provider.external === undefined ? '' : `: the complainant can go to ${provider.external.name}`;
        fail(`${stage.name} is ${provider.name}'s last stage${onward}`);
      }
      if (on < outcome.on) {
        fail(`the outcome was sent on ${outcome.on}: a request to escalate comes after it`);
      }
      requireText(command.reason, 'the reason the complainant is dissatisfied with the outcome');
      const escalated = { type: 'escalated', ...at, toStage: next.id, reason: command.reason } as const;
      const window = escalationWindow(provider, progress, calendar);
      if (window?.closesOn === undefined || stage.escalateWithin === undefined) return [escalated];
      if (on <= window.closesOn) return [escalated];
      if (command.lateAcceptedBecause === undefined || command.lateAcceptedBecause.trim() === '') {
        fail(
          `the window to ask for ${next.name} closed on ${window.closesOn} (${describePeriod(stage.escalateWithin.within)} after the outcome reached the complainant on ${window.receivedOn}); staff may accept a late request with a reason`,
        );
      }
      return [{ ...escalated, lateAcceptedBecause: command.lateAcceptedBecause }];
    }
    case 'set-handler-date':
      if (stage.respond === undefined || !('setBy' in stage.respond)) {
        const rule = stage.respond === undefined ? 'no respond date' : describePeriod(stage.respond.within);
        fail(
          `${provider.name}'s policy sets ${stage.name}'s respond date (${rule}); the handler does not set it`,
        );
      }
      refuseAfterOutcome();
      if (progress.handlerDate !== undefined) {
        fail(
          `the handler already set ${progress.handlerDate.dueBy} on ${progress.handlerDate.on}: to move it, extend it with a reason`,
        );
      }
      if (command.dueBy <= on) fail(`the date must be after ${on}`);
      return [{ type: 'handler-set-date', ...at, dueBy: command.dueBy }];
    case 'record-write-up':
      if (state.writtenUpOn !== undefined) {
        fail(`the written record was already sent on ${state.writtenUpOn}`);
      }
      return [{ type: 'written-up', ...at }];
    case 'inform-guardian':
      if (state.guardianInformedOn !== undefined) {
        fail(`a parent or guardian was already informed on ${state.guardianInformedOn}`);
      }
      return [{ type: 'guardian-informed', ...at }];
    case 'close':
      if (outcome === undefined) {
        fail(`${stage.name} has no outcome yet: record the response before closing the case`);
      }
      if (on < outcome.on) fail(`the outcome was sent on ${outcome.on}: the case cannot close before it`);
      return [{ type: 'closed', ...at }];
    case 'withdraw':
      return [
        ...endPause,
        { type: 'withdrawn', ...at, ...(command.reason === undefined ? {} : { reason: command.reason }) },
      ];
    default: {
      const unreachable: never = command;
      throw new Error(`unknown command ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Commands that move a case on: only once a representative's consent is in hand. */
const PROCEEDING: ReadonlySet<CommandType> = new Set([
  'send-interim-response',
  'respond',
  'escalate',
  'extend',
  'set-handler-date',
  'pause',
  'resume',
  'close',
]);

/**
 * A representative's case goes no further than its acknowledgement until the consent the policy
 * asks for (or, where it asks for none, the consent the representative acts on) is recorded, with
 * the day it was. DMM: "their chosen representative … this will need to be confirmed in writing";
 * CQM: a representative may complain if the person has "given consent for the representative to act
 * on their behalf".
 */
function refuseWithoutConsent(parties: NonNullable<LifecycleContext['parties']>, provider: Provider): void {
  const { representative } = parties;
  if (representative === undefined) return;
  // A policy that asks for no particular form of consent still needs it when that is the reason.
  if (provider.representatives?.consent === 'none' && representative.reason !== 'consented') return;
  if (representative.consent.confirmed && representative.consent.recordedOn !== undefined) return;
  const needs =
    provider.representatives?.consent === 'written-confirmation'
      ? "the complainant's written confirmation"
      : "the complainant's consent";
  fail(
    `record ${needs} for ${representative.name} to act for them (confirmed, how and the day) before the case goes on`,
    ['representative', 'consent'],
  );
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A stage's handler is not whoever handled the stage before it: a complainant who escalates is
 * unhappy with that person's answer, and each policy names a different role for the next stage
 * (CQM: "The Chief Executive will respond normally within 15 working days" at stage 2). Where a
 * stage's `independence` says so, nobody who handled any earlier stage may handle it.
 */
export function refuseDependentHandlers(handlers: Case['handlers'], provider: Provider): void {
  const order = provider.stages.map((stage) => stage.id);
  handlers.forEach((handler, i) => {
    const at = order.indexOf(handler.stage);
    const stage = provider.stages[at];
    if (stage === undefined || at < 1) return;
    const excluded =
      stage.independence?.excludes === 'earlier-stages' ? order.slice(0, at) : order.slice(at - 1, at);
    const earlier = handlers.find(
      (other) => excluded.includes(other.stage) && sameName(other.name, handler.name),
    );
    if (earlier === undefined) return;
    const earlierStage = provider.stages.find((candidate) => candidate.id === earlier.stage);
    fail(
      `${earlier.name} handled ${earlierStage?.name ?? earlier.stage}, so someone else must handle ${stage.name}${
        stage.independence === undefined ? '' : ` ("${stage.independence.quote}")`
      }`,
      ['handlers', i, 'name'],
    );
  });
}

/** The command that makes `event`: how a save that adds events by hand is judged like any command. */
export function commandOf(event: CaseEvent): LifecycleCommand {
  const { on } = event;
  switch (event.type) {
    case 'received':
      return { type: 'receive', on, stage: event.stage };
    case 'acknowledged':
      return { type: 'acknowledge', on };
    case 'interim-sent':
      return {
        type: 'send-interim-response',
        on,
        ...(event.expectedBy === undefined ? {} : { expectedBy: event.expectedBy }),
      };
    case 'responded':
      return {
        type: 'respond',
        on,
        outcome: event.outcome,
        summary: event.summary,
        ...(event.sentBy === undefined ? {} : { sentBy: event.sentBy }),
      };
    case 'holding-reply-sent':
      return {
        type: 'send-holding-reply',
        on,
        ...(event.outcomeBy === undefined ? {} : { outcomeBy: event.outcomeBy }),
      };
    case 'outcome-arrived':
      return { type: 'record-outcome-arrival', on };
    case 'escalated':
      return {
        type: 'escalate',
        on,
        reason: event.reason,
        ...(event.lateAcceptedBecause === undefined
          ? {}
          : { lateAcceptedBecause: event.lateAcceptedBecause }),
      };
    case 'extended':
      return { type: 'extend', on, newDueBy: event.newDueBy, reason: event.reason };
    case 'handler-set-date':
      return { type: 'set-handler-date', on, dueBy: event.dueBy };
    case 'paused':
      return { type: 'pause', on, reason: event.reason };
    case 'resumed':
      return { type: 'resume', on };
    case 'written-up':
      return { type: 'record-write-up', on };
    case 'guardian-informed':
      return { type: 'inform-guardian', on };
    case 'closed':
      return { type: 'close', on };
    case 'withdrawn':
      return { type: 'withdraw', on, ...(event.reason === undefined ? {} : { reason: event.reason }) };
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The state with the latest visit to the event's stage changed by `change`. */
function updateStage(
  state: LifecycleState,
  event: CaseEvent,
  change: (progress: StageProgress) => StageProgress,
): LifecycleState {
  const index = state.stages.findLastIndex((progress) => progress.stage === event.stage);
  const progress =
    state.stages[index] ??
    fail(
      `the "${event.type}" event on ${event.on} is at stage "${event.stage}", which the case had not reached`,
    );
  return { ...state, stages: state.stages.with(index, change(progress)) };
}

function startStage(stage: string, startedOn: IsoDate): StageProgress {
  return { stage, startedOn, interims: [], extensions: [], pauses: [] };
}

/** The state after one more event. Events are trusted: `decide` checked them when they were made. */
export function evolve(state: LifecycleState, event: CaseEvent): LifecycleState {
  if (state.status === 'not-received' && event.type !== 'received') {
    fail('the case history must start with the complaint being received');
  }
  switch (event.type) {
    case 'received':
      return { ...INITIAL_STATE, status: 'open', stages: [startStage(event.stage, event.on)] };
    case 'acknowledged':
      return updateStage(state, event, (progress) => ({ ...progress, acknowledgedOn: event.on }));
    case 'interim-sent':
      return updateStage(state, event, (progress) => ({
        ...progress,
        interims: [...progress.interims, { on: event.on, expectedBy: event.expectedBy }],
      }));
    case 'holding-reply-sent':
      // The date it promises is the handler's date for the outcome, as if set on its own.
      return updateStage(state, event, (progress) => ({
        ...progress,
        holdingReplyOn: event.on,
        ...(event.outcomeBy === undefined ? {} : { handlerDate: { on: event.on, dueBy: event.outcomeBy } }),
      }));
    case 'responded':
      return updateStage(state, event, (progress) => ({
        ...progress,
        outcome: {
          on: event.on,
          outcome: event.outcome,
          ...(event.sentBy === undefined ? {} : { sentBy: event.sentBy }),
        },
      }));
    case 'outcome-arrived':
      return updateStage(state, event, (progress) =>
        progress.outcome === undefined
          ? fail(`the outcome of "${event.stage}" arrived on ${event.on}, but none was recorded`)
          : { ...progress, outcome: { ...progress.outcome, arrivedOn: event.on } },
      );
    case 'escalated': {
      const left = updateStage(state, event, (progress) => ({ ...progress, escalatedOn: event.on }));
      return {
        ...left,
        status: 'open',
        closedOn: undefined,
        stages: [...left.stages, startStage(event.toStage, event.on)],
      };
    }
    case 'extended':
      return updateStage(state, event, (progress) => ({
        ...progress,
        extensions: [...progress.extensions, { on: event.on, newDueBy: event.newDueBy }],
      }));
    case 'handler-set-date':
      return updateStage(state, event, (progress) => ({
        ...progress,
        handlerDate: { on: event.on, dueBy: event.dueBy },
      }));
    case 'paused':
      return updateStage(state, event, (progress) => ({
        ...progress,
        pauses: [...progress.pauses, { from: event.on }],
      }));
    case 'resumed':
      return updateStage(state, event, (progress) => ({
        ...progress,
        pauses: progress.pauses.map((pause) => (pause.to === undefined ? { ...pause, to: event.on } : pause)),
      }));
    case 'written-up':
      return { ...state, writtenUpOn: event.on };
    case 'guardian-informed':
      return { ...state, guardianInformedOn: event.on };
    case 'closed':
      return { ...state, status: 'closed', closedOn: event.on };
    case 'withdrawn':
      return { ...state, status: 'withdrawn', withdrawnOn: event.on };
    default: {
      const unreachable: never = event;
      throw new Error(`unknown event ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The state a case's events add up to. */
export function replayEvents(events: readonly CaseEvent[]): LifecycleState {
  return events.reduce(evolve, INITIAL_STATE);
}

/** The stored `stage` and `status` of a case in `state`, so they always agree with its events. */
export function positionOf(state: LifecycleState): Pick<Case, 'stage' | 'status'> {
  const current = state.stages.at(-1);
  if (state.status === 'not-received' || current === undefined) fail('the complaint has not been received');
  return { stage: current.stage, status: state.status };
}

/** The case after `command`: its events appended, and its stage and status moved to match. */
export function applyCommand(stored: Case, command: LifecycleCommand, context: LifecycleContext): Case {
  const events = [...stored.events, ...decide(command, replayEvents(stored.events), context)];
  return { ...stored, events, ...positionOf(replayEvents(events)) };
}
