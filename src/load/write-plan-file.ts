// Writing an edited plan file: atomically (a temporary file in the same directory, then rename),
// and only if nobody changed the file since it was read. Callers hold the file's lock
// (plan-lock.ts) from reading it to this write; the comparison here still catches an editor
// that takes no lock.

import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
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
