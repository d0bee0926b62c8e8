import { describe, expect, it } from 'vitest';
import { suppress } from '../../src/report/attainment/breakdown.js';
import { trajectory } from '../../src/report/attainment/trajectory.js';

type Case = [name: string, sizes: number[], minCell: number, marks: (string | null)[]];

const CASES: Case[] = [
  ['nothing small, nothing hidden', [10, 20, 30], 5, [null, null, null]],
  ['one small group would be given away by the total: hide the next smallest too', [3, 20, 10, 40], 5, ['small', null, 'complementary', null]],
  ['two small groups that add up to the threshold protect each other', [3, 2, 20], 5, ['small', 'small', null]],
  ['two small groups below the threshold together: hide one more', [1, 2, 20, 30], 5, ['small', 'small', 'complementary', null]],
  ['empty groups play no part', [0, 3, 20, 40], 5, [null, 'small', 'complementary', null]],
  ['ties go to the first group', [4, 9, 9], 5, ['small', 'complementary', null]],
  ['a lone group is hidden with nothing to pair', [3], 5, ['small']],
  ['min-cell 1 hides nothing', [1, 1, 2], 1, [null, null, null]],
  ['exactly the threshold is shown', [5, 5], 5, [null, null]],
];

describe('suppress', () => {
  it.each(CASES)('%s', (_name, sizes, minCell, marks) => {
    expect(suppress(sizes.map(BigInt), minCell)).toEqual(marks);
  });
});

describe('trajectory (Statistics Canada / Open SDG)', () => {
  const values = new Map([
    [2020, 32.5],
    [2021, 34],
    [2022, 35.5],
    [2023, 37],
  ]);

  it('computes the ratio of observed to required growth and its category', () => {
    const t = trajectory(values, { value: 45, year: 2025, comparator: 'at_least', met: false }, 2020)!;
    const observed = (37 / 32.5) ** (1 / 3) - 1;
    const required = (45 / 32.5) ** (1 / 5) - 1;
    expect(t.cagrObserved).toBeCloseTo(observed, 7);
    expect(t.cagrRequired).toBeCloseTo(required, 7);
    expect(t.ratio).toBeCloseTo(observed / required, 5);
    expect(t.status).toBe('acceleration-needed');
    // The straight path from 32.5 in 2020 to 45 in 2025 stands at 40 in 2023.
    expect(t.expectedNow).toBeCloseTo(40, 6);
  });

  // Observed: (37 / 32.5)^(1/3) − 1 ≈ 4.42% a year. Required by 2025: 40 → 4.24% (R ≈ 1.04),
  // 45 → 6.72% (R ≈ 0.66), 55 → 11.09% (R ≈ 0.40).
  it.each([
    [40, 'on-track'],
    [45, 'acceleration-needed'],
    [55, 'limited-progress'],
  ])('growth of 32.5 → 37 against a target of %s by 2025 is %s', (target, status) => {
    const t = trajectory(values, { value: target, year: 2025, comparator: 'at_least', met: false }, 2020)!;
    expect(t.status).toBe(status);
  });

  it('falling values deteriorate', () => {
    const t = trajectory(new Map([[2020, 40], [2022, 38]]), { value: 45, year: 2025, comparator: 'at_least', met: false }, 2020)!;
    expect(t.status).toBe('deterioration');
    expect(t.ratio!).toBeLessThan(0);
  });

  it('a met target is achieved whatever the growth', () => {
    expect(trajectory(values, { value: 30, year: 2025, comparator: 'at_least', met: true }, 2020)!.status).toBe('target-achieved');
  });

  it('a base year without data moves to the next year with data, as Open SDG does', () => {
    expect(trajectory(values, { value: 45, year: 2025, comparator: 'at_least', met: false }, 2019)!.baselineYear).toBe(2020);
  });

  it('needs two years', () => {
    expect(trajectory(new Map([[2024, 30]]), { value: 45, year: 2025, comparator: 'at_least', met: false })).toBeNull();
  });
});
