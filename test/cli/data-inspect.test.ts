// plan data inspect on each export and on a file with an unknown header and an unknown value: the
// mapping, how samples read, bad rows by reason, and the aliases it suggests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { writeExports } from '../../scripts/export-fixtures.mjs';
import { ROOT, runMain } from '../helpers/cli.js';

let dir: string;
let files: Record<string, { staff: string; trainings: string }>;

interface Inspection {
  dataset: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headerRow: number | null;
  rowsRead: number;
  rowsGood: number;
  rowsExcluded: number;
  columns: { position: number; header: string; column: string | null; samples: { text: string; value: unknown }[] }[];
  missing: { column: string }[];
  badRows: { code: string; count: number; first: { row: number; value: string | null }[] }[];
  suggestions: { kind: string; column: string; text: string; value: string | null }[];
  personsUnchecked: { column: string; dataset: string } | null;
  aliasesYaml: string | null;
  failed: string | null;
}

const inspect = async (...args: string[]) => {
  const r = await runMain(['data', 'inspect', ...args, '--format', 'json']);
  return { ...r, json: JSON.parse(r.stdout || '{}') as Inspection };
};
const mapping = (j: Inspection) => Object.fromEntries(j.columns.map((c) => [c.header, c.column]));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-inspect-'));
  files = await writeExports(dir, { staff: 40, seed: 'inspect' });
  writeFileSync(
    join(dir, 'unknown.csv'),
    ['Mã CB;Đơn vị;Loại CB;Năm sinh;Trình độ ngoại ngữ;Ghi chú nội bộ', 'NV1;van-phong;Công chức biên chế;1980;B2;', 'NV2;van-phong;Viên chức;1981;Bậc 3;', 'NV3;van-phong;Công chức;1982;Bac 7;x'].join('\n') + '\n',
  );
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plan data inspect on each export', () => {
  it('the workbook: sheet, header row under the titles, each header to its column, typed cells as read', async () => {
    const { code, json } = await inspect(files.xlsx!.staff);
    expect(code).toBe(0);
    expect(json).toMatchObject({ dataset: 'staff', format: 'xlsx', sheet: 'Danh sách', headerRow: 3, rowsRead: 40, rowsGood: 40, rowsExcluded: 0, failed: null });
    expect(mapping(json)).toEqual({
      STT: null,
      'Mã cán bộ': 'id',
      'Họ và tên': null,
      'Đơn vị công tác': 'unit',
      'Phân loại': 'category',
      'Chức vụ': 'position',
      'Lãnh đạo quản lý': 'manager',
      'Năm sinh': 'birth_year',
      'Trình độ ngoại ngữ': 'english_level',
      'Đặc điểm': 'tags',
      'Từ ngày': 'active_from',
      'Đến ngày': 'active_to',
    });
    const samples = (h: string) => json.columns.find((c) => c.header === h)!.samples;
    expect(samples('Phân loại')).toContainEqual({ text: 'Công chức', value: 'cong-chuc' });
    expect(samples('Chức vụ')).toContainEqual({ text: 'Thủ trưởng', value: 'thu-truong' });
    expect(samples('Lãnh đạo quản lý')).toContainEqual({ text: 'x', value: true });
    expect(samples('Trình độ ngoại ngữ').every((s) => /^Bậc \d$|^Không$/.test(s.text) && typeof s.value === 'number')).toBe(true);
    expect(samples('Từ ngày').every((s) => /^\d{4}-\d{2}-\d{2}$/.test(String(s.value)))).toBe(true);
    expect(json.missing).toEqual([]);
    expect(json.aliasesYaml).toBeNull();
  });

  it.each([
    ['semicolon', 'csv', ';', 'utf-8'],
    ['utf16', 'csv', '\t', 'utf-16le'],
    ['cp1258', 'csv', ',', 'windows-1258'],
    ['viValues', 'csv', ',', 'utf-8'],
  ])('%s: format, delimiter, encoding; every column mapped, every row good', async (name, format, delimiter, encoding) => {
    for (const [ds, file] of [['staff', files[name]!.staff], ['trainings', files[name]!.trainings]] as const) {
      const { code, json } = await inspect(file);
      expect(code).toBe(0);
      expect(json).toMatchObject({ dataset: ds, format, delimiter, encoding, headerRow: 1, rowsExcluded: 0, failed: null });
      expect(json.columns.filter((c) => c.column === null).map((c) => c.header)).toEqual(name === 'semicolon' ? ['STT'] : []);
      expect(json.rowsGood).toBe(json.rowsRead);
    }
  });

  it('the table format shows the same', async () => {
    const r = await runMain(['data', 'inspect', files.viValues!.staff, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CSV, utf-8, comma (,)-separated');
    expect(r.stdout).toContain('Dataset: staff');
    expect(r.stdout).toContain('Rows: 40 data rows read, 40 good, 0 bad');
    expect(r.stdout).toMatch(/Phân loại\s*│ category\s*│ (Công chức → cong-chuc|Viên chức → vien-chuc|Hợp đồng lao động → other)/);
    expect(r.stdout).toMatch(/Trình độ ngoại ngữ\s*│ english_level\s*│ [ABC][12] → [1-6]/);
  });
});

describe('the table in Vietnamese (the default), and text from the file shown inert', () => {
  it('labels, counts with Vietnamese separators', async () => {
    writeFileSync(join(dir, 'many.csv'), ['id,unit,category', ...Array.from({ length: 1200 }, (_x, i) => `NV${i},van-phong,${i < 3 ? 'Công chức biên chế' : 'cong-chuc'}`)].join('\n') + '\n');
    const r = await runMain(['data', 'inspect', join(dir, 'many.csv'), '--dataset', 'staff', '--no-color']);
    expect(r.stdout).toContain('CSV, utf-8, phân cách bằng dấu phẩy (,)');
    expect(r.stdout).toContain('Bộ dữ liệu: staff');
    expect(r.stdout).toContain('Dòng tiêu đề: dòng 1');
    expect(r.stdout).toMatch(/│ # +│ Tiêu đề cột +│ Cột +│ Giá trị mẫu/);
    expect(r.stdout).toContain('Số dòng: đọc 1.200 dòng dữ liệu, 1.197 hợp lệ, 3 lỗi');
    expect(r.stdout).toContain('ROW_VALUE_UNKNOWN: 3 dòng (đầu tiên: dòng 2 "Công chức biên chế"');
  });

  it('a header or a value with an escape sequence is shown as \\xHH, in the table and in the findings', async () => {
    writeFileSync(join(dir, 'hostile.csv'), 'id,unit,category\u001b[2J,position\nNV1,van-phong\u001b]0;x\u0007,cong-chuc,\n');
    const r = await runMain(['data', 'inspect', join(dir, 'hostile.csv'), '--dataset', 'staff', '--no-color']);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('category\\x1b[2J');
  });
});

describe('a file with an unknown header and unknown values', () => {
  it('shows the mapping, the missing column, the bad rows, and ready-to-paste aliases with did-you-mean', async () => {
    const { code, json } = await inspect(join(dir, 'unknown.csv'), '--dataset', 'staff');
    expect(code).toBe(1);
    expect(json.headerRow).toBeNull();
    expect(mapping(json)).toMatchObject({ 'Mã CB': 'id', 'Đơn vị': 'unit', 'Loại CB': null, 'Năm sinh': 'birth_year', 'Trình độ ngoại ngữ': 'english_level', 'Ghi chú nội bộ': null });
    expect(json.missing.map((m) => m.column)).toEqual(['category']);
    expect(json.suggestions).toContainEqual({ kind: 'header', column: 'category', text: 'Loại CB', value: null });
    const yaml = parse(json.aliasesYaml!) as { name: string; aliases?: string[] }[];
    expect(yaml).toEqual([{ name: 'category', aliases: ['Loại CB'] }]);
  });

  it('once the header maps, the values it cannot read are counted by reason and the close ones suggested', async () => {
    writeFileSync(join(dir, 'unknown2.csv'), ['Mã CB;Đơn vị;Phân loại;Trình độ ngoại ngữ', 'NV1;van-phong;Công chức biên chế;B2', 'NV2;van-phong;Viên chuc;Bậc 3', 'NV3;van-phong;Công chức;Bac 7'].join('\n') + '\n');
    const { code, json } = await inspect(join(dir, 'unknown2.csv'), '--dataset', 'staff');
    expect(code).toBe(0);
    expect(json).toMatchObject({ rowsRead: 3, rowsGood: 1, rowsExcluded: 2 });
    expect(json.badRows).toEqual([
      { code: 'ROW_VALUE_UNKNOWN', count: 1, first: [expect.objectContaining({ row: 2, value: 'Công chức biên chế' })] },
      { code: 'ROW_NOT_A_NUMBER', count: 1, first: [expect.objectContaining({ row: 4, value: 'Bac 7' })] },
    ]);
    expect(json.suggestions).toContainEqual({ kind: 'value', column: 'category', text: 'Công chức biên chế', value: 'cong-chuc' });
    const yaml = parse(json.aliasesYaml!) as { name: string; value_aliases?: Record<string, string[]> }[];
    expect(yaml).toEqual([{ name: 'category', value_aliases: { 'cong-chuc': ['Công chức biên chế'] } }]);
  });

  it('an unknown --dataset is a usage error with did-you-mean', async () => {
    const r = await runMain(['data', 'inspect', files.viValues!.staff, '--dataset', 'staf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "staff"?');
  });
});

describe('bad rows agree with what plan attainment excludes', () => {
  // The header and the first 29 rows of the bundled staff sample, with a row added or changed.
  const sample = readFileSync(join(ROOT, 'data/sample/staff.csv'), 'utf8').split('\n');
  const head = sample.slice(0, 30);
  const rowOf = (id: string) => head.find((l) => l.startsWith(`${id},`))!;
  // NV0000015 is active 2023-03-18 to 2023-04-15; the wrong way round, to 2023-03-01.
  const backwards = rowOf('NV0000015').replace(/,2023-04-15$/, ',2023-03-01');

  interface Attainment {
    data: { datasets: { dataset: string; rowsRead: number; rowsKept: number; rowsExcluded: number }[]; issues: { code: string; file: string; row: number; value: string }[]; issueCounts: { file: string; code: string; count: number }[] };
  }
  const both = async (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    const { json } = await inspect(path, '--dataset', 'staff');
    const a = await runMain(['attainment', '--staff', path, '--as-of', '2025-12-31', '--target', 'tieng-anh-tw-giao-tiep-100-2030', '--format', 'json']);
    expect(a.code).toBe(0);
    const data = (JSON.parse(a.stdout) as Attainment).data;
    const read = data.datasets.find((d) => d.dataset === 'staff')!;
    // Attainment names the file relative to the working directory.
    const ours = (d: { file: string }) => d.file.endsWith(`/${name}`);
    // The same rows read, kept and excluded; the same reasons, counts and rows.
    expect({ rowsRead: json.rowsRead, rowsGood: json.rowsGood, rowsExcluded: json.rowsExcluded }).toEqual({ rowsRead: read.rowsRead, rowsGood: read.rowsKept, rowsExcluded: read.rowsExcluded });
    expect(json.badRows.map((g) => ({ code: g.code, count: g.count }))).toEqual(data.issueCounts.filter(ours).map((c) => ({ code: c.code, count: c.count })));
    expect(json.badRows.flatMap((g) => g.first.map((f) => ({ code: g.code, row: f.row, value: f.value })))).toEqual(data.issues.filter(ours).map((d) => ({ code: d.code, row: d.row, value: d.value })));
    return json;
  };

  it('a duplicate id: the later row is bad (ROW_ID_DUPLICATE), not 30 good', async () => {
    const json = await both('duplicate.csv', [...head, rowOf('NV0000001')]);
    expect(json).toMatchObject({ rowsRead: 30, rowsGood: 29, rowsExcluded: 1, failed: null });
    expect(json.badRows).toEqual([{ code: 'ROW_ID_DUPLICATE', count: 1, first: [expect.objectContaining({ row: 31, value: 'NV0000001' })] }]);
  });

  it('an active_to before active_from: the row is bad (ROW_ACTIVE_RANGE)', async () => {
    const json = await both('backwards.csv', head.map((l) => (l.startsWith('NV0000015,') ? backwards : l)));
    expect(json).toMatchObject({ rowsRead: 29, rowsGood: 28, rowsExcluded: 1, failed: null });
    expect(json.badRows).toEqual([{ code: 'ROW_ACTIVE_RANGE', count: 1, first: [expect.objectContaining({ row: 16, value: '2023-03-01' })] }]);
  });

  it('both, and the id of a row excluded for its range used again: that later row is kept, as attainment keeps it', async () => {
    const json = await both('both.csv', [...head.map((l) => (l.startsWith('NV0000015,') ? backwards : l)), rowOf('NV0000001'), rowOf('NV0000015')]);
    expect(json).toMatchObject({ rowsRead: 31, rowsGood: 29, rowsExcluded: 2 });
    expect(json.badRows.map((g) => [g.code, g.count, g.first.map((f) => f.row)])).toEqual([
      ['ROW_ACTIVE_RANGE', 1, [16]],
      ['ROW_ID_DUPLICATE', 1, [31]],
    ]);
  });

  it('the table says so too', async () => {
    const r = await runMain(['data', 'inspect', join(dir, 'duplicate.csv'), '--dataset', 'staff', '--no-color']);
    expect(r.stdout).toContain('Số dòng: đọc 30 dòng dữ liệu, 29 hợp lệ, 1 lỗi');
    expect(r.stdout).toContain('ROW_ID_DUPLICATE: 1 dòng (đầu tiên: dòng 31 "NV0000001")');
  });

  it("a training file: good as far as the file goes; its persons are checked against the staff file only when measured, and it says so", async () => {
    const { json } = await inspect(files.viValues!.trainings);
    expect(json.personsUnchecked).toEqual({ column: 'staff_id', dataset: 'staff' });
    const vi = await runMain(['data', 'inspect', files.viValues!.trainings, '--no-color']);
    expect(vi.stdout).toContain('chưa kiểm tra ở đây: staff_id của mỗi dòng có trong tệp staff hay không');
    const en = await runMain(['data', 'inspect', files.viValues!.trainings, '--lang', 'en']);
    expect(en.stdout).toContain('not checked here: that each staff_id is in the staff file');
    const staff = await inspect(files.viValues!.staff);
    expect(staff.json.personsUnchecked).toBeNull();
    expect(staff.json.rowsGood).toBe(staff.json.rowsRead);
  });
});
