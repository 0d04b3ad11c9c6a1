import { longDate } from './calendar.ts';
import type { Clock, ClockKind, DerivedWords } from './case.ts';
import type { Provider } from './provider.ts';

/**
 * A case as staff speak of it: stages by the names the policy gives them, clocks by what they ask
 * for, dates as people read them. The file keeps ids and ISO dates; these are for reading only.
 */

/** What each clock is called in the staff editor. */
export const CLOCK_NAMES: Record<ClockKind, string> = {
  acknowledge: 'Acknowledge',
  'holding-reply': 'Holding reply',
  respond: 'Full response',
  interim: 'Interim response',
  chase: 'Chase the handler',
  'write-up': 'Write up the oral complaint',
  'escalate-window': 'Window to ask for the next stage',
};

/** A stage by the name the policy gives it; an id the provider no longer has, as stored. */
export function stageName(provider: Pick<Provider, 'stages'>, id: string): string {
  return provider.stages.find((stage) => stage.id === id)?.name ?? id;
}

/**
 * The words the editor's list of cases shows for a case at `stage`, e.g. "Stage 1: Frontline
 * Resolution" and "Acknowledge by Friday 6 November 2026, overdue". `nextDue` is the earliest
 * pending clock with a date; without one, a pending clock still waiting for its date is named.
 */
export function caseInWords(
  provider: Pick<Provider, 'stages'>,
  stage: string,
  clocks: readonly Clock[],
  nextDue: Clock | undefined,
): DerivedWords {
  const name = stageName(provider, stage);
  if (nextDue?.dueBy !== undefined) {
    const overdue = nextDue.state === 'overdue' ? ', overdue' : '';
    return { stage: name, nextDue: `${CLOCK_NAMES[nextDue.clock]} by ${longDate(nextDue.dueBy)}${overdue}` };
  }
  const undated = clocks.find((clock) => clock.dueBy === undefined && clock.state === 'upcoming');
  return {
    stage: name,
    nextDue: undated === undefined ? 'Nothing due' : `${CLOCK_NAMES[undated.clock]}: no date set yet`,
  };
}
