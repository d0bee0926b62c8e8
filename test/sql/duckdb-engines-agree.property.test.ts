// Differential: the sample staff file damaged at random (from a fixed seed) the way exports are —
// cells in other forms or wrong, empty lines, blank rows, rows with a cell too many, duplicated
// rows, marks of a block below the table among the rows — read by both engines. Every finding, the
// report and the exit code must be the same: the DuckDB engine reads as the in-process reader does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module script without types
import { prng } from '../../scripts/sample-data.mjs';
import { ROOT, runMain } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plan-engines-agree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = readFileSync(join(ROOT, 'data/sample/staff.csv'), 'utf8').trimEnd().split('\n');

// Cells an export writes, right and wrong, for any column.
const POOL = ['', ' ', '  x ', 'Công chức', 'CC', 'Giám đốc', 'x', 'Có', 'Không', '✓', 'Bậc 4', 'B2', '1.234', '1.234.567', '12,5', '-3', '007', '99', '31/02/2020', '05/03/2020', '5/3/2020', '2020-3-5', '2020-03-05 00:00:00', '03/04/20', 'abc', 'NV0000001', 'Văn phòng', 'van-phong', 'vu-tckt ', 'hoi-nhap-quoc-te;giang-vien', 'hoi-nhap-quoc-te; giang-vien', 'Giảng viên', ';;', '"a,b"', '\t', '\u3000x\u3000', 'Tổng cộng', 'true', 'FALSE', '1', '0', 'ngày 5 tháng 3 năm 2020', 'Người lập biểu'];

function damaged(seed: number): string {
  const rand = prng(`engines-agree-${seed}`) as () => number;
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out = [lines[0]!];
  for (const line of lines.slice(1, 300)) {
    let c = line.split(',');
    const r = rand();
    if (r < 0.3) {
      const k = Math.floor(rand() * c.length);
      c[k] = pick(POOL);
      if (c[k]!.includes(',') && !c[k]!.startsWith('"')) c[k] = `"${c[k]}"`;
    } else if (r < 0.33) out.push('');
    else if (r < 0.35) c = [...c, 'extra'];
    else if (r < 0.37) c = c.map(() => '');
    else if (r < 0.39 && out.length > 2) c = out[1 + Math.floor(rand() * (out.length - 1))]!.split(',');
    else if (r < 0.4) c = ['', pick(['Tổng cộng', 'Người lập biểu', 'Cộng']), ...c.slice(2).map(() => '')];
    out.push(c.join(','));
  }
  return `${out.join('\n')}\n`;
}

const trainingLines = readFileSync(join(ROOT, 'data/sample/trainings.csv'), 'utf8').trimEnd().split('\n');
const TRAINING_POOL = ['', ' ', 'phap-luat', 'Pháp luật', 'PHAP-LUAT', ' phap-luat', 'x', 'Có', 'không', '1', '0', 'TRUE', '31/02/2020', '05/03/2025', '2025-3-5', '2025-03-05 00:00:00', 'NV9999999', ' NV0000001', 'Tổng cộng', 'ngày 5 tháng 3 năm 2020', '\t', '"a,b"'];

/** The sample training file damaged so: a person the staff file lacks, topics and days in other forms, footers among the rows. */
function damagedTrainings(seed: number): string {
  const rand = prng(`engines-agree-trainings-${seed}`) as () => number;
  const out = [trainingLines[0]!];
  for (const line of trainingLines.slice(1, 2000)) {
    let c = line.split(',');
    const r = rand();
    if (r < 0.2) c[Math.floor(rand() * c.length)] = TRAINING_POOL[Math.floor(rand() * TRAINING_POOL.length)]!;
    else if (r < 0.22) out.push('');
    else if (r < 0.23) c = [...c, 'extra'];
    else if (r < 0.24) c = c.map(() => '');
    else if (r < 0.245) c = ['', 'Tổng cộng', ...c.slice(2).map(() => '')];
    out.push(c.join(','));
  }
  return `${out.join('\n')}\n`;
}

describe('both engines on damaged exports', () => {
  const args = ['attainment', '--as-of', '2025-12-31', '--format', 'json', '--lang', 'en', '--by', 'unit'];
  it.each(Array.from({ length: 12 }, (_x, i) => i + 1))('seed %i: the same findings, report and exit', async (seed) => {
    const f = join(dir, `staff-${seed}.csv`);
    writeFileSync(f, damaged(seed));
    const js = await runMain([...args, '--staff', f]);
    const duck = await runMain([...args, '--staff', f, '--engine', 'duckdb']);
    expect(duck.code).toBe(js.code);
    expect(duck.stderr).toBe(js.stderr);
    expect(duck.stdout).toBe(js.stdout);
    // Not vacuous: the damage shows.
    expect(js.stderr).toMatch(/error ROW_/);
  });

  it.each(Array.from({ length: 6 }, (_x, i) => i + 1))('training file, seed %i: the same findings (in row order), report and exit', async (seed) => {
    const f = join(dir, `trainings-${seed}.csv`);
    writeFileSync(f, damagedTrainings(seed));
    const js = await runMain([...args, '--trainings', f]);
    const duck = await runMain([...args, '--trainings', f, '--engine', 'duckdb']);
    expect(duck.code).toBe(js.code);
    expect(duck.stderr).toBe(js.stderr);
    expect(duck.stdout).toBe(js.stdout);
    expect(js.stderr).toMatch(/error ROW_PERSON_UNKNOWN/);
  });
});
