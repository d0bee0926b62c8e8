// The SQL side of `plan attainment`: --engine (js, duckdb, auto), --emit-sql [--dialect] for a
// warehouse, --from-sql-results FILE for its answer. DuckDB and the results reader are imported
// only when asked for, so the other commands' start-up does not pay for them.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataFile } from '../load/data/load-data.js';
import type { PlanSet } from '../model/plan-set.js';
import { eventsKey, targetKey } from '../model/sql.js';
import { planAttainment, type AttainmentPlan, type AttainmentReport } from '../report/attainment/attainment.js';
import type { Breakdown } from '../report/attainment/breakdown.js';
import { ALL_COLUMNS, comment, compileQueries, resultQuery, tablesComment } from '../report/attainment/sql/compile-sql.js';
import type { Dialect } from '../report/attainment/sql/dialect.js';
import { attainmentFromRows } from '../report/attainment/sql/from-rows.js';
import type { Reason } from '../report/attainment/reasons.js';
import { reasonText } from '../render/i18n/messages.js';
import type { CommandEnv } from './context.js';
import { dataFiles } from './data-files.js';
import type { Measured, MeasureOptions } from './attainment-data.js';
import { UsageError } from './io.js';

export const ENGINES = ['js', 'duckdb', 'auto'] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * Above this many bytes of data files, `--engine auto` takes DuckDB, when DuckDB reads every file as
 * it is (duckdb-input.ts). Measured by `BENCH_ONLY=engine-threshold` (every target, by unit, no
 * cache): the engines are even up to 10 MB (0.75 s each), DuckDB 1.26× faster at 20 MB, 1.49× at
 * 41 MB, 1.6× at 203 MB (the 1M-staff bench). Below 20 MB the in-process engine keeps its lower memory.
 */
export const AUTO_DUCKDB_BYTES = 20_000_000;

/** Which engine reads these files: DuckDB for Parquet, or past AUTO_DUCKDB_BYTES if it reads every file as the in-process reader would. */
export async function chooseEngine(engine: Engine, plans: PlanSet, files: Map<string, DataFile>, opts: Pick<MeasureOptions, 'encoding' | 'delimiter' | 'headerRow' | 'sheet'> = {}): Promise<'js' | 'duckdb'> {
  if (engine !== 'auto') return engine;
  let bytes = 0;
  let parquet = false;
  for (const f of files.values()) {
    // Parquet is read by DuckDB alone.
    if (/\.parquet$/i.test(f.path)) parquet = true;
    try {
      bytes += statSync(f.path).size;
    } catch {
      // A file that cannot be read is reported by the engine that reads it.
    }
  }
  if (parquet) return 'duckdb';
  // Options only the in-process reader takes.
  if (bytes <= AUTO_DUCKDB_BYTES || opts.delimiter !== undefined || opts.headerRow !== undefined || opts.sheet !== undefined) return 'js';
  const { duckdbInput } = await import('../load/data/duckdb-input.js');
  const byId = new Map(plans.datasets.map((d) => [d.id, d]));
  for (const [id, f] of files) {
    const ds = byId.get(id);
    if (ds && !(await duckdbInput(ds, f.path, f.display, opts.encoding)).ok) return 'js';
  }
  return 'duckdb';
}

type Selection = Pick<MeasureOptions, 'year' | 'select'>;

/** The engine `--engine auto` takes for the files the selected targets read. */
export function autoEngine(plans: PlanSet, env: CommandEnv, opts: MeasureOptions): Promise<'js' | 'duckdb'> {
  const plan = planOf(plans, env, opts);
  return chooseEngine('auto', plans, dataFiles(plans, plan.datasets, opts, env.io.cwd, opts.missingGiven).files, opts);
}

function planOf(plans: PlanSet, env: CommandEnv, opts: Selection): AttainmentPlan {
  return planAttainment(plans, { asOf: env.asOf, ...(opts.year !== undefined ? { year: opts.year } : {}), ...(opts.select ? { select: opts.select } : {}) });
}

/** The selected targets as one SQL statement over tables named as the datasets (with a header of comments). */
export function emitSql(plans: PlanSet, env: CommandEnv, opts: Selection & { dialect: Dialect }): string {
  const plan = planOf(plans, env, opts);
  const q = compileQueries(plans, plan, { dialect: opts.dialect });
  const sql = resultQuery(q, opts.dialect);
  const head = [
    comment(`plan attainment --emit-sql --dialect ${opts.dialect}, as of ${env.asOf}${opts.year !== undefined ? `, year ${opts.year}` : ''}`),
    comment('one table per dataset, named as its id, with the canonical columns; good rows only (the warehouse checks its own data)'),
    ...tablesComment(plans, q),
    comment('result rows: target, unit, year, numerator, denominator; save them as CSV and run'),
    comment('plan attainment --from-sql-results FILE (with the same --as-of, --year, --target, --decision)'),
    ...[...q.skipped].map(([key, why]) => comment(`left out ${key}: ${reasonText(why, 'en')}`)),
  ];
  return `${head.join('\n')}\n${sql ?? comment('no selected target is measured from data')}\n${sql ? ';\n' : ''}`;
}

/** The report from a warehouse's result rows. */
export async function reportFromResults(plans: PlanSet, env: CommandEnv, opts: Selection & { file: string; by?: Breakdown; minCell: number }): Promise<{ report: AttainmentReport | null; issues: import('../model/diagnostic.js').Diagnostic[] }> {
  const { readSqlResults } = await import('../load/data/sql-results.js');
  const path = resolve(env.io.cwd, opts.file);
  try {
    if (!statSync(path).isFile()) throw new UsageError(`--from-sql-results: ${opts.file} is a directory, not a file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--from-sql-results: file not found: ${opts.file}`);
  }
  // Every target of the plan files, not only the selected ones: results of the whole query read with --target are fine.
  const keys = new Set<string>([...plans.decisions.flatMap((d) => (d.data.targets ?? []).map((t) => targetKey(d.key, t.id))), ...plans.datasets.filter((ds) => ds.kind === 'events').map((ds) => eventsKey(ds.id))]);
  const results = await readSqlResults(path, opts.file, (t) => keys.has(t));
  if (results.issues.length > 0) return { report: null, issues: results.issues };
  const plan = planOf(plans, env, opts);
  const q = compileQueries(plans, plan, { dialect: 'postgres', present: ALL_COLUMNS });
  const report = attainmentFromRows(
    plans,
    plan,
    { rows: results.rows, skipped: q.skipped, data: { reads: [], issues: [], issueCounts: [] }, available: () => true, hasUnit: (ds) => ds.unit !== undefined, absent: 'no-data' },
    { ...(opts.by ? { by: opts.by } : {}), minCell: opts.minCell },
  );
  return { report, issues: [] };
}

/** Reads the data with DuckDB and counts there; the findings come back as the in-process reader's do. */
export async function measureWithDuckdb(plans: PlanSet, env: CommandEnv, opts: MeasureOptions): Promise<{ measured: Measured; report: (o: { by?: Breakdown; minCell: number }) => AttainmentReport }> {
  const plan = planOf(plans, env, opts);
  const { files, missing, notes } = dataFiles(plans, plan.datasets, opts, env.io.cwd, opts.missingGiven);
  const { duckdbMemory, isDuckdbSize, runDuckdb } = await import('../load/data/duckdb-engine.js');
  const memory = duckdbMemory(env.io.env);
  if (!isDuckdbSize(memory)) throw new UsageError(`PLAN_DUCKDB_MEMORY takes a size such as 512MB or 2GB, not "${memory}"`);
  let skipped = new Map<string, Reason>();
  const r = await runDuckdb({ plans, files, memory, ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}) }, (t) => {
    const q = compileQueries(plans, plan, {
      dialect: 'duckdb',
      present: (ds) => t.present.get(ds.id) ?? new Set(),
      file: (ds) => files.get(ds.id)?.display ?? ds.id,
      available: (id) => t.available.has(id),
    });
    skipped = q.skipped;
    // Each training file's rows and last day come from its check; the query need not scan it again.
    const sql = resultQuery({ ...q, events: [] }, 'duckdb');
    return sql === null ? null : `SELECT target, unit, year, CAST(numerator AS VARCHAR) AS numerator, CAST(denominator AS VARCHAR) AS denominator FROM (${sql}) q`;
  });
  const data = { people: new Map(), events: new Map(), totals: new Map(), reads: [...r.data.reads, ...missing], issues: [...notes, ...r.data.issues], issueCounts: r.data.issueCounts };
  const unreadable = data.reads.filter((x) => x.failed && (x.given || files.has(x.dataset)));
  const badRows = data.reads.reduce((a, x) => a + x.rowsExcluded, 0);
  const measured: Measured = { plan, data, unreadable, badRows, errors: data.issues.filter((d) => d.severity === 'error') };
  return {
    measured,
    report: (o) =>
      attainmentFromRows(
        plans,
        plan,
        {
          rows: r.rows,
          skipped,
          data,
          available: (id) => r.available.has(id),
          hasUnit: (ds) => ds.unit !== undefined && (r.present.get(ds.id)?.has(ds.unit) ?? false),
          absent: 'zero',
        },
        { ...(o.by ? { by: o.by } : {}), minCell: o.minCell },
      ),
  };
}
