// plan tasks: one row per task, filtered by decision, unit, leader and derived state.

import { buildTasksReport } from '../../report/tasks.js';
import { TASK_FORMATS } from '../../render/tasks.js';
import { commandEnv, loadCheckedPlans, parseCount, type CommonOptions } from '../context.js';
import { taskFilter, type FilterOptions } from '../filters.js';
import type { Io } from '../io.js';
import { checkOutput, writeOutput } from '../output.js';

export async function run(opts: CommonOptions & FilterOptions & { within?: string; out?: string }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  checkOutput(io, opts.format, opts.out, 'plan tasks --format xlsx');
  const within = parseCount(opts.within ?? '30', '--within');
  const plans = await loadCheckedPlans(env);
  const report = buildTasksReport(plans, env.asOf, taskFilter(plans, opts), within);
  const content = opts.format === 'xlsx' ? await (await import('../../render/xlsx/xlsx.js')).tasksAsXlsx(report, env.render) : TASK_FORMATS[(opts.format ?? 'table') as keyof typeof TASK_FORMATS](report, env.render);
  await writeOutput(io, content, opts.out);
  return 0;
}
