// An exclusive lock beside a plan file (`.NAME.lock`, created with O_EXCL) held from reading the
// file to renaming the new one over it, so two recorders never both edit the same old bytes: the
// second waits (a bounded time) and then reads what the first wrote. A lock or temporary file left
// by a process that no longer runs (killed mid-write) is removed by the next run, which says so.

import { closeSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** How long a recorder waits for another to finish before giving up. */
export const LOCK_WAIT_MS = 15_000;
const POLL_MS = 15;

/** The lock could not be had in time: nothing was written. */
export class LockTimeoutError extends Error {}

export interface PlanLock {
  /** Temporary files of killed runs that were removed, by name. */
  cleaned: string[];
  release(): void;
}

export function lockPathOf(file: string): string {
  return join(dirname(file), `.${basename(file)}.lock`);
}

/** The temporary name a writer uses for `file`: hidden, with its process id, random, in the same directory. */
export function tempPathOf(file: string, random: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${random}.tmp`);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holder(lock: string): number | undefined {
  try {
    return Number.parseInt(readFileSync(lock, 'utf8'), 10);
  } catch {
    return undefined;
  }
}

/** Removes the temporary files of `file` whose writer is gone; returns their names. */
function cleanTemporaries(file: string): string[] {
  const prefix = `.${basename(file)}.`;
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return out;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length));
    if (!m || alive(Number(m[1]))) continue;
    rmSync(join(dirname(file), name), { force: true });
    out.push(name);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes the lock of `file`, waiting at most `waitMs` for another holder. */
export async function lockPlanFile(file: string, waitMs = LOCK_WAIT_MS): Promise<PlanLock> {
  const lock = lockPathOf(file);
  const deadline = Date.now() + waitMs;
  let staleRemoved = false;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx', 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      const cleaned = cleanTemporaries(file);
      if (staleRemoved) cleaned.unshift(basename(lock));
      return {
        cleaned,
        release() {
          if (holder(lock) === process.pid) rmSync(lock, { force: true });
        },
      };
    }
    const pid = holder(lock);
    // A holder that is gone (killed between locking and unlocking) leaves its lock behind.
    if (pid !== undefined && !alive(pid) && holder(lock) === pid) {
      rmSync(lock, { force: true });
      staleRemoved = true;
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(`${file} is being edited by another plan command (process ${pid ?? '?'}, lock ${basename(lock)}); nothing written, run the command again`);
    }
    await sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
  }
}
