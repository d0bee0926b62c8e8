// `plan attainment` over 1,000,000 staff and 3,000,000 trainings (generated from a fixed seed into
// bench/.work/, not committed), every target, --by unit; against bench/attainment.py (Python 3's csv
// module) on the same files in the same run, and `--engine duckdb` against a hand-written DuckDB query
// of four of the figures (bench/duckdb-hand.mjs, its own Node process) and against that query with the
// least a checked read must do added (bench/duckdb-hand-checked.mjs). Checks they all give the
// same numbers; reports wall time, peak RSS, MB/s and the ratios. Then the three CSV parsers on the
// same files (bench/csv-parsers.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../scripts/sample-data.mjs';
import { compareParsers } from './csv-parsers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAFF = Number(process.env.BENCH_STAFF ?? 1_000_000);
const TRAININGS = Number(process.env.BENCH_TRAININGS ?? 3_000_000);
const SEED = 'bench-1';
const RUNS = Number(process.env.BENCH_ATTAINMENT_RUNS ?? 3);
const AS_OF = '2025-12-31';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const hasTime = existsSync('/usr/bin/time');

/** Runs a command; wall time from here, peak RSS from /usr/bin/time -f %M (KB) where it exists. */
function measure(cmd, args, extraEnv = {}) {
  const full = hasTime ? ['/usr/bin/time', ['-f', '%M', cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  // The checked plans cached (as on a user's machine), the measured targets never: each run measures.
  const r = spawnSync(full[0], full[1], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, PLAN_CACHE_DIR: join(root, 'bench/.work/cache'), PLAN_MEASURE_CACHE: '0', NO_COLOR: '1', ...extraEnv } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const lines = r.stderr.trim().split('\n');
  const rssKb = hasTime ? Number(lines[lines.length - 1]) : NaN;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return { ms, rssMB: rssKb / 1024, stdout: r.stdout, stderr: r.stderr };
}

async function data() {
  const dir = join(root, 'bench/.work', `data-${STAFF}-${TRAININGS}-${SEED}`);
  const stamp = join(dir, 'done');
  if (!existsSync(stamp)) {
    mkdirSync(dir, { recursive: true });
    const t0 = Date.now();
    await generate({ staff: STAFF, trainings: TRAININGS, seed: SEED, out: dir });
    writeFileSync(stamp, `${Date.now() - t0} ms\n`);
  }
  return dir;
}

/** Numerator and denominator of every staff target and unit that both computed and plan shows. */
function compare(planJson, pyJson) {
  const plan = JSON.parse(planJson);
  const py = JSON.parse(pyJson);
  const problems = [];
  let cells = 0;
  for (const [id, p] of Object.entries(py)) {
    const t = plan.targets.find((x) => x.id === id);
    if (!t) {
      problems.push(`${id}: missing from plan's output`);
      continue;
    }
    if (t.numerator !== p.numerator || t.denominator !== p.denominator) problems.push(`${id}: plan ${t.numerator}/${t.denominator}, Python ${p.numerator}/${p.denominator}`);
    for (const g of t.by) {
      if (g.suppressed) continue;
      cells++;
      const q = p.by[g.group];
      if (!q || q[0] !== g.numerator || q[1] !== g.denominator) problems.push(`${id} ${g.group}: plan ${g.numerator}/${g.denominator}, Python ${q}`);
    }
  }
  return { problems, targets: Object.keys(py).length, cells };
}

const CATEGORY = { 'cong-chuc': 'Công chức', 'vien-chuc': 'Viên chức', other: 'Hợp đồng lao động' };

/** The generated staff file as an HR export writes it: categories by name, "x" for a manager, dates day first. */
function exportForms(text) {
  const lines = text.split('\n');
  const dayFirst = (d) => (d.length === 10 ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : d);
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const c = lines[i].split(',');
    c[2] = CATEGORY[c[2]] ?? c[2];
    c[4] = c[4] === 'true' ? 'x' : c[4] === 'false' ? '' : c[4];
    c[8] = dayFirst(c[8]);
    c[9] = dayFirst(c[9]);
    lines[i] = c.join(',');
  }
  return lines.join('\n');
}

/** Every target's figures, unit by unit: what must not change with the way a file writes its cells. */
function figures(json) {
  return JSON.parse(json).targets.map((t) => [t.id, t.numerator, t.denominator, t.by]);
}

export async function attainmentBench() {
  const dir = await data();
  const files = ['staff.csv', 'trainings.csv'].map((f) => join(dir, f));
  const mb = files.reduce((a, f) => a + statSync(f).size, 0) / 1e6;
  const units = join(dir, 'units.json');
  writeFileSync(units, spawnSync(process.execPath, [join(root, 'bin/plan.js'), 'units', '--format', 'json'], { cwd: root, encoding: 'utf8' }).stdout);
  const planArgs = [join(root, 'bin/plan.js'), 'attainment', '--as-of', AS_OF, '--staff', files[0], '--trainings', files[1], '--data', `coverage=${join(dir, 'coverage.csv')}`, '--data', `budget=${join(dir, 'budget.csv')}`, '--by', 'unit', '--format', 'json'];
  const pyArgs = [join(root, 'bench/attainment.py'), files[0], files[1], units];
  const handArgs = [join(root, 'bench/duckdb-hand.mjs'), files[0], files[1]];
  const checkedArgs = [join(root, 'bench/duckdb-hand-checked.mjs'), files[0], files[1]];
  // Fill the plan cache once, so no run below pays for checking the plan files.
  measure(process.execPath, [join(root, 'bin/plan.js'), 'validate']);
  measure(process.execPath, [join(root, 'bin/plan.js'), 'attainment', '--as-of', AS_OF, '--format', 'json']);
  const plan = [];
  const py = [];
  const duck = [];
  const hand = [];
  const checked = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const a = measure(process.execPath, planArgs);
    const b = measure('python3', pyArgs);
    const c = measure(process.execPath, [...planArgs, '--engine', 'duckdb']);
    const d = measure(process.execPath, handArgs);
    const e = measure(process.execPath, checkedArgs);
    plan.push(a);
    py.push(b);
    duck.push(c);
    hand.push(d);
    checked.push(e);
    last = { plan: a.stdout, py: b.stdout, duck: c.stdout, hand: d.stdout, checked: e.stdout };
  }
  const check = compare(last.plan, last.py);
  const p = { ms: median(plan.map((x) => x.ms)), rss: Math.max(...plan.map((x) => x.rssMB)) };
  const q = { ms: median(py.map((x) => x.ms)), rss: Math.max(...py.map((x) => x.rssMB)) };
  const dk = { ms: median(duck.map((x) => x.ms)), rss: Math.max(...duck.map((x) => x.rssMB)) };
  const hd = { ms: median(hand.map((x) => x.ms)), rss: Math.max(...hand.map((x) => x.rssMB)) };
  const ck = { ms: median(checked.map((x) => x.ms)), rss: Math.max(...checked.map((x) => x.rssMB)) };
  // The two engines' reports, byte for byte; the hand-written query's four figures against both.
  const sameReport = last.duck === last.plan;
  const handCheck = compare(last.duck, last.hand);
  const { bad: checkedBad, ...checkedFigures } = JSON.parse(last.checked);
  const checkedCheck = compare(last.duck, JSON.stringify(checkedFigures));
  console.log(`attainment: ${STAFF.toLocaleString('en')} staff, ${TRAININGS.toLocaleString('en')} trainings (${mb.toFixed(0)} MB), every target, --by unit; median of ${RUNS} runs each, interleaved`);
  console.log(`  plan attainment        ${(p.ms / 1000).toFixed(2).padStart(6)} s  ${(mb / (p.ms / 1000)).toFixed(0).padStart(4)} MB/s  peak RSS ${p.rss.toFixed(0)} MB`);
  console.log(`  python3 csv (baseline) ${(q.ms / 1000).toFixed(2).padStart(6)} s  ${(mb / (q.ms / 1000)).toFixed(0).padStart(4)} MB/s  peak RSS ${q.rss.toFixed(0)} MB`);
  console.log(`  plan is ${(q.ms / p.ms).toFixed(2)}× as fast as the Python script; runs: plan ${plan.map((x) => (x.ms / 1000).toFixed(2)).join(', ')} s, Python ${py.map((x) => (x.ms / 1000).toFixed(2)).join(', ')} s`);
  console.log(`  plan --engine duckdb   ${(dk.ms / 1000).toFixed(2).padStart(6)} s  ${(mb / (dk.ms / 1000)).toFixed(0).padStart(4)} MB/s  peak RSS ${dk.rss.toFixed(0)} MB`);
  console.log(`  DuckDB by hand (4 figures, own process) ${(hd.ms / 1000).toFixed(2)} s, peak RSS ${hd.rss.toFixed(0)} MB`);
  console.log(`  --engine duckdb takes ${(dk.ms / hd.ms).toFixed(2)}× the hand-written query's time (aim: within 1.5×), ${(p.ms / dk.ms).toFixed(2)}× faster than the in-process engine; runs: duckdb ${duck.map((x) => (x.ms / 1000).toFixed(2)).join(', ')} s, by hand ${hand.map((x) => (x.ms / 1000).toFixed(2)).join(', ')} s`);
  // The floor of any reading that checks each cell: the hand query with only the canonical-form tests added, in its one pass.
  console.log(`  the same hand query reading every cell as text and testing it (the least a checked read does): ${(ck.ms / 1000).toFixed(2)} s, ${(ck.ms / hd.ms).toFixed(2)}× the hand query, peak RSS ${ck.rss.toFixed(0)} MB; --engine duckdb is ${(dk.ms / ck.ms).toFixed(2)}× it; runs ${checked.map((x) => (x.ms / 1000).toFixed(2)).join(', ')} s; ${checkedCheck.problems.length === 0 && checkedBad === 0 ? 'its figures the same, no bad row' : `DISAGREES (${checkedBad} bad rows): ${checkedCheck.problems.slice(0, 5).join('; ')}`}`);
  if (checkedCheck.problems.length || checkedBad !== 0) process.exitCode = 1;
  // Where the DuckDB engine's time goes: one more run with each statement timed.
  const traced = measure(process.execPath, [...planArgs, '--engine', 'duckdb'], { PLAN_DUCKDB_TRACE: '1' });
  const statements = [...traced.stderr.matchAll(/^duckdb (\d+) ms[^:]*: (.*)$/gm)].map((m) => ({ ms: Number(m[1]), sql: m[2] }));
  const inDuck = statements.reduce((a, x) => a + x.ms, 0);
  const top = [...statements].sort((a, b) => b.ms - a.ms).slice(0, 4);
  console.log(`  of a traced --engine duckdb run (${(traced.ms / 1000).toFixed(2)} s), DuckDB statements take ${(inDuck / 1000).toFixed(2)} s; the rest is start-up, plans, Node and output. Largest: ${top.map((x) => `${x.ms} ms ${x.sql.slice(0, 48)}…`).join('; ')}`);
  if (!sameReport || handCheck.problems.length) {
    console.log(`  DISAGREE: ${sameReport ? '' : 'the duckdb and in-process reports differ; '}${handCheck.problems.slice(0, 10).join('; ')}`);
    process.exitCode = 1;
  } else {
    console.log(`  --engine duckdb gives the in-process engine's report byte for byte; the hand-written query agrees on its ${handCheck.targets} targets and ${handCheck.cells.toLocaleString('en')} unit cells`);
  }
  if (check.problems.length) {
    console.log(`  DISAGREE on ${check.problems.length} numbers:\n    ${check.problems.slice(0, 10).join('\n    ')}`);
    process.exitCode = 1;
  } else {
    console.log(`  both agree on all ${check.targets} staff targets and ${check.cells.toLocaleString('en')} unit cells`);
  }
  // The cost of an HR export's forms: the same staff with every category, checkmark and date written
  // as an export writes them ("Công chức", "x", 18/08/1997), on both engines, against the canonical run.
  const exported = join(dir, 'staff-export.csv');
  if (!existsSync(exported)) writeFileSync(exported, exportForms(readFileSync(files[0], 'utf8')));
  const exportArgs = planArgs.map((a) => (a === files[0] ? exported : a));
  const ej = measure(process.execPath, exportArgs);
  const ed = measure(process.execPath, [...exportArgs, '--engine', 'duckdb']);
  const sameExport = JSON.stringify(figures(ej.stdout)) === JSON.stringify(figures(last.plan));
  console.log(`  the staff file in export forms (every category, checkmark and date): in-process ${(ej.ms / 1000).toFixed(2)} s (${(ej.ms / p.ms).toFixed(2)}× its canonical run), peak ${ej.rssMB.toFixed(0)} MB; --engine duckdb ${(ed.ms / 1000).toFixed(2)} s (${(ed.ms / dk.ms).toFixed(2)}×), peak ${ed.rssMB.toFixed(0)} MB; ${ej.stdout === ed.stdout ? 'the two reports byte for byte the same' : 'REPORTS DIFFER'}${sameExport ? ', the figures the canonical file\'s' : ', FIGURES DIFFER from the canonical file'}`);
  if (ej.stdout !== ed.stdout || !sameExport) process.exitCode = 1;
  if (process.env.BENCH_PARSERS !== '0') compareParsers(dir);
  return { plan: p, python: q, duckdb: dk, hand: hd, checked: ck, agree: check.problems.length === 0 && sameReport && handCheck.problems.length === 0 };
}

if (import.meta.url === `file://${process.argv[1]}`) await attainmentBench();
