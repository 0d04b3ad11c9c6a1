import { derivedOnSave, reviewCase } from '../../cms/case-save.ts';
import { londonDate } from '../../src/core/calendar.ts';
import type { Case, CaseEvent } from '../../src/core/case.ts';
import { parseCaseFile, serialiseCaseFile } from '../../src/core/case-file.ts';
import type { LifecycleContext } from '../../src/core/lifecycle.ts';
import type { CaseStore } from '../../src/ports/case-store.ts';

/**
 * What a member of staff does in the case editor, for the tests: a save judged by the editor's own
 * check before Decap writes it (`reviewCase`, which replays the stored events and judges the new
 * ones through the decider), written over the version that was read. The integration tests and the
 * browser journeys share it, so no test puts on a case what the editor would refuse.
 */

/** An event as staff add it in the editor, without its stage: they record it at the case's stage. */
export type StaffEvent = CaseEvent extends infer Event
  ? Event extends CaseEvent
    ? Omit<Event, 'stage'>
    : never
  : never;

/** The case with `events` added at its stage, as staff fill them in before saving. */
export const withEvents =
  (...events: StaffEvent[]) =>
  (stored: Case): Case => ({
    ...stored,
    events: [...stored.events, ...events.map((event) => ({ ...event, stage: stored.stage }) as CaseEvent)],
  });

/**
 * Staff open the case at `path`, `edit` it and save. The save is judged as the editor judges it
 * (throws with the editor's message when it would be refused); its derived block is worked out
 * again from the saved case, as the editor does. A save meeting a newer version is made again on it.
 */
export async function staffSave(
  store: CaseStore,
  path: string,
  context: LifecycleContext,
  edit: (stored: Case) => Case,
): Promise<Case> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const file = await store.read(path);
    if (file === undefined) throw new Error(`no case at ${path}`);
    const { derived: _derived, ...stored } = parseCaseFile(file.text, path);
    const review = reviewCase({ ...edit(stored) }, file.text, context.provider, context.calendar);
    if (!review.ok) throw new Error(`the editor refuses the save of ${path}: ${review.problems.join('; ')}`);
    const result = await store.update(
      path,
      serialiseCaseFile(
        review.saved,
        derivedOnSave(review.saved, context.provider, londonDate(new Date()), context.calendar),
      ),
      file.version,
      `Edit ${stored.reference}`,
    );
    if (result.ok) return review.saved;
  }
  throw new Error(`the case at ${path} kept changing`);
}
