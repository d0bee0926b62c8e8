// The period a target is evaluated for as of a day: a yearly target for the year asked (default the
// as-of year); a "by 2025" target for 2025 once it is over, and before that for the value so far.

import type { Target } from '../../model/decision.js';
import type { Period } from '../../model/period.js';
import { TRAINED_WINDOWS } from '../../model/measure-text.js';
import { parsePeriod } from '../../period/parse-period.js';
import type { Reason } from './reasons.js';

export interface EvalWindow {
  /** The year the target is evaluated for. */
  year: number;
  /** First and last day counted (the last is the as-of day while the period runs). */
  from: string;
  to: string;
  /** The period is over as of the as-of day: the verdict is final. */
  final: boolean;
  /** The decision's first day, for `trained: { in: term }`. */
  termFrom: string | null;
  /** The period's year as reports name it ("2024"); renderers add "so far" while it is not final. */
  label: string;
}

export type WindowResult = { ok: true; window: EvalWindow } | { ok: false; reason: Reason };

const yearOf = (iso: string): number => Number(iso.slice(0, 4));

export function evaluationWindow(t: Target, term: Period | null, asOf: string, year?: number): WindowResult {
  const kind = t.kind ?? 'numeric';
  if (kind === 'milestone') return { ok: false, reason: { code: 'milestone', by: t.by ?? null } };
  if (kind === 'ongoing') return { ok: false, reason: { code: 'standing-aim' } };
  const termFrom = term?.from ?? null;
  if (t.every === 'year') {
    const y = year ?? yearOf(asOf);
    const first = term?.from ? yearOf(term.from) : null;
    const last = term?.to ? yearOf(term.to) : null;
    if ((first !== null && y < first) || (last !== null && y > last)) {
      return { ok: false, reason: { code: 'outside-term', year: y, term: term!.text } };
    }
    const from = `${y}-01-01`;
    const to = `${y}-12-31`;
    if (asOf < from) return { ok: false, reason: { code: 'not-begun', year: y, asOf } };
    const final = asOf >= to;
    return { ok: true, window: { year: y, from, to: final ? to : asOf, final, termFrom, label: String(y) } };
  }
  const by = t.by!;
  const end = `${by}-12-31`;
  if (asOf >= end) return { ok: true, window: { year: by, from: `${by}-01-01`, to: end, final: true, termFrom, label: String(by) } };
  const y = yearOf(asOf);
  return { ok: true, window: { year: y, from: `${y}-01-01`, to: asOf, final: false, termFrom, label: String(y) } };
}

/** The days `trained: { in }` covers within a window: [from, to] (from null: no lower bound). */
export function trainedDays(inText: string | undefined, w: EvalWindow): { from: string | null; to: string } {
  const which = inText ?? 'period';
  if (which === 'period') return { from: w.from, to: w.to };
  if (which === 'term') return { from: w.termFrom, to: w.to };
  if (which === 'ever' || (TRAINED_WINDOWS as readonly string[]).includes(which)) return { from: null, to: w.to };
  const p = parsePeriod(which);
  if (!p.ok || p.period.from === null || p.period.to === null) return { from: w.from, to: w.to };
  return { from: p.period.from, to: p.period.to < w.to ? p.period.to : w.to };
}
