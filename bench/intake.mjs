// How fast complaints are taken in on the local store: 50 clients each posting complaints one after
// another through the real intake function (validation and the durable queue before the answer;
// the git commit and acknowledgement to the outbox after it), in a data folder of its own. Prints
// latency p50/p95, throughput, and how long until every case was committed.
// Goal on a 2-core machine: p95 ≤ 50 ms and ≥ 200 complaints/s.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { handleSubmission } from '../functions/submit-complaint.mts';
import { intakeServices } from '../src/adapters/complaint-intake.ts';
import { chooseAdapters } from '../src/adapters/environment.ts';
import { loadProviders } from '../src/adapters/provider-files.ts';

// The function logs a line per complaint; the figures are what this prints.
console.info = () => {};

const CLIENTS = 50;
const COMPLAINTS = 1000;

const dir = await mkdtemp(join(tmpdir(), 'redress-bench-intake-'));
const providers = await loadProviders();
const dependencies = {
  services: intakeServices(chooseAdapters({ REDRESS_DATA_DIR: dir })),
  providers: async () => providers,
  formPage: async () => '',
  now: () => new Date(),
  defer: (task) => {
    unfinished.push(task);
  },
};
const unfinished = [];

function complaint(i) {
  return new Request('http://localhost:4321/api/complaints/cqm', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      submissionId: randomUUID(),
      'full-name': `Bench Person ${i}`,
      email: `person${i}@example.org`,
      'preferred-contact': 'email',
      'for-someone-else': 'no',
      role: 'learner-or-apprentice',
      'under-18': 'no',
      about: 'organisation',
      'what-happened': 'The course sessions were cancelled without notice several times this term.',
      'happened-day': '2',
      'happened-month': '11',
      'happened-year': '2026',
      'raised-informally': 'no',
      'outcome-wanted': 'Rescheduled sessions.',
    }),
  });
}

// One warm-up complaint creates the git repository and loads every module.
await handleSubmission(complaint(-1), dependencies);

const latencies = [];
let next = 0;
let failures = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (next < COMPLAINTS) {
      const i = next++;
      const begun = performance.now();
      const response = await handleSubmission(complaint(i), dependencies);
      latencies.push(performance.now() - begun);
      if (response.status !== 201) failures += 1;
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
// Each complaint is committed and acknowledged after its answer; wait for all of that too.
const committed = (await Promise.all(unfinished)).filter(Boolean).length;
const allStoredSeconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

console.log(`intake on the local store: ${COMPLAINTS} complaints from ${CLIENTS} concurrent clients`);
console.log(`  latency p50  ${percentile(50).toFixed(1)} ms`);
console.log(`  latency p95  ${percentile(95).toFixed(1)} ms   (goal ≤ 50 ms)`);
console.log(`  throughput   ${(COMPLAINTS / seconds).toFixed(0)} complaints/s   (goal ≥ 200)`);
console.log(
  `  all ${committed} committed and acknowledged after ${allStoredSeconds.toFixed(2)} s (${(COMPLAINTS / allStoredSeconds).toFixed(0)}/s)`,
);
console.log(`  failures     ${failures}`);
await rm(dir, { recursive: true, force: true });
if (failures > 0 || committed < COMPLAINTS) process.exit(1);
