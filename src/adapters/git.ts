import { type ChildProcess, spawn } from 'node:child_process';
import { devNull } from 'node:os';

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

/**
 * The helper's program: it runs each git command it is sent and answers with the output, holds
 * nothing of its own, and ends with its parent. It is source text, not a module beside this one,
 * because functions are bundled (by `astro dev` and on deploy) and a module file would not be there.
 */
const HELPER_PROGRAM = `// redress git helper
const { execFile } = require('node:child_process');
process.on('message', ({ id, args, input }) => {
  const child = execFile('git', args, { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
    process.send({ id, stdout, stderr, failure: error === null ? undefined : error.message });
  });
  // git may exit before reading its input (a failed command): its answer says so, not a broken pipe.
  child.stdin.on('error', () => {});
  child.stdin.end(input);
});
process.on('disconnect', () => process.exit(0));
`;

/** The helper process git is started from, and the commands it is running. */
class GitHelper {
  readonly #child: ChildProcess;
  readonly #waiting = new Map<number, Waiting>();
  #lastId = 0;
  stopped = false;

  constructor() {
    // None of this process's flags (a profiler, a test runner's loader): the helper only runs git.
    this.#child = spawn(process.execPath, ['--eval', HELPER_PROGRAM], {
      env: GIT_ENVIRONMENT,
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

  run(args: readonly string[], input: string | undefined): Promise<string> {
    const id = ++this.#lastId;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      // Waiting for an answer keeps this process alive; an idle helper does not.
      if (this.#waiting.size === 1) this.#child.channel?.ref();
      this.#child.send({ id, args, input }, (error) => {
        if (error !== null) this.#settle(id)?.reject(error);
      });
    });
  }

  /**
   * Ends an idle helper and waits for it, so this process or thread reaps it. Only the thread that
   * started a child can reap it: one that ends first leaves it a zombie until the whole process
   * ends. @netlify/dev runs every function call in a new worker thread, each with its own copy of
   * this module and its own helper, so without this each complaint left one behind.
   */
  end(): void {
    if (this.stopped || this.#waiting.size > 0) return;
    this.stopped = true;
    // Held until the helper has exited and been reaped; the helper exits when the channel closes.
    this.#child.ref();
    if (this.#child.connected) this.#child.disconnect();
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
 * Runs `git args`, with `input` on its standard input (nothing, when not given), and answers its
 * stdout, or rejects with a `GitError`.
 *
 * Git is started from a small helper process (started on first use, ended when this process or
 * thread has nothing else to do), not from
 * this process. Starting a program forks the process that starts it, and forking a process the size
 * of a dev server stalls its event loop about 3 ms per 100 MB it holds: every complaint being taken
 * in at that moment would wait that out, once or twice per commit (bench/intake.mjs).
 */
export function git(args: readonly string[], input?: string): Promise<string> {
  if (helper === undefined || helper.stopped) {
    const started = new GitHelper();
    // When nothing else is left to do, the helper is ended and waited for (`end`), then this
    // process or thread ends as it would have.
    process.once('beforeExit', () => started.end());
    helper = started;
  }
  return helper.run(args, input);
}
