// `plan attainment` as a fresh clone runs it: the bundled plans and the bundled synthetic sample
// (data/sample/), no data flags.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';

const DECISIONS = ['qd-88-bhxh-2024', 'qd-456-bhxh-2022', 'qd-1320-bhxh-2020', 'qd-185-bhxh-2025', 'qd-146-ttg-2016'];
const ALL_TARGETS: string[] = DECISIONS.flatMap((d) => (parse(readFileSync(`plans/${d}.yaml`, 'utf8')).targets ?? []).map((t: { id: string }) => t.id));

describe('plan attainment on the bundled sample', () => {
  const table = runBin(['attainment', '--lang', 'en'], { env: { PLAN_AS_OF: '2025-12-31' } });
  const json = JSON.parse(runBin(['attainment', '--format', 'json'], { env: { PLAN_AS_OF: '2025-12-31' } }).stdout);

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
    expect(table.stdout).toMatch(/35 targets as of 2025-12-31: \d+ met, \d+ not met, \d+ in progress, \d+ no data/);
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

  it('gives deadline targets with yearly figures a trajectory', () => {
    const t = json.targets.find((x: { id: string }) => x.id === 'bhxh-45');
    expect(t.trajectory).toMatchObject({ baselineYear: 2020, currentYear: 2025, targetYear: 2025, targetValue: 45 });
    expect(t.trajectory.ratio).toBeCloseTo(t.trajectory.cagrObserved / t.trajectory.cagrRequired, 4);
  });

  it('reports a year after the training records end as no data, not 0%', () => {
    const r = JSON.parse(runBin(['attainment', '--target', 'boi-duong-ky-nang-so', '--year', '2026', '--format', 'json'], { env: { PLAN_AS_OF: '2026-12-31' } }).stdout);
    expect(r.targets[0]).toMatchObject({ status: 'no-data', reason: { code: 'events-end', lastDay: expect.stringMatching(/^2025-/), year: 2026 } });
  });

  it('renders Markdown and CSV', () => {
    const md = runBin(['attainment', '--decision', '456', '--format', 'md'], { env: { PLAN_AS_OF: '2025-12-31' } });
    expect(md.stdout).toContain('| 456/QĐ-BHXH | cc-phap-luat-dao-duc |');
    const csv = runBin(['attainment', '--decision', '456', '--by', 'level', '--format', 'csv'], { env: { PLAN_AS_OF: '2025-12-31' } });
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
  ])('usage error %j', (args, message) => {
    const r = runBin(['attainment', ...args], { env: { PLAN_AS_OF: '2025-12-31' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('ends its help with examples', () => {
    expect(runBin(['attainment', '--help']).stdout).toMatch(/Examples:\n {2}\$ plan attainment/);
  });
});
