import { createElement as h, type ReactNode } from 'react';
import { londonDate, longDate } from '../src/core/calendar.ts';
import {
  type CaseEvent,
  type CaseFile,
  type Clock,
  DELIVERY_WORDS,
  type Derived,
  OUTCOME_WORDS,
} from '../src/core/case.ts';
import { CLOCK_NAMES, stageName } from '../src/core/case-words.ts';
import { describePeriod } from '../src/core/deadlines.ts';
import { IsoDateSchema } from '../src/core/period.ts';
import type { Provider } from '../src/core/provider.ts';
import { EVENT_LABELS, STATUS_LABELS } from './case-config.ts';
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

const STATE_NAMES: Record<Clock['state'], string> = {
  upcoming: 'upcoming',
  'due-soon': 'due soon',
  overdue: 'OVERDUE',
  met: 'met',
  'met-late': 'met late',
  lapsed: 'lapsed',
  stopped: 'stopped',
};

const cell = (content: ReactNode) => h('td', null, content ?? '—');

/**
 * A date as people read it, "Thursday 24 December 2026", marked up with the date itself for
 * assistive technology and copying; a date still being typed is shown as typed.
 */
export function readableDate(value: unknown): ReactNode {
  const text = instantText(value);
  if (typeof text !== 'string' || !IsoDateSchema.safeParse(text).success) {
    return typeof text === 'string' && text !== '' ? text : undefined;
  }
  return h('time', { dateTime: text }, longDate(text));
}

/** The instant a complaint was received, as its London day. */
function receivedDay(value: unknown): ReactNode {
  const text = instantText(value);
  if (typeof text !== 'string' || Number.isNaN(Date.parse(text))) return undefined;
  return readableDate(londonDate(text));
}

/** A stage by name, in a case still being typed (Decap hands over what the form holds so far). */
const stageOf = (provider: Provider, id: string | undefined): string =>
  id === undefined || id === '' ? '—' : stageName(provider, id);

/** Every clock with its due date and state. */
export function clocksTable(derived: Derived | undefined, provider: Provider): ReactNode {
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
          cell(stageName(provider, clock.stage)),
          cell(CLOCK_NAMES[clock.clock]),
          cell(
            clock.pausedSince === undefined
              ? (readableDate(clock.dueBy) ?? 'a date the handler sets')
              : h(
                  'span',
                  null,
                  readableDate(clock.dueBy),
                  ' (paused since ',
                  readableDate(clock.pausedSince),
                  ')',
                ),
          ),
          cell(STATE_NAMES[clock.state]),
          cell(readableDate(clock.metOn)),
        ),
      ),
    ),
  );
}

/** What is due next, in one line. */
export function nextDueLine(derived: Derived | undefined, provider: Provider): ReactNode {
  const next = derived?.nextDue;
  if (next === undefined) return 'Nothing is due.';
  return h(
    'span',
    null,
    `${CLOCK_NAMES[next.clock]} at ${stageName(provider, next.stage)} by `,
    readableDate(next.dueBy) ?? 'a date the handler sets',
    ` (${STATE_NAMES[next.state]})`,
  );
}

/** The read-only control of the derived block. */
export function DerivedClocksControl(props: { value?: unknown; provider: Provider }): ReactNode {
  const derived = plain<Derived>(props.value);
  return h(
    'div',
    { className: 'redress-clocks' },
    h('p', null, h('strong', null, 'Next: '), nextDueLine(derived, props.provider)),
    clocksTable(derived, props.provider),
  );
}

/** The reference, given on first save and never edited. */
export function CaseReferenceControl(props: { value?: unknown }): ReactNode {
  const reference = plain<string>(props.value);
  return h(
    'p',
    { className: 'redress-reference' },
    reference === undefined || reference === '' ? 'Given when you first save the case.' : reference,
  );
}

/** A stage or status, by name: worked out from the events on save, so shown and never edited. */
export function CasePositionControl(props: {
  value?: unknown;
  field?: { get(key: string): unknown };
}): ReactNode {
  const value = plain<string>(props.value);
  const labels = plain<Record<string, string>>(props.field?.get('labels')) ?? {};
  return h(
    'p',
    { className: 'redress-position' },
    value === undefined || value === '' ? 'Worked out when you save.' : (labels[value] ?? value),
  );
}

/** Where the complainant can go next from the case's stage, and until when. */
function escalationLine(stored: Partial<CaseFile>, provider: Provider): ReactNode {
  const index = provider.stages.findIndex((stage) => stage.id === stored.stage);
  const stage = provider.stages[index];
  const next = provider.stages[index + 1];
  const window = stored.derived?.clocks.find(
    (clock) => clock.clock === 'escalate-window' && clock.stage === stored.stage,
  );
  if (next !== undefined) {
    const within =
      stage?.escalateWithin === undefined
        ? ''
        : ` within ${describePeriod(stage.escalateWithin.within)} of the outcome`;
    const until = readableDate(window?.dueBy);
    return h(
      'span',
      null,
      `Next stage: ${next.name} (${next.handler.role})${within}`,
      ...(until === undefined ? [] : [', until ', until]),
      '.',
    );
  }
  return provider.external === undefined
    ? 'This is the last stage.'
    : `This is the last stage; after it the complainant may go to ${provider.external.name}.`;
}

/** A date an event gives, after the words that say what it is, or nothing while it is not typed yet. */
const dated = (words: string, date: string | undefined): ReactNode[] => {
  const readable = readableDate(date);
  return readable === undefined ? [] : [words, readable];
};

/** What an event records beyond its kind and stage: the outcome and how it went, a promised date. */
function eventDetails(event: CaseEvent, provider: Provider): ReactNode[] {
  switch (event.type) {
    case 'responded':
      return [
        `: ${OUTCOME_WORDS[event.outcome] ?? event.outcome ?? '—'}`,
        event.sentBy === undefined ? '' : `, sent ${DELIVERY_WORDS[event.sentBy] ?? event.sentBy}`,
      ];
    case 'escalated':
      return [`, to ${stageOf(provider, event.toStage)}`];
    case 'holding-reply-sent':
      return dated(', outcome promised by ', event.outcomeBy);
    case 'interim-sent':
      return dated(', full response expected by ', event.expectedBy);
    case 'handler-set-date':
      return dated(', response due by ', event.dueBy);
    case 'extended':
      return dated(', to ', event.newDueBy);
    default:
      return [];
  }
}

/** The case's history, notes and actions in date order, each event by its name and its stage's. */
function timeline(stored: Partial<CaseFile>, provider: Provider): ReactNode {
  const entries = [
    ...(stored.events ?? []).map((event) => ({
      on: event.on,
      text: h(
        'span',
        null,
        `${EVENT_LABELS[event.type] ?? event.type} at ${stageOf(provider, event.stage)}`,
        ...eventDetails(event, provider),
      ),
    })),
    ...(stored.notes ?? []).map((note) => ({
      on: note.on,
      text: `Note of a ${note.kind} by ${note.by}: ${note.text}`,
    })),
    ...(stored.actions ?? []).map((action) => ({
      on: action.on,
      text: h(
        'span',
        null,
        `Action for ${action.by}: ${action.text}`,
        ...(action.doneOn === undefined ? [' (to do)'] : [' (done ', readableDate(action.doneOn), ')']),
      ),
    })),
  ].toSorted((a, b) => String(instantText(a.on) ?? '').localeCompare(String(instantText(b.on) ?? '')));
  return h(
    'ol',
    null,
    ...entries.map((entry) =>
      h('li', null, h('strong', null, readableDate(entry.on) ?? 'No date'), ': ', entry.text),
    ),
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
  const status = stored.status === undefined ? 'Open' : (STATUS_LABELS[stored.status] ?? stored.status);
  return h(
    // The preview is a document of its own inside Decap's frame: `main` gives it its landmark.
    'main',
    { className: 'redress-preview', lang: 'en-GB' },
    h('h1', null, stored.reference ?? 'New case'),
    h(
      'p',
      null,
      `${status} at ${stageOf(provider, stored.stage)}; received `,
      receivedDay(stored.receivedAt) ?? '—',
      ` by ${stored.channel ?? '—'}`,
    ),
    raised.length === 0
      ? null
      : h('ul', { 'aria-label': 'Flags' }, ...raised.map((flag) => h('li', null, h('strong', null, flag)))),
    h('h2', null, 'Due next'),
    h('p', null, nextDueLine(stored.derived, provider)),
    h('h2', null, 'Clocks'),
    clocksTable(stored.derived, provider),
    h('h2', null, 'Escalation'),
    h('p', null, escalationLine(stored, provider)),
    h('h2', null, 'Timeline'),
    timeline(stored, provider),
  );
}
