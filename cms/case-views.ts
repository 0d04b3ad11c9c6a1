import { createElement as h, type ReactNode } from 'react';
import type { CaseFile, Clock, Derived } from '../src/core/case.ts';
import { describePeriod } from '../src/core/deadlines.ts';
import type { Provider } from '../src/core/provider.ts';
import { EVENT_LABELS } from './case-config.ts';
import { instantText } from './case-save.ts';

/**
 * What the staff editor shows rather than edits: the engine's clocks (a widget that never calls
 * `onChange`, so a save writes back exactly what the engine wrote) and the case preview.
 */

/** Decap hands widgets Immutable values; these views read plain data. */
interface Immutable {
  toJS(): unknown;
}
const plain = <T>(value: unknown): T | undefined =>
  value !== null && typeof value === 'object' && 'toJS' in value
    ? ((value as Immutable).toJS() as T)
    : (value as T);

const CLOCK_NAMES: Record<Clock['clock'], string> = {
  acknowledge: 'Acknowledge',
  'holding-reply': 'Holding reply',
  respond: 'Full response',
  interim: 'Interim response',
  chase: 'Chase the handler',
  'write-up': 'Write up the oral complaint',
  'escalate-window': 'Window to ask for the next stage',
};

const STATE_NAMES: Record<Clock['state'], string> = {
  upcoming: 'upcoming',
  'due-soon': 'due soon',
  overdue: 'OVERDUE',
  met: 'met',
  'met-late': 'met late',
  lapsed: 'lapsed',
  stopped: 'stopped',
};

const cell = (text: string | undefined) => h('td', null, text ?? '—');

/** Every clock with its due date and state. */
export function clocksTable(derived: Derived | undefined): ReactNode {
  if (derived === undefined || derived.clocks.length === 0) {
    return h('p', null, 'No clocks yet: Redress works them out after the case is saved.');
  }
  return h(
    'table',
    null,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ...['Stage', 'Clock', 'Due by', 'State', 'Met on'].map((title) => h('th', { scope: 'col' }, title)),
      ),
    ),
    h(
      'tbody',
      null,
      ...derived.clocks.map((clock) =>
        h(
          'tr',
          { 'data-state': clock.state },
          cell(clock.stage),
          cell(CLOCK_NAMES[clock.clock]),
          cell(
            clock.pausedSince === undefined
              ? clock.dueBy
              : `${clock.dueBy ?? ''} (paused since ${clock.pausedSince})`,
          ),
          cell(STATE_NAMES[clock.state]),
          cell(clock.metOn),
        ),
      ),
    ),
  );
}

/** What is due next, in one line. */
export function nextDueLine(derived: Derived | undefined): string {
  const next = derived?.nextDue;
  if (next === undefined) return 'Nothing is due.';
  return `${CLOCK_NAMES[next.clock]} at ${next.stage} by ${next.dueBy ?? 'a date the handler sets'} (${STATE_NAMES[next.state]})`;
}

/** The read-only control of the derived block. */
export function DerivedClocksControl(props: { value?: unknown }): ReactNode {
  const derived = plain<Derived>(props.value);
  return h(
    'div',
    null,
    h('p', null, h('strong', null, 'Next: '), nextDueLine(derived)),
    clocksTable(derived),
  );
}

/** The reference, given on first save and never edited. */
export function CaseReferenceControl(props: { value?: unknown }): ReactNode {
  const reference = plain<string>(props.value);
  return h(
    'p',
    null,
    reference === undefined || reference === '' ? 'Given when you first save the case.' : reference,
  );
}

/** Where the complainant can go next from the case's stage, and until when. */
function escalationLine(stored: Partial<CaseFile>, provider: Provider): string {
  const index = provider.stages.findIndex((stage) => stage.id === stored.stage);
  const stage = provider.stages[index];
  const next = provider.stages[index + 1];
  const window = stored.derived?.clocks.find(
    (clock) => clock.clock === 'escalate-window' && clock.stage === stored.stage,
  );
  const until = window?.dueBy === undefined ? '' : `, until ${window.dueBy}`;
  if (next !== undefined) {
    const within =
      stage?.escalateWithin === undefined
        ? ''
        : ` within ${describePeriod(stage.escalateWithin.within)} of the outcome`;
    return `Next stage: ${next.name} (${next.handler.role})${within}${until}.`;
  }
  return provider.external === undefined
    ? 'This is the last stage.'
    : `This is the last stage; after it the complainant may go to ${provider.external.name}.`;
}

/** The case's history, notes and actions in date order. */
function timeline(stored: Partial<CaseFile>): ReactNode {
  const entries = [
    ...(stored.events ?? []).map((event) => ({
      on: event.on,
      text: `${EVENT_LABELS[event.type]} (${event.stage})${'outcome' in event ? `: ${event.outcome}` : ''}${'newDueBy' in event ? ` to ${event.newDueBy}` : ''}`,
    })),
    ...(stored.notes ?? []).map((note) => ({
      on: note.on,
      text: `Note of a ${note.kind} by ${note.by}: ${note.text}`,
    })),
    ...(stored.actions ?? []).map((action) => ({
      on: action.on,
      text: `Action for ${action.by}: ${action.text}${action.doneOn === undefined ? ' (to do)' : ` (done ${action.doneOn})`}`,
    })),
  ].toSorted((a, b) => (a.on ?? '').localeCompare(b.on ?? ''));
  return h(
    'ol',
    null,
    ...entries.map((entry) => h('li', null, h('strong', null, entry.on ?? '—'), ' ', entry.text)),
  );
}

/** Flags a handler must not miss. */
function flags(stored: Partial<CaseFile>): string[] {
  const representative = stored.representative;
  return [
    ...(stored.complainant?.under18 === true
      ? ['Under 18: the policy may ask you to inform a parent or guardian.']
      : []),
    ...(representative?.name
      ? [
          `Representative: ${representative.name}${representative.relationship ? ` (${representative.relationship})` : ''}; consent ${representative.consent?.confirmed ? `recorded ${representative.consent.recordedOn ?? ''}` : 'NOT yet recorded'}.`,
        ]
      : []),
    ...(stored.adjustments ? [`Adjustments: ${stored.adjustments}`] : []),
  ];
}

/** What Decap gives a preview, and the provider whose case it is. */
export interface CasePreviewProps {
  entry: { getIn(path: string[]): unknown };
  provider: Provider;
}

/** The case preview: flags, what is due next, every clock, the escalation route and the timeline. */
export function CasePreview({ entry, provider }: CasePreviewProps): ReactNode {
  const stored = plain<Partial<CaseFile>>(entry.getIn(['data'])) ?? {};
  const raised = flags(stored);
  return h(
    'article',
    { style: { fontFamily: 'system-ui, sans-serif', padding: '1rem' } },
    h('h1', null, stored.reference ?? 'New case'),
    h(
      'p',
      null,
      `${stored.status ?? 'open'} at ${stored.stage ?? '—'}; received ${String(instantText(stored.receivedAt) ?? '—')} by ${stored.channel ?? '—'}`,
    ),
    raised.length === 0
      ? null
      : h('ul', { 'aria-label': 'Flags' }, ...raised.map((flag) => h('li', null, h('strong', null, flag)))),
    h('h2', null, 'Due next'),
    h('p', null, nextDueLine(stored.derived)),
    h('h2', null, 'Clocks'),
    clocksTable(stored.derived),
    h('h2', null, 'Escalation'),
    h('p', null, escalationLine(stored, provider)),
    h('h2', null, 'Timeline'),
    timeline(stored),
  );
}
