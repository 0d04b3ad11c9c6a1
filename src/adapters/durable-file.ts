import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Small file primitives for the local adapters, which must not lose or half-write anything a
 * person was told is safe ("never a false 'received'", DESIGN "Intake").
 */

/**
 * Runs `write` into `folder`, making the folder first only if `write` finds it missing. Asking for
 * it every time would cost a disk operation per write, and intake writes several per complaint.
 */
async function inFolder<T>(folder: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(folder, { recursive: true });
    return write();
  }
}

async function writeTemporary(path: string, data: string, durable: boolean): Promise<string> {
  const temporary = join(dirname(path), `.tmp-${randomBytes(8).toString('hex')}`);
  const handle = await inFolder(dirname(path), () => open(temporary, 'wx'));
  try {
    await handle.writeFile(data, 'utf8');
    if (durable) await handle.sync();
  } finally {
    await handle.close();
  }
  return temporary;
}

/** Flushes a directory entry, so a new or renamed file survives a power cut, not just its bytes. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `data` to `path` only if nothing is there, atomically: readers see the whole file or none
 * of it, and of several writers racing for the same path exactly one wins (a hard link cannot
 * replace an existing name). Durably unless told otherwise. `alsoAt` gives the same file a second
 * name, replacing whatever is there, once it is created. Answers whether this call created it.
 */
export async function writeFileExclusively(
  path: string,
  data: string,
  { durable = true, alsoAt }: { durable?: boolean; alsoAt?: string } = {},
): Promise<boolean> {
  const folders = [...new Set([path, alsoAt ?? path].map((name) => dirname(name)))];
  const temporary = await writeTemporary(alsoAt ?? path, data, durable);
  try {
    await inFolder(dirname(path), () => link(temporary, path));
  } catch (error) {
    await unlink(temporary);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  // The temporary name is kept as the second name, or dropped: either way no file is deleted.
  if (alsoAt === undefined) await unlink(temporary);
  else await rename(temporary, alsoAt);
  if (durable) await Promise.all(folders.map(syncDirectory));
  return true;
}

/**
 * Replaces `path` with `data` atomically: readers see the old file or the new one. `durable` also
 * flushes it to disk before answering; leave it off only where something else is the durable copy
 * (a git working tree, whose commit follows at once).
 */
export async function replaceFile(
  path: string,
  data: string,
  { durable }: { durable: boolean },
): Promise<void> {
  const temporary = await writeTemporary(path, data, durable);
  await rename(temporary, path);
  if (durable) await syncDirectory(dirname(path));
}

/** The names in a folder, or none when the folder does not exist yet (nothing was written to it). */
export async function readdirIfAny(directory: string): Promise<string[]> {
  try {
    return await readdir(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
