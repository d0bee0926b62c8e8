// Whether a share meets its threshold, and by how much it misses: exact integer arithmetic
// (BigInt), never rounded floats. A threshold of p% (a decimal such as 12.5) is scaled to an
// integer P/10^k, so `at_least` is num·100·10^k ≥ P·den exactly.

import type { Comparator } from '../../model/decision.js';

/** A threshold percentage as an exact fraction: `scaled` / 10^`decimals`. */
export interface ExactThreshold {
  scaled: bigint;
  decimals: number;
}

/** Reads a threshold exactly from its shortest decimal form (80 → 80/1, 12.5 → 125/10, 1e-7 → 1/10^7). */
export function exactThreshold(p: number): ExactThreshold {
  if (!Number.isFinite(p) || p < 0) throw new Error(`a threshold is a finite, non-negative percentage: ${p}`);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(p));
  if (!m) throw new Error(`cannot read threshold ${p}`);
  const digits = m[1]! + (m[2] ?? '');
  let decimals = (m[2]?.length ?? 0) - Number(m[3] ?? 0);
  let scaled = BigInt(digits);
  if (decimals < 0) {
    scaled *= 10n ** BigInt(-decimals);
    decimals = 0;
  }
  return { scaled, decimals };
}

export interface Verdict {
  met: boolean;
  /**
   * at_least / more_than: the fewest more in the numerator (people already in the population) that
   * meet the target; null when no number can (more_than 100%). at_most: how much the numerator is
   * above the cap. 0 when met.
   */
  needed: bigint | null;
}

/** Decides a share num/den against `comparator threshold%`; den must be positive. */
export function judge(num: bigint, den: bigint, comparator: Comparator, threshold: number): Verdict {
  if (den <= 0n) throw new Error('judge needs a positive denominator');
  const { scaled, decimals } = exactThreshold(threshold);
  const unit = 100n * 10n ** BigInt(decimals);
  // Compare num/den with scaled/unit: num·unit against scaled·den.
  const lhs = num * unit;
  const rhs = scaled * den;
  switch (comparator) {
    case 'at_least': {
      if (lhs >= rhs) return { met: true, needed: 0n };
      // Smallest x with (num + x)·unit ≥ rhs: x = ceil(rhs / unit) − num.
      const need = ceilDiv(rhs, unit) - num;
      return { met: false, needed: need <= den - num ? need : null };
    }
    case 'more_than': {
      if (lhs > rhs) return { met: true, needed: 0n };
      // Smallest x with (num + x)·unit > rhs: num + x = floor(rhs / unit) + 1.
      const need = rhs / unit + 1n - num;
      return { met: false, needed: need <= den - num ? need : null };
    }
    case 'at_most': {
      if (lhs <= rhs) return { met: true, needed: 0n };
      // Largest allowed numerator: floor(rhs / unit); the excess is what is over the cap.
      return { met: false, needed: num - rhs / unit };
    }
  }
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return a >= 0n ? (a + b - 1n) / b : a / b;
}

/** The share as a percentage, for display only (decisions above never use it). */
export function percent(num: bigint, den: bigint): number {
  if (den === 0n) return NaN;
  // Four decimals of a percentage, rounded half up in integers, then one division.
  const scaled = (num * 2_000_000n + den) / (2n * den);
  return Number(scaled) / 10_000;
}

/** A count as JSON: a number while exact in a double, else its decimal string. */
export function countJson(n: bigint | null): number | string | null {
  if (n === null) return null;
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}
