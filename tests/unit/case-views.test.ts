import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CasePreview, DerivedClocksControl } from '../../cms/case-views.ts';
import { deriveClocks } from '../../src/core/clocks.ts';
import { givenCase, givenProvider } from './given-case.ts';

/** What a person reads: the markup without its tags. */
const text = (markup: string) => markup.replace(/<[^>]+>/g, '');

const context = await givenProvider('cqm');
const { provider, calendar } = context;
// Received Monday 2 November 2026; acknowledged the next day; a call noted; seen on 23 November.
const received = givenCase(context, '2026-11-02');
const stored = {
  ...received,
  events: [...received.events, { type: 'acknowledged' as const, on: '2026-11-03', stage: 'stage-1' }],
  notes: [{ on: '2026-11-04', kind: 'call' as const, by: 'Pat Example', text: 'Called Sam.' }],
};
const derived = deriveClocks(stored, provider, '2026-11-23', calendar);
/** Decap hands the preview an entry it reads with `getIn`. */
const entry = { getIn: () => ({ ...stored, derived }) };

describe('the staff case preview', () => {
  const markup = renderToStaticMarkup(createElement(CasePreview, { entry, provider }));

  it('names stages as the policy does and dates as people read them', () => {
    expect(text(markup)).toContain(
      'Open at Stage 1: Frontline Resolution; received Monday 2 November 2026 by email',
    );
    expect(markup).not.toMatch(/>stage-1</);
  });

  it('lists the timeline by event name, stage name and readable date, with the date itself marked up', () => {
    const timeline = markup.slice(markup.indexOf('<h2>Timeline</h2>'));
    expect([...timeline.matchAll(/<li>(.*?)<\/li>/g)].map(([, item]) => text(item ?? ''))).toEqual([
      'Monday 2 November 2026: Complaint received at Stage 1: Frontline Resolution',
      'Tuesday 3 November 2026: Acknowledgement sent at Stage 1: Frontline Resolution',
      'Wednesday 4 November 2026: Note of a call by Pat Example: Called Sam.',
    ]);
    expect(timeline).toContain('<time dateTime="2026-11-03">Tuesday 3 November 2026</time>');
  });

  it('says what an outcome decided and how it was sent, where the case went next, and the date a holding reply promised', () => {
    const events = [
      ...stored.events,
      {
        type: 'responded' as const,
        on: '2026-11-20',
        stage: 'stage-1',
        outcome: 'partially-upheld' as const,
        summary: 'Materials resent.',
        sentBy: 'post' as const,
      },
      {
        type: 'escalated' as const,
        on: '2026-12-01',
        stage: 'stage-1',
        toStage: 'stage-2',
        reason: 'Still missing.',
      },
      { type: 'holding-reply-sent' as const, on: '2026-12-03', stage: 'stage-2', outcomeBy: '2027-01-15' },
    ];
    const later = { getIn: () => ({ ...stored, events }) };
    const items = [
      ...renderToStaticMarkup(createElement(CasePreview, { entry: later, provider })).matchAll(
        /<li>(.*?)<\/li>/g,
      ),
    ].map(([, item]) => text(item ?? ''));
    expect(items).toContain(
      'Friday 20 November 2026: Full response sent, with the outcome at Stage 1: Frontline Resolution: Partly upheld, sent by post',
    );
    expect(items).toContain(
      'Tuesday 1 December 2026: Escalated to the next stage at Stage 1: Frontline Resolution, to Stage 2: Investigation',
    );
    expect(items).toContain(
      'Thursday 3 December 2026: Holding reply sent (what will be done, and when) at Stage 2: Investigation, outcome promised by Friday 15 January 2027',
    );
  });

  it('shows a date still being typed as typed, rather than failing', () => {
    const typing = { getIn: () => ({ ...stored, notes: [{ ...stored.notes[0], on: '2026-11' }] }) };
    expect(text(renderToStaticMarkup(createElement(CasePreview, { entry: typing, provider })))).toContain(
      '2026-11: Note of a call by Pat Example',
    );
  });
});

describe('the clocks widget', () => {
  it('says what is due next and lists each clock by stage name and readable date', () => {
    const markup = renderToStaticMarkup(createElement(DerivedClocksControl, { value: derived, provider }));
    const respond = derived.clocks.find((clock) => clock.clock === 'respond');
    expect(respond?.dueBy).toBe('2026-11-23');
    expect(text(markup)).toContain(
      'Next: Full response at Stage 1: Frontline Resolution by Monday 23 November 2026 (due soon)',
    );
    expect(text(markup)).toContain(
      'Stage 1: Frontline ResolutionAcknowledgeFriday 6 November 2026metTuesday 3 November 2026',
    );
  });
});
