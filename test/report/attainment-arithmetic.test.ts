import { describe, expect, it } from 'vitest';
import { exactThreshold, judge, percent } from '../../src/report/attainment/arithmetic.js';
import type { Comparator } from '../../src/model/decision.js';

type Case = [name: string, num: bigint, den: bigint, comparator: Comparator, threshold: number, met: boolean, needed: bigint | null];

// needed: people to add to the numerator (at_least / more_than), or the amount over the cap (at_most).
const CASES: Case[] = [
  ['exactly 80% of 1500 meets at_least 80', 1200n, 1500n, 'at_least', 80, true, 0n],
  ['one short of 80% of 1500 needs one more', 1199n, 1500n, 'at_least', 80, false, 1n],
  ['one over 80% of 1500 meets at_least', 1201n, 1500n, 'at_least', 80, true, 0n],
  ['exactly 80% of 1500 is not more than 80%', 1200n, 1500n, 'more_than', 80, false, 1n],
  ['one short of 80% needs two for more_than', 1199n, 1500n, 'more_than', 80, false, 2n],
  ['one over 80% of 1500 is more than 80%', 1201n, 1500n, 'more_than', 80, true, 0n],
  ['exactly 80% is within an at_most 80 cap', 1200n, 1500n, 'at_most', 80, true, 0n],
  ['one over the cap is over by one', 1201n, 1500n, 'at_most', 80, false, 1n],
  ['one under the cap is within it', 1199n, 1500n, 'at_most', 80, true, 0n],
  ['at_least rounds the need up: 80% of 7 is 5.6 → 6', 3n, 7n, 'at_least', 80, false, 3n],
  ['more_than: > 5.6 of 7 is 6', 3n, 7n, 'more_than', 80, false, 3n],
  ['more_than when the threshold lands on a whole count: > 4 of 5 is 5', 4n, 5n, 'more_than', 80, false, 1n],
  ['at_most: 2% of 1001 is 20.02 → 20 allowed', 25n, 1001n, 'at_most', 2, false, 5n],
  ['100% needs everyone', 9n, 10n, 'at_least', 100, false, 1n],
  ['more than 100% cannot be reached', 10n, 10n, 'more_than', 100, false, null],
  ['0% is met by nobody', 0n, 10n, 'at_least', 0, true, 0n],
  ['a decimal threshold is exact: 83.3% of 6 is 4.998 → 5', 4n, 6n, 'at_least', 83.3, false, 1n],
  ['… and 5 of 6 meets 83.3', 5n, 6n, 'at_least', 83.3, true, 0n],
  ['… but not 83.4 (5.004)', 5n, 6n, 'at_least', 83.4, false, 1n],
  ['12.5% of 8 is exactly 1', 1n, 8n, 'at_least', 12.5, true, 0n],
  ['12.5% of 8 is not more than 1', 1n, 8n, 'more_than', 12.5, false, 1n],
  ['0.1 + 0.2 style thresholds stay exact: 30.3% of 1000 is 303', 302n, 1000n, 'at_least', 30.3, false, 1n],
  // Budget lines in VND: products far beyond 2^53.
  ['amounts past 2^53: 2% of 20,000 billion is 400 billion', 400_000_000_001n, 20_000_000_000_000n, 'at_most', 2, false, 1n],
  ['… exactly at the cap', 400_000_000_000n, 20_000_000_000_000n, 'at_most', 2, true, 0n],
  ['a coverage count past 2^53 with a decimal threshold', 9_007_199_254_740_993n, 10_000_000_000_000_000n, 'at_least', 90.07199254740993, true, 0n],
];

describe('judge', () => {
  it.each(CASES)('%s', (_name, num, den, comparator, threshold, met, needed) => {
    const v = judge(num, den, comparator, threshold);
    expect(v.met).toBe(met);
    expect(v.needed).toBe(needed);
    // The need is the smallest change that meets the target: one less would not.
    if (needed !== null && needed > 0n) {
      const after = comparator === 'at_most' ? num - needed : num + needed;
      const short = comparator === 'at_most' ? after + 1n : after - 1n;
      expect(judge(after, den, comparator, threshold).met).toBe(true);
      expect(judge(short, den, comparator, threshold).met).toBe(false);
    }
  });

  it('refuses an empty population', () => {
    expect(() => judge(0n, 0n, 'at_least', 80)).toThrow();
  });
});

describe('exactThreshold', () => {
  it.each([
    [80, 80n, 0],
    [12.5, 125n, 1],
    [83.3, 833n, 1],
    [0.05, 5n, 2],
    [1e-7, 1n, 7],
    [100, 100n, 0],
  ])('%s', (p, scaled, decimals) => {
    expect(exactThreshold(p)).toEqual({ scaled, decimals });
  });
});

describe('percent', () => {
  it.each([
    [1200n, 1500n, 80],
    [2n, 3n, 66.6667],
    [1n, 3n, 33.3333],
    [0n, 5n, 0],
  ])('%s / %s', (num, den, value) => {
    expect(percent(num, den)).toBe(value);
  });
});
