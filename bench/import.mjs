// plan import on a large generated decision against a small one, measured in one run: the time
// per row should stay flat (no cost that grows with the square of the table or of a cell), and a
// table of hostile cells (long lists of names that match nothing) costs a small factor at most.
// Inputs are generated from a fixed seed with the `docx` package.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** A small deterministic generator (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = ['Vụ Tổ chức cán bộ', 'Vụ Pháp chế', 'Trung tâm CNTT', 'BHXH các tỉnh, thành phố', 'Vụ TCKT', 'Các đơn vị liên quan'];
const PERIODS = ['Tháng 01/2026', 'Quý II/2026', 'Năm 2026', 'Thường xuyên'];

async function decision(rows, hostile, rnd) {
  const cell = (t) => new TableCell({ children: [new Paragraph(t)] });
  const body = [];
  for (let g = 0; g < rows / 10; g++) {
    body.push(new TableRow({ children: [cell(String(g + 1)), new TableCell({ columnSpan: 5, children: [new Paragraph(`Nhóm ${g + 1}`)] })] }));
    for (let t = 0; t < 10; t++) {
      const names = hostile
        ? Array.from({ length: 60 }, (_, k) => `Đơn vị lạ số ${Math.floor(rnd() * 1e6)}${k % 7 === 0 ? ' (ghi chú)' : ''}`).join(', ')
        : Array.from({ length: 3 }, () => UNITS[Math.floor(rnd() * UNITS.length)]).join(', ');
      body.push(
        new TableRow({
          children: [cell(`${g + 1}.${t + 1}`), cell(`Nội dung nhiệm vụ ${g + 1}.${t + 1} `.repeat(5)), cell(UNITS[t % UNITS.length]), cell(names), cell(PERIODS[t % PERIODS.length]), cell('Sản phẩm')],
        }),
      );
    }
  }
  const header = new TableRow({ children: ['TT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'].map(cell) });
  const doc = new Document({
    sections: [{ children: ['Số: 1/QĐ-BHXH', 'Hà Nội, ngày 1 tháng 2 năm 2026', 'PHỤ LỤC', 'NHIỆM VỤ'].map((t) => new Paragraph(t)).concat([new Table({ rows: [header, ...body] })]) }],
  });
  return Packer.toBuffer(doc);
}

function time(file) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin/plan.js'), 'import', file, '--plans', join(root, 'plans')], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`plan import ${file} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function importBench() {
  const dir = mkdtempSync(join(tmpdir(), 'plan-bench-import-'));
  try {
    const rnd = random(12);
    const files = {};
    for (const [name, rows, hostile] of [['small', 200, false], ['large', 2000, false], ['hostile', 2000, true]]) {
      files[name] = join(dir, `${name}.docx`);
      writeFileSync(files[name], await decision(rows, hostile, rnd));
    }
    const t = { small: [], large: [], hostile: [] };
    for (let i = 0; i < RUNS; i++) for (const k of Object.keys(t)) t[k].push(time(files[k]));
    const [s, l, h] = [median(t.small), median(t.large), median(t.hostile)];
    console.log(`plan import: 200 rows ${s.toFixed(0)} ms, 2000 rows ${l.toFixed(0)} ms (×${(l / s).toFixed(1)} for ×10 rows), 2000 hostile rows ${h.toFixed(0)} ms (×${(h / l).toFixed(1)} over 2000 plain rows)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await importBench();
