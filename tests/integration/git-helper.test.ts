import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GitError, git } from '../../src/adapters/git.ts';

const run = promisify(execFile);

/** The pids of this process's git helpers. */
async function helperPids(): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const commandLine = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // "pid (name) state ppid ...": the name may hold spaces, so read after its ")".
    const parent = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
    if (parent === String(process.pid) && commandLine.includes('redress git helper')) pids.push(Number(name));
  }
  return pids;
}

describe.runIf(process.platform === 'linux')('git, run from a helper process', () => {
  it('answers what git prints, and fails with what git wrote to stderr', async () => {
    expect(await git(['--version'])).toMatch(/^git version /);
    const failure = await git(['no-such-command']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GitError);
    expect((failure as GitError).stderr).toContain("'no-such-command' is not a git command");
  });

  it('fails the commands of a helper that dies, and starts another for the next', async () => {
    await git(['--version']);
    const [helper] = await helperPids();
    expect(helper).toBeDefined();
    const running = git(['-c', 'alias.wait=!sleep 5', 'wait']);
    process.kill(helper as number, 'SIGKILL');
    await expect(running).rejects.toThrow(/git helper process stopped \(SIGKILL\)/);
    expect(await git(['--version'])).toMatch(/^git version /);
    expect(await helperPids()).not.toContain(helper);
  });

  it('leaves no zombie when threads that each ran git with their own copy of the module end', async () => {
    // As @netlify/dev runs functions: each call in a new worker thread, which imports the module anew.
    const gitModule = JSON.stringify(fileURLToPath(new URL('../../src/adapters/git.ts', import.meta.url)));
    const script = `import { readdir, readFile } from 'node:fs/promises';
      import { Worker } from 'node:worker_threads';
      const code = 'const { git } = await import(' + JSON.stringify(${gitModule}) + '); await git(["--version"]);';
      for (let call = 0; call < 3; call++) {
        const worker = new Worker(code, { eval: true, type: 'module' });
        await new Promise((resolve, reject) => worker.on('exit', resolve).on('error', reject));
      }
      // A helper left behind exits when its thread's channel closes: give it the time to.
      await new Promise((resolve) => setTimeout(resolve, 500));
      let zombies = 0;
      for (const name of await readdir('/proc')) {
        const stat = await readFile('/proc/' + name + '/stat', 'utf8').catch(() => '');
        const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (state === 'Z' && parent === String(process.pid)) zombies += 1;
      }
      console.log(zombies);`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(stdout.trim()).toBe('0');
  });

  it('lets a process that ran git exit once it is done, however long the helper stays', async () => {
    const script = `import { git } from ${JSON.stringify(fileURLToPath(new URL('../../src/adapters/git.ts', import.meta.url)))};
      console.log(await git(['--version']));`;
    // Without the fix this never exits: the test times out rather than passing.
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(stdout).toMatch(/^git version /);
  });
});
