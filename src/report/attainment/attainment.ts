// The attainment report: for each target, its period as of a day, numerator and denominator from
// the data, the exact verdict, the people (or amount) still needed, breakdowns with disclosure
// control, and a trajectory for deadline targets with yearly figures. Pure: plans and data in.

import type { AttainmentData, PeopleTable, Table, TrainedFilter } from '../../model/data.js';
import type { Dataset } from '../../model/datasets.js';
import { DEFAULT_MIN_CELL } from '../../model/defaults.js';
import type { Target } from '../../model/decision.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { PeopleMeasure, TotalsMeasure } from '../../model/measure.js';
import type { DatasetView, DecisionView, PlanSet } from '../../model/plan-set.js';
import { judge, percent } from './arithmetic.js';
import { groupOfUnit, suppress, type Breakdown, type Suppression } from './breakdown.js';
import { UnitIndex, activeIn, collectTrained, compileCondition, filterKey, missingColumns, usesTrained, type Predicate } from './compile.js';
import { trajectory, type Trajectory } from './trajectory.js';
import type { TargetRow } from '../targets.js';
import { evaluationWindow, type EvalWindow } from './window.js';
import type { Reason } from './reasons.js';

export type { Reason };

export const ATTAINMENT_STATUSES = ['met', 'not-met', 'in-progress', 'no-data'] as const;
export type AttainmentStatus = (typeof ATTAINMENT_STATUSES)[number];

export interface GroupResult {
  key: string;
  label: string;
  /** Null when suppressed. */
  numerator: bigint | null;
  denominator: bigint | null;
  value: number | null;
  met: boolean | null;
  needed: bigint | null;
  suppressed: Suppression;
}

export interface BreakdownResult {
  by: Breakdown;
  minCell: number;
  groups: GroupResult[];
  /** Groups suppressed for being small, and to protect them. */
  suppressedSmall: number;
  suppressedComplementary: number;
}

export interface MeasureInfo {
  kind: 'people' | 'totals' | 'none' | 'missing';
  dataset: string | null;
  file: string | null;
  /** Every data file the figures come from (the people file and its training records, or the totals file). */
  files?: string[];
  /** Some of those files are the bundled synthetic sample: the figures are not real. */
  synthetic?: boolean;
  note: string | null;
}

/** The target statement (as `plan targets` lists it) with what the data says of it. */
export interface TargetAttainment extends TargetRow {
  /** The year evaluated ("2024"; while `final` is false, the value so far), null when none applies. */
  period: string | null;
  from: string | null;
  to: string | null;
  /** The period is over: met / not met is the verdict, not the value so far. */
  final: boolean;
  measure: MeasureInfo;
  numerator: bigint | null;
  denominator: bigint | null;
  /** Percentage, rounded for display; `met` is decided exactly from numerator and denominator. */
  value: number | null;
  met: boolean | null;
  needed: bigint | null;
  status: AttainmentStatus;
  /** Why there is no data, or what "in progress" stands on: a code with parameters. */
  reason: Reason | null;
  /** For totals: the data year the figures are from. */
  dataYear: number | null;
  breakdown: BreakdownResult | null;
  trajectory: Trajectory | null;
}

export interface AttainmentReport {
  asOf: string;
  /** The year asked with --year (yearly targets), or null for the as-of year. */
  year: number | null;
  by: Breakdown | null;
  minCell: number;
  targets: TargetAttainment[];
  data: Pick<AttainmentData, 'reads' | 'issues' | 'issueCounts'>;
}

export interface AttainmentOptions {
  asOf: string;
  year?: number;
  /** Which targets to report (default all). */
  select?: (d: DecisionView, t: Target) => boolean;
}

export interface Planned {
  decision: DecisionView;
  target: Target;
  window: EvalWindow | null;
  reason: Reason | null;
  dataset: DatasetView | null;
}

/** What the report needs before any data is read: targets, windows, datasets, training filters. */
export interface AttainmentPlan {
  asOf: string;
  year: number | null;
  targets: Planned[];
  /** Datasets to read: every dataset a selected measure names, and the events of people datasets that `trained` needs. */
  datasets: Set<string>;
  filters: Map<string, TrainedFilter[]>;
  /** The events datasets of each people dataset. */
  eventsOf: Map<string, string[]>;
}

export function planAttainment(plans: PlanSet, opts: AttainmentOptions): AttainmentPlan {
  const byId = new Map(plans.datasets.map((d) => [d.id, d]));
  const targets: Planned[] = [];
  const datasets = new Set<string>();
  const filters = new Map<string, TrainedFilter[]>();
  const seen = new Map<string, Set<string>>();
  for (const d of plans.decisions) {
    for (const t of d.data.targets ?? []) {
      if (opts.select && !opts.select(d, t)) continue;
      const w = evaluationWindow(t, d.term, opts.asOf, opts.year);
      const m = t.measure;
      const dsId = m && 'people' in m ? m.people : m && 'totals' in m ? m.totals : null;
      const ds = dsId ? (byId.get(dsId) ?? null) : null;
      targets.push({ decision: d, target: t, window: w.ok ? w.window : null, reason: w.ok ? null : w.reason, dataset: ds });
      if (!w.ok || !ds || !m) continue;
      datasets.add(ds.id);
      if ('people' in m) {
        const found: TrainedFilter[] = [];
        collectTrained(m.population, w.window, found);
        collectTrained(m.achieved, w.window, found);
        if (found.length === 0) continue;
        for (const e of plans.datasets) if (e.kind === 'events' && e.of === ds.id) datasets.add(e.id);
        const list = filters.get(ds.id) ?? [];
        const keys = seen.get(ds.id) ?? new Set<string>();
        for (const f of found) {
          const k = filterKey(f);
          if (!keys.has(k)) {
            keys.add(k);
            list.push(f);
          }
        }
        filters.set(ds.id, list);
        seen.set(ds.id, keys);
      }
    }
  }
  const eventsOf = new Map<string, string[]>();
  for (const e of plans.datasets) if (e.kind === 'events' && e.of) eventsOf.set(e.of, [...(eventsOf.get(e.of) ?? []), e.id]);
  return { asOf: opts.asOf, year: opts.year ?? null, targets, datasets, filters, eventsOf };
}

export function base(p: Planned): TargetAttainment {
  const t = p.target;
  const m = t.measure;
  const kind = t.kind ?? 'numeric';
  return {
    decision: p.decision.number,
    decisionKey: p.decision.key,
    id: t.id,
    text: t.text,
    subject: t.subject ?? null,
    short: t.short ?? null,
    section: t.section,
    kind,
    comparator: t.comparator ?? null,
    threshold: t.threshold ?? null,
    every: t.every ?? null,
    by: t.by ?? null,
    period: p.window?.label ?? (t.every === 'year' ? null : t.by !== undefined ? String(t.by) : null),
    from: p.window?.from ?? null,
    to: p.window?.to ?? null,
    final: p.window?.final ?? false,
    measure: {
      kind: !m ? 'missing' : 'people' in m ? 'people' : 'totals' in m ? 'totals' : 'none',
      dataset: p.dataset?.id ?? null,
      file: null,
      files: [],
      synthetic: false,
      note: m && 'note' in m ? (m.note ?? null) : null,
    },
    numerator: null,
    denominator: null,
    value: null,
    met: null,
    needed: null,
    status: 'no-data',
    reason: null,
    dataYear: null,
    breakdown: null,
    trajectory: null,
  };
}

export function noData(r: TargetAttainment, reason: Reason): TargetAttainment {
  return { ...r, status: 'no-data', reason };
}

/** Sets the verdict from exact counts; the status tells whether the period is over. */
export function verdict(r: TargetAttainment, num: bigint, den: bigint, column: string | null): TargetAttainment {
  if (den === 0n) return noData({ ...r, numerator: num, denominator: den }, { code: 'empty-denominator', column, period: r.period });
  const v = judge(num, den, r.comparator!, r.threshold!);
  return {
    ...r,
    numerator: num,
    denominator: den,
    value: percent(num, den),
    met: v.met,
    needed: v.needed,
    status: r.final ? (v.met ? 'met' : 'not-met') : 'in-progress',
    reason: r.final ? null : { code: 'running', until: r.every === 'year' ? `${r.from!.slice(0, 4)}-12-31` : `${r.by}-12-31` },
  };
}

export function fileOf(data: AttainmentData, id: string): string | null {
  return data.reads.find((x) => x.dataset === id)?.file ?? null;
}

/** The files a dataset's figures come from: its own and, when `trained` is measured, its events datasets'. */
export function sourcesOf(data: AttainmentData, plan: AttainmentPlan, id: string): { files: string[]; synthetic: boolean } {
  const ids = new Set([id, ...((plan.filters.get(id)?.length ?? 0) > 0 ? (plan.eventsOf.get(id) ?? []) : [])]);
  const reads = data.reads.filter((x) => ids.has(x.dataset) && !x.failed);
  return { files: reads.map((x) => x.file), synthetic: reads.some((x) => x.synthetic === true) };
}

export function failedRead(data: AttainmentData, id: string): Reason | null {
  const r = data.reads.find((x) => x.dataset === id);
  if (!r) return null;
  return r.failed ? { code: 'read-failed', file: r.file, error: r.failed } : null;
}

export interface Groups {
  of: Int32Array | null;
  keys: { key: string; label: string }[];
}

/** The breakdown's groups of some units, in the order they first appear, and each unit's group. */
export function groupsOf(units: Iterable<string>, by: Breakdown, index: UnitIndex): { groups: Groups; of: Map<string, number> } {
  const keys: Groups['keys'] = [];
  const at = new Map<string, number>();
  const of = new Map<string, number>();
  for (const u of units) {
    const g = groupOfUnit(by, u, index);
    let i = at.get(g.key);
    if (i === undefined) {
      i = keys.length;
      keys.push(g);
      at.set(g.key, i);
    }
    of.set(u, i);
  }
  return { groups: { of: null, keys }, of };
}

/** Precomputes each row's group from its unit (dictionary code → group index). */
function rowGroups(table: Table, unitColumn: string | undefined, by: Breakdown | null, units: UnitIndex): Groups {
  if (!by || !unitColumn) return { of: null, keys: [] };
  const col = table.columns.get(unitColumn);
  if (!col?.codes || !col.dict) return { of: null, keys: [] };
  const { groups, of: groupOf } = groupsOf(col.dict, by, units);
  const byCode = col.dict.map((id) => groupOf.get(id)!);
  const of = new Int32Array(table.rows);
  const codes = col.codes;
  for (let i = 0; i < table.rows; i++) of[i] = codes[i]! >= 0 ? byCode[codes[i]!]! : -1;
  return { of, keys: groups.keys };
}

export function breakdownOf(r: TargetAttainment, groups: Groups, nums: bigint[], dens: bigint[], by: Breakdown, minCell: number, disclosure: boolean): BreakdownResult {
  // Suppression breaks ties between equal groups by their order: the order of their keys, so the
  // cells hidden depend on the figures alone, not on which unit a file happens to list first.
  const order = groups.keys.map((_g, i) => i).sort((a, b) => (groups.keys[a]!.key < groups.keys[b]!.key ? -1 : groups.keys[a]!.key > groups.keys[b]!.key ? 1 : 0));
  const sortedMarks = disclosure ? suppress(order.map((i) => dens[i]!), minCell) : order.map(() => null);
  const marks: Suppression[] = new Array(dens.length).fill(null);
  order.forEach((i, k) => (marks[i] = sortedMarks[k]!));
  const out: GroupResult[] = [];
  groups.keys.forEach((g, i) => {
    const den = dens[i]!;
    if (den === 0n) return;
    const mark = marks[i]!;
    if (mark) {
      out.push({ key: g.key, label: g.label, numerator: null, denominator: null, value: null, met: null, needed: null, suppressed: mark });
      return;
    }
    const v = judge(nums[i]!, den, r.comparator!, r.threshold!);
    out.push({ key: g.key, label: g.label, numerator: nums[i]!, denominator: den, value: percent(nums[i]!, den), met: v.met, needed: v.needed, suppressed: null });
  });
  out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    by,
    minCell,
    groups: out,
    suppressedSmall: marks.filter((m) => m === 'small').length,
    suppressedComplementary: marks.filter((m) => m === 'complementary').length,
  };
}

/** What measuring one people target needs besides the target itself. */
interface PeopleInput {
  planned: Planned;
  measure: PeopleMeasure;
  ds: Dataset;
  table: PeopleTable;
  plan: AttainmentPlan;
  data: AttainmentData;
  units: UnitIndex;
  by: Breakdown | null;
  minCell: number;
}

function evaluatePeople(r: TargetAttainment, input: PeopleInput): TargetAttainment {
  const { planned: p, measure: m, ds, table, plan, data, units, by, minCell } = input;
  const w = p.window!;
  const missing = [...missingColumns(m.population, ds, table), ...missingColumns(m.achieved, ds, table)];
  if (missing.length > 0) return noData(r, { code: 'missing-columns', file: table.file, columns: missing });
  const filters = plan.filters.get(ds.id) ?? [];
  const bits = new Map(filters.map((f, i) => [filterKey(f), i]));
  if (usesTrained(m.population, m.achieved)) {
    const eventsIds = plan.eventsOf.get(ds.id) ?? [];
    const events = eventsIds.map((id) => data.events.get(id)).find((e) => e !== undefined);
    if (!events) {
      const failed = eventsIds.map((id) => failedRead(data, id)).find((x) => x !== null);
      return noData(r, failed ?? { code: 'no-events', datasets: eventsIds });
    }
    if (events.lastDay === null || events.lastDay < w.from) {
      return noData(r, events.lastDay === null ? { code: 'events-empty', file: events.file } : { code: 'events-end', file: events.file, lastDay: events.lastDay, year: Number(w.from.slice(0, 4)) });
    }
  }
  const env = { table, ds, units, window: w, bitOf: (f: TrainedFilter) => bits.get(filterKey(f)) ?? -1, trained: table.trained, words: table.words };
  const active = activeIn(table, ds, w.from, w.to);
  const pop: Predicate = compileCondition(m.population, env);
  const ach: Predicate = compileCondition(m.achieved, env);
  const groups = rowGroups(table, ds.unit, by, units);
  const gn = new Float64Array(groups.keys.length);
  const gd = new Float64Array(groups.keys.length);
  let num = 0;
  let den = 0;
  const of = groups.of;
  for (let i = 0; i < table.rows; i++) {
    if (!active(i) || !pop(i)) continue;
    den++;
    const hit = ach(i);
    if (hit) num++;
    if (of) {
      const g = of[i]!;
      if (g >= 0) {
        gd[g]!++;
        if (hit) gn[g]!++;
      }
    }
  }
  let out = verdict(r, BigInt(num), BigInt(den), null);
  if (by && of && den > 0) out = { ...out, breakdown: breakdownOf(out, groups, [...gn].map((x) => BigInt(x)), [...gd].map((x) => BigInt(x)), by, minCell, true) };
  return out;
}

function evaluateTotals(r: TargetAttainment, p: Planned, m: TotalsMeasure, ds: Dataset, table: Table, units: UnitIndex, by: Breakdown | null, asOf: string): TargetAttainment {
  const w = p.window!;
  const yearCol = table.columns.get(ds.year!)?.nums;
  const numCol = table.columns.get(m.numerator)?.bigs;
  const denCol = table.columns.get(m.denominator)?.bigs;
  if (!yearCol) return noData(r, { code: 'no-year-column', file: table.file, column: ds.year ?? '' });
  if (!numCol || !denCol) return noData(r, { code: 'missing-columns', file: table.file, columns: [!numCol ? m.numerator : null, !denCol ? m.denominator : null].filter((c): c is string => c !== null) });
  const missing = missingColumns(m.where, ds, table);
  if (missing.size > 0) return noData(r, { code: 'missing-columns', file: table.file, columns: [...missing] });
  const where = compileCondition(m.where, { table, ds, units, window: w });
  // Per year: the sums over the rows that pass the filter and have both figures.
  const perYear = new Map<number, { num: bigint; den: bigint; rows: number[] }>();
  for (let i = 0; i < table.rows; i++) {
    const y = yearCol[i]!;
    if (y !== y || !where(i)) continue;
    const a = numCol[i];
    const b = denCol[i];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    const acc = perYear.get(y) ?? { num: 0n, den: 0n, rows: [] };
    acc.num += a;
    acc.den += b;
    acc.rows.push(i);
    perYear.set(y, acc);
  }
  const picked = yearOf(r, w, perYear, m, table.file, asOf);
  if (!('acc' in picked)) return picked;
  const { acc } = picked;
  let { out } = picked;
  if (by && ds.unit) {
    const groups = rowGroups(table, ds.unit, by, units);
    if (groups.of) {
      const gn = groups.keys.map(() => 0n);
      const gd = groups.keys.map(() => 0n);
      for (const i of acc.rows) {
        const g = groups.of[i]!;
        if (g < 0) continue;
        gn[g] = gn[g]! + numCol[i]!;
        gd[g] = gd[g]! + denCol[i]!;
      }
      if (out.denominator && out.denominator > 0n) out = { ...out, breakdown: breakdownOf(out, groups, gn, gd, by, 0, false) };
    }
  }
  return withTrajectory(out, r, perYear, picked.year, m);
}

/** Per year, the sums of a totals target's figures and the rows they came from. */
export type PerYear<T> = Map<number, { num: bigint; den: bigint; rows: T[] }>;

/**
 * The year a totals target is judged on, and its verdict: a final verdict needs the period's own
 * year, the value so far takes the latest year up to it (said so when it is not the period's).
 */
export function yearOf<T>(r: TargetAttainment, w: EvalWindow, perYear: PerYear<T>, m: Pick<TotalsMeasure, 'denominator'>, file: string, asOf: string): TargetAttainment | { out: TargetAttainment; year: number; acc: { num: bigint; den: bigint; rows: T[] } } {
  const years = [...perYear.keys()].sort((a, b) => a - b);
  const limit = w.final ? w.year : Math.min(w.year, Number(asOf.slice(0, 4)));
  const year = w.final ? (perYear.has(w.year) ? w.year : undefined) : [...years].reverse().find((y) => y <= limit);
  if (year === undefined) return noData(r, { code: 'no-figures', file, year: w.final ? w.year : limit, orBefore: !w.final, first: years[0] ?? null, last: years[years.length - 1] ?? null });
  const acc = perYear.get(year)!;
  let out = verdict({ ...r, dataYear: year }, acc.num, acc.den, m.denominator);
  if (!w.final && out.status === 'in-progress' && year < w.year) out = { ...out, reason: { code: 'latest-figures', year } };
  return { out, year, acc };
}

/** A deadline target with several years of figures also gets its trajectory (the years up to the one judged). */
export function withTrajectory<T>(out: TargetAttainment, r: TargetAttainment, perYear: PerYear<T>, year: number, m: Pick<TotalsMeasure, 'baseline'>): TargetAttainment {
  if (r.by === null || out.value === null) return out;
  const values = new Map<number, number>();
  for (const y of [...perYear.keys()].sort((a, b) => a - b)) if (y <= year && perYear.get(y)!.den > 0n) values.set(y, percent(perYear.get(y)!.num, perYear.get(y)!.den));
  return { ...out, trajectory: trajectory(values, { value: r.threshold!, year: r.by, comparator: r.comparator!, met: out.met === true }, m.baseline) };
}

/**
 * The start every target's evaluation shares, on any engine: a target that cannot be measured
 * (no window, no measure, `none`, an unknown dataset) is its no-data answer; else the target with
 * the file and sources it is measured on, its measure and its dataset.
 */
export function measurable(p: Planned, plan: AttainmentPlan, data: Pick<AttainmentData, 'reads'>): TargetAttainment | { r: TargetAttainment; m: PeopleMeasure | TotalsMeasure; ds: Dataset } {
  const r = base(p);
  const m = p.target.measure;
  if (!p.window) return noData(r, p.reason ?? { code: 'not-measurable' });
  if (!m) return noData(r, { code: 'no-measure' });
  if ('none' in m) return noData(r, { code: 'measure-none', text: m.none });
  const ds = p.dataset;
  if (!ds) return noData(r, { code: 'unknown-dataset', dataset: 'people' in m ? m.people : m.totals });
  return { r: { ...r, measure: { ...r.measure, file: fileOf(data as AttainmentData, ds.id), ...sourcesOf(data as AttainmentData, plan, ds.id) } }, m, ds };
}

export interface ComputeOptions {
  by?: Breakdown;
  minCell?: number;
}

export function computeAttainment(plans: PlanSet, plan: AttainmentPlan, data: AttainmentData, opts: ComputeOptions = {}): AttainmentReport {
  const units = new UnitIndex(plans.units);
  const by = opts.by ?? null;
  const minCell = opts.minCell ?? DEFAULT_MIN_CELL;
  const targets = plan.targets.map((p): TargetAttainment => {
    const t = measurable(p, plan, data);
    if (!('ds' in t)) return t;
    const { r, m, ds } = t;
    if ('people' in m) {
      const table = data.people.get(ds.id);
      if (!table) return noData(r, failedRead(data, ds.id) ?? { code: 'no-data', dataset: ds.id });
      return evaluatePeople(r, { planned: p, measure: m, ds, table, plan, data, units, by, minCell });
    }
    const table = data.totals.get(ds.id);
    if (!table) return noData(r, failedRead(data, ds.id) ?? { code: 'no-data', dataset: ds.id });
    return evaluateTotals(r, p, m, ds, table, units, by, plan.asOf);
  });
  return { asOf: plan.asOf, year: plan.year, by, minCell, targets, data: { reads: data.reads, issues: data.issues, issueCounts: data.issueCounts } };
}

/** Data findings that are errors (bad rows and unreadable files). */
export function dataErrors(report: AttainmentReport): Diagnostic[] {
  return report.data.issues.filter((d) => d.severity === 'error');
}
