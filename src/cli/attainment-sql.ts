// The SQL side of `plan attainment`: --engine (js, duckdb, auto), --emit-sql [--dialect] for a
// warehouse, --from-sql-results FILE for its answer. DuckDB and the results reader are imported
// only when asked for, so the other commands' start-up does not pay for them.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataFile } from '../load/data/load-data.js';
import type { PlanSet } from '../model/plan-set.js';
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
 * Above this many bytes of data files, `--engine auto` takes DuckDB. Measured (`BENCH_ONLY=engine-threshold`
 * and the 1M-staff bench, under load): DuckDB was not faster at any size up to 203 MB, so auto does
 * not take it for speed; it takes it where the in-process engine's memory (about twice the files'
 * size: 421 MB for 203 MB) would pass 2 GB, since DuckDB keeps to its memory limit and spills.
 */
export const AUTO_DUCKDB_BYTES = 1_000_000_000;

/** Which engine reads these files. */
export function chooseEngine(engine: Engine, files: Map<string, DataFile>): 'js' | 'duckdb' {
  if (engine !== 'auto') return engine;
  let bytes = 0;
  for (const f of files.values()) {
    // Parquet is read by DuckDB alone.
    if (/\.parquet$/i.test(f.path)) return 'duckdb';
    try {
      bytes += statSync(f.path).size;
    } catch {
      // A file that cannot be read is reported by the engine that reads it.
    }
  }
  return bytes > AUTO_DUCKDB_BYTES ? 'duckdb' : 'js';
}

type Selection = Pick<MeasureOptions, 'year' | 'select'>;

/** The engine `--engine auto` takes for the files the selected targets read. */
export function autoEngine(plans: PlanSet, env: CommandEnv, opts: MeasureOptions): 'js' | 'duckdb' {
  const plan = planOf(plans, env, opts);
  return chooseEngine('auto', dataFiles(plans, plan.datasets, opts, env.io.cwd, opts.missingGiven).files);
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
  const results = await readSqlResults(path, opts.file);
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
  const { runDuckdb } = await import('../load/data/duckdb-engine.js');
  let skipped = new Map<string, Reason>();
  const r = await runDuckdb({ plans, files, ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}) }, (t) => {
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
