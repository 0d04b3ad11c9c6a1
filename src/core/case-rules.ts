import type { Case, CaseEvent } from './case.ts';
import type { Provider } from './provider.ts';

/**
 * Rules a person editing a case by hand (in the staff editor) can break but the engine's commands
 * never do. Each problem says where it is and what to do, in the words a case handler uses.
 */

/** One broken rule: the field it concerns, and what to do about it. */
export interface CaseProblem {
  path: (string | number)[];
  message: string;
}

/** The fields the rules read. */
export type RuledCase = Pick<Case, 'status' | 'stage' | 'events' | 'handlers' | 'representative'>;

/** Events that only move a case on once a representative's consent is in hand. */
const PROCEEDING: ReadonlySet<CaseEvent['type']> = new Set([
  'interim-sent',
  'responded',
  'escalated',
  'extended',
  'handler-set-date',
  'paused',
  'resumed',
  'closed',
]);

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Every rule the case breaks; none when it may be saved. */
export function checkCaseRules(stored: RuledCase, provider: Provider): CaseProblem[] {
  return [
    ...checkOutcomeBeforeClosing(stored),
    ...checkIndependentHandlers(stored, provider),
    ...checkExtensions(stored),
    ...checkConsent(stored, provider),
  ];
}

/** A stage is closed only after its full response, which carries the outcome. */
function checkOutcomeBeforeClosing(stored: RuledCase): CaseProblem[] {
  const problems: CaseProblem[] = [];
  stored.events.forEach((event, i) => {
    if (event.type !== 'closed') return;
    const answered = stored.events
      .slice(0, i)
      .some((earlier) => earlier.type === 'responded' && earlier.stage === event.stage);
    if (!answered) {
      problems.push({
        path: ['events', i],
        message: `add the full response with its outcome at ${event.stage} before closing the case`,
      });
    }
  });
  const closedAtStage = stored.events.some(
    (event) => event.type === 'closed' && event.stage === stored.stage,
  );
  if (stored.status === 'closed' && !closedAtStage) {
    problems.push({
      path: ['status'],
      message: `to close the case, add a "case closed" event at ${stored.stage} after the full response and its outcome`,
    });
  }
  return problems;
}

/**
 * The handler of a stage is not the person who handled the stage before it: a complainant who
 * escalates is unhappy with that person's answer, and each policy names a different role for the
 * next stage (CQM: "The Chief Executive will respond normally within 15 working days" at stage 2).
 */
function checkIndependentHandlers(stored: RuledCase, provider: Provider): CaseProblem[] {
  const order = provider.stages.map((stage) => stage.id);
  const problems: CaseProblem[] = [];
  stored.handlers.forEach((handler, i) => {
    const previousStage = order[order.indexOf(handler.stage) - 1];
    if (order.indexOf(handler.stage) < 1 || previousStage === undefined) return;
    const previous = stored.handlers.find(
      (other) => other.stage === previousStage && sameName(other.name, handler.name),
    );
    if (previous !== undefined) {
      problems.push({
        path: ['handlers', i, 'name'],
        message: `${previous.name} handled ${previousStage}, so someone else must handle ${handler.stage}`,
      });
    }
  });
  return problems;
}

/** An extension tells the complainant why, and gives a new date after the day it was agreed. */
function checkExtensions(stored: RuledCase): CaseProblem[] {
  return stored.events.flatMap((event, i): CaseProblem[] => {
    if (event.type !== 'extended') return [];
    if (event.reason.trim() === '') {
      return [
        {
          path: ['events', i, 'reason'],
          message: 'give the reason for the extension the complainant was told',
        },
      ];
    }
    if (event.newDueBy <= event.on) {
      return [
        {
          path: ['events', i, 'newDueBy'],
          message: `the new response date must be after ${event.on}, the day of the extension`,
        },
      ];
    }
    return [];
  });
}

/**
 * A representative's case goes no further than its acknowledgement until the consent the policy
 * asks for (or, where it asks for none, the consent the representative acts on) is recorded, with
 * the day it was.
 */
function checkConsent(stored: RuledCase, provider: Provider): CaseProblem[] {
  const { representative } = stored;
  if (representative === undefined) return [];
  // A policy that asks for no particular form of consent still needs it when that is the reason.
  if (provider.representatives?.consent === 'none' && representative.reason !== 'consented') return [];
  if (representative.consent.confirmed && representative.consent.recordedOn !== undefined) return [];
  const index = stored.events.findIndex((event) => PROCEEDING.has(event.type));
  if (index === -1) return [];
  const needs =
    provider.representatives?.consent === 'written-confirmation'
      ? "the complainant's written confirmation"
      : "the complainant's consent";
  return [
    {
      path: ['representative', 'consent'],
      message: `record ${needs} for ${representative.name} to act for them (confirmed, how and the day) before the case goes on`,
    },
  ];
}
