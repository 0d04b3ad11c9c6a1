import type { Case, CaseEvent } from './case.ts';
import {
  commandOf,
  decide,
  evolve,
  INITIAL_STATE,
  type LifecycleContext,
  LifecycleError,
  type LifecycleState,
  positionOf,
  refuseDependentHandlers,
} from './lifecycle.ts';

/**
 * A staff save judged by the decider (DESIGN, "After stage 1"): the events already stored are
 * folded as facts, never judged again, so a policy edit since cannot lock an old case; each event
 * the save adds is judged as the command that makes it. Stage and status are then worked out from
 * the events, never picked by hand.
 */

/** The save as the decider would store it, or the first refusal, at its field, with what to do. */
export type SaveJudgement =
  | { ok: true; saved: Case }
  | { ok: false; field: readonly (string | number)[]; message: string };

/** Events are flat records of text and dates: equal when every field is. */
function sameEvent(a: CaseEvent | undefined, b: CaseEvent): boolean {
  if (a === undefined) return false;
  const fields = (event: CaseEvent) =>
    Object.entries(event)
      .filter(([, value]) => value !== undefined)
      .sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify(fields(a)) === JSON.stringify(fields(b));
}

/**
 * The stored events that still fold, and the state they fold to. Stored events normally all do;
 * where one does not (a case saved before every save was judged), it and those after it are open to
 * correction, and are judged like new ones.
 */
function foldFacts(stored: readonly CaseEvent[]): { facts: CaseEvent[]; state: LifecycleState } {
  let state = INITIAL_STATE;
  const facts: CaseEvent[] = [];
  for (const event of stored) {
    try {
      state = evolve(state, event);
    } catch (error) {
      if (error instanceof LifecycleError) break;
      throw error;
    }
    facts.push(event);
  }
  return { facts, state };
}

/**
 * Judges `edited` (the case as staff saved it, already valid against `CaseSchema`) against
 * `stored` (the events of the case as it was before this save; none for a new case).
 */
export function judgeStaffSave(
  stored: readonly CaseEvent[],
  edited: Case,
  context: LifecycleContext,
): SaveJudgement {
  const { facts, state: factsState } = foldFacts(stored);
  const changed = facts.findIndex((event, i) => !sameEvent(edited.events[i], event));
  if (changed !== -1) {
    return {
      ok: false,
      field: ['events', Math.min(changed, edited.events.length)],
      message: `the event of ${facts[changed]?.on} was saved before and cannot be changed or removed: put it back as it was, and add a new event to correct it`,
    };
  }
  const parties = { representative: edited.representative, handlers: edited.handlers };
  let state = factsState;
  const events = [...facts];
  for (const [i, event] of edited.events.entries()) {
    if (i < facts.length) continue;
    try {
      const made = decide(commandOf(event), state, { ...context, parties });
      const same = made.find((candidate) => candidate.type === event.type);
      if (same !== undefined && same.stage !== event.stage) {
        const stage = context.provider.stages.find((candidate) => candidate.id === same.stage);
        return {
          ok: false,
          field: ['events', i, 'stage'],
          message: `the case is at ${stage?.name ?? same.stage} on ${event.on}: record the event at that stage`,
        };
      }
      state = made.reduce(evolve, state);
      events.push(...made);
    } catch (error) {
      if (!(error instanceof LifecycleError)) throw error;
      return { ok: false, field: error.field ?? ['events', i], message: error.message };
    }
  }
  try {
    // A save that adds no event may still change who handles the case.
    refuseDependentHandlers(edited.handlers, context.provider);
    return { ok: true, saved: { ...edited, events, ...positionOf(state) } };
  } catch (error) {
    if (!(error instanceof LifecycleError)) throw error;
    return { ok: false, field: error.field ?? ['handlers'], message: error.message };
  }
}
