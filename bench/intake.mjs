// How fast complaints are taken in on the local store, through the real intake function
// (validation and the durable queue before the answer; the git commit and acknowledgement to the
// outbox after it), each run in a data folder of its own under `.data/`, where the local store
// keeps its data by default. 50 concurrent clients, two ways:
// - at the goal's rate: together they offer 200 complaints a second (one every 250 ms each), and
//   the latency each complaint sees is what a person would see at that load;
// - flat out: each posts its next complaint as soon as it has an answer, which finds the most the
//   function can take (there, latency is only 50 ÷ throughput, by Little's law).
// Each prints latency p50/p95, throughput, and how long until every case was committed.
// Goal on a 2-core machine: p95 ≤ 50 ms at ≥ 200 complaints/s.
//
// Creating a file is the local store's main cost, and on this machine's disk (ext4 without a
// journal) it depends on the disk's recent past: for a minute or so after many files are deleted
// nearby (the site build, a test run's clean-up, an earlier bench), each new file costs up to 50
// times more, because the kernel skips every recently freed inode. So each run first prints what
// creating a file costs just then (about 0.02 ms on a settled disk), and the folders are removed
// only at the end. A running site deletes no file per complaint (local-file-intake-queue.ts).
import { randomUUID } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { handleSubmission } from '../functions/submit-complaint.mts';
import { services, servicesFrom } from '../src/composition/services.ts';
import { settingsFrom } from '../src/composition/settings.ts';

// The function logs a line per complaint; the figures are what this prints.
console.info = () => {};

const CLIENTS = 50;
const COMPLAINTS = 1000;
const GOAL_RATE = 200;
const providers = await services().providers();
const dataDir = fileURLToPath(new URL('../.data', import.meta.url));

/** What creating an empty file in `dir` costs just now, in ms (100 files, left for the clean-up). */
function creationCost(dir) {
  const started = performance.now();
  for (let i = 0; i < 100; i++) closeSync(openSync(join(dir, `probe-${i}`), 'wx'));
  return (performance.now() - started) / 100;
}

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

/** Runs 1,000 complaints from 50 clients; `interval` is each client's time between sends, if paced. */
async function run(name, interval) {
  await mkdir(dataDir, { recursive: true });
  const dir = await mkdtemp(join(dataDir, 'bench-intake-'));
  const fileCost = creationCost(dir);
  const unfinished = [];
  const dependencies = {
    services: servicesFrom(settingsFrom({ REDRESS_DATA_DIR: dir })),
    providers: async () => providers,
    formPage: async () => '',
    now: () => new Date(),
    defer: (task) => {
      unfinished.push(task);
    },
  };
  // One warm-up complaint creates the git repository and loads every module.
  await handleSubmission(complaint(-1), dependencies);
  await Promise.all(unfinished.splice(0));

  const latencies = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; i < COMPLAINTS; i += CLIENTS) {
        if (interval !== undefined) {
          // Each client's sends are spread evenly, and the clients start staggered.
          const due = started + (client / CLIENTS) * interval + Math.floor(i / CLIENTS) * interval;
          await sleep(Math.max(0, due - performance.now()));
        }
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
  const percentile = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

  console.log(`${name}: ${COMPLAINTS} complaints from ${CLIENTS} concurrent clients`);
  console.log(`  (creating a file there cost ${fileCost.toFixed(3)} ms just before)`);
  console.log(`  latency p50  ${percentile(50).toFixed(1)} ms`);
  console.log(`  latency p95  ${percentile(95).toFixed(1)} ms   (goal ≤ 50 ms)`);
  console.log(`  throughput   ${(COMPLAINTS / seconds).toFixed(0)} complaints/s   (goal ≥ ${GOAL_RATE})`);
  console.log(
    `  all ${committed} committed and acknowledged after ${allStoredSeconds.toFixed(2)} s (${(COMPLAINTS / allStoredSeconds).toFixed(0)}/s)`,
  );
  console.log(`  failures     ${failures}`);
  return { dir, ok: failures === 0 && committed === COMPLAINTS };
}

const paced = await run(`at ${GOAL_RATE} complaints/s`, (CLIENTS / GOAL_RATE) * 1000);
const flatOut = await run('flat out', undefined);
// Removed only at the end: thousands of files just deleted would slow the next run's writes (see
// src/adapters/local-file-intake-queue.ts), which is not what a running site sees.
await Promise.all([paced, flatOut].map(({ dir }) => rm(dir, { recursive: true, force: true })));
if (!paced.ok || !flatOut.ok) process.exit(1);
