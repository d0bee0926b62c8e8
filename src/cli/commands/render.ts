// plan render: a decision's appendix tables as the document shows them, totals computed.

import { buildAppendixReport } from '../../report/appendix-tables.js';
import { findDecision } from '../../report/select.js';
import { appendixAsCsv, appendixAsJson, appendixAsMarkdown, appendixAsTable } from '../../render/appendix.js';
import { appendixAsHtml } from '../../render/appendix-html.js';
import { commandEnv, loadCheckedPlans, notFound, parseCount, type CommonOptions } from '../context.js';
import { UsageError, type Io } from '../io.js';

export const RENDER_FORMATS = { table: appendixAsTable, md: appendixAsMarkdown, html: appendixAsHtml, csv: appendixAsCsv, json: appendixAsJson } as const;

export interface RenderOptions extends CommonOptions {
  appendix?: string;
  sections?: boolean;
  withStatus?: boolean;
  within?: string;
  lang?: string;
}

export async function run(decision: string, opts: RenderOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  const lang = env.render.lang;
  const within = parseCount(opts.within ?? '30', '--within');
  if (opts.sections && opts.appendix !== undefined) throw new UsageError('--sections and --appendix exclude each other: the body sections are not an appendix');
  const plans = await loadCheckedPlans(env);
  const found = findDecision(plans, decision);
  if (!found.ok) throw notFound(found.message, decision, found.candidates);
  const built = buildAppendixReport(plans, found.value, {
    ...(opts.appendix !== undefined ? { appendix: opts.appendix } : {}),
    ...(opts.sections ? { sections: true } : {}),
    ...(opts.withStatus ? { asOf: env.asOf, within } : {}),
  });
  if (!built.ok) throw new UsageError(built.message);
  const format = (opts.format ?? 'table') as keyof typeof RENDER_FORMATS;
  io.stdout.write(RENDER_FORMATS[format](built.report, { ...env.render, lang }));
  return 0;
}
