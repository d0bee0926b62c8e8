// A cache of measured targets: reading and folding the data files is most of `plan status` (and all
// of a repeated `plan attainment`), and the data rarely changes between two runs. An entry is keyed
// by everything the result stands on: the build, the plan files' bytes (the plan cache's key, which
// covers the dataset definitions and the units registry), the exact bytes of every data file read,
// which files were absent, the as-of day and year, the selected targets, every option of the command
// but those that only change how the result is rendered, and the working directory (findings name
// files relative to it). Any difference misses. Same directory and switch as the plan cache
// (PLAN_CACHE=0 turns both off, PLAN_MEASURE_CACHE=0 this one only); an unreadable, truncated or foreign entry is a miss.

import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { PlanSet } from '../model/plan-set.js';
import { buildId, cacheDir, planKey } from '../load/plan-cache.js';
import { planAttainment } from '../report/attainment/attainment.js';
import type { CommandEnv } from './context.js';
import { dataFiles } from './data-files.js';
import type { DataFindings } from './data-findings.js';
import type { Measured, MeasureOptions } from './attainment-data.js';

/** Options that only change how a result is shown, not what is measured. */
const RENDER_ONLY = new Set(['format', 'color', 'lang']);

interface Entry<T> {
  key: string;
  found: DataFindings;
  value: T;
}

/** What a file looked like when hashed: a write since then (a change while it was read) keeps the result out of the cache. */
type Stamp = [string, number, number, number];

function stamp(path: string): Stamp {
  const st = statSync(path);
  return [path, st.size, st.mtimeMs, st.ino];
}

function hashFile(h: ReturnType<typeof createHash>, path: string): void {
  // In pieces: a data file can be hundreds of megabytes.
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = readSync(fd, buf, 0, buf.length, null)) > 0) h.update(n === buf.length ? buf : buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

function canonical(opts: object): [string, unknown][] {
  return Object.entries(opts)
    .filter(([k, v]) => !RENDER_ONLY.has(k) && v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function read<T>(file: string, key: string): Entry<T> | undefined {
  try {
    const entry = deserialize(readFileSync(file)) as Entry<T>;
    if (entry === null || typeof entry !== 'object' || entry.key !== key || !entry.found || !Array.isArray(entry.found.data?.reads) || !Array.isArray(entry.found.data?.issues)) return undefined;
    return entry;
  } catch {
    return undefined;
  }
}

function write(file: string, dir: string, entry: Entry<unknown>): void {
  // A name of its own per writer, then an atomic rename: concurrent runs never see half an entry.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, serialize(entry));
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs speed.
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

/**
 * Measures the selected targets through `compute`, or returns what the same measure gave last time.
 * `command` names the caller (one entry per command and plans directory); `options` are the
 * command's options as parsed, all of which key the entry except the render-only ones.
 */
export async function measuredOnce<T>(command: string, plans: PlanSet, env: CommandEnv, opts: MeasureOptions, options: object, compute: (m: Measured) => T | Promise<T>): Promise<{ found: DataFindings; value: T; cached: boolean }> {
  const fresh = async (): Promise<{ m: Measured; value: T }> => {
    const { readTargetData } = await import('./attainment-data.js');
    const m = await readTargetData(plans, env, opts);
    return { m, value: await compute(m) };
  };
  // PLAN_MEASURE_CACHE=0: measure every time, the checked plans still cached (a benchmark of new data).
  const off = env.io.env['PLAN_MEASURE_CACHE'] === '0' || env.io.env['PLAN_MEASURE_CACHE'] === 'off';
  const dir = off ? undefined : cacheDir(env.io.env);
  const build = buildId();
  const plansKey = planKey(plans);
  if (!dir || !build || !plansKey) {
    const { m, value } = await fresh();
    return { found: m, value, cached: false };
  }

  const plan = planAttainment(plans, { asOf: env.asOf, ...(opts.year !== undefined ? { year: opts.year } : {}), ...(opts.select ? { select: opts.select } : {}) });
  // Usage errors (a named file that is not there, an unknown dataset) come from the measure itself.
  let files: ReturnType<typeof dataFiles>;
  try {
    files = dataFiles(plans, plan.datasets, opts, env.io.cwd, opts.missingGiven);
  } catch {
    const { m, value } = await fresh();
    return { found: m, value, cached: false };
  }
  const h = createHash('sha256');
  h.update(
    JSON.stringify({
      v: 1,
      build,
      plans: plansKey,
      command,
      cwd: env.io.cwd,
      asOf: env.asOf,
      year: opts.year ?? null,
      targets: plan.targets.map((t) => [t.decision.key, t.target.id]),
      datasets: [...plan.datasets].sort(),
      options: canonical(options),
      measure: canonical({ ...opts, select: undefined }),
      // Every field of how a file is read (path, display, given, sheet …).
      files: [...files.files].map(([id, f]) => [id, Object.entries(f).sort(([a], [b]) => (a < b ? -1 : 1))]),
      missing: files.missing.map((r) => [r.dataset, r.file, r.given]),
    }),
  );
  const before: Stamp[] = [];
  try {
    for (const [, f] of files.files) {
      before.push(stamp(f.path));
      h.update('\0' + f.path + '\0');
      hashFile(h, f.path);
    }
  } catch {
    // A file that cannot be read is the measure's to report.
    const { m, value } = await fresh();
    return { found: m, value, cached: false };
  }
  const key = h.digest('hex');
  const file = join(dir, `measure-${createHash('sha256').update(`${command}\0${resolve(env.io.cwd, env.plansDir)}\0${env.io.cwd}`).digest('hex').slice(0, 24)}.bin`);
  const hit = read<T>(file, key);
  if (hit) return { found: hit.found, value: hit.value, cached: true };

  const { m, value } = await fresh();
  const found: DataFindings = { data: { reads: m.data.reads, issues: m.data.issues, issueCounts: m.data.issueCounts }, unreadable: m.unreadable, badRows: m.badRows, errors: m.errors };
  let unchanged = true;
  try {
    unchanged = before.every((s) => JSON.stringify(stamp(s[0])) === JSON.stringify(s));
  } catch {
    unchanged = false;
  }
  if (unchanged) write(file, dir, { key, found, value });
  return { found, value, cached: false };
}
