// `npm start`: the site (astro dev, which also serves the functions) and the two Decap local
// backends, so both editors work on this machine with no account:
// - cases (port 8081, `DEFAULTS.caseEditorBackendPort`): decap-server in git mode over the local case store, so every save from
//   /cases/<provider>/ is a commit, as it would be on GitHub;
// - site (port 8082, `DEFAULTS.adminEditorBackendPort`): decap-server in file mode over this repository, so /admin/ edits the files
//   and the publisher reviews and commits them (git mode would commit everything in the tree).
// Output is prefixed with each process's name; when one stops, or on Ctrl-C, all stop.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { childEnvironment, DEFAULTS, settings } from '../src/composition/settings.ts';

const root = resolve(import.meta.dirname, '..');
const { dataDir, editors } = settings();
const casesDirectory = join(dataDir, 'cases');

// The case store's fixed identity (as in src/adapters/git.ts, under the staff editor's name), so
// commits need no git configuration on this machine.
const identity = {
  GIT_AUTHOR_NAME: 'Redress staff editor',
  GIT_AUTHOR_EMAIL: 'case-store@redress.invalid',
  GIT_COMMITTER_NAME: 'Redress staff editor',
  GIT_COMMITTER_EMAIL: 'case-store@redress.invalid',
};

/** The case store as a git repository with a `main` branch: decap-server reads that branch. */
function ensureCaseRepository() {
  const git = (...args) =>
    execFileSync('git', args, { cwd: casesDirectory, env: childEnvironment(identity), stdio: 'pipe' });
  mkdirSync(casesDirectory, { recursive: true });
  if (!existsSync(join(casesDirectory, '.git')))
    git('init', '--quiet', `--initial-branch=${DEFAULTS.branch}`, '--template=');
  try {
    git('rev-parse', '--verify', '--quiet', DEFAULTS.branch);
  } catch {
    git(
      'commit',
      '--quiet',
      '--allow-empty',
      '--no-verify',
      '--no-gpg-sign',
      '--message',
      'Case store created',
    );
  }
}

const processes = [
  {
    name: 'site',
    args: [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', ...process.argv.slice(2)],
    env: {},
  },
  {
    name: 'cases',
    args: [join(root, 'node_modules/decap-server/dist/index.js')],
    env: {
      PORT: String(editors.caseBackendPort),
      MODE: 'git',
      GIT_REPO_DIRECTORY: casesDirectory,
      ...identity,
    },
  },
  {
    name: 'admin',
    args: [join(root, 'node_modules/decap-server/dist/index.js')],
    env: { PORT: String(editors.adminBackendPort), MODE: 'fs', GIT_REPO_DIRECTORY: root },
  },
];

ensureCaseRepository();
const width = Math.max(...processes.map((process) => process.name.length));
let stopping = false;
const children = processes.map(({ name, args, env }) => {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: childEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name.padEnd(width)}] `;
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    createInterface({ input: stream }).on('line', (line) => out.write(`${prefix}${line}\n`));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${prefix}stopped (${signal ?? `exit ${code}`}); stopping the others\n`);
      stopAll(code ?? 1);
    }
  });
  return child;
});

function stopAll(code) {
  stopping = true;
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAll(0));
