// Word and Excel output against the text formats of the same reports, on the bundled plans, in one
// run: what writing a docx or xlsx file costs over writing Markdown, HTML or CSV.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function officeBench() {
  const work = mkdtempSync(join(tmpdir(), 'plan-bench-office-'));
  const env = { ...process.env, PLAN_CACHE_DIR: join(work, 'cache'), PLAN_AS_OF: '2025-12-31', NO_COLOR: '1' };
  const plan = join(root, 'bin/plan.js');
  const cases = [
    ['render 88 --format md', ['render', '88', '--format', 'md'], 'render'],
    ['render 88 --format docx', ['render', '88', '--format', 'docx'], 'render'],
    ['render 88 --format xlsx', ['render', '88', '--format', 'xlsx'], 'render'],
    ['tasks --format csv', ['tasks', '--format', 'csv'], 'tasks'],
    ['tasks --format xlsx', ['tasks', '--format', 'xlsx'], 'tasks'],
    ['report --format html', ['report', '--format', 'html'], 'report'],
    ['report --format docx (2 charts)', ['report', '--format', 'docx'], 'report'],
  ];
  const times = cases.map(() => []);
  const run = (args, i) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [plan, ...args, '--out', join(work, `out-${i}`)], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`plan ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  cases.forEach(([, args], i) => run(args, i)); // warm the cache
  for (let k = 0; k < RUNS; k++) cases.forEach(([, args], i) => times[i].push(run(args, i)));
  rmSync(work, { recursive: true, force: true });
  console.log(`Word and Excel output, median of ${RUNS} runs each (interleaved), against the text format of the same command:`);
  const base = {};
  cases.forEach(([name, , group], i) => {
    const ms = median(times[i]);
    base[group] ??= ms;
    console.log(`  plan ${name.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / base[group]).toFixed(2)}×`);
  });
}
