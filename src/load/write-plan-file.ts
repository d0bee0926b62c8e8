// Writing an edited plan file: atomically (a temporary file in the same directory, then rename),
// and only if nobody changed the file since it was read. Callers hold the file's lock
// (plan-lock.ts) from reading it to this write; the comparison here still catches an editor
// that takes no lock.

import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { LoadError } from './load-error.js';
import { tempPathOf } from './plan-lock.js';

/** Thrown when the file changed between reading and writing: nothing is written. */
export class ConcurrentEditError extends Error {}

/** Thrown for a file its user may not write: replacing it through the directory would defeat that. */
export class ReadOnlyError extends Error {}

/**
 * Refuses a file the user cannot write, or that nobody may write (no write bit: root passes
 * access checks, but a file made read-only on purpose stays so).
 */
export function assertWritable(file: string): void {
  let writable = true;
  try {
    accessSync(file, constants.W_OK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
    writable = false;
  }
  if (!writable || (statSync(file).mode & 0o222) === 0) {
    throw new ReadOnlyError(`${file} is read-only; plan does not replace a file you cannot write (make it writable first: chmod u+w)`);
  }
}

export function readPlanBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new LoadError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Replaces `file` with `bytes` if it still holds `expected`; readers see the old or the new file, never a part. */
export function writePlanFile(file: string, bytes: Uint8Array, expected: Uint8Array): void {
  assertWritable(file);
  const tmp = tempPathOf(file, randomBytes(4).toString('hex'));
  const mode = statSync(file).mode & 0o7777;
  const fd = openSync(tmp, 'wx', mode);
  try {
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!Buffer.from(readPlanBytes(file)).equals(Buffer.from(expected))) throw new ConcurrentEditError(`${file} changed while it was being edited; nothing written, run the command again`);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes any file atomically through a random, exclusively created temporary name beside it (never
 * a fixed `TARGET.tmp`, which a planted symlink could turn into a write outside the directory).
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o644): void {
  const tmp = tempPathOf(file, randomBytes(6).toString('hex'));
  const fd = openSync(tmp, 'wx', mode);
  try {
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes a new plan file (plan new, plan import) through a temporary file of a random name, created
 * exclusively, then renamed over `file` (`replace`) or hard-linked to it, which fails with EEXIST if
 * the file appeared meanwhile: a file the user wrote is never replaced without --force, nor half written.
 */
export function writeNewFile(file: string, text: string, replace: boolean): void {
  const tmp = tempPathOf(file, randomBytes(6).toString('hex'));
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (replace) renameSync(tmp, file);
    else {
      try {
        linkSync(tmp, file);
      } catch (e) {
        // A file system without hard links: rename, having checked once more.
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(code ?? '') || existsSync(file)) throw e;
        renameSync(tmp, file);
      }
      rmSync(tmp, { force: true });
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Why a new file could not be written, in words (an error code alone tells a user little). */
export function writeFailure(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code === 'ENOENT' ? 'its directory does not exist' : err.code === 'EISDIR' ? 'it is a directory' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'ENOTDIR' ? 'a part of its path is a file, not a directory' : (err.code ?? err.message);
}
