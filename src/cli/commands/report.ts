// plan report: one Markdown or HTML document for a reporting round — status, overdue and due-soon
// items, reporting duties, target attainment, and the decisions' tables with each task's state.

import { BREAKDOWNS, type Breakdown } from '../../report/attainment/breakdown.js';
import { buildReportDocument } from '../../report/report.js';
import { reportAsHtml } from '../../render/report-html.js';
import { reportAsMarkdown } from '../../render/report-md.js';
import { measure, readTargetData, writeDataFindings } from '../attainment-data.js';
import { commandEnv, loadCheckedPlans, notFound, parseCount, type CommonOptions } from '../context.js';
import { dataOptions, whole, type DataOptions } from '../data-files.js';
import { selection } from '../filters.js';
import type { Io } from '../io.js';

export const REPORT_FORMATS = { md: reportAsMarkdown, html: reportAsHtml } as const;

export interface ReportOptions extends CommonOptions, DataOptions {
  decision?: string;
  year?: string;
  by?: string;
  minCell?: string;
  within?: string;
  lang?: string;
}

export async function run(opts: ReportOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  const within = parseCount(opts.within ?? '30', '--within');
  const year = opts.year !== undefined ? whole(opts.year, '--year', 1900, 2200) : undefined;
  const minCell = opts.minCell !== undefined ? whole(opts.minCell, '--min-cell', 1, 1_000_000) : 5;
  if (opts.by !== undefined && !BREAKDOWNS.includes(opts.by as Breakdown)) throw notFound(`--by takes ${BREAKDOWNS.join(', ')}, not "${opts.by}"`, opts.by, [...BREAKDOWNS]);
  const lang = env.render.lang;
  const plans = await loadCheckedPlans(env);
  const sel = selection(plans, opts.decision !== undefined ? { decision: opts.decision } : {});

  // Data that cannot be read leaves its targets without data; the rest of the report stands.
  const measured = await readTargetData(plans, env, {
    ...dataOptions(opts),
    ...(year !== undefined ? { year } : {}),
    select: (d) => !sel.decisions || sel.decisions.has(d.key),
    missingGiven: 'no-data',
  });
  writeDataFindings(env, measured);
  const attainment = measure(plans, measured, { ...(opts.by ? { by: opts.by as Breakdown } : {}), minCell });

  const doc = buildReportDocument(plans, { asOf: env.asOf, within, sel, attainment });
  const format = (opts.format ?? 'md') as keyof typeof REPORT_FORMATS;
  io.stdout.write(REPORT_FORMATS[format](doc, { ...env.render, color: false, lang }));
  return 0;
}
