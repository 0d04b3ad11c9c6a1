import type { HolidayCalendar } from './calendar.ts';
import type { Case, ClockKind } from './case.ts';
import { deriveClocks } from './clocks.ts';
import { replayEvents } from './lifecycle.ts';
import { escalationWindow } from './outcome.ts';
import type { IsoDate } from './period.ts';
import type { Provider } from './provider.ts';

/**
 * Where a case stands, as its complainant's private status page shows it: the stage, what the
 * provider will do next and by when, and the window to ask for the next stage. It holds nothing
 * about the case but its reference and dates, so the page shows no personal data.
 */

/** What each clock the complainant waits on means to them; the chase is the provider's own business. */
const WAITING_FOR: Partial<Record<ClockKind, string>> = {
  acknowledge: 'We acknowledge your complaint',
  'holding-reply': 'We tell you what will be done to investigate your complaint',
  respond: 'We send you the outcome',
  interim: 'We send you the full response we promised',
  'write-up': 'We send you the written record of your complaint',
};

export interface CaseStatus {
  reference: string;
  stageName: string;
  status: Case['status'];
  /** What the provider will do next at this stage, with its date; `late` once the date has passed. */
  next: { what: string; by: IsoDate; late: boolean }[];
  /** What the provider will do next, when it has not given a date yet. */
  undated: string[];
  /** The window to ask for the next stage, once this stage has its outcome. */
  window?: { next: string; closesOn?: IsoDate; open: boolean };
  /** The stage's outcome came at the provider's last stage: only the external route is left. */
  lastStageAnswered: boolean;
}

export function caseStatus(
  provider: Provider,
  stored: Case,
  today: IsoDate,
  calendar: HolidayCalendar,
): CaseStatus {
  const { clocks } = deriveClocks(stored, provider, today, calendar);
  const state = replayEvents(stored.events);
  const progress = state.stages.at(-1);
  const stage = provider.stages.find((candidate) => candidate.id === stored.stage);
  const pending = clocks.filter(
    (clock) =>
      clock.stage === stored.stage &&
      WAITING_FOR[clock.clock] !== undefined &&
      ['upcoming', 'due-soon', 'overdue'].includes(clock.state),
  );
  const window = progress === undefined ? undefined : escalationWindow(provider, progress, calendar);
  const isLast = provider.stages.at(-1)?.id === stored.stage;
  return {
    reference: stored.reference,
    stageName: stage?.name ?? stored.stage,
    status: stored.status,
    next: pending.flatMap((clock) =>
      clock.dueBy === undefined
        ? []
        : [{ what: WAITING_FOR[clock.clock] ?? '', by: clock.dueBy, late: today > clock.dueBy }],
    ),
    undated: pending
      .filter((clock) => clock.dueBy === undefined)
      .map((clock) => WAITING_FOR[clock.clock] ?? ''),
    ...(window === undefined || progress?.escalatedOn !== undefined
      ? {}
      : {
          window: {
            next: window.next.name,
            ...(window.closesOn === undefined ? {} : { closesOn: window.closesOn }),
            open: window.closesOn === undefined || today <= window.closesOn,
          },
        }),
    lastStageAnswered: isLast && progress?.outcome !== undefined,
  };
}
