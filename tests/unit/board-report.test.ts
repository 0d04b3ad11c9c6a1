import { describe, expect, it } from 'vitest';
import { anonymiseCase } from '../../src/core/personal-data.ts';
import {
  lastEndedPeriod,
  median,
  percentile90,
  protectBreakdown,
  reportCaseFromFacts,
  reportCaseFromFile,
  reportPeriod,
} from '../../src/core/report-figures.ts';
import { boardReport, reportFigures } from '../../src/use-cases/board-report.ts';
import { personalDataOf, REPORT_AS_OF, reportCases } from '../support/report-cases.ts';

const { context, files } = await reportCases();
const { provider, calendar } = context;
const cases = files.map((file) => reportCaseFromFile(file, provider, REPORT_AS_OF, calendar));
const period2026 = reportPeriod('2026');
if (period2026 === undefined) throw new Error('2026 is a period');

/** A count as the report shows it: a number, or hidden. */
const shown = (value: number) => ({ shown: true, value });
const fewer = { shown: false, complementary: false };
const partner = { shown: false, complementary: true };

describe('the report’s figures, worked out by hand from the 64 fixture cases (tests/support/report-cases.ts)', () => {
  const { current, previous } = reportFigures(provider, cases, period2026, calendar);
  const counts = (rows: { key: string; count: unknown }[]) =>
    Object.fromEntries(rows.map((row) => [row.key, row.count]));

  it('counts 40 complaints in 2026 and 24 in 2025', () => {
    expect(current.received).toEqual(shown(40));
    expect(previous.received).toEqual(shown(24));
    expect(previous.period.id).toBe('2025');
  });

  it('counts them by channel, hiding the 2 by post and, so that they cannot be worked out, the 5 by a representative', () => {
    expect(counts(current.byChannel)).toEqual({
      'in-person': shown(0),
      telephone: shown(0),
      email: shown(23),
      post: fewer,
      'through-staff': shown(10),
      representative: partner,
    });
    expect(counts(previous.byChannel)).toMatchObject({
      email: shown(12),
      post: shown(9),
      'through-staff': shown(3),
    });
  });

  it('counts them by subject and by the furthest stage reached', () => {
    expect(counts(current.bySubject)).toEqual({
      organisation: shown(23),
      'member-of-staff': shown(10),
      'product-or-service': partner,
      director: fewer,
    });
    expect(counts(current.byStage)).toEqual({ 'stage-1': shown(35), 'stage-2': shown(5), final: shown(0) });
    expect(counts(previous.byStage)).toEqual({ 'stage-1': shown(24), 'stage-2': shown(0), final: shown(0) });
  });

  it('counts outcomes: the stage 2 finding is the case’s outcome; 2 still open hide beside the 3 withdrawn', () => {
    expect(counts(current.outcomes)).toEqual({
      upheld: shown(20),
      'partially-upheld': shown(0),
      'not-upheld': shown(15),
      resolved: shown(0),
      withdrawn: partner,
      'none-yet': fewer,
    });
    expect(counts(previous.outcomes)).toEqual({
      upheld: shown(12),
      'partially-upheld': shown(9),
      'not-upheld': shown(3),
      resolved: shown(0),
      withdrawn: shown(0),
      'none-yet': shown(0),
    });
  });

  it('measures each deadline: share on time, median and 90th percentile working days', () => {
    expect(current.clocks).toEqual([
      // 30 of 40 on time; days 1×3, 2×20, 3×2, 4×5, 6×10: 20th and 21st are 2, the 36th is 6.
      {
        stage: 'stage-1',
        clock: 'acknowledge',
        due: shown(40),
        percentOnTime: 75,
        medianDays: 2,
        p90Days: 6,
      },
      // 25 of 37 (the 3 withdrawn stopped); days 10×5, 15×20, 20×10: the 18th is 15, the 32nd 20.
      { stage: 'stage-1', clock: 'respond', due: shown(37), percentOnTime: 68, medianDays: 15, p90Days: 20 },
      { stage: 'stage-2', clock: 'respond', due: shown(5), percentOnTime: 100, medianDays: 10, p90Days: 10 },
    ]);
    expect(previous.clocks).toEqual([
      // 21 of 24; days 2×21, 5×3.
      {
        stage: 'stage-1',
        clock: 'acknowledge',
        due: shown(24),
        percentOnTime: 88,
        medianDays: 2,
        p90Days: 5,
      },
      // 15 of 24; days 15×15, 16×9.
      { stage: 'stage-1', clock: 'respond', due: shown(24), percentOnTime: 63, medianDays: 15, p90Days: 16 },
    ]);
  });

  it('counts escalations, referrals out, under-18s, representatives and adjustments', () => {
    expect(current).toMatchObject({
      escalated: shown(5),
      externalReferrals: shown(0),
      under18: fewer,
      represented: shown(5),
      adjustmentsAsked: shown(4),
    });
    expect(counts(current.escalatedTo)).toEqual({ 'stage-2': shown(5), final: shown(0) });
  });

  it('shows only the lessons and actions staff marked reportable, without who took them', () => {
    expect(current.lessons).toEqual(['Induction packs now list the complaints contact.']);
    expect(current.actions).toEqual([{ text: 'Reviewed the tutor rota', done: true }]);
    expect(previous.lessons).toEqual([]);
  });

  it('counts a case whose personal data was removed the same as the live case', () => {
    const facts = files.map((file) => reportCaseFromFacts(anonymiseCase(file, REPORT_AS_OF, 'retention')));
    const fromFacts = reportFigures(provider, facts, period2026, calendar);
    const { lessons: _l, actions: _a, ...rest } = fromFacts.current;
    const { lessons: _cl, actions: _ca, ...live } = current;
    expect(rest).toEqual(live);
  });
});

describe('the report page', () => {
  const html = boardReport(provider, cases, period2026, REPORT_AS_OF, calendar);
  // Charts are images whose text is inside their addresses: read them too.
  const charts = [...html.matchAll(/src="data:image\/svg\+xml,([^"]+)"/g)].map((match) =>
    decodeURIComponent((match[1] ?? '').replaceAll('&amp;', '&')),
  );

  it('has a chart drawn as SVG, described in words and with its table, for each breakdown', () => {
    expect(charts.length).toBe(6);
    for (const svg of charts) expect(svg).toMatch(/^<svg [^>]*viewBox/);
    expect(html.match(/<figcaption>/g)?.length).toBe(6);
    expect(html).toContain('<td>75% on time, of 40; median 2 working days, 90th percentile 6</td>');
    expect(html).not.toMatch(/<script/i);
  });

  it('holds no name, contact detail, address, course or anything a person wrote, in the page or its charts', () => {
    const everything = [html, ...charts].join('\n');
    for (let i = 0; i < files.length; i += 1) {
      for (const value of Object.values(personalDataOf(i))) expect(everything).not.toContain(value);
      for (const word of [
        `Grimsditch${i}`,
        `Pemberton${i}`,
        `Featherstonehaugh${i}`,
        `Actioner${i}`,
        `Ashdown${i}`,
        `Bellweather${i}`,
      ]) {
        expect(everything).not.toContain(word);
      }
    }
    for (const secret of [
      'Private lesson',
      'Private action',
      'Staff Rota',
      'Category of',
      'HYPERLINK',
      'Response on',
      '2025-01-15',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('protectBreakdown: no hidden count can be worked out from the total', () => {
  it.each([
    ['nothing small: all shown', [5, 3, 0], ['5', '3', '0']],
    ['one small: the smallest of 3 or more hidden beside it', [2, 7, 4, 0], ['<3', '7', 'x', '0']],
    ['two small: still a partner, as 1 + 1 = 2 would give both away', [1, 1, 9], ['<3', '<3', 'x']],
    ['only small counts: every count under 3 is hidden, 0 too', [2, 2, 0], ['<3', '<3', '<3']],
  ])('%s', (_name, values, expected) => {
    const rows = protectBreakdown(values.map((value, i) => ({ key: String(i), label: String(i), value })));
    expect(
      rows.map(({ count }) => (count.shown ? String(count.value) : count.complementary ? 'x' : '<3')),
    ).toEqual(expected);
  });
});

describe('periods', () => {
  it.each([
    ['2026', '2026-01-01', '2026-12-31', '2026'],
    ['2026-Q1', '2026-01-01', '2026-03-31', 'January to March 2026'],
    ['2024-Q1', '2024-01-01', '2024-03-31', 'January to March 2024'],
    ['2026-Q4', '2026-10-01', '2026-12-31', 'October to December 2026'],
  ])('%s runs from %s to %s', (id, from, to, label) => {
    expect(reportPeriod(id)).toEqual({ id, from, to, label });
  });

  it.each(['26', '2026-Q5', '2026-Q0', '2026-q1', 'Q1-2026'])('%s is no period', (id) => {
    expect(reportPeriod(id)).toBeUndefined();
  });

  it.each([
    ['annual', '2027-01-01', '2026'],
    ['annual', '2026-12-31', '2025'],
    ['quarterly', '2027-01-01', '2026-Q4'],
    ['quarterly', '2026-04-01', '2026-Q1'],
    ['quarterly', '2026-03-31', '2025-Q4'],
  ] as const)('%s, on %s the last whole period is %s', (cadence, today, id) => {
    expect(lastEndedPeriod(cadence, today).id).toBe(id);
  });

  it('takes the middle of an even count and a value that happened for the 90th percentile', () => {
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(percentile90([4])).toBe(4);
  });
});
