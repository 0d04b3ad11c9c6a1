// How long `complaints due` takes, as a person runs it (`npx complaints ...`) and as the command's
// own work (its bin run by Node directly), beside Node and npx doing nothing at all. Each figure is
// the median wall time of 5 runs after one not counted; the machine's load is printed with them,
// because on a shared machine it moves every figure.
// Goals: `npx complaints due ...` ≤ 1 s; the bin alone ≤ 0.3 s. A missed goal is reported, not failed.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const DUE = ['due', '--nation', 'england-and-wales', '--from', '2026-12-18', '--working-days', '15'];
const RUNS = 5;

function medianSeconds(command, args) {
  const times = [];
  for (let run = 0; run <= RUNS; run += 1) {
    const started = performance.now();
    const { status, stderr } = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${status}: ${stderr}`);
    // The first run fills the caches (the command's bundle, Node's compile cache) and is not counted.
    if (run > 0) times.push(seconds);
  }
  return times.toSorted((a, b) => a - b)[Math.floor(RUNS / 2)];
}

// `npm run bench` runs this with the project's Node (24), the one npx and the bin use.
const node = process.execPath;
const figures = [
  { what: 'node -e 0', seconds: medianSeconds(node, ['-e', '0']) },
  { what: 'npx node -e 0', seconds: medianSeconds('npx', ['node', '-e', '0']) },
  {
    what: 'node bin/complaints.mjs due ...',
    seconds: medianSeconds(node, ['bin/complaints.mjs', ...DUE]),
    goal: 0.3,
  },
  { what: 'npx complaints due ...', seconds: medianSeconds('npx', ['complaints', ...DUE]), goal: 1 },
];

console.log(
  `${cpus().length} processors, load average ${loadavg()[0].toFixed(2)}; median wall time of ${RUNS} runs`,
);
for (const { what, seconds, goal } of figures) {
  const verdict = goal === undefined ? '' : `  (goal ≤ ${goal} s: ${seconds <= goal ? 'met' : 'NOT met'})`;
  console.log(`${what.padEnd(32)} ${seconds.toFixed(3)} s${verdict}`);
}
