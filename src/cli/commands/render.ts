// plan render: a decision's appendix tables as the document shows them, totals computed.

import { buildAppendixReport } from '../../report/appendix-tables.js';
import { findDecision } from '../../report/select.js';
import { APPENDIX_FORMATS } from '../../render/appendix-formats.js';
import { commandEnv, formatter, loadCheckedPlans, notFound, withinDays, type CommonOptions } from '../context.js';
import { UsageError, type Io } from '../io.js';
import { checkOutput, writeOutput } from '../output.js';

export interface RenderOptions extends CommonOptions {
  appendix?: string;
  sections?: boolean;
  withStatus?: boolean;
  within?: string;
}

export async function run(decision: string, opts: RenderOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  // A Word or Excel file bound for a terminal is refused before any work.
  checkOutput(io, opts.format, opts.out, `plan render ${decision} --format ${opts.format ?? ''}`);
  const within = withinDays(opts.within);
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
  await writeOutput(io, await formatter(APPENDIX_FORMATS, opts.format)(built.report, env.render), opts.out);
  return 0;
}
