// Replaying the output of a read-only command that ran before with the same inputs. `plan status`
// and `plan tasks` are functions of the command line, a few environment variables, the day, the
// build, the plan files and (for status) the data files: when none of those changed, the output is
// the same bytes, and printing them costs a fraction of loading the program that would compute them.
//
// An entry records what the run read: the plans directory's listing and a hash of every plan
// file's bytes, and every data file the command could have read (present: its bytes' hash; absent:
// that it was absent). A replay lists and hashes them again; any difference, an added or removed
// file, a changed byte, falls through to running the command (which records a new entry). Same
// directory and switch as the other caches (PLAN_CACHE=0 turns it off). Only bin.ts uses this: a run
// through main() in a test records and replays nothing.

import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { listPlanFiles } from '../load/load-plans.js';
import { buildId, cacheDir } from '../load/plan-cache.js';
import type { Io } from './io.js';

/** The commands whose output is replayed: read-only, and fast enough that start-up is most of them. */
const REPLAYED = new Set(['status', 'tasks']);
/** The environment a command's output depends on (commandEnv, the plans directory, the day, the language). */
const ENV = ['PLAN_DIR', 'PLAN_AS_OF', 'PLAN_LANG', 'NO_COLOR', 'FORCE_COLOR', 'COLUMNS'];

interface Entry {
  key: string;
  plans: { dir: string; files: string[]; hash: string };
  /** Data files by absolute path: the hash of their bytes, or null when there was none. */
  data: [string, string | null][];
  stdout: Uint8Array;
  stderr: Uint8Array;
}

interface Recorder {
  plans?: { dir: string; files: string[]; hash: string };
  data: Map<string, string | null>;
  /** size and mtime of every file hashed: a write between the run's read and the end of it keeps the output out. */
  stamps: Map<string, string>;
}

function stampOf(path: string): string {
  try {
    const st = statSync(path);
    return `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return 'none';
  }
}

let recorder: Recorder | undefined;

/** The plan files a command read (called where the plans are loaded; a no-op when not recording). */
export function notePlanFiles(dir: string, files: string[]): void {
  if (!recorder) return;
  for (const f of files) recorder.stamps.set(f, stampOf(f));
  try {
    recorder.plans = { dir, files, hash: hashFiles(files) };
  } catch {
    // not replayable
  }
}

/** Data files a command read or looked for (absolute paths). */
export function noteDataFiles(paths: string[]): void {
  if (!recorder) return;
  for (const p of paths) {
    if (recorder.data.has(p)) continue;
    recorder.stamps.set(p, stampOf(p));
    recorder.data.set(p, dataHash(p));
  }
}

function hashFiles(paths: string[]): string {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  for (const p of paths) {
    h.update('\0' + p + '\0');
    const fd = openSync(p, 'r');
    try {
      let n: number;
      while ((n = readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  }
  return h.digest('hex');
}

function dataHash(path: string): string | null {
  try {
    if (!statSync(path).isFile()) return null;
  } catch {
    return null;
  }
  return hashFiles([path]);
}

function where(argv: string[], io: Io): { dir: string; file: string; key: string } | undefined {
  if (!REPLAYED.has(argv[0] ?? '') || argv.some((a) => a === '-h' || a === '--help')) return undefined;
  // Replayed output stands on measured figures: PLAN_MEASURE_CACHE=0 turns it off too.
  const dir = io.env['PLAN_MEASURE_CACHE'] === '0' || io.env['PLAN_MEASURE_CACHE'] === 'off' ? undefined : cacheDir(io.env);
  const build = buildId();
  if (!dir || !build) return undefined;
  const slot = createHash('sha256').update(JSON.stringify([argv, io.cwd])).digest('hex').slice(0, 24);
  const key = createHash('sha256')
    .update(JSON.stringify({ v: 1, build, argv, cwd: io.cwd, env: ENV.map((k) => io.env[k] ?? null), today: io.today(), tty: [Boolean(io.stdout.isTTY), Boolean(io.stderr.isTTY)], columns: io.stdout.columns ?? null }))
    .digest('hex');
  return { dir, file: join(dir, `replay-${slot}.bin`), key };
}

/** Writes the recorded output of the same command with the same inputs, if there is one; true if it did. */
export function replay(argv: string[], io: Io): boolean {
  const at = where(argv, io);
  if (!at) return false;
  let entry: Entry;
  try {
    entry = deserialize(readFileSync(at.file)) as Entry;
    if (entry?.key !== at.key || !(entry.stdout instanceof Uint8Array) || !(entry.stderr instanceof Uint8Array)) return false;
    const listed = listPlanFiles(entry.plans.dir);
    if (listed.length !== entry.plans.files.length || listed.some((f, i) => f !== entry.plans.files[i])) return false;
    if (hashFiles(listed) !== entry.plans.hash) return false;
    for (const [path, hash] of entry.data) if (dataHash(path) !== hash) return false;
  } catch {
    // Unreadable, truncated or foreign: run the command.
    return false;
  }
  if (entry.stderr.length > 0) io.stderr.write(entry.stderr);
  if (entry.stdout.length > 0) io.stdout.write(entry.stdout);
  return true;
}

/**
 * Starts recording a run; `finish` keeps its output when it ended with exit code 0 and said what it
 * read. Returns the io to run the command with (its writes are kept as they pass).
 */
export function record(argv: string[], io: Io): { io: Io; finish: (code: number) => void } | undefined {
  const at = where(argv, io);
  if (!at) return undefined;
  const rec: Recorder = { data: new Map(), stamps: new Map() };
  recorder = rec;
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const bytes = (c: string | Uint8Array) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c));
  const tee = (stream: Io['stdout'], into: Buffer[]): Io['stdout'] => ({
    write: (c: string | Uint8Array) => {
      into.push(bytes(c));
      return stream.write(c);
    },
    ...(stream.isTTY !== undefined ? { isTTY: stream.isTTY } : {}),
    ...(stream.columns !== undefined ? { columns: stream.columns } : {}),
  });
  return {
    io: { ...io, stdout: tee(io.stdout, out), stderr: tee(io.stderr, err) },
    finish: (code) => {
      recorder = undefined;
      if (code !== 0 || !rec.plans) return;
      const tmp = `${at.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        const entry: Entry = {
          key: at.key,
          plans: rec.plans,
          data: [...rec.data].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
          stdout: Buffer.concat(out),
          stderr: Buffer.concat(err),
        };
        // The files must be as they were when the run read them, and the listing the one it read.
        for (const [p, st] of rec.stamps) if (stampOf(p) !== st) return;
        const listed = listPlanFiles(rec.plans.dir);
        if (listed.length !== entry.plans.files.length || listed.some((f, i) => f !== entry.plans.files[i])) return;
        mkdirSync(at.dir, { recursive: true });
        writeFileSync(tmp, serialize(entry));
        renameSync(tmp, at.file);
      } catch {
        // A cache that cannot be written only costs speed.
        try {
          unlinkSync(tmp);
        } catch {
          // nothing was written
        }
      }
    },
  };
}
