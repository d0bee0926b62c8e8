// The measure language's interpreter: a condition (parsed YAML, checked by src/load/rules/measures.ts)
// becomes a predicate over the rows of a columnar table. Plain data walked once into closures over
// typed arrays; nothing is ever evaluated as code.

import { NO_DAY, type ColumnData, type Table, type TrainedFilter } from '../../model/data.js';
import type { Dataset } from '../../model/datasets.js';
import type { Condition, Trained } from '../../model/measure.js';
import { isComparisonText, parseComparison, type ComparisonOperator } from '../../model/measure-text.js';
import type { Unit } from '../../model/units.js';
import { dayNumber, fromDayNumber } from '../../period/calendar.js';
import { trainedDays, type EvalWindow } from './window.js';

export type Predicate = (row: number) => boolean;

const ALWAYS: Predicate = () => true;
const NEVER: Predicate = () => false;

/** The unit attributes a measure can test: level, kind, tags (a district inherits its province's), ancestry. */
export class UnitIndex {
  private readonly byId: Map<string, Unit>;
  constructor(units: Unit[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
  }
  get(id: string): Unit | undefined {
    return this.byId.get(id);
  }
  /** The unit and the units above it. */
  lineage(id: string): Unit[] {
    const out: Unit[] = [];
    let u = this.byId.get(id);
    while (u && !out.includes(u)) {
      out.push(u);
      u = u.parent ? this.byId.get(u.parent) : undefined;
    }
    return out;
  }
  level(id: string): 'central' | 'province' | 'district' | 'other' {
    const k = this.byId.get(id)?.kind;
    return k === 'central' || k === 'agency' ? 'central' : k === 'province' ? 'province' : k === 'district' ? 'district' : 'other';
  }
  /** The province a unit belongs to (itself for a province), or null. */
  province(id: string): string | null {
    return this.lineage(id).find((u) => u.kind === 'province')?.id ?? null;
  }
  matches(id: string, test: Record<string, unknown>): boolean {
    const u = this.byId.get(id);
    if (!u) return false;
    for (const [k, v] of Object.entries(test)) {
      if (k === 'level' && this.level(id) !== v) return false;
      if (k === 'kind' && u.kind !== v) return false;
      if (k === 'tag') {
        const wanted = Array.isArray(v) ? (v as string[]) : [v as string];
        if (!this.lineage(id).some((x) => (x.tags ?? []).some((t) => wanted.includes(t)))) return false;
      }
      if (k === 'in' && !this.lineage(id).some((x) => x.id === v)) return false;
    }
    return true;
  }
}

/** A stable key of a filter, so measures that ask the same thing share one bit. */
export function filterKey(f: TrainedFilter): string {
  return JSON.stringify([f.topics === null ? null : [...f.topics].sort(), f.from, f.to, f.abroad]);
}

export function trainedFilter(t: Trained, w: EvalWindow): TrainedFilter {
  const days = trainedDays(t.in, w);
  return {
    topics: t.topic === undefined ? null : Array.isArray(t.topic) ? t.topic : [t.topic],
    from: days.from,
    to: days.to,
    abroad: t.abroad ?? null,
  };
}

/** Calls `visit` with every `trained` of a condition, through all, any and not, in order of appearance. */
export function eachTrained(c: Condition | undefined, visit: (t: Trained) => void): void {
  if (!c) return;
  for (const [k, v] of Object.entries(c)) {
    if (k === 'trained') visit(v as Trained);
    else if (k === 'all' || k === 'any') for (const x of v as Condition[]) eachTrained(x, visit);
    else if (k === 'not') eachTrained(v as Condition, visit);
  }
}

/** Every `trained` of a condition, resolved against a window (in bit order of first appearance). */
export function collectTrained(c: Condition | undefined, w: EvalWindow, out: TrainedFilter[]): void {
  eachTrained(c, (t) => out.push(trainedFilter(t, w)));
}

/** Whether any of the conditions asks about trainings (so the events dataset must have been read). */
export function usesTrained(...conditions: (Condition | undefined)[]): boolean {
  let found = false;
  for (const c of conditions) eachTrained(c, () => (found = true));
  return found;
}

export interface CompileEnv {
  table: Table;
  ds: Dataset;
  units: UnitIndex;
  window: EvalWindow;
  /** The bit of a `trained` filter in the people table's masks. */
  bitOf?: (f: TrainedFilter) => number;
  trained?: Uint32Array;
  words?: number;
}

function compare(op: ComparisonOperator, a: number, b: number): boolean {
  switch (op) {
    case '>=':
      return a >= b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '<':
      return a < b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** A predicate over dictionary codes from a test of each distinct value (computed once per value). */
function byCode(col: ColumnData, test: (value: string) => boolean): Predicate {
  const codes = col.codes!;
  const ok = Uint8Array.from(col.dict!, (v) => (test(v) ? 1 : 0));
  return (i) => {
    const c = codes[i]!;
    return c >= 0 && ok[c] === 1;
  };
}

function scalarTest(col: ColumnData, v: unknown, units: UnitIndex): Predicate {
  switch (col.type) {
    case 'integer': {
      const nums = col.nums!;
      const want = Number(v);
      return (i) => nums[i] === want;
    }
    case 'boolean': {
      const bools = col.bools!;
      const want = v === true || v === 'true' ? 1 : 0;
      return (i) => bools[i] === want;
    }
    case 'date': {
      const days = col.days!;
      const want = dayNumber(String(v));
      return (i) => days[i] === want;
    }
    case 'list':
      return byCode(col, (cell) => cell.split(';').includes(String(v)));
    case 'unit':
      if (v !== null && typeof v === 'object') return byCode(col, (id) => units.matches(id, v as Record<string, unknown>));
      return byCode(col, (id) => id === v);
    default:
      return byCode(col, (cell) => cell === v);
  }
}

function comparisonTest(col: ColumnData, text: string, units: UnitIndex): Predicate {
  const c = parseComparison(text);
  if (!c.ok) return NEVER;
  const { op, operand } = c;
  if (col.type === 'integer') {
    const nums = col.nums!;
    const b = Number(operand);
    return (i) => {
      const a = nums[i]!;
      return a === a && compare(op, a, b);
    };
  }
  if (col.type === 'date') {
    const days = col.days!;
    const b = dayNumber(operand);
    return (i) => {
      const a = days[i]!;
      return a !== NO_DAY && compare(op, a, b);
    };
  }
  const eq = scalarTest(col, col.type === 'boolean' ? operand === 'true' : operand, units);
  if (op === '=') return eq;
  // != : a filled cell that differs; an empty cell matches no value test.
  if (col.codes) {
    const codes = col.codes;
    return (i) => codes[i]! >= 0 && !eq(i);
  }
  if (col.bools) {
    const bools = col.bools;
    return (i) => bools[i]! >= 0 && !eq(i);
  }
  return (i) => !eq(i);
}

function fieldTest(col: ColumnData, v: unknown, units: UnitIndex): Predicate {
  if (typeof v === 'string' && isComparisonText(v)) return comparisonTest(col, v, units);
  if (Array.isArray(v)) return anyOf(v.map((x) => scalarTest(col, x, units)));
  return scalarTest(col, v, units);
}

function allOf(ps: Predicate[]): Predicate {
  const xs = ps.filter((p) => p !== ALWAYS);
  if (xs.includes(NEVER)) return NEVER;
  if (xs.length === 0) return ALWAYS;
  if (xs.length === 1) return xs[0]!;
  if (xs.length === 2) {
    const [a, b] = xs as [Predicate, Predicate];
    return (i) => a(i) && b(i);
  }
  return (i) => {
    for (const p of xs) if (!p(i)) return false;
    return true;
  };
}

function anyOf(ps: Predicate[]): Predicate {
  const xs = ps.filter((p) => p !== NEVER);
  if (xs.includes(ALWAYS)) return ALWAYS;
  if (xs.length === 0) return NEVER;
  if (xs.length === 1) return xs[0]!;
  return (i) => {
    for (const p of xs) if (p(i)) return true;
    return false;
  };
}

/** Compiles a condition; an absent condition holds for every row. */
export function compileCondition(c: Condition | undefined, env: CompileEnv): Predicate {
  if (!c) return ALWAYS;
  const parts: Predicate[] = [];
  for (const [k, v] of Object.entries(c)) {
    switch (k) {
      case 'all':
        parts.push(allOf((v as Condition[]).map((x) => compileCondition(x, env))));
        break;
      case 'any':
        parts.push(anyOf((v as Condition[]).map((x) => compileCondition(x, env))));
        break;
      case 'not': {
        const p = compileCondition(v as Condition, env);
        parts.push(p === ALWAYS ? NEVER : p === NEVER ? ALWAYS : (i) => !p(i));
        break;
      }
      case 'has': {
        const col = env.table.columns.get(env.ds.tags ?? '');
        parts.push(col ? fieldTest(col, v, env.units) : NEVER);
        break;
      }
      case 'age': {
        const test = (age: number): boolean => {
          if (typeof v === 'number') return age === v;
          if (Array.isArray(v)) return (v as number[]).includes(age);
          const cmp = parseComparison(String(v));
          return cmp.ok && compare(cmp.op, age, Number(cmp.operand));
        };
        const [ty, tm, td] = env.window.to.split('-').map(Number) as [number, number, number];
        const born = env.table.columns.get(env.ds.birth_date ?? '')?.days;
        if (born) {
          // A birth date: the exact age on the window's last day (a birthday on that day counts).
          parts.push((i) => {
            const b = born[i]!;
            if (b === NO_DAY) return false;
            const [by, bm, bd] = fromDayNumber(b).split('-').map(Number) as [number, number, number];
            return test(ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0));
          });
          break;
        }
        const col = env.table.columns.get(env.ds.birth_year ?? '');
        if (!col?.nums) {
          parts.push(NEVER);
          break;
        }
        const births = col.nums;
        // Age on the window's last day, from the birth year alone (birthday assumed passed by 31 December).
        const year = ty;
        parts.push((i) => {
          const b = births[i]!;
          return b === b && test(year - b);
        });
        break;
      }
      case 'trained': {
        if (!env.bitOf || !env.trained) {
          parts.push(NEVER);
          break;
        }
        const bit = env.bitOf(trainedFilter(v as Trained, env.window));
        const words = env.words ?? 1;
        const trained = env.trained;
        const word = bit >>> 5;
        const mask = 1 << (bit & 31);
        parts.push((i) => (trained[i * words + word]! & mask) !== 0);
        break;
      }
      default: {
        const col = env.table.columns.get(k);
        // A column the file does not have: no row can match (the measure's data is missing).
        parts.push(col ? fieldTest(col, v, env.units) : NEVER);
      }
    }
  }
  return allOf(parts);
}

/** Whether a condition names a column the table lacks (so it cannot be measured from this file). */
export function missingColumns(c: Condition | undefined, ds: Dataset, table: Table, out = new Set<string>()): Set<string> {
  if (!c) return out;
  for (const [k, v] of Object.entries(c)) {
    if (k === 'all' || k === 'any') for (const x of v as Condition[]) missingColumns(x, ds, table, out);
    else if (k === 'not') missingColumns(v as Condition, ds, table, out);
    else if (k === 'has') {
      if (ds.tags && !table.columns.has(ds.tags)) out.add(ds.tags);
    } else if (k === 'age') {
      if (ds.birth_year && !table.columns.has(ds.birth_year) && !(ds.birth_date && table.columns.has(ds.birth_date))) out.add(ds.birth_year);
    } else if (k !== 'trained' && !table.columns.has(k)) out.add(k);
  }
  return out;
}

/** Active on at least one day of [from, to]: started by `to` and not left before `from`. */
export function activeIn(table: Table, ds: Dataset, from: string, to: string): Predicate {
  const f = ds.active_from ? table.columns.get(ds.active_from)?.days : undefined;
  const t = ds.active_to ? table.columns.get(ds.active_to)?.days : undefined;
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (f && t) return (i) => f[i]! <= b && (t[i] === NO_DAY || t[i]! >= a);
  if (f) return (i) => f[i]! <= b;
  if (t) return (i) => t[i] === NO_DAY || t[i]! >= a;
  return ALWAYS;
}

export { ALWAYS, NEVER };
