// How long the deadline sweep takes over 10,000 open cases on the local store (five providers,
// received over the eight weeks before the sweep day), in a data folder of its own. Prints the
// engine's time (working out clocks and notices) apart from the whole run (reading, parsing,
// writing back, mailing to the outbox), and how many requests it made to the store.
// Goal: ≤ 1 s of engine time for 10,000 cases; Netlify gives a scheduled function 30 s in all.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { chooseAdapters } from '../src/adapters/environment.ts';
import { holidayCalendar } from '../src/adapters/holidays.ts';
import { loadProviders } from '../src/adapters/provider-files.ts';
import { sweepDeadlines } from '../src/adapters/sweep.ts';
import { addCalendarDays } from '../src/core/calendar.ts';
import { casePath, serialiseCaseFile } from '../src/core/case-file.ts';
import { deriveClocks } from '../src/core/clocks.ts';
import { createReference } from '../src/core/reference.ts';

console.info = () => {};
const git = promisify(execFile);

const CASES = 10_000;
const TODAY = '2027-01-13';

const dir = await mkdtemp(join(tmpdir(), 'redress-bench-sweep-'));
const chosen = chooseAdapters({ REDRESS_DATA_DIR: dir });
const providers = await loadProviders();
const casesDir = join(dir, 'cases');

// The cases are written straight into the store's working tree and committed once: setting up
// is not what is measured.
const written = performance.now();
await mkdir(casesDir, { recursive: true });
await git('git', ['-C', casesDir, 'init', '--quiet', '--initial-branch=main']);
for (let i = 0; i < CASES; i += 1) {
  const provider = providers[i % providers.length];
  const receivedOn = addCalendarDays(TODAY, -(i % 56));
  const random = Uint8Array.from({ length: 6 }, (_, k) => (i >> (k * 5)) & 31);
  const stage = provider.stages.find((candidate) => !candidate.informal);
  const stored = {
    reference: createReference(provider.slug, receivedOn, random),
    provider: provider.slug,
    receivedAt: `${receivedOn}T10:00:00Z`,
    channel: provider.channels.accepted.includes('email') ? 'email' : provider.channels.accepted[0],
    complainant: {
      name: `Bench Person ${i}`,
      email: `person${i}@example.org`,
      preferredContact: 'email',
      role: 'learner-or-apprentice',
      under18: false,
    },
    complaint: {
      about: 'organisation',
      whatHappened: 'Synthetic complaint for the sweep benchmark.',
      raisedInformally: { raised: false },
      outcomeWanted: 'An answer.',
    },
    stage: stage.id,
    status: 'open',
    handlers: [{ stage: stage.id, name: 'Bench Handler', email: 'handler@example.org' }],
    events: [{ type: 'received', on: receivedOn, stage: stage.id }],
    notes: [],
    actions: [],
  };
  // Derived as the previous day's sweep left it, so today's sweep has its usual share of changes.
  const derived = deriveClocks(
    stored,
    provider,
    addCalendarDays(TODAY, -1),
    holidayCalendar(provider.nation),
  );
  const path = join(casesDir, casePath(provider, stored));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, serialiseCaseFile(stored, derived));
}
await git('git', ['-C', casesDir, 'add', '-A']);
await git('git', [
  '-C',
  casesDir,
  '-c',
  'user.name=Bench',
  '-c',
  'user.email=bench@example.org',
  'commit',
  '-qm',
  'Bench cases',
]);
const setUp = performance.now() - written;

const options = {
  providers,
  store: chosen.caseStore,
  mailer: chosen.mailer,
  ledger: chosen.noticeLedger,
  today: TODAY,
  dryRun: false,
  caseUrl: (provider, path) =>
    `http://localhost:4321/cases/${provider.slug}/#/collections/cases/entries/${path}`,
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
if (worst > 1000) process.exitCode = 1;
