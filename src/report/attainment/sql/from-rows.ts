// The attainment report from SQL result rows (target, unit, year, numerator, denominator): what an
// embedded engine or a warehouse counted, turned into the same verdicts, `needed`, breakdowns with
// suppression and trajectories as the in-process engine (the same functions decide them).

import type { AttainmentData } from '../../../model/data.js';
import { DEFAULT_MIN_CELL } from '../../../model/defaults.js';
import type { Dataset } from '../../../model/datasets.js';
import type { PlanSet } from '../../../model/plan-set.js';
import { breakdownOf, failedRead, fileOf, groupsOf, measurable, noData, verdict, withTrajectory, yearOf, type AttainmentPlan, type AttainmentReport, type ComputeOptions, type Groups, type PerYear, type Planned, type TargetAttainment } from '../attainment.js';
import type { Breakdown } from '../breakdown.js';
import { UnitIndex, usesTrained } from '../compile.js';
import type { Reason } from '../reasons.js';
import { eventsKey, targetKey, type ResultRow } from '../../../model/sql.js';

export type { ResultRow } from '../../../model/sql.js';

export interface RowsInput {
  rows: ResultRow[];
  /** Targets the compiler left out, with the reason (a column the file lacks). */
  skipped: Map<string, Reason>;
  data: Pick<AttainmentData, 'reads' | 'issues' | 'issueCounts'>;
  /** Whether a dataset's table could be read. */
  available: (dataset: string) => boolean;
  /** Whether a dataset's table has its unit column (breakdowns need it). */
  hasUnit: (ds: Dataset) => boolean;
  /** A target without rows: counted zero (an engine that ran the query), or no data (results that lack it). */
  absent: 'zero' | 'no-data';
}


function people(r: TargetAttainment, p: Planned, rows: ResultRow[], plan: AttainmentPlan, input: RowsInput, index: UnitIndex, by: Breakdown | null, minCell: number): TargetAttainment {
  const w = p.window!;
  const ds = p.dataset!;
  const m = p.target.measure!;
  if (usesTrained('population' in m ? m.population : undefined, 'achieved' in m ? m.achieved : undefined)) {
    const ids = plan.eventsOf.get(ds.id) ?? [];
    const summary = ids.map((id) => ({ id, row: input.rows.find((x) => x.target === eventsKey(id)) })).find((x) => x.row !== undefined && input.available(x.id));
    if (!summary) {
      const failed = ids.map((id) => failedRead(input.data as AttainmentData, id)).find((x) => x !== null);
      return noData(r, failed ?? { code: 'no-events', datasets: ids });
    }
    const file = fileOf(input.data as AttainmentData, summary.id) ?? `table ${summary.id}`;
    const last = summary.row!.numerator === 0n ? null : summary.row!.unit;
    if (last === null || last < w.from) return noData(r, last === null ? { code: 'events-empty', file } : { code: 'events-end', file, lastDay: last, year: Number(w.from.slice(0, 4)) });
  }
  if (rows.length === 0 && input.absent === 'no-data') return noData(r, { code: 'no-data', dataset: ds.id });
  let num = 0n;
  let den = 0n;
  for (const x of rows) {
    num += x.numerator ?? 0n;
    den += x.denominator ?? 0n;
  }
  let out = verdict(r, num, den, null);
  if (by && input.hasUnit(ds) && den > 0n) {
    const { groups, gn, gd } = unitSums(rows, by, index);
    out = { ...out, breakdown: breakdownOf(out, groups, gn, gd, by, minCell, true) };
  }
  return out;
}

/** The rows' numerators and denominators summed by the breakdown's group of each row's unit. */
function unitSums(rows: ResultRow[], by: Breakdown, index: UnitIndex): { groups: Groups; gn: bigint[]; gd: bigint[] } {
  const units = rows.filter((x) => x.unit !== null);
  const { groups, of } = groupsOf(
    units.map((x) => x.unit!),
    by,
    index,
  );
  const gn = groups.keys.map(() => 0n);
  const gd = groups.keys.map(() => 0n);
  for (const x of units) {
    const g = of.get(x.unit!)!;
    gn[g] = gn[g]! + (x.numerator ?? 0n);
    gd[g] = gd[g]! + (x.denominator ?? 0n);
  }
  return { groups, gn, gd };
}

function totals(r: TargetAttainment, p: Planned, rows: ResultRow[], input: RowsInput, index: UnitIndex, by: Breakdown | null, asOf: string): TargetAttainment {
  const w = p.window!;
  const ds = p.dataset!;
  const m = p.target.measure as { denominator: string; baseline?: number };
  const file = fileOf(input.data as AttainmentData, ds.id) ?? `table ${ds.id}`;
  const perYear: PerYear<ResultRow> = new Map();
  for (const x of rows) {
    if (x.year === null) continue;
    const acc = perYear.get(x.year) ?? { num: 0n, den: 0n, rows: [] };
    acc.num += x.numerator ?? 0n;
    acc.den += x.denominator ?? 0n;
    acc.rows.push(x);
    perYear.set(x.year, acc);
  }
  const picked = yearOf(r, w, perYear, m, file, asOf);
  if (!('acc' in picked)) return picked;
  let { out } = picked;
  if (by && ds.unit && input.hasUnit(ds) && out.denominator && out.denominator > 0n) {
    const { groups, gn, gd } = unitSums(picked.acc.rows, by, index);
    out = { ...out, breakdown: breakdownOf(out, groups, gn, gd, by, 0, false) };
  }
  return withTrajectory(out, r, perYear, picked.year, m);
}

/** The report of a plan from result rows (see RESULT_COLUMNS in compile-sql.ts). */
export function attainmentFromRows(plans: PlanSet, plan: AttainmentPlan, input: RowsInput, opts: ComputeOptions = {}): AttainmentReport {
  const index = new UnitIndex(plans.units);
  const by = opts.by ?? null;
  const minCell = opts.minCell ?? DEFAULT_MIN_CELL;
  const byTarget = new Map<string, ResultRow[]>();
  for (const x of input.rows) {
    const list = byTarget.get(x.target);
    if (list) list.push(x);
    else byTarget.set(x.target, [x]);
  }
  const data = input.data as AttainmentData;
  const targets = plan.targets.map((p): TargetAttainment => {
    const t = measurable(p, plan, data);
    if (!('ds' in t)) return t;
    const { r, m, ds } = t;
    if (!input.available(ds.id)) return noData(r, failedRead(data, ds.id) ?? { code: 'no-data', dataset: ds.id });
    const key = targetKey(p.decision.key, p.target.id);
    const skipped = input.skipped.get(key);
    if (skipped) return noData(r, skipped);
    const rows = byTarget.get(key) ?? [];
    if ('people' in m) return people(r, p, rows, plan, input, index, by, minCell);
    return totals(r, p, rows, input, index, by, plan.asOf);
  });
  return { asOf: plan.asOf, year: plan.year, by, minCell, targets, data: { reads: input.data.reads, issues: input.data.issues, issueCounts: input.data.issueCounts } };
}
