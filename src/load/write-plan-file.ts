// Writing an edited plan file: atomically (a temporary file in the same directory, then rename),
// and only if nobody changed the file since it was read.

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LoadError } from './load-error.js';

/** Thrown when the file changed between reading and writing: nothing is written. */
export class ConcurrentEditError extends Error {}

export function readPlanBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new LoadError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Replaces `file` with `bytes` if it still holds `expected`; readers see the old or the new file, never a part. */
export function writePlanFile(file: string, bytes: Uint8Array, expected: Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
