// `plan attainment --engine duckdb` on 10,000,000 staff and 30,000,000 trainings (every target,
// --by unit): generated from a fixed seed into bench/.work/ by this benchmark and removed after.
// Reports wall time and peak RSS (aim: under 15 s, under 2 GB). Not part of the default
// `npm run bench` (the files take ~2.5 GB and minutes to write): BENCH_ONLY=duckdb-10m npm run bench.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../scripts/sample-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAFF = Number(process.env.BENCH_BIG_STAFF ?? 10_000_000);
const TRAININGS = Number(process.env.BENCH_BIG_TRAININGS ?? 30_000_000);

export async function duckdb10m() {
  const dir = join(root, 'bench/.work', `big-${STAFF}-${TRAININGS}`);
  // BENCH_KEEP_BIG=1 keeps the files for the next run (and reuses them when complete).
  const keep = process.env.BENCH_KEEP_BIG === '1';
  const stamp = join(dir, 'done');
  const reuse = keep && existsSync(stamp);
  if (!reuse) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  try {
    const t0 = Date.now();
    if (!reuse) await generate({ staff: STAFF, trainings: TRAININGS, seed: 'bench-big', out: dir });
    if (keep) writeFileSync(stamp, 'done\n');
    const gen = (Date.now() - t0) / 1000;
    const files = ['staff.csv', 'trainings.csv'].map((f) => join(dir, f));
    const mb = files.reduce((a, f) => a + statSync(f).size, 0) / 1e6;
    const args = [join(root, 'bin/plan.js'), 'attainment', '--as-of', '2025-12-31', '--staff', files[0], '--trainings', files[1], '--data', `coverage=${join(dir, 'coverage.csv')}`, '--data', `budget=${join(dir, 'budget.csv')}`, '--by', 'unit', '--format', 'json', '--engine', 'duckdb'];
    const timed = existsSync('/usr/bin/time');
    const t1 = process.hrtime.bigint();
    const r = spawnSync(timed ? '/usr/bin/time' : process.execPath, timed ? ['-f', '%M', process.execPath, ...args] : args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { PLAN_CACHE: '0', ...process.env, NO_COLOR: '1' } });
    const s = Number(process.hrtime.bigint() - t1) / 1e9;
    const lines = r.stderr.trim().split('\n');
    const rss = timed ? Number(lines[lines.length - 1]) / 1024 : NaN;
    if (r.status !== 0) throw new Error(`plan exited ${r.status}: ${r.stderr.slice(-2000)}`);
    const report = JSON.parse(r.stdout);
    const counted = report.targets.filter((t) => t.numerator !== null).length;
    console.log(`attainment --engine duckdb: ${STAFF.toLocaleString('en')} staff, ${TRAININGS.toLocaleString('en')} trainings (${mb.toFixed(0)} MB, generated in ${gen.toFixed(0)} s), every target, --by unit`);
    console.log(`  ${s.toFixed(2)} s, ${(mb / s).toFixed(0)} MB/s, peak RSS ${rss.toFixed(0)} MB (aim: under 15 s and 2,048 MB); ${counted} targets counted`);
    return { s, rss };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await duckdb10m();
