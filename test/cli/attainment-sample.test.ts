// `plan attainment` as a fresh clone runs it: the bundled plans and the bundled synthetic sample
// (data/sample/), no data flags.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain, type RunResult } from '../helpers/cli.js';

const DECISIONS = ['qd-88-bhxh-2024', 'qd-456-bhxh-2022', 'qd-1320-bhxh-2020', 'qd-185-bhxh-2025', 'qd-146-ttg-2016'];
const ALL_TARGETS: string[] = DECISIONS.flatMap((d) => (parse(readFileSync(`plans/${d}.yaml`, 'utf8')).targets ?? []).map((t: { id: string }) => t.id));

describe('plan attainment on the bundled sample', () => {
  let table!: RunResult;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json!: any;
  beforeAll(async () => {
    table = await runMain(['attainment', '--lang', 'en'], { env: { PLAN_AS_OF: '2025-12-31' } });
    json = JSON.parse((await runMain(['attainment', '--format', 'json'], { env: { PLAN_AS_OF: '2025-12-31' } })).stdout);
  });

  it('runs with no data flags, on the default files', () => {
    expect(table.code).toBe(0);
    expect(table.stderr).toBe('');
    expect(json.data.datasets.map((d: { file: string }) => d.file).sort()).toEqual(['data/sample/budget.csv', 'data/sample/coverage.csv', 'data/sample/staff.csv', 'data/sample/trainings.csv']);
    expect(json.data.issues).toEqual([]);
  });

  it('shows every target of the five decisions with a status', () => {
    expect(ALL_TARGETS.length).toBe(35);
    expect(json.targets.map((t: { id: string }) => t.id).sort()).toEqual([...ALL_TARGETS].sort());
    // The ID column wraps long ids over lines: join each row's first cells back together.
    const ids: string[] = [];
    let cell = '';
    for (const line of table.stdout.split('\n')) {
      if (line.startsWith('│')) cell += line.split('│')[1]!.trim();
      else if (cell) {
        ids.push(cell);
        cell = '';
      }
    }
    for (const id of ALL_TARGETS) expect(ids).toContain(id);
    // The table's summary line counts what the JSON lists, target by target.
    const count = (st: string) => json.targets.filter((t: { status: string }) => t.status === st).length;
    expect(table.stdout).toContain(`35 targets as of 2025-12-31: ${count('met')} met, ${count('not-met')} not met, ${count('in-progress')} in progress, ${count('no-data')} no data`);
  });

  it('has some targets met, some not, some in progress, and explains each "no data"', () => {
    const by = (s: string) => json.targets.filter((t: { status: string }) => t.status === s);
    expect(by('met').length).toBeGreaterThan(3);
    expect(by('not-met').length).toBeGreaterThan(3);
    expect(by('in-progress').length).toBeGreaterThan(0);
    for (const t of by('no-data')) expect(t.reason).toMatchObject({ code: expect.any(String) });
    // Milestones, standing aims and targets no dataset can measure are never met.
    for (const id of ['csdl-quoc-gia-ve-bao-hiem', 'ung-dung-ai-big-data', 'dvc-truc-tuyen-toan-trinh', 'cap-do-an-toan-thong-tin', 'gv-thinh-giang-thoi-luong', 'ngoai-ngu-htqt-100-2030']) {
      expect(json.targets.find((t: { id: string }) => t.id === id)).toMatchObject({ status: 'no-data', met: null });
    }
  });

  it('exercises every measure that has data: each numeric target with a measure has numbers', () => {
    const measured = json.targets.filter((t: { measure: { kind: string } }) => t.measure.kind === 'people' || t.measure.kind === 'totals');
    expect(measured.length).toBe(29);
    for (const t of measured) expect(t.denominator, t.id).toBeGreaterThan(0);
  });

  // Worked out here from data/sample/coverage.csv read with csv-parse (not the reader under test),
  // with README's formulas: value = Σ numerator / Σ denominator over the provinces of a year.
  const coverage = parseCsv(readFileSync('data/sample/coverage.csv'), { columns: true }) as Record<string, string>[];
  const yearly = (num: string, den: string, year: number) => {
    const rows = coverage.filter((r) => Number(r['year']) === year);
    const n = rows.reduce((a, r) => a + Number(r[num]), 0);
    const d = rows.reduce((a, r) => a + Number(r[den]), 0);
    return { n, d, pct: (n * 100) / d };
  };

  it.each([
    ['bhxh-45', 'bhxh_participants', 'labour_force', 45],
    ['bhtn-35', 'bhtn_participants', 'labour_force', 35],
    ['bhyt-95', 'bhyt_participants', 'population', 95],
  ])('%s: the 2025 coverage summed over the provinces, and met exactly when n·100 ≥ p·d', (id, num, den, p) => {
    const want = yearly(num, den, 2025);
    const t = json.targets.find((x: { id: string }) => x.id === id);
    expect(t).toMatchObject({ numerator: want.n, denominator: want.d, status: want.n * 100 >= p * want.d ? 'met' : 'not-met' });
    expect(t.value).toBeCloseTo(want.pct, 3);
  });

  it('gives deadline targets with yearly figures a trajectory: CAGR observed over required from the coverage file', () => {
    const t = json.targets.find((x: { id: string }) => x.id === 'bhxh-45');
    const y0 = yearly('bhxh_participants', 'labour_force', 2020).pct;
    const yi = yearly('bhxh_participants', 'labour_force', 2025).pct;
    const observed = (yi / y0) ** (1 / 5) - 1;
    const required = (45 / y0) ** (1 / 5) - 1;
    expect(t.trajectory).toMatchObject({ baselineYear: 2020, currentYear: 2025, targetYear: 2025, targetValue: 45 });
    expect(t.trajectory.baselineValue).toBeCloseTo(y0, 3);
    expect(t.trajectory.currentValue).toBeCloseTo(yi, 3);
    expect(t.trajectory.ratio).toBeCloseTo(observed / required, 4);
    expect(t.trajectory.status).toBe(observed / required >= 0.95 ? 'on-track' : observed / required >= 0.6 ? 'acceleration-needed' : 'limited-progress');
  });

  it('reports a year after the training records end as no data, not 0%', async () => {
    const r = JSON.parse((await runMain(['attainment', '--target', 'boi-duong-ky-nang-so', '--year', '2026', '--format', 'json'], { env: { PLAN_AS_OF: '2026-12-31' } })).stdout);
    expect(r.targets[0]).toMatchObject({ status: 'no-data', reason: { code: 'events-end', lastDay: expect.stringMatching(/^2025-/), year: 2026 } });
  });

  it('renders Markdown and CSV', async () => {
    const md = await runMain(['attainment', '--decision', '456', '--format', 'md'], { env: { PLAN_AS_OF: '2025-12-31' } });
    expect(md.stdout).toContain('| 456/QĐ-BHXH | cc-phap-luat-dao-duc |');
    const csv = await runMain(['attainment', '--decision', '456', '--by', 'level', '--format', 'csv'], { env: { PLAN_AS_OF: '2025-12-31' } });
    expect(csv.stdout.startsWith('\uFEFFdecision,target,group,period')).toBe(true);
    expect(csv.stdout).toContain('456/QĐ-BHXH,cc-phap-luat-dao-duc,central,');
  });

  it.each([
    [['--by', 'unitt'], '--by takes unit, level, province, unit-kind, not "unitt"; did you mean "unit"?'],
    [['--data', 'coverag=x.csv'], '--data: no dataset "coverag"; did you mean "coverage"?'],
    [['--data', 'coverage'], '--data takes NAME=FILE'],
    [['--target', 'bhxh-46'], 'no target "bhxh-46"; did you mean "bhxh-45"?'],
    [['--year', '20x5'], '--year takes a whole number'],
    [['--min-cell', '0'], '--min-cell takes a whole number from 1'],
    [['--fail-on', 'overdue'], '--fail-on takes "unmet"'],
  ])('usage error %j', async (args, message) => {
    const r = await runMain(['attainment', ...args], { env: { PLAN_AS_OF: '2025-12-31' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('ends its help with examples', async () => {
    expect((await runMain(['attainment', '--help'])).stdout).toMatch(/Examples:\n {2}\$ plan attainment/);
  });
});

/** The lines of the tables: those drawn with box characters. */
const tableLines = (out: string) => out.split('\n').filter((l) => /^[┌│├└]/.test(l));

/** Each table's column widths (content, without padding), from its top border. */
const columnWidths = (out: string) => out.split('\n').filter((l) => l.startsWith('┌')).map((l) => l.slice(1, -1).split('┬').map((s) => s.length - 2));

/** Figures cut in two: a cell's line that ends in a digit or separator and its next line that goes on with a digit. */
function cutFigures(out: string): string[] {
  const cuts: string[] = [];
  const lines = out.split('\n');
  lines.forEach((a, i) => {
    const b = lines[i + 1] ?? '';
    if (!a.startsWith('│') || !b.startsWith('│')) return;
    const ca = a.split('│');
    const cb = b.split('│');
    for (let k = 1; k < ca.length - 1; k++) if (/[\d.,]$/.test(ca[k]!.trim()) && /^[\d.,]/.test(cb[k]?.trim() ?? '')) cuts.push(`${ca[k]!.trim()} / ${cb[k]!.trim()}`);
  });
  return cuts;
}

describe('the attainment table at a few widths', () => {
  let dir!: string;
  let budget!: string;
  beforeAll(() => {
    // The bundled budget lines with external_affairs half as large again: 2025 is over its 2% by 167.417.500.000 VND.
    dir = mkdtempSync(join(tmpdir(), 'plan-attainment-table-'));
    budget = join(dir, 'budget.csv');
    const [head, ...rows] = readFileSync('data/sample/budget.csv', 'utf8').trimEnd().split('\n');
    const at = head!.split(',').indexOf('external_affairs');
    writeFileSync(budget, [head, ...rows.map((r) => r.split(',').map((c, i) => (i === at ? String((BigInt(c) * 3n) / 2n) : c)).join(','))].join('\n') + '\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const large = (columns: string, lang: string) => runMain(['attainment', '--as-of', '2025-12-31', '--target', 'kinh-phi-doi-ngoai-2', '--data', `budget=${budget}`, '--no-color', '--lang', lang], { env: { COLUMNS: columns } });

  it('the large figure is what the JSON says', async () => {
    const r = await runMain(['attainment', '--as-of', '2025-12-31', '--target', 'kinh-phi-doi-ngoai-2', '--data', `budget=${budget}`, '--format', 'json']);
    expect(JSON.parse(r.stdout).targets[0]).toMatchObject({ status: 'not-met', comparator: 'at_most', needed: 167417500000 });
  });

  it.each([
    ['80', 'vi'],
    ['80', 'en'],
    ['100', 'vi'],
    ['100', 'en'],
    ['140', 'vi'],
    ['140', 'en'],
  ])('COLUMNS=%s, %s: "vượt"/"over" and the whole figure, the table within the width, the target column not squeezed', async (columns, lang) => {
    const r = await large(columns, lang);
    expect(r.code).toBe(0);
    // The figure on one line (its word may stand on the line before or after it).
    expect(r.stdout).toMatch(lang === 'vi' ? /(^|[│ ])167\.417\.500\.000 *│/m : /│ *167,417,500,000( over)? *│/m);
    expect(cutFigures(r.stdout)).toEqual([]);
    for (const l of tableLines(r.stdout)) expect(l.length, l).toBeLessThanOrEqual(Number(columns));
    // [ID, target, period, value, goal, status, needed]: the text column keeps room while the ID column has it.
    const [id, target] = columnWidths(r.stdout)[0]!;
    expect(target).toBeGreaterThanOrEqual(Math.min(id!, 16));
    expect(target).toBeGreaterThanOrEqual(10);
  });

  it('COLUMNS=60: narrower than the table can be drawn, it overflows, but the figure stays whole', async () => {
    for (const lang of ['vi', 'en']) {
      const r = await large('60', lang);
      expect(r.stdout).toMatch(lang === 'vi' ? /167\.417\.500\.000/ : /167,417,500,000/);
      expect(cutFigures(r.stdout)).toEqual([]);
    }
  });

  it.each([
    ['80', 'vi'],
    ['80', 'en'],
    ['100', 'vi'],
    ['100', 'en'],
  ])('the bundled sample at COLUMNS=%s, %s: no figure cut, every table within the width, no text column squeezed', async (columns, lang) => {
    const r = await runMain(['attainment', '--no-color', '--lang', lang], { env: { PLAN_AS_OF: '2025-12-31', COLUMNS: columns } });
    expect(r.code).toBe(0);
    expect(cutFigures(r.stdout)).toEqual([]);
    for (const l of tableLines(r.stdout)) expect(l.length, l).toBeLessThanOrEqual(Number(columns));
    for (const [id, target] of columnWidths(r.stdout)) expect(target).toBeGreaterThanOrEqual(Math.min(id!, 16));
  });
});
