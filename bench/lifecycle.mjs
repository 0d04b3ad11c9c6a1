// How fast the escalation and status functions answer on the local store, through the real
// handlers (bundled with esbuild, as Netlify bundles them), 50 concurrent clients each, in a data
// folder of its own under `.data/`:
// - status: reads of private status pages of 1,000 cases (index, case file, clocks, page);
// - escalation: requests for the next stage with outcome-letter links, one per case (link
//   check, decider, durable queue record before the answer; the case's update and the emails
//   after it).
// Each runs twice, as bench/intake.mjs does: paced (together the clients offer 100 requests a
// second, so latency is what a person sees at that load), then flat out (each client sends its next
// request as soon as it has an answer: the most the function takes, where latency is only
// 50 ÷ throughput, by Little's law). Each prints latency p50/p95 and throughput.
// Goal on a 2-core machine: p95 ≤ 50 ms.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = 50;
const CASES = 1000;
const PACED_RATE = 100;
const dataDir = join(ROOT, '.data');
await mkdir(dataDir, { recursive: true });
const dir = await mkdtemp(join(dataDir, 'bench-lifecycle-'));

// The handlers and what the bench needs of the engine, bundled once: pages are TSX.
await build({
  absWorkingDir: ROOT,
  entryPoints: { lifecycle: 'bench/support/lifecycle-entry.ts' },
  outdir: join(dir, 'bundle'),
  bundle: true,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  platform: 'node',
  packages: 'external',
  jsx: 'automatic',
  logLevel: 'error',
});
// As deployed (src/composition/production-mode.ts): here packages stay outside the bundle, and Node
// loads them before any of its code runs, so it is set before the bundle is loaded.
process.env.NODE_ENV ??= 'production';
const engine = await import(pathToFileURL(join(dir, 'bundle', 'lifecycle.mjs')).href);
console.info = () => {};

const services = engine.servicesFrom(engine.settingsFrom({ REDRESS_DATA_DIR: dir }));
// The functions read the provider files once per instance, as here.
const providerList = await services.providers();
const providers = async () => providerList;
const provider = providerList.find((candidate) => candidate.slug === 'digital-marketing-mentor');
const today = engine.londonDate(new Date());
const { cases, tokens } = await engine.writeAnsweredCases(services, provider, CASES, today);

function percentiles(latencies) {
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { p50: at(50), p95: at(95) };
}

/**
 * Runs `requests` (functions answering a Response) from 50 clients, each `interval` ms apart when
 * paced; prints the figures and answers whether every answer had the `expected` status.
 */
async function measure(name, requests, expected, interval) {
  const latencies = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; i < requests.length; i += CLIENTS) {
        if (interval !== undefined) {
          const due = started + (client / CLIENTS) * interval + Math.floor(i / CLIENTS) * interval;
          await sleep(Math.max(0, due - performance.now()));
        }
        const begun = performance.now();
        const response = await requests[i]();
        latencies.push(performance.now() - begun);
        if (response.status !== expected) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { p50, p95 } = percentiles(latencies);
  console.log(`${name}: ${requests.length} requests from ${CLIENTS} concurrent clients`);
  console.log(`  latency p50  ${p50.toFixed(1)} ms`);
  console.log(`  latency p95  ${p95.toFixed(1)} ms   (goal ≤ 50 ms)`);
  console.log(`  throughput   ${(requests.length / seconds).toFixed(0)} requests/s`);
  console.log(`  failures     ${failures}`);
  return failures === 0;
}

const statusRequests = tokens.map(
  (token) => () =>
    engine.handleStatus(new Request(`http://localhost/${provider.slug}/status/${token}`), {
      ...services,
      providers,
      siteUrl: services.settings.siteUrl,
      now: () => new Date(),
    }),
);
const interval = (CLIENTS / PACED_RATE) * 1000;
const statusPaced = await measure(`status pages at ${PACED_RATE}/s`, statusRequests, 200, interval);
const statusFlat = await measure('status pages flat out', statusRequests, 200, undefined);

const unfinished = [];
const dependencies = {
  services: { ...services, log: () => {} },
  providers,
  siteUrl: services.settings.siteUrl,
  now: () => new Date(),
  defer: (task) => unfinished.push(task),
};
const escalations = cases.map((stored) => () => {
  const link = new URL(engine.linkFor(services, provider, stored, today));
  return engine.handleEscalation(
    new Request(`http://localhost/api/escalate/${provider.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: link.searchParams.get('token'),
        reason: 'Not explained.',
      }).toString(),
    }),
    dependencies,
    '192.0.2.1',
  );
});
// A case is escalated once: half the cases for each run.
const half = CASES / 2;
const escalationPaced = await measure(
  `requests for the next stage at ${PACED_RATE}/s`,
  escalations.slice(0, half),
  200,
  interval,
);
const escalationFlat = await measure(
  'requests for the next stage flat out',
  escalations.slice(half),
  200,
  undefined,
);
const settling = performance.now();
const recorded = (await Promise.all(unfinished)).filter(Boolean).length;
console.log(
  `all ${recorded} requests on their cases and acknowledged ${((performance.now() - settling) / 1000).toFixed(2)} s after the last answer`,
);

await rm(dir, { recursive: true, force: true });
if (![statusPaced, statusFlat, escalationPaced, escalationFlat].every(Boolean) || recorded !== CASES) {
  process.exit(1);
}
