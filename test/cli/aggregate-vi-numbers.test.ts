// Aggregate figures as a Vietnamese office writes them: `;`-separated, Vietnamese headers, numbers
// grouped with "." — the same coverage targets as the canonical file (the bundled coverage and
// budget datasets declare `number_format: vi`; the ambiguous "1.234" under `detect` is refused, see
// test/load/data-values.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';

let dir: string;
const HEADERS: Record<string, string> = { province: 'Tỉnh/thành phố', year: 'Năm', labour_force: 'Lực lượng lao động trong độ tuổi', bhxh_participants: 'Số người tham gia BHXH', bhtn_participants: 'Số người tham gia BHTN', population: 'Dân số', bhyt_participants: 'Số người tham gia BHYT', near_poor_students: 'Người thuộc hộ cận nghèo và học sinh sinh viên', near_poor_students_bhyt: 'Người thuộc hộ cận nghèo và học sinh sinh viên tham gia BHYT' };
/** 1234567 → "1.234.567", written by hand here rather than by any locale code. */
const grouped = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-vi-numbers-'));
  const [head, ...rows] = readFileSync(join(ROOT, 'data/sample/coverage.csv'), 'utf8').trimEnd().split('\n');
  const cols = head!.split(',');
  const out = [cols.map((c) => HEADERS[c]).join(';'), ...rows.map((r) => r.split(',').map((v, i) => (i >= 2 ? grouped(v) : v)).join(';'))];
  writeFileSync(join(dir, 'coverage-vi.csv'), '\ufeff' + out.join('\r\n') + '\r\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const coverage = async (file: string) => {
  const r = await runMain(['attainment', '--as-of', '2025-12-31', '--decision', '1320/QĐ-BHXH', '--data', `coverage=${file}`, '--format', 'json']);
  return { ...r, json: JSON.parse(r.stdout) as { targets: { id: string; numerator: number | null; denominator: number | null; measure: { dataset: string | null } }[] } };
};

it('grouped numbers read as the plain ones', async () => {
  const canonical = await coverage(join(ROOT, 'data/sample/coverage.csv'));
  const vi = await coverage(join(dir, 'coverage-vi.csv'));
  expect(vi.code, vi.stderr).toBe(0);
  const pick = (j: typeof vi.json) => j.targets.filter((t) => t.measure.dataset === 'coverage').map((t) => [t.id, t.numerator, t.denominator]);
  expect(pick(canonical.json).length).toBeGreaterThanOrEqual(3);
  expect(pick(canonical.json).every(([, n, d]) => typeof n === 'number' && typeof d === 'number' && d > 0)).toBe(true);
  expect(pick(vi.json)).toEqual(pick(canonical.json));
  expect(vi.stderr).not.toContain('bad row');
});

it('with the bundled `number_format: vi`, "1.234" is 1234; "12,5" is no whole number', async () => {
  writeFileSync(join(dir, 'coverage-small.csv'), 'province,year,labour_force,bhxh_participants,bhtn_participants,population,bhyt_participants,near_poor_students,near_poor_students_bhyt\nbhxh-ha-noi,2025,1.234,617,400,2000,1900,,\nbhxh-hai-phong,2025,"12,5",1,1,1,1,,\n');
  const r = await runMain(['attainment', '--as-of', '2025-12-31', '--data', `coverage=${join(dir, 'coverage-small.csv')}`, '--target', 'bhxh-45', '--format', 'json']);
  const t = (JSON.parse(r.stdout) as { targets: { numerator: number; denominator: number }[] }).targets[0]!;
  expect([t.numerator, t.denominator]).toEqual([617, 1234]);
  expect(r.stderr).toContain('"12,5" is not a whole number');
});
