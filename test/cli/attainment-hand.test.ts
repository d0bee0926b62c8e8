// The measure language end to end on a hand-computed fixture (expectations worked out in the
// comments of test/fixtures/attainment/hand/plans/qd-1-test-2024.yaml).
import { beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

const PLANS = 'test/fixtures/attainment/hand/plans';

interface TargetJson {
  id: string;
  numerator: number | null;
  denominator: number | null;
  met: boolean | null;
  needed: number | null;
  status: string;
  reason: { code: string; [param: string]: unknown } | null;
  by: { group: string; numerator: number | null; denominator: number | null; suppressed: string | null }[];
  breakdown: { suppressedSmall: number; suppressedComplementary: number } | null;
}

async function attainment(...args: string[]): Promise<{ code: number; json: { schemaVersion: number; targets: TargetJson[] }; stderr: string }> {
  const r = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--format', 'json', ...args]);
  return { code: r.code, json: JSON.parse(r.stdout || '{}'), stderr: r.stderr };
}

type Case = [id: string, numerator: number, denominator: number, met: boolean, needed: number | null, status: string];

const CASES: Case[] = [
  ['eq-at-least', 4, 5, true, 0, 'met'],
  ['eq-more-than', 4, 5, false, 1, 'not-met'],
  ['membership', 2, 3, true, 0, 'met'],
  ['has-tag', 1, 2, false, 1, 'not-met'],
  ['unit-level', 3, 4, true, 0, 'met'],
  ['unit-tag-term', 1, 4, false, 3, 'not-met'],
  ['age', 3, 5, true, 0, 'met'],
  ['trained-period', 3, 5, false, 1, 'not-met'],
  ['all-of', 2, 5, false, 2, 'not-met'],
  ['any-of', 3, 10, true, 0, 'met'],
  ['not-of', 7, 9, false, 1, 'not-met'],
  ['not-equal-decimal', 5, 6, true, 0, 'met'],
  ['not-equal-decimal-2', 5, 6, false, 1, 'not-met'],
  ['by-year-term', 1, 2, true, 0, 'met'],
  ['list-at-most', 2, 3, false, 1, 'not-met'],
  ['date-compare-unit-in', 1, 3, true, 0, 'met'],
  ['in-progress', 2, 4, false, 2, 'in-progress'],
  ['totals-at-least', 1200, 1500, true, 0, 'met'],
  ['totals-more-than', 1200, 1500, false, 1, 'not-met'],
  ['totals-at-most', 1200, 1500, true, 0, 'met'],
];

describe('plan attainment on the hand-computed fixture', () => {
  let targets: Map<string, TargetJson>;
  beforeAll(async () => {
    const r = await attainment();
    expect(r.code).toBe(0);
    expect(r.json.schemaVersion).toBe(1);
    targets = new Map(r.json.targets.map((t) => [t.id, t]));
  });

  it.each(CASES)('%s: %i / %i', (id, numerator, denominator, met, needed, status) => {
    expect(targets.get(id)).toMatchObject({ numerator, denominator, met, needed, status });
  });

  it('shows milestones and unmeasurable targets as no data, with the reason', () => {
    expect(targets.get('milestone')).toMatchObject({ status: 'no-data', met: null, reason: { code: 'milestone' } });
    expect(targets.get('none')).toMatchObject({ status: 'no-data', met: null, reason: { code: 'measure-none', text: 'No dataset holds this.' } });
  });

  it.each([
    // 2022: 1199/1500; 2023: 1201/1500 (see counts.csv).
    ['2022', 'totals-at-least', false, 1],
    ['2022', 'totals-more-than', false, 2],
    ['2023', 'totals-more-than', true, 0],
    ['2023', 'totals-at-most', false, 1],
  ])('--year %s: %s', async (year, id, met, needed) => {
    const t = (await attainment('--year', year)).json.targets.find((x) => x.id === id)!;
    expect(t).toMatchObject({ met, needed, status: met ? 'met' : 'not-met' });
  });

  it('says no data for a year the figures do not cover', async () => {
    const r = await runMain(['attainment', '--plans', PLANS, '--as-of', '2026-01-10', '--year', '2025', '--target', 'totals-at-least', '--format', 'json']);
    expect(JSON.parse(r.stdout).targets[0]).toMatchObject({ status: 'no-data', reason: { code: 'no-figures', year: 2025, orBefore: false, first: 2022, last: 2024 } });
  });

  it('says no data for a year outside the decision term', async () => {
    const t = (await attainment('--year', '2019', '--target', 'eq-at-least')).json.targets[0]!;
    expect(t).toMatchObject({ status: 'no-data', reason: { code: 'outside-term', year: 2019 } });
  });

  it('breaks a target down by unit and suppresses every group under 5 people', async () => {
    const t = (await attainment('--by', 'unit', '--target', 'any-of')).json.targets[0]!;
    // vu-a 3, bhxh-p1 2, bhxh-p1-huyen 2, bhxh-p2 2, bhxh-p2-huyen 1: all below 5.
    expect(t.by.map((g) => [g.group, g.suppressed])).toEqual([
      ['bhxh-p1', 'small'],
      ['bhxh-p1-huyen', 'small'],
      ['bhxh-p2', 'small'],
      ['bhxh-p2-huyen', 'small'],
      ['vu-a', 'small'],
    ]);
    expect(t.by.every((g) => g.numerator === null && g.denominator === null)).toBe(true);
  });

  it('suppresses a second group when the total would reveal a lone small one', async () => {
    const t = (await attainment('--by', 'unit', '--target', 'any-of', '--min-cell', '2')).json.targets[0]!;
    // Only bhxh-p2-huyen (1) is small; the smallest other group (bhxh-p1, 2 people) hides with it.
    const marks = Object.fromEntries(t.by.map((g) => [g.group, g.suppressed]));
    expect(marks).toEqual({ 'bhxh-p1': 'complementary', 'bhxh-p1-huyen': null, 'bhxh-p2': null, 'bhxh-p2-huyen': 'small', 'vu-a': null });
    expect(t.breakdown).toMatchObject({ suppressedSmall: 1, suppressedComplementary: 1 });
    expect(t.by.find((g) => g.group === 'vu-a')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('groups by level and by province', async () => {
    const level = (await attainment('--by', 'level', '--target', 'any-of', '--min-cell', '1')).json.targets[0]!;
    expect(Object.fromEntries(level.by.map((g) => [g.group, g.denominator]))).toEqual({ central: 3, district: 3, province: 4 });
    const province = (await attainment('--by', 'province', '--target', 'any-of', '--min-cell', '1')).json.targets[0]!;
    expect(Object.fromEntries(province.by.map((g) => [g.group, g.denominator]))).toEqual({ 'bhxh-p1': 4, 'bhxh-p2': 3, central: 3 });
  });

  it('does not suppress aggregate figures', async () => {
    const t = (await attainment('--by', 'unit', '--target', 'totals-at-least')).json.targets[0]!;
    expect(t.by).toEqual([
      expect.objectContaining({ group: 'bhxh-p1', numerator: 700, denominator: 900, met: false, needed: 20, suppressed: null }),
      expect.objectContaining({ group: 'bhxh-p2', numerator: 500, denominator: 600, met: true, needed: 0, suppressed: null }),
    ]);
  });

  it('--fail-on unmet exits 1 when a target is not met, 0 when all are', async () => {
    expect((await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--fail-on', 'unmet'])).code).toBe(1);
    const ok = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--fail-on', 'unmet', '--target', 'eq-at-least', '--lang', 'en']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('1 target as of 2024-12-31: 1 met');
  });
});
