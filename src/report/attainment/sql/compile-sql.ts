// The measure language compiled to SQL: the same meaning as compile.ts (the in-process engine),
// written as one query per dataset pass over tables named as the datasets, with the canonical
// columns of plans/datasets.yaml. Every condition compiles to a two-valued expression (an empty
// cell matches no value test, and `not` of that holds), so SQL's NULL logic never leaks in. Values
// from plan files are quoted by dialect.ts; nothing is spliced in as written.

import type { TrainedFilter } from '../../../model/data.js';
import type { Dataset, DatasetColumn } from '../../../model/datasets.js';
import { isComparisonText, parseComparison, type ComparisonOperator, type Condition, type PeopleMeasure, type TotalsMeasure, type Trained } from '../../../model/measure.js';
import type { PlanSet } from '../../../model/plan-set.js';
import type { Unit } from '../../../model/units.js';
import { isIsoDay } from '../../../period/calendar.js';
import type { AttainmentPlan } from '../attainment.js';
import type { Reason } from '../reasons.js';
import { UnitIndex, filterKey, trainedFilter } from '../compile.js';
import type { EvalWindow } from '../window.js';
import { dateLiteral, eventsKey, ident, numberLiteral, targetKey, textLiteral, type Dialect } from '../../../model/sql.js';

const TRUE = 'TRUE';
const FALSE = 'FALSE';

/** The column names each dataset's table has (a file may lack optional ones; a warehouse table has all). */
export type PresentColumns = (dataset: Dataset) => Set<string>;

/** Every defined column: what a warehouse table is expected to have. */
export const ALL_COLUMNS: PresentColumns = (ds) => new Set(ds.columns.map((c) => c.name));

interface SqlEnv {
  ds: Dataset;
  /** Columns the table has, less the person key (the in-process engine keeps no key column to test). */
  present: Set<string>;
  alias: string;
  units: Unit[];
  index: UnitIndex;
  window: EvalWindow;
  /** The expression true when the row's person has a training passing the filter; absent: `trained` matches nothing. */
  trained?: (f: TrainedFilter) => string;
}

const SQL_OP: Record<ComparisonOperator, string> = { '>=': '>=', '<=': '<=', '>': '>', '<': '<', '=': '=', '!=': '<>' };

/** A leaf test made two-valued: NULL (an empty cell) is false. */
const leaf = (expr: string): string => `COALESCE(${expr}, FALSE)`;

const num = (n: number): string => (n < 0 ? `(${numberLiteral(n)})` : numberLiteral(n));

function and(parts: string[]): string {
  const xs = parts.filter((p) => p !== TRUE);
  if (xs.includes(FALSE)) return FALSE;
  if (xs.length === 0) return TRUE;
  return xs.length === 1 ? xs[0]! : `(${xs.join(' AND ')})`;
}

function or(parts: string[]): string {
  const xs = parts.filter((p) => p !== FALSE);
  if (xs.includes(TRUE)) return TRUE;
  if (xs.length === 0) return FALSE;
  return xs.length === 1 ? xs[0]! : `(${xs.join(' OR ')})`;
}

function not(p: string): string {
  return p === TRUE ? FALSE : p === FALSE ? TRUE : `(NOT ${p})`;
}

function colRef(env: SqlEnv, name: string): string {
  return `${env.alias}.${ident(name)}`;
}

function eqText(ref: string, v: string): string {
  const lit = textLiteral(v);
  return lit === null ? FALSE : leaf(`${ref} = ${lit}`);
}

/** `column: value` (as compile.ts's scalarTest). */
function scalarSql(col: DatasetColumn, ref: string, v: unknown, env: SqlEnv): string {
  switch (col.type) {
    case 'integer': {
      const want = Number(v);
      return Number.isFinite(want) ? leaf(`${ref} = ${num(want)}`) : FALSE;
    }
    case 'boolean':
      return v === true || v === 'true' ? leaf(ref) : leaf(`NOT ${ref}`);
    case 'date': {
      const s = String(v);
      return isIsoDay(s) ? leaf(`${ref} = ${dateLiteral(s)}`) : FALSE;
    }
    case 'list': {
      // A list cell is its values joined by ";" (trimmed, no empties): look for ";value;" in ";cell;".
      const s = String(v);
      if (s === '' || s.includes(';')) return FALSE;
      const lit = textLiteral(`;${s};`);
      return lit === null ? FALSE : leaf(`POSITION(${lit} IN ';' || ${ref} || ';') > 0`);
    }
    case 'unit': {
      if (v !== null && typeof v === 'object') {
        const ids = env.units.map((u) => u.id).filter((id) => env.index.matches(id, v as Record<string, unknown>));
        const lits = ids.map(textLiteral).filter((x): x is string => x !== null);
        return lits.length === 0 ? FALSE : leaf(`${ref} IN (${lits.join(', ')})`);
      }
      return typeof v === 'string' ? eqText(ref, v) : FALSE;
    }
    default:
      return typeof v === 'string' ? eqText(ref, v) : FALSE;
  }
}

/** `column: ">= 4"` (as compile.ts's comparisonTest). */
function comparisonSql(col: DatasetColumn, ref: string, text: string, env: SqlEnv): string {
  const c = parseComparison(text);
  if (!c.ok) return FALSE;
  const { op, operand } = c;
  if (col.type === 'integer') {
    const b = Number(operand);
    if (Number.isNaN(b)) return op === '!=' ? `(${ref} IS NOT NULL)` : FALSE;
    if (!Number.isFinite(b)) return leaf(`${ref} ${SQL_OP[op]} ${b > 0 ? '1e308' : '-1e308'}`);
    return leaf(`${ref} ${SQL_OP[op]} ${num(b)}`);
  }
  if (col.type === 'date') {
    // The rules accept only ISO days here; anything else matches nothing.
    return isIsoDay(operand) ? leaf(`${ref} ${SQL_OP[op]} ${dateLiteral(operand)}`) : FALSE;
  }
  const eq = scalarSql(col, ref, col.type === 'boolean' ? operand === 'true' : operand, env);
  if (op === '=') return eq;
  // Any other operator on a text-like column means "filled and different" (as the in-process engine).
  return and([`(${ref} IS NOT NULL)`, not(eq)]);
}

function fieldSql(col: DatasetColumn, ref: string, v: unknown, env: SqlEnv): string {
  if (typeof v === 'string' && isComparisonText(v)) return comparisonSql(col, ref, v, env);
  if (Array.isArray(v)) return or(v.map((x) => scalarSql(col, ref, x, env)));
  return scalarSql(col, ref, v, env);
}

function columnDef(ds: Dataset, name: string): DatasetColumn | undefined {
  return ds.columns.find((c) => c.name === name);
}

function ageSql(v: unknown, env: SqlEnv): string {
  const name = env.ds.birth_year;
  const col = name ? columnDef(env.ds, name) : undefined;
  if (!name || !col || col.type !== 'integer' || !env.present.has(name)) return FALSE;
  const year = Number(env.window.to.slice(0, 4));
  const age = `(${year} - ${colRef(env, name)})`;
  if (typeof v === 'number') return Number.isFinite(v) ? leaf(`${age} = ${num(v)}`) : FALSE;
  if (Array.isArray(v)) {
    const xs = v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
    return xs.length === 0 ? FALSE : leaf(`${age} IN (${xs.map(num).join(', ')})`);
  }
  const cmp = parseComparison(String(v));
  if (!cmp.ok) return FALSE;
  const b = Number(cmp.operand);
  if (Number.isNaN(b)) return cmp.op === '!=' ? `(${colRef(env, name)} IS NOT NULL)` : FALSE;
  if (!Number.isFinite(b)) return leaf(`${age} ${SQL_OP[cmp.op]} ${b > 0 ? '1e308' : '-1e308'}`);
  return leaf(`${age} ${SQL_OP[cmp.op]} ${num(b)}`);
}

/** A condition as a two-valued SQL expression over the row `env.alias`; absent: TRUE. */
export function conditionSql(c: Condition | undefined, env: SqlEnv): string {
  if (!c) return TRUE;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(c)) {
    switch (k) {
      case 'all':
        parts.push(and((v as Condition[]).map((x) => conditionSql(x, env))));
        break;
      case 'any':
        parts.push(or((v as Condition[]).map((x) => conditionSql(x, env))));
        break;
      case 'not':
        parts.push(not(conditionSql(v as Condition, env)));
        break;
      case 'has': {
        const name = env.ds.tags;
        const col = name ? columnDef(env.ds, name) : undefined;
        parts.push(name && col && env.present.has(name) ? fieldSql(col, colRef(env, name), v, env) : FALSE);
        break;
      }
      case 'age':
        parts.push(ageSql(v, env));
        break;
      case 'trained':
        parts.push(env.trained ? env.trained(trainedFilter(v as Trained, env.window)) : FALSE);
        break;
      default: {
        const col = columnDef(env.ds, k);
        parts.push(col && env.present.has(k) ? fieldSql(col, colRef(env, k), v, env) : FALSE);
      }
    }
  }
  return and(parts);
}

/** A training row passing a `trained` filter (as fold-events.ts): topic, days, abroad. */
export function trainedRowSql(ev: Dataset, present: Set<string>, alias: string, f: TrainedFilter): string {
  const ref = (name: string) => `${alias}.${ident(name)}`;
  const parts: string[] = [];
  // A file without the topic column passes every topic (the in-process fold does the same).
  if (f.topics !== null && ev.topic && present.has(ev.topic)) {
    const lits = f.topics.map(textLiteral).filter((x): x is string => x !== null);
    parts.push(lits.length === 0 ? FALSE : leaf(`${ref(ev.topic)} IN (${lits.join(', ')})`));
  }
  if (f.from !== null) parts.push(leaf(`${ref(ev.date!)} >= ${dateLiteral(f.from)}`));
  parts.push(leaf(`${ref(ev.date!)} <= ${dateLiteral(f.to)}`));
  if (f.abroad !== null) {
    if (ev.abroad && present.has(ev.abroad)) parts.push(f.abroad ? leaf(ref(ev.abroad)) : leaf(`NOT ${ref(ev.abroad)}`));
    else parts.push(FALSE);
  }
  return and(parts);
}

/** Active on at least one day of the window (as compile.ts's activeIn). */
function activeSql(ds: Dataset, present: Set<string>, alias: string, w: EvalWindow): string {
  const parts: string[] = [];
  if (ds.active_from && present.has(ds.active_from)) parts.push(`(${alias}.${ident(ds.active_from)} IS NULL OR ${alias}.${ident(ds.active_from)} <= ${dateLiteral(w.to)})`);
  if (ds.active_to && present.has(ds.active_to)) parts.push(`(${alias}.${ident(ds.active_to)} IS NULL OR ${alias}.${ident(ds.active_to)} >= ${dateLiteral(w.from)})`);
  return and(parts);
}

export { RESULT_COLUMNS, eventsKey, targetKey } from '../../../model/sql.js';

export interface PeoplePass {
  dataset: string;
  /** Targets counted by this pass, with the index of their numerator and denominator columns. */
  targets: { key: string; index: number }[];
  /** The aggregate: one row per unit, columns unit, n0, d0, n1, d1 … */
  aggregate: string;
}

export interface CompiledQueries {
  people: PeoplePass[];
  /** One query per totals target (the tables are small; each sums its own columns). */
  totals: { key: string; dataset: string; sql: string }[];
  events: { dataset: string; sql: string }[];
  /** Targets left out, and why (the same reasons the in-process engine gives). */
  skipped: Map<string, Reason>;
}

export interface CompileOptions {
  dialect: Dialect;
  present?: PresentColumns;
  /** The table of each dataset (default: its id). */
  table?: (ds: Dataset) => string;
  /** A file name for reasons (default: the table name). */
  file?: (ds: Dataset) => string;
  /** Whether a dataset's table is there (default: every one); targets and trainings of one that is not are left out. */
  available?: (dataset: string) => boolean;
}

/** Columns a condition names that the table lacks (as compile.ts's missingColumns). */
function missing(c: Condition | undefined, ds: Dataset, present: Set<string>, out: Set<string>): Set<string> {
  if (!c) return out;
  for (const [k, v] of Object.entries(c)) {
    if (k === 'all' || k === 'any') for (const x of v as Condition[]) missing(x, ds, present, out);
    else if (k === 'not') missing(v as Condition, ds, present, out);
    else if (k === 'has') {
      if (ds.tags && !present.has(ds.tags)) out.add(ds.tags);
    } else if (k === 'age') {
      if (ds.birth_year && !present.has(ds.birth_year)) out.add(ds.birth_year);
    } else if (k !== 'trained' && !present.has(k)) out.add(k);
  }
  return out;
}

/** Compiles the selected targets of a plan into the queries of each dataset pass. */
export function compileQueries(plans: PlanSet, plan: AttainmentPlan, opts: CompileOptions): CompiledQueries {
  const presentOf = opts.present ?? ALL_COLUMNS;
  const table = (ds: Dataset) => ident(opts.table ? opts.table(ds) : ds.id);
  const fileName = (ds: Dataset) => (opts.file ? opts.file(ds) : ds.id);
  const index = new UnitIndex(plans.units);
  const byId = new Map(plans.datasets.map((d) => [d.id, d]));
  const skipped = new Map<string, Reason>();
  const peopleTargets = new Map<string, { key: string; m: PeopleMeasure; w: EvalWindow }[]>();
  const totals: CompiledQueries['totals'] = [];
  const eventsNeeded = new Set<string>();
  const available = opts.available ?? (() => true);
  for (const p of plan.targets) {
    const m = p.target.measure;
    if (!p.window || !m || 'none' in m || !p.dataset || !available(p.dataset.id)) continue;
    const ds = p.dataset;
    const key = targetKey(p.decision.key, p.target.id);
    const present = presentOf(ds);
    if ('people' in m) {
      const cols = new Set(present);
      // The person key is read as the row's identity, not as a column a measure tests.
      if (ds.key) cols.delete(ds.key);
      const lack = missing(m.achieved, ds, cols, missing(m.population, ds, cols, new Set()));
      if (lack.size > 0) {
        skipped.set(key, { code: 'missing-columns', file: fileName(ds), columns: [...lack] });
        continue;
      }
      const list = peopleTargets.get(ds.id) ?? [];
      list.push({ key, m, w: p.window });
      peopleTargets.set(ds.id, list);
      if (JSON.stringify([m.population ?? null, m.achieved]).includes('"trained"')) for (const e of plan.eventsOf.get(ds.id) ?? []) if (available(e)) eventsNeeded.add(e);
      continue;
    }
    const sql = totalsSql(key, m, ds, present, table(ds), fileName(ds), index, plans.units, p.window, skipped);
    if (sql) totals.push({ key, dataset: ds.id, sql });
  }

  const people: PeoplePass[] = [];
  for (const [dsId, targets] of peopleTargets) {
    const ds = byId.get(dsId)!;
    const present = presentOf(ds);
    const cols = new Set(present);
    if (ds.key) cols.delete(ds.key);
    const filters = plan.filters.get(dsId) ?? [];
    const bit = new Map(filters.map((f, i) => [filterKey(f), i]));
    const events = (plan.eventsOf.get(dsId) ?? []).map((id) => byId.get(id)!).filter((e) => eventsNeeded.has(e.id));
    const parts: string[] = [];
    let from = `${table(ds)} s`;
    if (filters.length > 0 && events.length > 0) {
      const rows = events.map((ev) => {
        const evPresent = presentOf(ev);
        const flags = filters.map((f, i) => `${trainedRowSql(ev, evPresent, 'e', f)} AS t${i}`);
        return `SELECT e.${ident(ev.person!)} AS k, ${flags.join(', ')} FROM ${table(ev)} e`;
      });
      // Per person, whether any training passes each filter: boolean flags (a byte of state each, not
      // an integer's eight: the aggregate holds one per person and filter), and only the rows that pass
      // some filter grouped (a person with none is no row, and the LEFT JOIN reads that as false).
      const tr = `SELECT k, ${filters.map((_f, i) => `bool_or(t${i}) AS t${i}`).join(', ')} FROM (${rows.join(' UNION ALL ')}) x WHERE ${filters.map((_f, i) => `t${i}`).join(' OR ')} GROUP BY k`;
      from = `${table(ds)} s LEFT JOIN (${tr}) tr ON tr.k = s.${ident(ds.key!)}`;
    }
    const hasUnit = ds.unit !== undefined && present.has(ds.unit);
    const unit = hasUnit ? `s.${ident(ds.unit!)}` : 'CAST(NULL AS VARCHAR)';
    const list: PeoplePass['targets'] = [];
    // Each distinct condition (a period's active window, a population, an achieved test) is a column
    // of an inner select, computed once per row however many targets share it; the sums combine them.
    const flags = new Map<string, string>();
    const flag = (sql: string): string => {
      if (sql === TRUE || sql === FALSE) return sql;
      let name = flags.get(sql);
      if (name === undefined) flags.set(sql, (name = `f.c${flags.size}`));
      return name;
    };
    targets.forEach((t, i) => {
      const env: SqlEnv = {
        ds,
        present: cols,
        alias: 's',
        units: plans.units,
        index,
        window: t.w,
        ...(filters.length > 0 && events.length > 0
          ? {
              trained: (f: TrainedFilter) => {
                const b = bit.get(filterKey(f));
                return b === undefined ? FALSE : `COALESCE(tr.t${b}, FALSE)`;
              },
            }
          : {}),
      };
      const inPop = and([flag(activeSql(ds, present, 's', t.w)), flag(conditionSql(t.m.population, env))]);
      const hit = and([inPop, flag(conditionSql(t.m.achieved, env))]);
      parts.push(`SUM(CASE WHEN ${hit} THEN 1 ELSE 0 END) AS n${i}`, `SUM(CASE WHEN ${inPop} THEN 1 ELSE 0 END) AS d${i}`);
      list.push({ key: t.key, index: i });
    });
    const columns = [`${unit} AS unit`, ...[...flags].map(([sql, name]) => `${sql} AS ${name.slice(2)}`)];
    const aggregate = `SELECT f.unit AS unit, ${parts.join(', ')} FROM (SELECT ${columns.join(', ')} FROM ${from}) f${hasUnit ? ' GROUP BY f.unit' : ''}`;
    people.push({ dataset: dsId, targets: list, aggregate });
  }

  const eventsQueries: CompiledQueries['events'] = [];
  for (const id of eventsNeeded) {
    const ev = byId.get(id)!;
    const of = byId.get(ev.of!)!;
    // A training counts once its person is in the staff table (as the in-process join).
    const sql = `SELECT ${textLiteral(eventsKey(ev.id))} AS target, CAST(MAX(e.${ident(ev.date!)}) AS VARCHAR) AS unit, CAST(NULL AS INTEGER) AS year, CAST(COUNT(*) AS DECIMAL(38,0)) AS numerator, CAST(NULL AS DECIMAL(38,0)) AS denominator FROM ${table(ev)} e WHERE e.${ident(ev.person!)} IN (SELECT p.${ident(of.key!)} FROM ${table(of)} p)`;
    eventsQueries.push({ dataset: id, sql });
  }
  return { people, totals, events: eventsQueries, skipped };
}

function totalsSql(key: string, m: TotalsMeasure, ds: Dataset, present: Set<string>, table: string, file: string, index: UnitIndex, units: Unit[], w: EvalWindow, skipped: Map<string, Reason>): string | null {
  const isInt = (c: string) => columnDef(ds, c)?.type === 'integer' && present.has(c);
  if (!ds.year || !isInt(ds.year)) {
    skipped.set(key, { code: 'no-year-column', file, column: ds.year ?? '' });
    return null;
  }
  if (!isInt(m.numerator) || !isInt(m.denominator)) {
    skipped.set(key, { code: 'missing-columns', file, columns: [!isInt(m.numerator) ? m.numerator : null, !isInt(m.denominator) ? m.denominator : null].filter((c): c is string => c !== null) });
    return null;
  }
  const lack = missing(m.where, ds, present, new Set());
  if (lack.size > 0) {
    skipped.set(key, { code: 'missing-columns', file, columns: [...lack] });
    return null;
  }
  const env: SqlEnv = { ds, present, alias: 't', units, index, window: w };
  const where = and([`t.${ident(ds.year)} IS NOT NULL`, `t.${ident(m.numerator)} IS NOT NULL`, `t.${ident(m.denominator)} IS NOT NULL`, conditionSql(m.where, env)]);
  const hasUnit = ds.unit !== undefined && present.has(ds.unit);
  const unit = hasUnit ? `t.${ident(ds.unit!)}` : 'CAST(NULL AS VARCHAR)';
  const lit = textLiteral(key) ?? "''";
  return `SELECT ${lit} AS target, ${unit} AS unit, CAST(t.${ident(ds.year)} AS INTEGER) AS year, CAST(SUM(t.${ident(m.numerator)}) AS DECIMAL(38,0)) AS numerator, CAST(SUM(t.${ident(m.denominator)}) AS DECIMAL(38,0)) AS denominator FROM ${table} t WHERE ${where === TRUE ? 'TRUE' : where} GROUP BY ${hasUnit ? `${unit}, ` : ''}t.${ident(ds.year)}`;
}

/** A comment line: control characters and line separators replaced (a line break would end the comment). */
export const comment = (s: string): string => `-- ${s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')}`;

/**
 * All the result rows (target, unit, year, numerator, denominator) as one statement: each people
 * pass aggregated once in a CTE and unfolded into a row per target and unit, each totals target
 * summed by unit and year, each training dataset's row count and last day.
 */
export function resultQuery(q: CompiledQueries, dialect: Dialect): string | null {
  // DuckDB may inline a CTE at each use; MATERIALIZED keeps one pass (PostgreSQL 12+ does so by itself).
  const ctes = q.people.map((p, i) => `agg${i} AS ${dialect === 'duckdb' ? 'MATERIALIZED ' : ''}(\n  ${p.aggregate}\n)`);
  const selects: string[] = [];
  q.people.forEach((p, i) => {
    for (const t of p.targets) {
      selects.push(`${comment(`target ${t.key} (dataset ${p.dataset})`)}\nSELECT ${textLiteral(t.key) ?? "''"} AS target, unit, CAST(NULL AS INTEGER) AS year, CAST(n${t.index} AS DECIMAL(38,0)) AS numerator, CAST(d${t.index} AS DECIMAL(38,0)) AS denominator FROM agg${i}`);
    }
  });
  for (const t of q.totals) selects.push(`${comment(`target ${t.key} (dataset ${t.dataset})`)}\n${t.sql}`);
  for (const e of q.events) selects.push(`${comment(`training records of ${e.dataset}: rows and last day`)}\n${e.sql}`);
  if (selects.length === 0) return null;
  return `${ctes.length ? `WITH ${ctes.join(',\n')}\n` : ''}${selects.join('\nUNION ALL\n')}`;
}

const SQL_TYPES: Record<string, string> = { text: 'VARCHAR', enum: 'VARCHAR', unit: 'VARCHAR', list: 'VARCHAR', integer: 'BIGINT', boolean: 'BOOLEAN', date: 'DATE' };

/** The tables a compiled set of queries reads, with their columns, as comment lines. */
export function tablesComment(plans: PlanSet, q: CompiledQueries): string[] {
  const ids = new Set<string>([...q.people.map((p) => p.dataset), ...q.totals.map((t) => t.dataset), ...q.events.map((e) => e.dataset)]);
  for (const e of q.events) {
    const of = plans.datasets.find((d) => d.id === e.dataset)?.of;
    if (of) ids.add(of);
  }
  const out: string[] = [];
  for (const ds of plans.datasets) {
    if (!ids.has(ds.id)) continue;
    out.push(comment(`table ${ds.id} (${ds.kind}): ${ds.columns.map((c) => `${c.name} ${SQL_TYPES[c.type]}${c.type === 'list' ? ' (values joined by ;)' : c.type === 'unit' ? ' (unit id)' : ''}`).join(', ')}`));
  }
  return out;
}
