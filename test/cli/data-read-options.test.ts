// How a file is read when it needs saying: --header-row, --sheet, --delimiter; UTF-16 big-endian.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

let dir: string;
const at = (f: string) => join(dir, f);
const STAFF = ['Mã cán bộ,Đơn vị,Phân loại', 'S1,van-phong,Công chức', 'S2,van-phong,Viên chức', 'S3,van-phong,HĐLĐ'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-read-options-'));
  // A title row that itself holds the required headers' words: only --header-row tells them apart.
  writeFileSync(at('two-headers.csv'), ['Mã cán bộ,Đơn vị,Phân loại', 'Mã cán bộ,Đơn vị,Phân loại', ...STAFF.slice(1)].join('\n') + '\n');
  // UTF-16 big-endian with its BOM, tab-separated.
  const text = '\ufeff' + STAFF.map((l) => l.replace(/,/g, '\t')).join('\r\n') + '\r\n';
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
  writeFileSync(at('utf16be.txt'), be);
  writeFileSync(at('pipes.txt'), STAFF.map((l) => l.replace(/,/g, '|')).join('\n') + '\n');
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Ghi chú').addRow(['Không phải dữ liệu']);
  const ws = wb.addWorksheet('Nhân sự');
  for (const l of STAFF) ws.addRow(l.split(','));
  await wb.xlsx.writeFile(at('two-sheets.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const staffRead = async (...args: string[]) => {
  const r = await runMain(['attainment', '--as-of', '2025-12-31', '--target', 'boi-duong-ky-nang-so', '--format', 'json', ...args]);
  const j = JSON.parse(r.stdout || '{"data":{"datasets":[]}}') as { data: { datasets: { dataset: string; rowsKept: number; rowsExcluded: number; headerRow: number; encoding: string; delimiter: string; sheet: string }[] } };
  return { ...r, staff: j.data.datasets.find((d) => d.dataset === 'staff') };
};

describe('read options', () => {
  it('--header-row names the header; without it the first row holding the columns is the header', async () => {
    const found = await staffRead('--staff', at('two-headers.csv'));
    expect(found.staff).toMatchObject({ headerRow: 1, rowsKept: 3, rowsExcluded: 1 });
    const named = await staffRead('--staff', at('two-headers.csv'), '--header-row', '2');
    expect(named.staff).toMatchObject({ headerRow: 2, rowsKept: 3, rowsExcluded: 0 });
  });
  it('--header-row on a row that is no header says what is missing there', async () => {
    const r = await staffRead('--staff', at('two-headers.csv'), '--header-row', '3');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('two-headers.csv: row 3 (id): error DATA_COLUMN_MISSING the required column "id" is missing');
  });
  it('UTF-16 big-endian with its BOM', async () => {
    const r = await staffRead('--staff', at('utf16be.txt'));
    expect(r.staff).toMatchObject({ encoding: 'utf-16be', delimiter: '\t', rowsKept: 3 });
  });
  it('pipes are detected; --delimiter forces another, and is checked', async () => {
    expect((await staffRead('--staff', at('pipes.txt'))).staff).toMatchObject({ delimiter: '|', rowsKept: 3 });
    const bad = await runMain(['attainment', '--staff', at('pipes.txt'), '--delimiter', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--delimiter takes , ; tab or |');
  });
  it('--sheet and FILE#Sheet choose the sheet; the default is the first', async () => {
    expect((await staffRead('--staff', `${at('two-sheets.xlsx')}#Nhân sự`)).staff).toMatchObject({ sheet: 'Nhân sự', rowsKept: 3 });
    expect((await staffRead('--staff', at('two-sheets.xlsx'), '--sheet', 'Nhân sự')).staff).toMatchObject({ sheet: 'Nhân sự', rowsKept: 3 });
    const first = await staffRead('--staff', at('two-sheets.xlsx'));
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('the required column "id" is missing');
  });
});
