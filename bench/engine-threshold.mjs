// Where `--engine auto` switches to DuckDB: both engines on growing data (staff : trainings = 1 : 3,
// every target, --by unit), median of 3 interleaved runs each; prints the size where DuckDB starts
// to win. BENCH_ONLY=engine-threshold npm run bench. AUTO_DUCKDB_BYTES in src/cli/attainment-sql.ts
// is set from it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../scripts/sample-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.BENCH_THRESHOLD_STAFF ?? '25000,50000,100000,200000').split(',').map(Number);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function engineThreshold() {
  console.log('engine threshold: in-process vs DuckDB, every target, --by unit, median of 3');
  let crossover = null;
  for (const staff of SIZES) {
    const dir = join(root, 'bench/.work', `data-${staff}-${staff * 3}-threshold`);
    if (!existsSync(join(dir, 'done'))) {
      mkdirSync(dir, { recursive: true });
      await generate({ staff, trainings: staff * 3, seed: 'threshold', out: dir });
      writeFileSync(join(dir, 'done'), '');
    }
    const files = ['staff.csv', 'trainings.csv', 'coverage.csv', 'budget.csv'].map((f) => join(dir, f));
    const mb = files.reduce((a, f) => a + statSync(f).size, 0) / 1e6;
    const args = (engine) => [join(root, 'bin/plan.js'), 'attainment', '--as-of', '2025-12-31', '--staff', files[0], '--trainings', files[1], '--data', `coverage=${files[2]}`, '--data', `budget=${files[3]}`, '--by', 'unit', '--format', 'json', '--engine', engine];
    const times = { js: [], duckdb: [] };
    for (let i = 0; i < 3; i++) {
      for (const e of ['js', 'duckdb']) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync(process.execPath, args(e), { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, PLAN_CACHE: '0' } });
        if (r.status !== 0) throw new Error(`${e}: exit ${r.status}: ${r.stderr.slice(-1000)}`);
        times[e].push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    const js = median(times.js);
    const dk = median(times.duckdb);
    if (crossover === null && dk < js) crossover = mb;
    console.log(`  ${staff.toLocaleString('en').padStart(9)} staff (${mb.toFixed(1).padStart(5)} MB): js ${(js / 1000).toFixed(2)} s, duckdb ${(dk / 1000).toFixed(2)} s (${(js / dk).toFixed(2)}×)`);
  }
  console.log(`  DuckDB is faster from about ${crossover === null ? 'none of these sizes' : `${crossover.toFixed(0)} MB`}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await engineThreshold();
