import { type ChildProcess, fork } from 'node:child_process';
import { devNull } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Git runs with a fixed identity and none of this machine's configuration (hooks, signing, line
 * ending conversion), so a case repository behaves the same on every laptop and in CI.
 */
const GIT_ENVIRONMENT = {
  PATH: process.env.PATH ?? '',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: devNull,
  GIT_AUTHOR_NAME: 'Redress',
  GIT_AUTHOR_EMAIL: 'case-store@redress.invalid',
  GIT_COMMITTER_NAME: 'Redress',
  GIT_COMMITTER_EMAIL: 'case-store@redress.invalid',
  LC_ALL: 'C',
};

/** How a git command failed: its message, and what git wrote to stderr. */
export class GitError extends Error {
  readonly stderr: string;

  constructor(message: string, stderr: string) {
    super(message);
    this.name = 'GitError';
    this.stderr = stderr;
  }
}

type GitAnswer = { id: number; stdout: string; stderr: string; failure?: string };
type Waiting = { resolve: (stdout: string) => void; reject: (error: Error) => void };

/** The helper process git is started from, and the commands it is running. */
class GitHelper {
  readonly #child: ChildProcess;
  readonly #waiting = new Map<number, Waiting>();
  #lastId = 0;
  stopped = false;

  constructor() {
    this.#child = fork(fileURLToPath(new URL('./git-helper-process.ts', import.meta.url)), {
      env: GIT_ENVIRONMENT,
      // Not this process's flags (a profiler, a test runner's loader): the helper only runs git.
      execArgv: [],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.#child.unref();
    this.#child.channel?.unref();
    this.#child.on('message', ({ id, stdout, stderr, failure }: GitAnswer) => {
      const request = this.#settle(id);
      if (failure === undefined) request?.resolve(stdout);
      else request?.reject(new GitError(failure, stderr));
    });
    // A helper that dies fails what it was running (a commit is retried by its caller); the next
    // command starts another.
    this.#child.on('error', (error) => this.#stop(error.message));
    this.#child.on('exit', (code, signal) => this.#stop(signal ?? `exit code ${code}`));
  }

  run(args: readonly string[]): Promise<string> {
    const id = ++this.#lastId;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      // Waiting for an answer keeps this process alive; an idle helper does not.
      if (this.#waiting.size === 1) this.#child.channel?.ref();
      this.#child.send({ id, args }, (error) => {
        if (error !== null) this.#settle(id)?.reject(error);
      });
    });
  }

  #settle(id: number): Waiting | undefined {
    const request = this.#waiting.get(id);
    this.#waiting.delete(id);
    if (this.#waiting.size === 0) this.#child.channel?.unref();
    return request;
  }

  #stop(reason: string): void {
    this.stopped = true;
    for (const id of [...this.#waiting.keys()]) {
      this.#settle(id)?.reject(new GitError(`the git helper process stopped (${reason})`, ''));
    }
  }
}

let helper: GitHelper | undefined;

/**
 * Runs `git args` and answers its stdout, or rejects with a `GitError`.
 *
 * Git is started from a small helper process (started on first use, ended with this one), not from
 * this process. Starting a program forks the process that starts it, and forking a process the size
 * of a dev server stalls its event loop about 3 ms per 100 MB it holds: every complaint being taken
 * in at that moment would wait that out, once or twice per commit (bench/intake.mjs).
 */
export function git(args: readonly string[]): Promise<string> {
  if (helper === undefined || helper.stopped) helper = new GitHelper();
  return helper.run(args);
}
