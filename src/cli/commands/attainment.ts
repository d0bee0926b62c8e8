// plan attainment: targets against CSV data — value, verdict, people still needed, breakdowns.

import { ATTAINMENT_FORMATS } from '../../render/attainment.js';
import { BREAKDOWNS, type Breakdown } from '../../report/attainment/breakdown.js';
import { findDecision } from '../../report/select.js';
import { writeDataFindings, type DataFindings } from '../data-findings.js';
import { measuredOnce } from '../measure-cache.js';
import { checkEncoding, dataOptions, whole, type DataOptions } from '../data-files.js';
import { DEFAULT_MIN_CELL, MAX_MIN_CELL, YEAR_RANGE } from '../defaults.js';
import { commandEnv, formatter, loadCheckedPlans, notFound, stderrRender, type CommandEnv, type CommonOptions } from '../context.js';
import { UsageError, type Io } from '../io.js';
import { issuedPlans } from '../issued.js';
import { checkOutput, writeOutput } from '../output.js';
import type { AttainmentReport } from '../../report/attainment/attainment.js';
import { DIALECTS, type Dialect } from '../../report/attainment/sql/dialect.js';
import { ENGINES, type Engine } from '../attainment-sql.js';

export interface AttainmentOptions extends CommonOptions, DataOptions {
  year?: string;
  target?: string;
  decision?: string;
  by?: string;
  minCell?: string;
  failOn?: string;
  strict?: boolean;
  engine?: string;
  emitSql?: boolean;
  dialect?: string;
  fromSqlResults?: string;
}

export async function run(opts: AttainmentOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  // A Word or Excel file bound for a terminal is refused before any work.
  checkOutput(io, opts.format, opts.out, `plan attainment --format ${opts.format ?? ''}`);
  const year = opts.year !== undefined ? whole(opts.year, '--year', ...YEAR_RANGE) : undefined;
  const minCell = opts.minCell !== undefined ? whole(opts.minCell, '--min-cell', 1, MAX_MIN_CELL) : DEFAULT_MIN_CELL;
  if (opts.by !== undefined && !BREAKDOWNS.includes(opts.by as Breakdown)) throw notFound(`--by takes ${BREAKDOWNS.join(', ')}, not "${opts.by}"`, opts.by, [...BREAKDOWNS]);
  if (opts.failOn !== undefined && opts.failOn !== 'unmet') throw new UsageError(`--fail-on takes "unmet", not "${opts.failOn}"`);
  await checkEncoding(opts.encoding);
  if (opts.engine !== undefined && !ENGINES.includes(opts.engine as Engine)) throw notFound(`--engine takes ${ENGINES.join(', ')}, not "${opts.engine}"`, opts.engine, [...ENGINES]);
  if (opts.dialect !== undefined && !DIALECTS.includes(opts.dialect as Dialect)) throw notFound(`--dialect takes ${DIALECTS.join(', ')}, not "${opts.dialect}"`, opts.dialect, [...DIALECTS]);
  if (opts.dialect !== undefined && !opts.emitSql) throw new UsageError('--dialect goes with --emit-sql');
  if (opts.emitSql && opts.fromSqlResults !== undefined) throw new UsageError('--emit-sql prints the query; --from-sql-results reads its answer: give one of them');
  // A decision not yet issued on the as-of day sets no target yet (as in plan status and plan report).
  const all = await loadCheckedPlans(env);
  const plans = issuedPlans(env, all);

  let decisionKey: string | undefined;
  if (opts.decision !== undefined) {
    const d = findDecision(all, opts.decision);
    if (!d.ok) throw notFound(d.message, opts.decision, d.candidates);
    decisionKey = d.value.key;
  }
  if (opts.target !== undefined) {
    const ids = plans.decisions.filter((d) => !decisionKey || d.key === decisionKey).flatMap((d) => (d.data.targets ?? []).map((t) => t.id));
    if (!ids.includes(opts.target)) throw notFound(`no target "${opts.target}"${decisionKey ? ` in ${opts.decision}` : ''}`, opts.target, ids);
  }
  const select = (d: { key: string }, t: { id: string }) => (!decisionKey || d.key === decisionKey) && (opts.target === undefined || t.id === opts.target);
  const selection = { ...(year !== undefined ? { year } : {}), select };
  const by = opts.by ? { by: opts.by as Breakdown } : {};
  if (opts.emitSql || opts.fromSqlResults !== undefined) {
    const sql = await import('../attainment-sql.js');
    if (opts.emitSql) {
      io.stdout.write(sql.emitSql(plans, env, { ...selection, dialect: (opts.dialect ?? 'postgres') as Dialect }));
      return 0;
    }
    const { report, issues } = await sql.reportFromResults(plans, env, { ...selection, ...by, minCell, file: opts.fromSqlResults! });
    if (!report) {
      const { diagnosticAsText } = await import('../../render/diagnostics.js');
      for (const d of issues.slice(0, 20)) io.stderr.write(diagnosticAsText(d, stderrRender(env)));
      io.stderr.write(`plan: ${opts.fromSqlResults}: ${issues.length}${issues.length >= 50 ? '+' : ''} bad result row${issues.length === 1 ? '' : 's'}; nothing reported\n`);
      return 1;
    }
    return finish(report, opts, env, io, []);
  }
  const measureOpts = { ...dataOptions(opts), ...selection, missingGiven: 'usage-error' as const };
  let engine = (opts.engine ?? 'js') as Engine;
  if (engine === 'auto') engine = await (await import('../attainment-sql.js')).autoEngine(plans, env, measureOpts);
  let found: DataFindings;
  let report: AttainmentReport;
  if (engine === 'duckdb') {
    const r = await (await import('../attainment-sql.js')).measureWithDuckdb(plans, env, measureOpts);
    found = r.measured;
    report = r.report({ ...by, minCell });
  } else {
    // The CSV machinery loads only on a miss of the measure cache.
    ({ found, value: report } = await measuredOnce('attainment', plans, env, measureOpts, opts, async (m) => (await import('../attainment-data.js')).measure(plans, m, { ...by, minCell })));
  }
  writeDataFindings(env, found, { ...(opts.strict ? { strict: true } : {}), allIn: '--format json' });
  const { badRows, errors, unreadable } = found;
  if (opts.strict && (badRows > 0 || errors.length > 0)) {
    io.stderr.write(`plan: --strict: the data has ${badRows} bad row${badRows === 1 ? '' : 's'}${unreadable.length ? ` and ${unreadable.length} unreadable file${unreadable.length === 1 ? '' : 's'}` : ''}; nothing reported\n`);
    return 1;
  }

  return finish(report, opts, env, io, unreadable);
}

async function finish(report: AttainmentReport, opts: AttainmentOptions, env: CommandEnv, io: Io, unreadable: unknown[]): Promise<number> {
  await writeOutput(io, await formatter(ATTAINMENT_FORMATS, opts.format)(report, env.render), opts.out);
  if (unreadable.length > 0) return 1;
  if (opts.failOn === 'unmet' && report.targets.some((t) => t.status === 'not-met')) {
    const n = report.targets.filter((t) => t.status === 'not-met').length;
    io.stderr.write(`plan: ${n} target${n === 1 ? '' : 's'} not met (--fail-on unmet)\n`);
    return 1;
  }
  return 0;
}
