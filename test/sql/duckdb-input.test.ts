// Which files the DuckDB engine reads as they are (duckdb-input.ts), and what it does with the
// others: refused under --engine duckdb with the reason, given to the in-process reader under
// --engine auto, never read differently. Empty lines and blank rows are skipped on both engines
// with every finding at the file's own row.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { duckdbInput, findEmptyLines } from '../../src/load/data/duckdb-input.js';
// @ts-expect-error a plain ES module script without types
import { generate } from '../../scripts/sample-data.mjs';
import { ROOT, runBin, runMain } from '../helpers/cli.js';
import { loadPlanSet } from '../helpers/plans.js';

const dir = mkdtempSync(join(tmpdir(), 'plan-duckdb-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = readFileSync(join(ROOT, 'data/sample/staff.csv'), 'utf8');
const lines = sample.trimEnd().split('\n');
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

const FILES: [name: string, text: string, refused: RegExp | null][] = [
  ['canonical.csv', sample, null],
  ['crlf.csv', lines.join('\r\n') + '\r\n', null],
  ['bom.csv', '\ufeff' + sample, null],
  ['empty-lines.csv', [...lines.slice(0, 20), '', ...lines.slice(20, 40), '', '', ...lines.slice(40)].join('\n') + '\n\n', null],
  ['semicolons.csv', lines.map((l) => l.replace(/,/g, ';')).join('\n'), /separated by semicolons/],
  ['tabs.csv', lines.map((l) => l.replace(/,/g, '\t')).join('\n'), /separated by tabs/],
  ['title-rows.csv', ['DANH SÁCH CÁN BỘ,,,,,,,,,', 'Đơn vị: BHXH Việt Nam,,,,,,,,,', ...lines].join('\n'), /below 2 title rows/],
  ['footer.csv', [...lines, ',,,,,,,,,', 'Tổng cộng,,,,,,,,,', 'Người lập biểu,,,', '', ',,,,,Hà Nội, ngày 15 tháng 3 năm 2026,,,,'].join('\n'), null],
  ['leading-empty-line.csv', '\n' + sample, /begins with an empty line/],
];

// Bytes that are not UTF-8 past the first megabyte: DuckDB would read them without a word.
const DEEP = Buffer.concat([Buffer.from(sample), Buffer.from('x'.repeat(1 << 20) + '\n'), Buffer.from([0x4e, 0x56, 0xff, 0xfe, 0x0a])]);

describe('duckdbInput: whether DuckDB reads a file as it is', async () => {
  const plans = await loadPlanSet();
  const staff = plans.datasets.find((d) => d.id === 'staff')!;
  it.each(FILES)('%s', async (name, text, refused) => {
    const r = await duckdbInput(staff, write(name, text), name);
    if (refused === null) expect(r.ok, JSON.stringify(r)).toBe(true);
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.finding.message).toMatch(refused);
    }
  });

  it('bytes that are not UTF-8 deep in the file: refused with the in-process reader\'s own finding', async () => {
    const f = join(dir, 'deep-bad-bytes.csv');
    writeFileSync(f, DEEP);
    const r = await duckdbInput(staff, f, 'deep-bad-bytes.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.finding.code).toBe('DATA_ENCODING');
      expect(r.finding.message).toContain('byte 0xFF at line 2003, column 3');
    }
    // A character cut by a read's end is whole UTF-8 all the same.
    const cut = join(dir, 'cut.csv');
    writeFileSync(cut, Buffer.concat([Buffer.from(sample), Buffer.from('x'.repeat((1 << 22) - Buffer.byteLength(sample) - 1)), Buffer.from('ộ\n')]));
    expect((await duckdbInput(staff, cut, 'cut.csv')).ok).toBe(true);
  });

  it('finds the line numbers of empty lines, LF and CRLF, and across the 4 MiB read boundary', async () => {
    expect(await findEmptyLines(write('e1.csv', 'a\n\nb\nc\n\n'))).toEqual([2, 5]);
    expect(await findEmptyLines(write('e2.csv', 'a\r\n\r\nb\r\n'))).toEqual([2]);
    expect(await findEmptyLines(write('e3.csv', 'a\nb\n'))).toEqual([]);
    // "x…x\n" filling the first read to its last byte, then "\n": the empty line is line 2.
    const first = 'x'.repeat((1 << 22) - 1) + '\n';
    expect(await findEmptyLines(write('e4.csv', `${first}\nz\n`))).toEqual([2]);
    expect(await findEmptyLines(write('e5.csv', `${first}\r\nz\n`))).toEqual([2]);
    expect(await findEmptyLines(write('e6.csv', `${'x'.repeat((1 << 22) - 2)}\n\r\nz\n`))).toEqual([2]);
  });
});

describe('the engines on those files', () => {
  const args = ['attainment', '--as-of', '2025-12-31', '--format', 'json', '--lang', 'en', '--by', 'unit'];
  it.each(FILES.filter(([, , refused]) => refused !== null).map(([n]) => n))('%s: --engine duckdb refuses it, naming why and the engine that reads it', async (name) => {
    const f = join(dir, name);
    const duck = await runMain([...args, '--staff', f, '--engine', 'duckdb']);
    expect(duck.code).toBe(1);
    expect(duck.stderr).toMatch(/error (DATA_ENGINE_UNSUPPORTED|DATA_ENCODING)/);
    expect(duck.stderr).toContain('--engine js');
  });

  it('bytes that are not UTF-8 deep in the file: the same finding and exit on both engines', async () => {
    const f = join(dir, 'deep-bad-bytes-2.csv');
    writeFileSync(f, DEEP);
    const js = await runMain([...args, '--staff', f]);
    const duck = await runMain([...args, '--staff', f, '--engine', 'duckdb']);
    expect(js.stderr).toContain('DATA_ENCODING');
    expect(duck.code).toBe(js.code);
    expect(duck.stderr).toBe(js.stderr);
  });

  it('a block below the table (totals, a signature with a short row, a date line): skipped and said so, on both engines', async () => {
    const f = join(dir, 'footer.csv');
    const js = await runMain([...args, '--staff', f]);
    const duck = await runMain([...args, '--staff', f, '--engine', 'duckdb']);
    expect(duck.stderr).toBe(js.stderr);
    expect(duck.stdout).toBe(js.stdout);
    expect(js.stderr).toMatch(/warning DATA_ROWS_SKIPPED 5 rows skipped as no data: 2 blank rows, 3 rows below the table from row \d+ \("Tổng cộng"\)/);
    expect(js.stderr).not.toContain('ROW_FIELD_COUNT');
  });

  it.each(['crlf.csv', 'bom.csv', 'empty-lines.csv'])('%s: the same report and findings on both engines', async (name) => {
    const f = join(dir, name);
    const js = await runMain([...args, '--staff', f]);
    const duck = await runMain([...args, '--staff', f, '--engine', 'duckdb']);
    expect(duck.code).toBe(js.code);
    expect(duck.stderr).toBe(js.stderr);
    expect(duck.stdout).toBe(js.stdout);
  });

  it('empty lines, a row with a cell too many, export forms, a bad unit and an open quote together: the same on both engines', async () => {
    const odd = 'NV7777777,van-phong,Công chức,Giám đốc,x,1980,Bậc 4,,05/03/2020,';
    const text = [...lines.slice(0, 10), '', ...lines.slice(10, 20), 'NV8888888,van-phong,cong-chuc,,true,1980,4,,2020-01-01,,EXTRA', ...lines.slice(20, 30), '', '', odd, 'NV6666666,nowhere,cong-chuc,,true,1980,4,,2020-01-01,', ...lines.slice(30, 40), 'NV5555555,van-phong,"cong-chuc,true,1980,4,,2020-01-01,', ...lines.slice(40)].join('\n');
    const f = write('combination.csv', text);
    const js = await runMain([...args, '--staff', f]);
    const duck = await runMain([...args, '--staff', f, '--engine', 'duckdb']);
    expect(duck.stderr).toBe(js.stderr);
    expect(duck.stdout).toBe(js.stdout);
    // Rows as in the file: the empty lines before them counted.
    for (const at of ['row 22: error ROW_FIELD_COUNT', 'row 36, column 2 (unit): error ROW_UNIT_UNKNOWN', 'row 47: error ROW_QUOTE', '3 rows skipped as no data: 3 blank rows']) expect(js.stderr).toContain(at);
  });

  it('a cell in quotes over three lines (one of them empty), then an empty line and a bad row: record numbers as the in-process reader counts them', async () => {
    const row = lines[5]!.split(',');
    const multi = ['NV9000001', row[1], row[2], '"giam\n\ndoc"', ...row.slice(4)].join(',');
    const bad = ['NV9000002', 'nowhere', ...row.slice(2)].join(',');
    const f = write('multiline.csv', [...lines.slice(0, 10), multi, ...lines.slice(10, 20), '', bad, ...lines.slice(20)].join('\n'));
    const js = await runMain([...args, '--staff', f]);
    const duck = await runMain([...args, '--staff', f, '--engine', 'duckdb']);
    expect(duck.stderr).toBe(js.stderr);
    expect(duck.stdout).toBe(js.stdout);
    expect(js.stderr).toContain('row 23, column 2 (unit): error ROW_UNIT_UNKNOWN');
    expect(js.stderr).toContain('1 row skipped as no data: 1 blank row');
  });

  it('empty lines and blank rows: the same report and findings on both engines, rows as in the file', async () => {
    const text = [...lines.slice(0, 20), '', ',,,,,,,,,', ...lines.slice(20, 40), ' , ,,,,,,,,', '', 'NV9999999,nowhere,cong-chuc,,false,1980,3,,2020-01-01,', ...lines.slice(40)].join('\n');
    const f = write('blank-rows.csv', text);
    const js = await runMain([...args, '--staff', f]);
    const duck = await runMain([...args, '--staff', f, '--engine', 'duckdb']);
    expect(duck.stderr).toBe(js.stderr);
    expect(duck.stdout).toBe(js.stdout);
    // The bad row is on line 45 of the file (header, 19 rows, 2 blank, 20 rows, 2 blank, then it).
    expect(js.stderr).toContain('row 45, column 2 (unit): error ROW_UNIT_UNKNOWN');
    expect(js.stderr).toContain('4 rows skipped as no data: 4 blank rows');
  });
});

describe('--engine auto past its threshold', () => {
  // 110,000 staff and 330,000 trainings: about 22 MB, past AUTO_DUCKDB_BYTES (20 MB).
  const big = join(dir, 'big');
  const ready = generate({ staff: 110_000, trainings: 330_000, seed: 'auto-threshold', out: big });
  const run = (staff: string, engine: string) =>
    runBin(['attainment', '--as-of', '2025-12-31', '--format', 'json', '--staff', staff, '--trainings', join(big, 'trainings.csv'), '--engine', engine], { env: { PLAN_DUCKDB_TRACE: '1' } });

  it('takes DuckDB for canonical files (same report as the in-process engine)', async () => {
    await ready;
    const auto = run(join(big, 'staff.csv'), 'auto');
    const js = run(join(big, 'staff.csv'), 'js');
    expect(auto.code, auto.stderr.slice(-500)).toBe(0);
    expect(auto.stderr).toMatch(/^duckdb \d+ ms/m);
    expect(js.stderr).not.toMatch(/^duckdb \d+ ms/m);
    expect(auto.stdout).toBe(js.stdout);
  }, 60_000);

  it('gives a semicolon-separated export to the in-process reader', async () => {
    await ready;
    const f = join(big, 'staff-semicolons.csv');
    writeFileSync(f, readFileSync(join(big, 'staff.csv'), 'utf8').replace(/,/g, ';'));
    const auto = run(f, 'auto');
    const js = run(f, 'js');
    expect(auto.code, auto.stderr.slice(-500)).toBe(0);
    expect(auto.stderr).not.toMatch(/^duckdb \d+ ms/m);
    expect(auto.stdout).toBe(js.stdout);
    const duck = run(f, 'duckdb');
    expect(duck.code).toBe(1);
    expect(duck.stderr).toContain('DATA_ENGINE_UNSUPPORTED');
  }, 60_000);
});
