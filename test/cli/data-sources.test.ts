// Where the figures come from: status, attainment and report name the files each target was
// measured on, and say plainly when that is the bundled synthetic sample. Control characters in a
// data file never reach the terminal; counts are written with the right plural.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-sources-'));
  writeFileSync(join(dir, 'staff.csv'), 'id,unit,category\nS1,van-phong,cong-chuc\nS2,van-phong,"cong\u001b[31m-chuc"\n\nTổng cộng,,\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled sample is named as synthetic', () => {
  it('plan attainment: every data line, a note, and each target measured on it', async () => {
    const r = await runMain(['attainment', '--as-of', '2025-12-31', '--decision', '456/QĐ-BHXH', '--lang', 'en']);
    expect(r.code).toBe(0);
    // The notes wrap to the terminal with a hanging indent: read as the paragraphs they are.
    const text = r.stdout.replace(/\n {2}(?=\S)/g, ' ');
    expect(text).toContain('staff: data/sample/staff.csv (2,000 rows) — SYNTHETIC SAMPLE');
    expect(text).toContain('are the bundled SYNTHETIC sample: figures measured on them are not real');
    expect(text).toMatch(/Measured on data\/sample\/staff\.csv \+ data\/sample\/trainings\.csv \(synthetic sample\): cc-phap-luat-dao-duc, /);
    const j = JSON.parse((await runMain(['attainment', '--as-of', '2025-12-31', '--target', 'cc-phap-luat-dao-duc', '--format', 'json'])).stdout);
    expect(j.targets[0].measure).toMatchObject({ files: ['data/sample/staff.csv', 'data/sample/trainings.csv'], synthetic: true });
    expect(j.data.datasets.map((d: { dataset: string; synthetic: boolean }) => [d.dataset, d.synthetic])).toEqual([
      ['staff', true],
      ['trainings', true],
    ]);
  });

  it('plan attainment --format md says it in bold', async () => {
    const r = await runMain(['attainment', '--as-of', '2025-12-31', '--decision', '456/QĐ-BHXH', '--format', 'md', '--lang', 'en']);
    expect(r.stdout).toMatch(/\*\*Note: data\/sample\/staff\.csv, data\/sample\/trainings\.csv are the bundled SYNTHETIC sample/);
  });

  it('plan status lists the files and warns', async () => {
    const r = await runMain(['status', '--as-of', '2025-12-31', '--no-color', '--full', '--lang', 'en']);
    expect(r.stdout).toMatch(/measured on: data\/sample\/staff\.csv \(synthetic\)/);
    expect(r.stdout).toContain('the bundled SYNTHETIC sample data: these figures are not real');
  });

  it('plan report says so in Vietnamese and in English', async () => {
    const vi = await runMain(['report', '--as-of', '2025-12-31', '--decision', '456/QĐ-BHXH']);
    expect(vi.stdout).toContain('là dữ liệu mẫu tổng hợp đi kèm công cụ; các số liệu tính từ đó không phải số liệu thật.');
    const en = await runMain(['report', '--as-of', '2025-12-31', '--decision', '456/QĐ-BHXH', '--lang', 'en', '--format', 'html']);
    expect(en.stdout).toContain('is the bundled synthetic sample; figures measured on it are not real.');
  });

  it('a file given on the command line is not called synthetic', async () => {
    const r = await runMain(['attainment', '--as-of', '2025-12-31', '--staff', join(dir, 'staff.csv'), '--target', 'boi-duong-ky-nang-so', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j.data.datasets.find((d: { dataset: string }) => d.dataset === 'staff').synthetic).toBe(false);
    expect(r.stderr).not.toContain('SYNTHETIC');
  });
});

describe('a data file cannot drive the terminal', () => {
  it('an escape sequence in a cell is shown as text; one skipped row is "1 row"', async () => {
    const r = await runMain(['attainment', '--as-of', '2025-12-31', '--staff', join(dir, 'staff.csv'), '--target', 'boi-duong-ky-nang-so']);
    expect(r.stderr).toContain('"cong\\x1b[31m-chuc" is not a category');
    expect(r.stderr.includes('\u001b')).toBe(false);
    expect(r.stderr).toContain('2 rows skipped as no data: 1 blank row, 1 row below the table from row 5 ("Tổng cộng")');
    expect(r.stderr).toContain('staff.csv: 1 bad row excluded (1 ROW_VALUE_UNKNOWN)');
  });
});
