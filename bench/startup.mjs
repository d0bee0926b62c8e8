// Start-up cost of `plan` against `node -e 0`, measured in one run: `plan status` with the bundled
// sample data (caches warm, and cold: PLAN_CACHE=0, so the YAML is checked and the data read and
// folded), `plan tasks` (warm and cold), `plan validate` (never cached); then a generated plan set
// of 10,000 tasks in 20 files (bench/large-plans.mjs, fixed seed, removed after): `plan validate`
// cold and `plan status` warm. Runs are interleaved so that machine noise hits all sides alike; the
// median of each is compared.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLargePlans } from './large-plans.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const LARGE_RUNS = Number(process.env.BENCH_LARGE_RUNS ?? 5);

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

/** Runs every case `runs` times, interleaved, and prints each median with its ratio to the first. */
function measure(title, runs, cases) {
  const times = cases.map(() => []);
  for (let i = 0; i < runs; i++) cases.forEach(([, run], j) => times[j].push(run()));
  const base = median(times[0]);
  console.log(`${title}, median of ${runs} runs each (interleaved; load average ${loadavg()[0].toFixed(1)}):`);
  const out = {};
  cases.forEach(([name], j) => {
    const ms = median(times[j]);
    out[name] = ms;
    console.log(`  ${name.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / base).toFixed(2)}×`);
  });
  return out;
}

export function startup() {
  const cache = mkdtempSync(join(tmpdir(), 'plan-bench-cache-'));
  const plan = join(root, 'bin/plan.js');
  const warm = { PLAN_CACHE_DIR: cache, PLAN_AS_OF: '2024-07-01', NO_COLOR: '1' };
  const cold = { PLAN_CACHE: '0', PLAN_AS_OF: '2024-07-01', NO_COLOR: '1' };
  const node = () => time(process.execPath, ['-e', '0'], {});
  const run = (args, env) => () => time(process.execPath, [plan, ...args], env);
  let again = 0;
  // Fill the caches.
  for (const args of [['status'], ['status', '--no-attainment'], ['tasks'], ['tasks', '--format', 'json']]) run(args, warm)();
  const small = measure('start-up, bundled plans', RUNS, [
    ['node -e 0', node],
    ['plan status (caches warm, sample data)', run(['status'], warm)],
    ['plan status (no cache: YAML checks, data read)', run(['status'], cold)],
    ['plan status --no-attainment (caches warm)', run(['status', '--no-attainment'], warm)],
    ['plan tasks (caches warm)', run(['tasks'], warm)],
    ['plan tasks --format json (caches warm)', run(['tasks', '--format', 'json'], warm)],
    ['plan tasks (no cache: YAML and schema checks)', run(['tasks'], cold)],
    ['plan validate (never cached)', run(['validate'], warm)],
    ['plan status (new flags: plans and measure from the caches)', () => run(['status', '--within', String(100 + again++)], warm)()],
  ]);

  const large = mkdtempSync(join(tmpdir(), 'plan-bench-large-'));
  let big;
  try {
    writeLargePlans(large, { decisions: 20, tasks: 500, seed: 13 });
    const onLarge = (args, env) => run([...args, '--plans', large], env);
    let fresh = 0;
    onLarge(['status'], warm)();
    big = measure('10,000 tasks in 20 files', LARGE_RUNS, [
      ['node -e 0', node],
      ['plan validate (cold: YAML and schema checks)', onLarge(['validate'], warm)],
      ['plan status (warm)', onLarge(['status'], warm)],
      // A command line not seen before (--within N, a new N each run): not replayed, plans from the cache.
      ['plan status (new flags: checked plans from the cache)', () => onLarge(['status', '--within', String(100 + fresh++)], warm)()],
      ['plan status (no cache)', onLarge(['status'], cold)],
    ]);
  } finally {
    rmSync(large, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
  return { small, big };
}

if (import.meta.url === `file://${process.argv[1]}`) startup();
