// plan overdue: the overdue list alone (tasks and reporting-duty instances), most late first.

import { buildOverdueReport } from '../../report/overdue.js';
import { OVERDUE_FORMATS } from '../../render/overdue.js';
import { commandEnv, loadCheckedPlans, parseCount, type CommonOptions } from '../context.js';
import { selection, type FilterOptions } from '../filters.js';
import type { Io } from '../io.js';
import { checkOutput, writeOutput } from '../output.js';

export async function run(opts: CommonOptions & FilterOptions & { within?: string; failOn?: string; out?: string }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  checkOutput(io, opts.format, opts.out, 'plan overdue --format xlsx');
  const within = opts.within === undefined ? null : parseCount(opts.within, '--within');
  const plans = await loadCheckedPlans(env);
  const report = buildOverdueReport(plans, env.asOf, selection(plans, opts), within);
  const content = opts.format === 'xlsx' ? await (await import('../../render/xlsx/xlsx.js')).overdueAsXlsx(report, env.render) : OVERDUE_FORMATS[(opts.format ?? 'table') as keyof typeof OVERDUE_FORMATS](report, env.render);
  await writeOutput(io, content, opts.out);
  return opts.failOn === 'overdue' && report.counts.overdue > 0 ? 1 : 0;
}
