import { createHash } from 'node:crypto';

// What the case store adapters share: how a path is checked and how a version is computed.

/** The git blob sha of `text`: what `git hash-object` prints for a file holding it (UTF-8). */
export function hashGitBlob(text: string | Uint8Array): string {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

const PATH_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * Refuses a path that could escape the store or that git and GitHub would read differently:
 * absolute paths, `..`, empty or hidden segments, and characters outside a safe set.
 */
export function checkStorePath(path: string): string {
  const segments = path.split('/');
  if (path.length > 400 || !segments.every((segment) => PATH_SEGMENT.test(segment))) {
    throw new RangeError(
      `"${path}" is not a case store path: use segments of letters, digits, ".", "_" and "-" separated by "/"`,
    );
  }
  return path;
}

/**
 * The folder a `list` prefix names (everything before its last `/`), checked like a path, so a
 * prefix cannot climb out of the store either. `acme/2026/` → `acme/2026`; `acme` → ``.
 */
export function folderOfPrefix(prefix: string): string {
  const end = prefix.lastIndexOf('/');
  return end === -1 ? '' : checkStorePath(prefix.slice(0, end));
}
