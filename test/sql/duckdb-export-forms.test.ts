// The DuckDB engine reads an HR export's forms as the in-process reader does: value aliases ("Giám
// đốc", "Công chức", "Bậc 4", "x"), unit names, day-first dates, padded cells, cells of spaces,
// an empty checkmark cell (empty_means), and bad values worded the same. The export is the bundled
// sample staff file rewritten cell by cell; both engines must give the canonical file's figures.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plan-duckdb-forms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Written as plans/datasets.yaml and plans/units.yaml say an export may write them.
const CATEGORY: Record<string, string[]> = { 'cong-chuc': ['Công chức', 'CC', ' cong-chuc'], 'vien-chuc': ['Viên chức', 'VC'], other: ['Hợp đồng lao động', 'Khác'] };
const POSITION: Record<string, string[]> = { 'giam-doc': ['Giám đốc', 'GĐ'], 'pho-giam-doc': ['Phó Giám đốc', 'PGĐ'], 'truong-phong': ['Trưởng phòng'] };
const LEVEL: Record<string, string[]> = { '4': ['Bậc 4', 'B2', ' 4'], '3': ['B1', 'Trình độ C'], '0': ['Không'] };
const MANAGER: Record<string, string[]> = { true: ['x', 'Có', '✓'], false: ['', 'Không'] };

const pick = <T,>(xs: T[], i: number): T => xs[i % xs.length]!;

/** The sample staff file with most cells of row i in one of their other forms (i picks the form). */
function exportForms(lines: string[], unitNames: Map<string, string>): string[] {
  return lines.map((line, i) => {
    if (i === 0 || line === '') return line;
    const c = line.split(',');
    c[2] = CATEGORY[c[2]!] ? pick(CATEGORY[c[2]!]!, i) : c[2]!;
    if (POSITION[c[3]!]) c[3] = pick(POSITION[c[3]!]!, i);
    c[4] = pick(MANAGER[c[4]!]!, i);
    if (LEVEL[c[6]!]) c[6] = pick(LEVEL[c[6]!]!, i);
    // Day first, and a date with its time as a workbook exported as text writes it.
    for (const k of [8, 9]) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(c[k]!);
      if (m) c[k] = i % 3 === 0 ? `${m[3]}/${m[2]}/${m[1]}` : i % 3 === 1 ? `${m[1]}-${m[2]}-${m[3]} 00:00:00` : c[k]!;
    }
    if (i % 4 === 0 && unitNames.has(c[1]!)) c[1] = `"${unitNames.get(c[1]!)!}"`;
    if (i % 5 === 0) c[0] = ` ${c[0]} `;
    return c.join(',');
  });
}

function unitNames(): Map<string, string> {
  const out = new Map<string, string>();
  let id: string | undefined;
  for (const line of readFileSync(join(ROOT, 'plans/units.yaml'), 'utf8').split('\n')) {
    const i = /^\s*- id: (\S+)/.exec(line) ?? /^\s+id: (\S+)/.exec(line);
    if (i) id = i[1];
    const n = /^\s+name: (.+)$/.exec(line);
    if (n && id && !n[1]!.includes(',')) out.set(id, n[1]!.trim());
  }
  return out;
}

const args = ['attainment', '--as-of', '2025-12-31', '--format', 'json', '--lang', 'en', '--by', 'unit'];
type Report = { data: { issues: unknown[]; reads: unknown[] }; targets: { id: string; numerator: unknown; denominator: unknown; by: unknown }[] };
const figures = (s: string) => (JSON.parse(s) as Report).targets.map((t) => [t.id, t.numerator, t.denominator, t.by]);

describe('an HR export on the DuckDB path', () => {
  const lines = readFileSync(join(ROOT, 'data/sample/staff.csv'), 'utf8').split('\n');
  const file = join(dir, 'staff-export.csv');
  const rewritten = exportForms(lines, unitNames());
  writeFileSync(file, rewritten.join('\n'));

  it('the rewrite is not vacuous: hundreds of cells differ from the canonical file', () => {
    let changed = 0;
    rewritten.forEach((l, i) => l.split(',').forEach((c, k) => (changed += c !== lines[i]!.split(',')[k] ? 1 : 0)));
    expect(changed).toBeGreaterThan(500);
  });

  it('both engines read it as the canonical file: the same figures, by unit, and no finding', async () => {
    const canonical = await runMain(args);
    const js = await runMain([...args, '--staff', file]);
    const duck = await runMain([...args, '--staff', file, '--engine', 'duckdb']);
    expect(js.code, js.stderr).toBe(0);
    expect(duck.code, duck.stderr).toBe(0);
    expect(duck.stderr).toBe(js.stderr);
    expect(figures(js.stdout)).toEqual(figures(canonical.stdout));
    expect(figures(duck.stdout)).toEqual(figures(canonical.stdout));
    expect((JSON.parse(duck.stdout) as Report).data).toEqual((JSON.parse(js.stdout) as Report).data);
  });

  it('a padded duplicate id, ids with control characters, day-first dates the wrong way round, an unknown person: the cells as written in the findings, on both engines', async () => {
    const row = lines[5]!.split(',');
    const staff = [...lines.slice(0, 30), ['NV\t0001', ...row.slice(1)].join(','), [' NV\t0001 ', ...row.slice(1)].join(','), ['NV\u001b[31m2', ...row.slice(1, 8), '01/02/2024', '05/01/2020'].join(','), ...lines.slice(30)];
    const trainings = readFileSync(join(ROOT, 'data/sample/trainings.csv'), 'utf8').split('\n');
    trainings.splice(5, 0, 'NV\u001b[31mX,phap-luat,2025-01-02,false,3', 'NV\u001b[31mX,phap-luat,2025-01-03,false,3');
    const s = join(dir, 'staff-ids.csv');
    const t = join(dir, 'trainings-ids.csv');
    writeFileSync(s, staff.join('\n'));
    writeFileSync(t, trainings.join('\n'));
    const js = await runMain([...args, '--staff', s, '--trainings', t]);
    const duck = await runMain([...args, '--staff', s, '--trainings', t, '--engine', 'duckdb']);
    expect(duck.stderr).toBe(js.stderr);
    expect(duck.stdout).toBe(js.stdout);
    const issues = (JSON.parse(js.stdout) as { data: { issues: { code: string; value?: string }[] } }).data.issues;
    // The cells as the file writes them: the range's day first, the duplicate's padding, escaped.
    expect(issues.find((d) => d.code === 'ROW_ACTIVE_RANGE')?.value).toBe('05/01/2020');
    expect(issues.find((d) => d.code === 'ROW_ID_DUPLICATE')?.value).toBe(' NV\t0001 ');
    expect(issues.some((d) => d.code === 'ROW_PERSON_UNKNOWN')).toBe(true);
  });

  it('bad values among the export forms: the same findings, rows, values and wording', async () => {
    const bad = [...rewritten];
    const set = (row: number, k: number, v: string) => {
      const c = bad[row]!.split(',');
      c[k] = v;
      bad[row] = c.join(',');
    };
    set(3, 2, 'Công nhân'); // no such category
    set(5, 8, '31/02/2020'); // no such day
    set(7, 6, 'Bậc 9'); // no such level
    set(9, 4, 'maybe'); // not a checkmark
    set(11, 2, '   '); // a required cell of spaces
    set(13, 8, '03/04/20'); // a two-digit year
    set(15, 6, '1.234'); // ambiguous grouping
    set(17, 1, 'Sở Không Có'); // no such unit
    set(19, 0, '\u3000NV-X\u3000'); // ideographic spaces around the key
    const f = join(dir, 'staff-bad.csv');
    writeFileSync(f, bad.join('\n'));
    const js = await runMain([...args, '--staff', f]);
    const duck = await runMain([...args, '--staff', f, '--engine', 'duckdb']);
    expect(duck.code).toBe(js.code);
    expect(duck.stderr).toBe(js.stderr);
    const issues = (JSON.parse(js.stdout) as Report).data.issues;
    expect(issues.length).toBeGreaterThanOrEqual(8);
    expect((JSON.parse(duck.stdout) as Report).data).toEqual((JSON.parse(js.stdout) as Report).data);
    expect(figures(duck.stdout)).toEqual(figures(js.stdout));
  });
});
