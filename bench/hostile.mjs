// Bad input costs at most a small factor over good input (issue 9, defects 3 and 4): each hostile
// run is timed against the same command on the same files without the hostile value, in one run,
// interleaved, and the ratio of the medians printed (the aim: within 2×).
//   - `plan status` with one unbroken word of 320,000 characters in a task due soon;
//   - `plan validate` with an unknown `lead:` of 64,000 characters (against an unknown `vu-tcktx`);
//   - `plan attainment` on staff data whose 2,000 rows name 2,000 distinct unknown units (against
//     the same rows with their real units).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const plan = join(root, 'bin/plan.js');
const RUNS = Number(process.env.BENCH_HOSTILE_RUNS ?? 5);

function time(args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [plan, ...args], { cwd, env: { ...process.env, PLAN_CACHE: '0', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`plan ${args.join(' ').slice(0, 200)} exited ${r.status}: ${String(r.stderr).slice(0, 500)}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A copy of the bundled plans (and sample data) in `dir`, with the decision file of 88/QĐ-BHXH edited. */
function plansWith(dir, edit) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'plans'), join(dir, 'plans'), { recursive: true });
  cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
  const file = join(dir, 'plans/qd-88-bhxh-2024.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

const once = (text, from, to) => {
  if (!text.includes(from)) throw new Error(`bench fixture: "${from}" not found`);
  return text.replace(from, to);
};

export function hostileBench() {
  const work = mkdtempSync(join(tmpdir(), 'plan-bench-hostile-'));
  try {
    // A fixed word (no randomness needed: the cost is in its length).
    const word = 'Đềán'.repeat(80_000); // 320,000 characters
    const statusNormal = plansWith(join(work, 'status-normal'), (t) => t);
    const statusLong = plansWith(join(work, 'status-long'), (t) => once(t, 'content: >-\n              Đẩy mạnh thực hiện chi trả', `content: >-\n              ${word} Đẩy mạnh thực hiện chi trả`));
    const leadNormal = plansWith(join(work, 'lead-normal'), (t) => once(t, 'lead: vu-tckt', 'lead: vu-tcktx'));
    const leadLong = plansWith(join(work, 'lead-long'), (t) => once(t, 'lead: vu-tckt', `lead: vu-${'t'.repeat(64_000)}`));
    const staffText = readFileSync(join(root, 'data/sample/staff.csv'), 'utf8');
    const lines = staffText.trimEnd().split('\n');
    const unknown = [lines[0], ...lines.slice(1).map((l, i) => l.replace(/^([^,]*),([^,]*),/, (_m, id) => `${id},don-vi-khong-co-${i}-${(i * 7919) % 10007},`))].join('\n') + '\n';
    const staffUnknown = join(work, 'staff-unknown-units.csv');
    writeFileSync(staffUnknown, unknown);
    const staffNormal = join(root, 'data/sample/staff.csv');

    const cases = [
      ['plan status, a 320,000-character word in a task', ['status', '--no-attainment', '--as-of', '2024-12-20'], statusNormal, statusLong],
      ['plan validate, a 64,000-character unknown lead', ['validate'], leadNormal, leadLong],
      ['plan attainment, 2,000 distinct unknown units in staff', ['attainment', '--as-of', '2025-12-31', '--format', 'json'], null, null],
    ];
    const rows = [];
    for (const [name, args, normalDir, hostileDir] of cases) {
      const normal = [];
      const hostile = [];
      for (let i = 0; i < RUNS; i++) {
        if (normalDir) {
          normal.push(time(args, normalDir));
          hostile.push(time(args, hostileDir));
        } else {
          normal.push(time([...args, '--staff', staffNormal], root));
          hostile.push(time([...args, '--staff', staffUnknown], root));
        }
      }
      rows.push([name, median(normal), median(hostile)]);
    }
    console.log(`\nbad input against good input, median of ${RUNS} (bench/hostile.mjs)`);
    console.log('| case | good input | bad input | ratio |');
    console.log('| --- | --- | --- | --- |');
    for (const [name, n, h] of rows) console.log(`| ${name} | ${n.toFixed(0)} ms | ${h.toFixed(0)} ms | ${(h / n).toFixed(2)}× |`);
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) hostileBench();
