import type { Dirent } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import type { CaseStore, CreateResult, StoredFile, UpdateResult } from '../ports/case-store.ts';
import { checkStorePath, folderOfPrefix, hashGitBlob } from './case-store-paths.ts';
import {
  checkCommitMessage,
  GroupCommit,
  planWrites,
  type WriteRequest,
  type WriteResult,
} from './case-store-writes.ts';
import { backoff } from './concurrency.ts';
import { replaceFile } from './durable-file.ts';
import { GitError, git } from './git.ts';

/** Files per commit: keeps git's command line short however many writes pile up. */
const MAX_BATCH = 100;
/**
 * Files read or written at once by a commit. A commit of a hundred files all at once would fill the
 * queue of disk work that new complaints are accepted through (see src/use-cases/receive-complaint.ts).
 */
const DISK_CONCURRENCY = 4;
/** A writer's lock older than this was left by a process that died mid-commit. */
const STALE_LOCK_MS = 30_000;

/**
 * The case store on this machine: a git repository (by default `.data/cases`) created on first use.
 * Files are written to the working tree as well as committed, because Decap's local backend
 * (decap-server) reads and writes the working tree; so the working tree is what this store reads,
 * and a version is the blob sha of the file as it is on disk.
 *
 * Writes from this process go through one queue and are committed in groups. Writes from other
 * processes (a CLI sweep beside the dev server) are kept apart by a lock file in `.git`.
 */
export class LocalGitCaseStore implements CaseStore {
  readonly directory: string;
  readonly #writes = new GroupCommit((requests) => this.#commit(requests), MAX_BATCH);
  #repository: Promise<void> | undefined;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  create(path: string, text: string, message: string): Promise<CreateResult> {
    return this.#writes.create(path, text, message);
  }

  update(path: string, text: string, expectedVersion: string, message: string): Promise<UpdateResult> {
    return this.#writes.update(path, text, expectedVersion, message);
  }

  async read(path: string): Promise<StoredFile | undefined> {
    const bytes = await this.#readBytes(checkStorePath(path));
    return bytes === undefined ? undefined : { text: bytes.toString('utf8'), version: hashGitBlob(bytes) };
  }

  async readMany(paths: readonly string[]): Promise<Map<string, StoredFile>> {
    const files = await pLimit(16).map(paths, async (path) => [path, await this.read(path)] as const);
    return new Map(files.filter((entry): entry is [string, StoredFile] => entry[1] !== undefined));
  }

  async list(prefix: string): Promise<string[]> {
    // Walk only the deepest folder the prefix names: a provider's year, not every case ever.
    const files = await this.#walk(folderOfPrefix(prefix));
    return files.filter((path) => path.startsWith(prefix)).sort();
  }

  /**
   * Rewrites every branch with `git fast-export | fast-import`, leaving out `paths`, then expires the
   * reflogs and prunes, so the old versions are gone from `.git` and not merely unreachable. The
   * working tree is committed first (a member of staff's unsaved-to-history edit through Decap would
   * otherwise be lost when it is reset to the rewritten head), and checked out again afterwards.
   * The write lock keeps this process's and the CLI's commits out meanwhile; decap-server takes no
   * lock, so an edit saved during the rewrite may have to be saved again.
   */
  async expunge(paths: readonly string[], message: string): Promise<void> {
    const expunged = new Set(paths.map(checkStorePath));
    checkCommitMessage(message);
    await this.#ensureRepository();
    const release = await this.#lock();
    try {
      await this.#commitWorkingTree('Commit edits made before rewriting history');
      if ((await this.#git(['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '')) !== '') {
        // Without data, the stream names blobs by id, so they are reused from this repository.
        const exported = await this.#git(['fast-export', '--all', '--no-data', '--reencode=yes']);
        await this.#git(['fast-import', '--quiet', '--force'], withoutPaths(exported, expunged));
        // Not `reset --hard`, which would keep the old head reachable as ORIG_HEAD.
        await this.#git(['read-tree', '-u', '--reset', 'HEAD']);
      }
      await this.#git(['commit', '--quiet', '--no-verify', '--allow-empty', '--message', message]);
      await this.#git(['reflog', 'expire', '--expire=now', '--expire-unreachable=now', '--all']);
      await this.#git(['gc', '--quiet', '--prune=now']);
    } finally {
      await release();
    }
  }

  /** Every file under `folder`, leaving out hidden names (`.git`, temporary files). */
  async #walk(folder: string): Promise<string[]> {
    let entries: Dirent[];
    try {
      entries = await readdir(join(this.directory, folder), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const visible = entries.filter((entry) => !entry.name.startsWith('.'));
    const nested = await Promise.all(
      visible.map((entry) => {
        const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
        if (entry.isDirectory()) return this.#walk(path);
        return entry.isFile() ? [path] : [];
      }),
    );
    return nested.flat();
  }

  async #readBytes(path: string): Promise<Buffer | undefined> {
    try {
      return await readFile(join(this.directory, path));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async #commit(requests: WriteRequest[]): Promise<WriteResult[]> {
    await this.#ensureRepository();
    const release = await this.#lock();
    try {
      const paths = [...new Set(requests.map((request) => request.path))];
      const before = new Map(
        await pLimit(DISK_CONCURRENCY).map(
          paths,
          async (path) => [path, await this.#readBytes(path)] as const,
        ),
      );
      const versions = new Map([...before].map(([path, bytes]) => [path, bytes && hashGitBlob(bytes)]));
      const plan = planWrites(requests, versions);
      if (plan.files.size === 0) return plan.results;
      const written = [...plan.files.keys()];
      try {
        await pLimit(DISK_CONCURRENCY).map([...plan.files], ([path, text]) =>
          replaceFile(join(this.directory, path), text, { durable: false }),
        );
        await this.#git(['add', '--', ...written]);
        await this.#git(['commit', '--quiet', '--no-verify', '--message', plan.message, '--', ...written]);
      } catch (error) {
        // Put the working tree back, so a failed write is not mistaken later for a stored one.
        await Promise.all(written.map((path) => this.#restore(path, before.get(path))));
        throw error;
      }
      return plan.results;
    } finally {
      await release();
    }
  }

  async #restore(path: string, bytes: Buffer | undefined): Promise<void> {
    const file = join(this.directory, path);
    if (bytes === undefined) await rm(file, { force: true });
    else await replaceFile(file, bytes.toString('utf8'), { durable: false });
    await this.#git(['reset', '--quiet', '--', path]).catch(() => undefined);
  }

  /** Creates the repository if there is none, then commits what an earlier process left uncommitted. */
  #ensureRepository(): Promise<void> {
    this.#repository ??= (async () => {
      if (await stat(join(this.directory, '.git')).catch(() => undefined)) {
        await this.#commitLeftovers();
        return;
      }
      // Another process may be creating it too: build the repository aside and move it into place
      // in one step, so exactly one attempt wins and nobody sees half a repository.
      await mkdir(this.directory, { recursive: true });
      const staging = await mkdtemp(join(this.directory, '.init-'));
      try {
        await this.#git(['init', '--quiet', '--initial-branch=main', '--template=', staging]);
        await rename(join(staging, '.git'), join(this.directory, '.git')).catch((error: unknown) => {
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw error;
        });
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    })().catch((error: unknown) => {
      this.#repository = undefined;
      throw error;
    });
    return this.#repository;
  }

  /**
   * Commits the files the working tree holds and the history does not. A process stopped between
   * writing a case file and committing it leaves one; this store reads the working tree, so the
   * next `create` of that case would find it there and answer "already stored", and it would never
   * be committed. Hidden names (temporary files, `.git`) are left alone.
   */
  async #commitLeftovers(): Promise<void> {
    const release = await this.#lock();
    try {
      await this.#commitWorkingTree('Commit files a stopped process left');
    } finally {
      await release();
    }
  }

  /** Commits whatever the working tree holds that history does not, leaving out hidden names. */
  async #commitWorkingTree(message: string): Promise<void> {
    const visible = ['--', '.', ':(exclude,glob)**/.*'];
    if ((await this.#git(['status', '--porcelain', '--untracked-files=all', ...visible])) === '') return;
    await this.#git(['add', '--all', ...visible]);
    await this.#git(['commit', '--quiet', '--no-verify', '--message', message]);
  }

  /** Takes the lock that keeps other processes' writes out; resolves to its release. */
  async #lock(): Promise<() => Promise<void>> {
    const path = join(this.directory, '.git', 'redress-write.lock');
    for (let attempt = 0; ; attempt++) {
      try {
        await (await open(path, 'wx')).close();
        return () => unlink(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        await removeIfStale(path);
        await backoff(Math.min(attempt, 6), 2);
      }
    }
  }

  /**
   * Runs git in the repository, retrying while another git process holds the index, and clearing
   * an index lock left by a git process that died, which would otherwise block every commit.
   */
  async #git(args: readonly string[], input?: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await git(['-C', this.directory, ...args], input);
      } catch (error) {
        if (attempt >= 8 || !(error instanceof GitError) || !error.stderr.includes('index.lock')) throw error;
        await removeIfStale(join(this.directory, '.git', 'index.lock'));
        await backoff(attempt, 10);
      }
    }
  }
}

/**
 * A `git fast-export` stream with every change to `paths` left out, so the commits it rebuilds
 * never held them. A `data <bytes>` block (a commit message) is copied whole, whatever it says.
 */
export function withoutPaths(stream: string, paths: ReadonlySet<string>): string {
  const bytes = Buffer.from(stream, 'utf8');
  const kept: Buffer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const newline = bytes.indexOf(0x0a, at);
    const end = newline === -1 ? bytes.length : newline + 1;
    const line = bytes.toString('utf8', at, end);
    at = end;
    const data = /^data (\d+)\n$/.exec(line);
    if (data !== null) {
      const length = Number(data[1]);
      kept.push(Buffer.from(line, 'utf8'), bytes.subarray(at, at + length));
      at += length;
      continue;
    }
    // `M <mode> <blob> <path>` or `D <path>`; store paths never need quoting (checkStorePath).
    const change = /^(?:M \S+ \S+|D) (.*)\n$/.exec(line);
    if (change !== null && paths.has(change[1] ?? '')) continue;
    kept.push(Buffer.from(line, 'utf8'));
  }
  return Buffer.concat(kept).toString('utf8');
}

async function removeIfStale(lock: string): Promise<void> {
  const held = await stat(lock).catch(() => undefined);
  if (held !== undefined && Date.now() - held.mtimeMs > STALE_LOCK_MS) await rm(lock, { force: true });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
