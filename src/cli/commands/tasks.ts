// plan tasks: one row per task, filtered by decision, unit, leader and derived state.

import { buildTasksReport } from '../../report/tasks.js';
import { TASK_FORMATS } from '../../render/tasks.js';
import { commandEnv, formatter, loadCheckedPlans, withinDays, type CommonOptions } from '../context.js';
import { taskFilter, type FilterOptions } from '../filters.js';
import type { Io } from '../io.js';
import { checkOutput, writeOutput } from '../output.js';

export async function run(opts: CommonOptions & FilterOptions & { within?: string }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  // A Word or Excel file bound for a terminal is refused before any work.
  checkOutput(io, opts.format, opts.out, `plan tasks --format ${opts.format ?? ''}`);
  const within = withinDays(opts.within);
  const plans = await loadCheckedPlans(env);
  const report = buildTasksReport(plans, env.asOf, taskFilter(plans, opts), within);
  await writeOutput(io, await formatter(TASK_FORMATS, opts.format)(report, env.render), opts.out);
  return 0;
}
