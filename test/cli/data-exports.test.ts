// The same staff list and trainings, exported five ways (scripts/export-fixtures.mjs), give exactly
// the numerators and denominators of the canonical CSV for every target, with the bundled
// plans/datasets.yaml unedited.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { writeExports } from '../../scripts/export-fixtures.mjs';
import { runMain } from '../helpers/cli.js';

type Files = Record<'canonical' | 'xlsx' | 'semicolon' | 'utf16' | 'cp1258' | 'viValues', { staff: string; trainings: string }>;
interface Json {
  targets: { id: string; numerator: number | null; denominator: number | null; status: string; measure: { files?: string[]; synthetic?: boolean } }[];
  data: { datasets: { dataset: string; file: string; rowsKept: number; rowsExcluded: number; rowsSkipped?: number; format?: string; delimiter?: string; encoding?: string; headerRow?: number; synthetic?: boolean }[] };
}

let dir: string;
let files: Files;
const STAFF = 300;

const attainment = async (f: { staff: string; trainings: string }, ...extra: string[]) => {
  const r = await runMain(['attainment', '--as-of', '2025-12-31', '--staff', f.staff, '--trainings', f.trainings, '--format', 'json', ...extra]);
  return { ...r, json: JSON.parse(r.stdout) as Json };
};

const figures = (j: Json) => j.targets.filter((t) => t.measure.files?.some((f) => f.includes(dir.split('/').pop()!))).map((t) => [t.id, t.numerator, t.denominator, t.status]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-exports-'));
  files = await writeExports(dir, { staff: STAFF, seed: 'issue-10' });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the five exports measure as the canonical files do', () => {
  let canonical: Json;
  beforeAll(async () => {
    const r = await attainment(files.canonical);
    expect(r.code).toBe(0);
    canonical = r.json;
  });

  it('the canonical files are read whole, and measure people targets (not a vacuous comparison)', () => {
    const trainings = readFileSync(files.canonical.trainings, 'utf8').trimEnd().split('\n').length - 1;
    const staff = canonical.data.datasets.find((d) => d.dataset === 'staff')!;
    const events = canonical.data.datasets.find((d) => d.dataset === 'trainings')!;
    expect([staff.rowsKept, staff.rowsExcluded]).toEqual([STAFF, 0]);
    expect([events.rowsKept, events.rowsExcluded]).toEqual([trainings, 0]);
    const measured = figures(canonical);
    expect(measured.length).toBeGreaterThanOrEqual(10);
    expect(measured.filter((m) => typeof m[2] === 'number' && m[2] > 0).length).toBeGreaterThanOrEqual(8);
  });

  it.each([
    ['xlsx', 'xlsx', null, 3],
    ['semicolon', 'csv', ';', 1],
    ['utf16', 'csv', '\t', 1],
    ['cp1258', 'csv', ',', 1],
    ['viValues', 'csv', ',', 1],
  ] as const)('%s', async (name, format, delimiter, headerRow) => {
    const r = await attainment(files[name]);
    expect(r.code, r.stderr).toBe(0);
    expect(figures(r.json)).toEqual(figures(canonical));
    const staff = r.json.data.datasets.find((d) => d.dataset === 'staff')!;
    expect(staff).toMatchObject({ format, headerRow, rowsKept: STAFF, rowsExcluded: 0, synthetic: false });
    if (delimiter) expect(staff.delimiter).toBe(delimiter);
    // No finding but the notes that the file was decoded or rows below the table were skipped.
    expect(r.stderr.split('\n').filter((l) => /error/.test(l))).toEqual([]);
  });

  it('the workbook: title rows, the total and the signature block are skipped and said so', async () => {
    const r = await attainment(files.xlsx);
    const staff = r.json.data.datasets.find((d) => d.dataset === 'staff')!;
    expect(staff.rowsSkipped).toBe(4);
    expect(r.stderr).toContain(`export-staff.xlsx: row ${STAFF + 4}: warning DATA_ROWS_SKIPPED 4 rows skipped as no data: 4 rows below the table from row ${STAFF + 4} ("Tổng cộng")`);
  });

  it('the Windows-1258 and UTF-16 files say what they were decoded from', async () => {
    const cp = await attainment(files.cp1258);
    expect(cp.json.data.datasets.find((d) => d.dataset === 'staff')!.encoding).toBe('windows-1258');
    const u = await attainment(files.utf16);
    expect(u.json.data.datasets.find((d) => d.dataset === 'staff')!.encoding).toBe('utf-16le');
  });

  it('each target names the files it was measured on; the given files are not the synthetic sample', async () => {
    const r = await attainment(files.xlsx);
    const t = r.json.targets.find((x) => x.id === 'cc-phap-luat-dao-duc')!;
    expect(t.measure.files).toEqual([files.xlsx.staff, files.xlsx.trainings].map((f) => f.replace(/^.*\//, '')).map((f) => expect.stringContaining(f)));
    expect(t.measure.synthetic).toBe(false);
  });
});
