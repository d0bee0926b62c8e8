// plan report: one Markdown or HTML document for a reporting round — status, overdue and due-soon
// items, reporting duties, target attainment, and the decisions' tables with each task's state.

import { BREAKDOWNS, type Breakdown } from '../../report/attainment/breakdown.js';
import { buildReportDocument } from '../../report/report.js';
import { REPORT_FORMATS } from '../../render/report-formats.js';
import { writeDataFindings } from '../data-findings.js';
import { measuredOnce } from '../measure-cache.js';
import { DEFAULT_MIN_CELL, MAX_MIN_CELL, YEAR_RANGE } from '../defaults.js';
import { commandEnv, formatter, loadCheckedPlans, notFound, withinDays, type CommonOptions } from '../context.js';
import { checkEncoding, dataOptions, whole, type DataOptions } from '../data-files.js';
import { selection } from '../filters.js';
import type { Io } from '../io.js';
import { checkOutput, writeOutput } from '../output.js';
import { issuedPlans } from '../issued.js';

export interface ReportOptions extends CommonOptions, DataOptions {
  decision?: string;
  year?: string;
  by?: string;
  minCell?: string;
  within?: string;
}

export async function run(opts: ReportOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  // A Word or Excel file bound for a terminal is refused before any work.
  checkOutput(io, opts.format, opts.out, `plan report --format ${opts.format ?? ''}`);
  const within = withinDays(opts.within);
  const year = opts.year !== undefined ? whole(opts.year, '--year', ...YEAR_RANGE) : undefined;
  const minCell = opts.minCell !== undefined ? whole(opts.minCell, '--min-cell', 1, MAX_MIN_CELL) : DEFAULT_MIN_CELL;
  if (opts.by !== undefined && !BREAKDOWNS.includes(opts.by as Breakdown)) throw notFound(`--by takes ${BREAKDOWNS.join(', ')}, not "${opts.by}"`, opts.by, [...BREAKDOWNS]);
  await checkEncoding(opts.encoding);
  const all = await loadCheckedPlans(env);
  const sel = selection(all, opts.decision !== undefined ? { decision: opts.decision } : {});
  const plans = issuedPlans(env, all);

  // Data that cannot be read leaves its targets without data; the rest of the report stands.
  const { found, value: attainment } = await measuredOnce(
    'report',
    plans,
    env,
    {
      ...dataOptions(opts),
      ...(year !== undefined ? { year } : {}),
      select: (d) => !sel.decisions || sel.decisions.has(d.key),
      missingGiven: 'no-data',
    },
    opts,
    // The CSV machinery loads only on a miss.
    async (m) => (await import('../attainment-data.js')).measure(plans, m, { ...(opts.by ? { by: opts.by as Breakdown } : {}), minCell }),
  );
  writeDataFindings(env, found);

  const doc = buildReportDocument(plans, { asOf: env.asOf, within, sel, attainment });
  // A document for a file or a browser: no terminal colour.
  await writeOutput(io, await formatter(REPORT_FORMATS, opts.format)(doc, { ...env.render, color: false }), opts.out);
  return 0;
}
