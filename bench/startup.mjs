// Start-up cost of `plan tasks` and `plan status` on the bundled plans against `node -e 0`, measured in one run.
// `plan status` measures the targets against the bundled sample data; `--no-attainment` reads no data.
// Runs are interleaved so that machine noise hits both sides alike; the median of each is compared.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function time(cmd, args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function startup() {
  const cache = mkdtempSync(join(tmpdir(), 'plan-bench-cache-'));
  const warmEnv = { PLAN_CACHE_DIR: cache, PLAN_AS_OF: '2024-07-01', NO_COLOR: '1' };
  const coldEnv = { PLAN_CACHE: '0', PLAN_AS_OF: '2024-07-01', NO_COLOR: '1' };
  const plan = join(root, 'bin/plan.js');
  time(process.execPath, [plan, 'tasks'], warmEnv); // fill the cache
  const base = [];
  const warm = [];
  const warmJson = [];
  const cold = [];
  const status = [];
  const statusBare = [];
  for (let i = 0; i < RUNS; i++) {
    base.push(time(process.execPath, ['-e', '0'], {}));
    warm.push(time(process.execPath, [plan, 'tasks'], warmEnv));
    warmJson.push(time(process.execPath, [plan, 'tasks', '--format', 'json'], warmEnv));
    cold.push(time(process.execPath, [plan, 'tasks'], coldEnv));
    status.push(time(process.execPath, [plan, 'status'], warmEnv));
    statusBare.push(time(process.execPath, [plan, 'status', '--no-attainment'], warmEnv));
  }
  rmSync(cache, { recursive: true, force: true });
  const b = median(base);
  const rows = [
    ['node -e 0', b],
    ['plan tasks (cache warm)', median(warm)],
    ['plan tasks --format json (cache warm)', median(warmJson)],
    ['plan tasks (no cache: YAML + schema checks)', median(cold)],
    ['plan status (cache warm, sample data)', median(status)],
    ['plan status --no-attainment (cache warm)', median(statusBare)],
  ];
  console.log(`start-up, median of ${RUNS} runs each (interleaved):`);
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(46)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / b).toFixed(2)}×`);
  return { base: b, warm: median(warm), cold: median(cold), status: median(status), statusBare: median(statusBare) };
}

if (import.meta.url === `file://${process.argv[1]}`) startup();
