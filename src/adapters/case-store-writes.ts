import type { CreateResult, UpdateResult } from '../ports/case-store.ts';
import { checkStorePath, hashGitBlob } from './case-store-paths.ts';

/**
 * What both case stores share about writing: the rules of `create` and `update`, and group commit.
 * A commit costs the same for one file as for twenty (two git processes locally, three GitHub
 * requests counted against its content-creation limit), so writes that arrive while a commit is in
 * flight wait and go together in the next one.
 */

export type WriteRequest =
  | { kind: 'create'; path: string; text: string; message: string }
  | { kind: 'update'; path: string; text: string; expectedVersion: string; message: string };

export type WriteResult = CreateResult | UpdateResult;

/** What one commit must write, and what each request is answered once it has. */
export type WritePlan = {
  results: WriteResult[];
  /** Path → new text, in request order; empty when nothing needs committing. */
  files: Map<string, string>;
  message: string;
};

/**
 * Applies the rules to a batch, given each path's version at the head the commit will build on
 * (`undefined`: no such file). Later requests see earlier ones, so two updates of one path from the
 * same version in one batch end as one success and one conflict, as they would one after another.
 */
export function planWrites(
  requests: readonly WriteRequest[],
  headVersions: ReadonlyMap<string, string | undefined>,
): WritePlan {
  const versions = new Map(headVersions);
  const files = new Map<string, string>();
  const messages: string[] = [];
  const results = requests.map((request): WriteResult => {
    const current = versions.get(request.path);
    const version = hashGitBlob(request.text);
    switch (request.kind) {
      case 'create':
        if (current !== undefined) return { created: false, version: current };
        break;
      case 'update':
        if (current !== request.expectedVersion) return { ok: false, reason: 'conflict' };
        // Writing the same text again would be an empty commit.
        if (version === current) return { ok: true, version };
        break;
      default:
        return request satisfies never;
    }
    versions.set(request.path, version);
    files.set(request.path, request.text);
    messages.push(request.message);
    return request.kind === 'create' ? { created: true, version } : { ok: true, version };
  });
  return { results, files, message: commitMessage(messages) };
}

/** The caller's message as given; for a group commit, a count then each caller's message. */
function commitMessage(messages: readonly string[]): string {
  if (messages.length === 1) return messages[0] ?? '';
  return `Record ${messages.length} changes\n\n${messages.join('\n')}\n`;
}

/** Checks a write before it is queued, so a bad path fails its own caller and not a whole batch. */
function checkWriteRequest(request: WriteRequest): WriteRequest {
  checkStorePath(request.path);
  checkCommitMessage(request.message);
  return request;
}

/**
 * A guard, not a proof: a short single line is room for a verb and a reference, not for a
 * complainant's story, and commit messages must never carry personal data.
 */
export function checkCommitMessage(message: string): void {
  if (!/^\S.{0,99}$/.test(message)) {
    throw new RangeError(
      'a case store commit message is one line of at most 100 characters: a verb and a reference',
    );
  }
}

type Waiting = {
  request: WriteRequest;
  resolve: (result: WriteResult) => void;
  reject: (error: unknown) => void;
};

/**
 * Queues writes and hands them to `commit` in batches, one batch at a time, so writes from one
 * process never race each other. `commit` answers each request of its batch, in order.
 */
export class GroupCommit {
  readonly #commit: (requests: WriteRequest[]) => Promise<WriteResult[]>;
  readonly #maxBatch: number;
  #waiting: Waiting[] = [];
  #running = false;

  constructor(commit: (requests: WriteRequest[]) => Promise<WriteResult[]>, maxBatch: number) {
    this.#commit = commit;
    this.#maxBatch = maxBatch;
  }

  async create(path: string, text: string, message: string): Promise<CreateResult> {
    return (await this.#submit({ kind: 'create', path, text, message })) as CreateResult;
  }

  async update(path: string, text: string, expectedVersion: string, message: string): Promise<UpdateResult> {
    return (await this.#submit({ kind: 'update', path, text, expectedVersion, message })) as UpdateResult;
  }

  async #submit(request: WriteRequest): Promise<WriteResult> {
    checkWriteRequest(request);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ request, resolve, reject });
      if (!this.#running) void this.#run();
    });
  }

  async #run(): Promise<void> {
    this.#running = true;
    while (this.#waiting.length > 0) {
      const batch = this.#waiting.splice(0, this.#maxBatch);
      try {
        const results = await this.#commit(batch.map((waiting) => waiting.request));
        batch.forEach((waiting, i) => {
          waiting.resolve(results[i] as WriteResult);
        });
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.#running = false;
  }
}
