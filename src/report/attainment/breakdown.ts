// Breakdowns of a target by unit, level, province or unit kind, with statistical disclosure
// control: a group of fewer people than the threshold is suppressed, and when the total would
// give a suppressed group away (one alone, or several adding up to fewer than the threshold),
// the next smallest groups are suppressed too (complementary suppression).

import type { UnitIndex } from './compile.js';

export const BREAKDOWNS = ['unit', 'level', 'province', 'unit-kind'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The group a unit falls in, and its label. */
export function groupOfUnit(by: Breakdown, unitId: string, units: UnitIndex): { key: string; label: string } {
  const u = units.get(unitId);
  switch (by) {
    case 'unit':
      return { key: unitId, label: u?.name ?? unitId };
    case 'level': {
      const l = units.level(unitId);
      return { key: l, label: l };
    }
    case 'province': {
      const p = units.province(unitId);
      if (p) return { key: p, label: units.get(p)?.name ?? p };
      const l = units.level(unitId);
      return { key: l, label: l === 'central' ? 'central units' : l };
    }
    case 'unit-kind':
      return { key: u?.kind ?? 'unknown', label: u?.kind ?? 'unknown' };
  }
}

export type Suppression = 'small' | 'complementary' | null;

/**
 * Which groups to suppress, given each group's size (its denominator, in people). Returns one mark
 * per group. Groups of size 0 are not shown at all and play no part.
 */
export function suppress(sizes: readonly bigint[], minCell: number): Suppression[] {
  const marks: Suppression[] = sizes.map((n) => (n > 0n && n < BigInt(minCell) ? 'small' : null));
  const shown = () => sizes.map((n, i) => ({ n, i })).filter((x) => x.n > 0n && marks[x.i] === null);
  const hidden = () => sizes.filter((n, i) => n > 0n && marks[i] !== null);
  // Keep hiding the smallest shown group while the hidden ones could be worked out from the total:
  // a single hidden group, or hidden groups that together are still below the threshold.
  for (;;) {
    const h = hidden();
    if (h.length === 0) break;
    const sum = h.reduce((a, b) => a + b, 0n);
    if (h.length >= 2 && sum >= BigInt(minCell)) break;
    const candidates = shown().sort((a, b) => (a.n < b.n ? -1 : a.n > b.n ? 1 : a.i - b.i));
    const next = candidates[0];
    if (!next) break;
    marks[next.i] = 'complementary';
  }
  return marks;
}
