// How long the deadline sweep takes over 10,000 open cases on the local store (five providers,
// received over the eight weeks before the sweep day), in a data folder of its own. Prints the
// engine's time (working out clocks and notices) apart from the whole run (reading, parsing,
// writing back, mailing to the outbox), and how many requests it made to the store.
// Goal: ≤ 1 s of engine time for 10,000 cases; Netlify gives a scheduled function 30 s in all.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { servicesFrom } from '../src/composition/services.ts';
import { settingsFrom } from '../src/composition/settings.ts';
import { sweepDeadlines } from '../src/use-cases/sweep-deadlines.ts';
import { writeSyntheticCases } from './support/synthetic-cases.mjs';

console.info = () => {};

const CASES = 10_000;
const TODAY = '2027-01-13';

const dir = await mkdtemp(join(tmpdir(), 'redress-bench-sweep-'));
const chosen = servicesFrom(settingsFrom({ REDRESS_DATA_DIR: dir }));
const providers = await chosen.providers();
const casesDir = join(dir, 'cases');

// Setting up is not what is measured.
const written = performance.now();
await writeSyntheticCases(casesDir, providers, { count: CASES, today: TODAY });
const setUp = performance.now() - written;

const options = {
  ...chosen,
  providers,
  store: chosen.caseStore,
  ledger: chosen.noticeLedger,
  today: TODAY,
  dryRun: false,
};
console.log(`cases:        ${CASES} open (set up in ${(setUp / 1000).toFixed(1)} s)`);
// The first sweep catches up on everything: no synthetic case was ever acknowledged, so most are
// overdue at once. The second, the same day, is the steady state: every notice already sent.
let worst = 0;
for (const run of ['first sweep', 'second sweep']) {
  const started = performance.now();
  const report = await sweepDeadlines(options);
  const total = performance.now() - started;
  const notices = Object.values(report.sent).reduce((sum, count) => sum + count, 0);
  console.log(`${run}:`);
  console.log(`  engine time:  ${report.engineMs.toFixed(0)} ms for ${report.cases} cases (goal ≤ 1000 ms)`);
  console.log(
    `  whole sweep:  ${(total / 1000).toFixed(2)} s (reading, parsing, ${report.changed} write-backs, ${notices} notices to the outbox)`,
  );
  console.log(`  store reads:  ${report.storeReads} (lists and batched reads)`);
  worst = Math.max(worst, report.engineMs);
}
await rm(dir, { recursive: true, force: true });
console.log(
  `slowest engine time: ${worst.toFixed(0)} ms (goal ≤ 1000 ms: ${worst <= 1000 ? 'met' : 'NOT met'})`,
);
