// Where a command's output goes: stdout, or --out FILE written atomically. Binary formats (docx,
// xlsx) are never printed to a terminal.

import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BINARY_FORMATS } from '../render/formats.js';
import { UsageError, type Io } from './io.js';
import { writeFailure } from '../load/write-plan-file.js';

/** Refuses a binary format bound for a terminal, before any work is done. */
export function checkOutput(io: Io, format: string | undefined, out: string | undefined, example: string): void {
  const what = format ? BINARY_FORMATS[format] : undefined;
  if (what && out === undefined && io.stdout.isTTY) {
    throw new UsageError(`--format ${format} writes ${what}, which a terminal cannot show: give --out FILE, or redirect it (${example} > out.${format})`);
  }
}

/**
 * Writes the output: to stdout, or to `out` through a temporary file in the same directory, created
 * exclusively under a random name and renamed over the target, so a reader never sees part of it.
 */
export async function writeOutput(io: Io, content: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out === undefined) {
    io.stdout.write(content);
    return;
  }
  const dest = resolve(io.cwd, out);
  const tmp = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.tmp`);
  let written = false;
  try {
    const fh = await open(tmp, 'wx', 0o666);
    try {
      await fh.writeFile(content);
    } finally {
      await fh.close();
    }
    await rename(tmp, dest);
    written = true;
  } catch (e) {
    throw new UsageError(`cannot write --out ${out}: ${writeFailure(e)}`);
  } finally {
    if (!written) await unlink(tmp).catch(() => undefined);
  }
}
