// plan overdue: the overdue list alone (tasks and reporting-duty instances), most late first.

import { buildOverdueReport } from '../../report/overdue.js';
import { OVERDUE_FORMATS } from '../../render/overdue.js';
import { commandEnv, formatter, loadCheckedPlans, parseCount, type CommonOptions } from '../context.js';
import { selection, type FilterOptions } from '../filters.js';
import type { Io } from '../io.js';
import { checkOutput, writeOutput } from '../output.js';
import { issuedPlans } from '../issued.js';

export async function run(opts: CommonOptions & FilterOptions & { within?: string; failOn?: string }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  // A Word or Excel file bound for a terminal is refused before any work.
  checkOutput(io, opts.format, opts.out, `plan overdue --format ${opts.format ?? ''}`);
  const within = opts.within === undefined ? null : parseCount(opts.within, '--within');
  const all = await loadCheckedPlans(env);
  const sel = selection(all, opts);
  const report = buildOverdueReport(issuedPlans(env, all), env.asOf, sel, within);
  await writeOutput(io, await formatter(OVERDUE_FORMATS, opts.format)(report, env.render), opts.out);
  return opts.failOn === 'overdue' && report.counts.overdue > 0 ? 1 : 0;
}
