// Files that are no data get one clear message and exit 2, with no byte of binary on stdout or
// stderr; a workbook named .csv is read; a file from which no row can be used fails (exit 1).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { writeExports } from '../../scripts/export-fixtures.mjs';
import { runBin, runMain } from '../helpers/cli.js';
import { storedZip } from '../helpers/zip.js';

let dir: string;
let files: Record<string, { staff: string; trainings: string }>;
const at = (name: string) => join(dir, name);

/** Printable text only: no control character but newline, no replacement character for undecodable bytes. */
const BINARY = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufffd]/;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-bad-files-'));
  files = await writeExports(dir, { staff: 60, seed: 'bad-files' });
  writeFileSync(at('report.pdf'), Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0x00, 0xff, 0x07])]));
  writeFileSync(at('danh-sach.docx'), storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
  writeFileSync(at('hr.zip'), storedZip({ 'staff.csv': 'id,unit\n', 'evil\u001b[2J.txt': 'x' }));
  writeFileSync(at('photo.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  copyFileSync(files.xlsx!.staff, at('renamed-staff.csv'));
  const xlsx = readFileSync(files.xlsx!.staff);
  writeFileSync(at('cut.xlsx'), xlsx.subarray(0, Math.floor(xlsx.length / 2)));
  // Damage the deflated sheet inside an otherwise whole zip: the directory is fine, the data is not.
  const damaged = Buffer.from(xlsx);
  const sheet = damaged.indexOf('xl/worksheets/sheet1.xml');
  for (let i = sheet + 200; i < sheet + 600; i++) damaged[i] = 0x41;
  writeFileSync(at('damaged.xlsx'), damaged);
  writeFileSync(at('all-bad.csv'), 'id,unit,category\nS1,vu-khong-co,cong-chuc\nS2,vu-khong-co-nua,cong-chuc\n');
  writeFileSync(at('semicolon-forced-comma.csv'), 'Mã cán bộ;Đơn vị;Phân loại\nS1;van-phong;CC\n');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const staff = (file: string, ...extra: string[]) => runMain(['attainment', '--as-of', '2025-12-31', '--staff', file, ...extra]);

describe('a file that is no data, given as --staff', () => {
  it.each([
    ['report.pdf', 'is a PDF document, not a data file'],
    ['danh-sach.docx', 'is a Word document (.docx), not a data file'],
    ['hr.zip', 'is a zip archive that holds no workbook (2 entries: staff.csv, evil\\x1b[2J.txt)'],
    ['photo.bin', 'is not a text file or a workbook: it holds binary bytes'],
    ['cut.xlsx', 'is an Excel workbook (.xlsx) that cannot be read: its end (the zip directory) is missing'],
    ['damaged.xlsx', 'is an Excel workbook (.xlsx) that cannot be read: its part "xl/worksheets/sheet1.xml" is damaged'],
  ])('%s: one message, exit 2', async (name, message) => {
    const r = await staff(at(name));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/; (export|copy|unzip|open)/);
    expect(BINARY.test(r.stderr)).toBe(false);
  });

  it('end to end, the built bin writes no byte of the PDF', () => {
    const r = runBin(['attainment', '--staff', at('report.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(BINARY.test(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/^plan: .*report\.pdf is a PDF document/);
  });

  it('plan data inspect says the same of a PDF', async () => {
    const r = await runMain(['data', 'inspect', at('report.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a PDF document');
    expect(BINARY.test(r.stderr)).toBe(false);
  });
});

describe('a workbook named .csv is read as the workbook it is', () => {
  it('the same figures as the .xlsx', async () => {
    const a = await runMain(['attainment', '--as-of', '2025-12-31', '--staff', at('renamed-staff.csv'), '--trainings', files.xlsx!.trainings, '--format', 'json']);
    const b = await runMain(['attainment', '--as-of', '2025-12-31', '--staff', files.xlsx!.staff, '--trainings', files.xlsx!.trainings, '--format', 'json']);
    expect(a.code).toBe(0);
    const pick = (s: string) => (JSON.parse(s) as { targets: { id: string; numerator: unknown; denominator: unknown }[] }).targets.map((t) => [t.id, t.numerator, t.denominator]);
    expect(pick(a.stdout)).toEqual(pick(b.stdout));
    const read = (JSON.parse(a.stdout) as { data: { datasets: { dataset: string; format: string; sheet: string; rowsKept: number }[] } }).data.datasets.find((d) => d.dataset === 'staff')!;
    expect(read).toMatchObject({ format: 'xlsx', sheet: 'Danh sách', rowsKept: 60 });
  });
  it('a sheet that is not there is a usage error naming the sheets there are', async () => {
    const r = await staff(`${files.xlsx!.staff}#Trang 2`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no sheet "Trang 2"; its sheets: "Danh sách"');
  });
});

describe('honest outcomes', () => {
  it('a file from which no row can be used fails the command with the reason', async () => {
    const r = await staff(at('all-bad.csv'), '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no row of');
    expect(r.stderr).toContain('can be used: all 2 data rows are bad (2 ROW_UNIT_UNKNOWN)');
    const json = JSON.parse(r.stdout) as { targets: { measure: { dataset: string | null }; status: string; numerator: unknown }[] };
    // Its targets have no data; none shows a 0 out of 0.
    for (const t of json.targets.filter((x) => x.measure.dataset === 'staff')) expect([t.status, t.numerator]).toEqual(['no-data', null]);
  });
  it('a header split by another delimiter than the one forced says which it looks like', async () => {
    const r = await staff(at('semicolon-forced-comma.csv'), '--delimiter', ',');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the header does not split into the expected columns by comma; it looks semicolon-separated');
    expect(r.stderr).toContain("--delimiter ';'");
  });
  it('without --delimiter the same file is read', async () => {
    const r = await staff(at('semicolon-forced-comma.csv'), '--format', 'json');
    const read = (JSON.parse(r.stdout) as { data: { datasets: { dataset: string; delimiter: string; rowsKept: number }[] } }).data.datasets.find((d) => d.dataset === 'staff')!;
    expect(read).toMatchObject({ delimiter: ';', rowsKept: 1 });
  });
  it('a bad cell of a workbook is named by its cell reference, one row reported as one row', async () => {
    // Row 5 of the sheet (two titles, the header on row 3): column I is english_level.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.xlsx!.staff);
    wb.worksheets[0]!.getCell('I5').value = 'Bậc 9';
    await wb.xlsx.writeFile(at('bad-cell.xlsx'));
    const r = await staff(at('bad-cell.xlsx'));
    expect(r.stderr).toContain(`bad-cell.xlsx: cell 'Danh sách'!I5 (english_level, "Trình độ ngoại ngữ"): error ROW_NOT_A_NUMBER`);
    expect(r.stderr).toContain('bad-cell.xlsx: 1 bad row excluded (1 ROW_NOT_A_NUMBER)');
  });
});
