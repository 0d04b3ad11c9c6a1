// How long one provider's yearly board report takes to build over 10,000 complaints received in
// the year (and 5,000 in the year before, which the report shows beside it), and how big the file
// is. Engine time is everything from the parsed case files to the finished HTML: clocks worked out
// for every case, the figures, six charts drawn by ECharts' SVG renderer and the page rendered.
// Reading the case store is the sweep's benchmark; it is not measured here.
// Goal: ≤ 1 s of engine time.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { loadProvider } from '../src/adapters/content-files.ts';
import { holidayCalendar } from '../src/adapters/holidays.ts';
import { addCalendarDays, addWorkingDays } from '../src/core/calendar.ts';
import { COMPLAINT_SUBJECTS, OUTCOMES } from '../src/core/case.ts';

// Node strips types from .ts but does not compile JSX: the report's page is bundled with esbuild,
// as the complaints command and the functions are.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bundleDir = await mkdtemp(join(tmpdir(), 'redress-bench-report-'));
await build({
  absWorkingDir: ROOT,
  stdin: {
    contents:
      "export { reportCaseFromFile, reportPeriod } from './src/core/report-figures.ts';\n" +
      "export { boardReport } from './src/use-cases/board-report.ts';",
    resolveDir: ROOT,
    loader: 'ts',
  },
  outfile: join(bundleDir, 'report.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'error',
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
const { boardReport, reportCaseFromFile, reportPeriod } = await import(
  pathToFileURL(join(bundleDir, 'report.mjs')).href
);

const provider = await loadProvider('cqm', new URL('../tests/fixtures/providers/', import.meta.url).pathname);
const calendar = holidayCalendar(provider.nation);
const AS_OF = '2027-01-04';
const period = reportPeriod('2026');

/** A case received on `receivedOn`: acknowledged, answered, sometimes escalated, closed or still open. */
function syntheticCase(i, receivedOn) {
  const day = (n) => addWorkingDays(receivedOn, n, calendar);
  const channels = provider.channels.accepted;
  const events = [{ type: 'received', on: receivedOn, stage: 'stage-1' }];
  events.push({ type: 'acknowledged', on: day(1 + (i % 6)), stage: 'stage-1' });
  const open = i % 10 === 0;
  if (!open) {
    events.push({
      type: 'responded',
      on: day(8 + (i % 12)),
      stage: 'stage-1',
      outcome: OUTCOMES[i % 3],
      summary: 'x',
    });
    if (i % 9 === 0) {
      events.push({ type: 'escalated', on: day(22), stage: 'stage-1', toStage: 'stage-2', reason: 'x' });
      events.push({
        type: 'responded',
        on: day(30 + (i % 8)),
        stage: 'stage-2',
        outcome: OUTCOMES[(i + 1) % 3],
        summary: 'x',
      });
    }
    events.push({ type: 'closed', on: day(40), stage: i % 9 === 0 ? 'stage-2' : 'stage-1' });
  }
  return {
    reference: `CQM-${receivedOn.slice(2).replaceAll('-', '')}-${String(i).padStart(6, '0')}`,
    provider: 'cqm',
    receivedAt: `${receivedOn}T10:00:00Z`,
    channel: channels[i % channels.length],
    complainant: {
      name: `Bench ${i}`,
      email: `b${i}@example.org`,
      preferredContact: 'email',
      role: 'employer',
      under18: i % 40 === 0,
    },
    ...(i % 25 === 0 ? { adjustments: 'Large print' } : {}),
    complaint: {
      about: COMPLAINT_SUBJECTS[i % 4],
      whatHappened: 'x',
      raisedInformally: { raised: false },
      outcomeWanted: 'x',
    },
    stage: events.at(-1).stage,
    status: open ? 'open' : 'closed',
    handlers: [],
    events,
    notes: [],
    actions: i % 100 === 0 ? [{ on: receivedOn, by: 'Bench', text: `Action ${i}`, reportable: true }] : [],
    ...(i % 500 === 0 ? { learning: `Lesson ${i}`, learningReportable: true } : {}),
    derived: { clocks: [] },
  };
}

const files = [];
for (let i = 0; i < 10_000; i += 1)
  files.push(syntheticCase(i, addCalendarDays('2026-01-01', Math.floor((i * 365) / 10_000))));
for (let i = 0; i < 5_000; i += 1)
  files.push(syntheticCase(10_000 + i, addCalendarDays('2025-01-01', Math.floor((i * 365) / 5_000))));

let best = Number.POSITIVE_INFINITY;
let html = '';
// The first run pays for loading ECharts and warming up; the best of three is the steady figure.
for (let run = 1; run <= 3; run += 1) {
  const started = performance.now();
  const cases = files.map((file) => reportCaseFromFile(file, provider, AS_OF, calendar));
  html = boardReport(provider, cases, period, AS_OF, calendar);
  const took = performance.now() - started;
  console.log(`run ${run}:       ${took.toFixed(0)} ms`);
  best = Math.min(best, took);
}
console.log(`cases:        10,000 in ${period.label}, 5,000 in the year before (${provider.name})`);
console.log(
  `report size:  ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB, ${(html.match(/<img /g) ?? []).length} charts`,
);
await rm(bundleDir, { recursive: true, force: true });
console.log(
  `engine time:  ${best.toFixed(0)} ms, best of 3 (goal ≤ 1000 ms: ${best <= 1000 ? 'met' : 'NOT met'})`,
);
