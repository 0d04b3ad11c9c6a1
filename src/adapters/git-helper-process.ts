import { execFile } from 'node:child_process';

/**
 * The helper process of src/adapters/git.ts: runs each git command it is sent and answers with its
 * output. It holds nothing of its own, so it can be stopped at any time, and it ends with its parent.
 */

type GitRequest = { id: number; args: string[] };

process.on('message', ({ id, args }: GitRequest) => {
  execFile('git', args, { maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
    process.send?.({ id, stdout, stderr, failure: error === null ? undefined : error.message });
  });
});
process.on('disconnect', () => process.exit(0));
