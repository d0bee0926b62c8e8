// Progress towards a deadline from yearly figures: the value expected on the straight path from the
// base year to the target, and Statistics Canada's progress measure as Open SDG implements it
// (sdg-build's methodology 2): R = CAGR observed / CAGR required, on track ≥ 0.95, acceleration
// needed ≥ 0.60, limited progress ≥ 0, deterioration below 0; "target achieved" when the current
// value already meets the target. The base year falls back to the first year after it with data.

import type { Comparator } from '../../model/decision.js';

export type TrajectoryStatus = 'target-achieved' | 'on-track' | 'acceleration-needed' | 'limited-progress' | 'deterioration';

export interface Trajectory {
  baselineYear: number;
  baselineValue: number;
  currentYear: number;
  currentValue: number;
  targetYear: number;
  targetValue: number;
  /** Where the straight line from the base year's value to the target stands in the current year. */
  expectedNow: number;
  /** (current / baseline)^(1 / (current year − base year)) − 1 */
  cagrObserved: number | null;
  /** (target / baseline)^(1 / (target year − base year)) − 1 */
  cagrRequired: number | null;
  /** cagrObserved / cagrRequired */
  ratio: number | null;
  status: TrajectoryStatus | null;
  /** Why there is no status, when there is none: a code (JSON stays language-neutral). */
  note: 'zero-baseline' | 'baseline-not-before-target' | 'baseline-equals-target' | null;
  method: string;
}

export const TRAJECTORY_METHOD =
  'Statistics Canada progress measure as in Open SDG: R = CAGR observed / CAGR required; on track R ≥ 0.95, acceleration needed 0.60 ≤ R < 0.95, limited progress 0 ≤ R < 0.60, deterioration R < 0';

const round = (x: number, d = 6): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * `values` are the percentages of each year with data (up to the current year). Returns null when
 * fewer than two years lie between the base year and the current year.
 */
export function trajectory(values: Map<number, number>, target: { value: number; year: number; comparator: Comparator; met: boolean }, baseline?: number): Trajectory | null {
  const years = [...values.keys()].sort((a, b) => a - b);
  if (years.length < 2) return null;
  const current = years[years.length - 1]!;
  const base = baseline !== undefined && values.has(baseline) ? baseline : years.find((y) => baseline === undefined || y > baseline);
  if (base === undefined || current - base < 1) return null;
  const y0 = values.get(base)!;
  const yi = values.get(current)!;
  const span = target.year - base;
  const expected = span > 0 ? y0 + ((target.value - y0) * (current - base)) / span : target.value;
  const out: Trajectory = {
    baselineYear: base,
    baselineValue: round(y0),
    currentYear: current,
    currentValue: round(yi),
    targetYear: target.year,
    targetValue: target.value,
    expectedNow: round(Math.min(expected, target.comparator === 'at_most' ? Infinity : 100)),
    cagrObserved: null,
    cagrRequired: null,
    ratio: null,
    status: null,
    note: null,
    method: TRAJECTORY_METHOD,
  };
  if (target.met) {
    out.status = 'target-achieved';
    return out;
  }
  if (y0 <= 0) {
    out.note = 'zero-baseline';
    return out;
  }
  if (span <= 0) {
    out.note = 'baseline-not-before-target';
    return out;
  }
  const observed = (yi / y0) ** (1 / (current - base)) - 1;
  const required = (target.value / y0) ** (1 / span) - 1;
  out.cagrObserved = round(observed, 8);
  out.cagrRequired = round(required, 8);
  if (required === 0) {
    out.note = 'baseline-equals-target';
    return out;
  }
  const r = observed / required;
  out.ratio = round(r, 6);
  out.status = r >= 0.95 ? 'on-track' : r >= 0.6 ? 'acceleration-needed' : r >= 0 ? 'limited-progress' : 'deterioration';
  return out;
}
