// How attainment figures read, in every format: counts with separators, percentages that never
// contradict their verdict, thresholds, statuses and what is still needed. Light: no table library.

import type { TargetAttainment } from '../report/attainment/attainment.js';

/** 1234567 → "1,234,567". */
export function formatCount(n: bigint | null): string {
  if (n === null) return '';
  const s = (n < 0n ? -n : n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0n ? `−${s}` : s;
}

/**
 * A percentage with one decimal, or more where one decimal would round across the threshold and
 * contradict the verdict (79.96% not met must not read "80.0%").
 */
export function formatPercent(value: number | null, threshold: number | null = null, met: boolean | null = null): string {
  if (value === null || Number.isNaN(value)) return '';
  for (const d of [1, 2, 3, 4]) {
    const s: string = value.toFixed(d);
    if (threshold === null || met === null) return `${s}%`;
    const shown: number = Number(s);
    const crosses = met ? shown < threshold && value >= threshold : shown >= threshold && value < threshold;
    if (!crosses && !(shown === threshold && value !== threshold)) return `${s}%`;
  }
  return `${value.toFixed(4)}%`;
}

export function thresholdLabel(t: Pick<TargetAttainment, 'comparator' | 'threshold'>): string {
  if (t.comparator === null || t.threshold === null) return '';
  const op = t.comparator === 'at_least' ? '≥' : t.comparator === 'more_than' ? '>' : '≤';
  return `${op} ${t.threshold}%`;
}

export function statusLabel(status: TargetAttainment['status']): string {
  return status === 'not-met' ? 'not met' : status === 'no-data' ? 'no data' : status === 'in-progress' ? 'in progress' : 'met';
}

export function neededLabel(t: Pick<TargetAttainment, 'comparator' | 'needed' | 'met' | 'status'>): string {
  if (t.met === null) return '';
  if (t.needed === null) return t.met ? '' : 'unreachable';
  if (t.needed === 0n) return '—';
  return t.comparator === 'at_most' ? `${formatCount(t.needed)} over` : `+${formatCount(t.needed)}`;
}

/** What meeting a target not met takes, from its JSON count: "+113", "2,500,000 over", "unreachable". */
export function gapLabel(t: { comparator: TargetAttainment['comparator']; needed: number | string | null }): string {
  if (t.needed === null) return 'unreachable';
  const n = formatCount(BigInt(t.needed));
  return t.comparator === 'at_most' ? `${n} over` : `+${n}`;
}

/** "12 met, 14 not met, 3 in progress, 6 no data". */
export function countsText(x: { met: number; notMet: number; inProgress: number; noData: number }, sep = ', '): string {
  return [`${x.met} met`, `${x.notMet} not met`, `${x.inProgress} in progress`, `${x.noData} no data`].join(sep);
}
