// plan status: per decision, counts by state, overdue and due-soon items, waiting and stale tasks, reporting duties.

import { buildStatusReport } from '../../report/status.js';
import { STATUS_FORMATS } from '../../render/status.js';
import { commandEnv, loadCheckedPlans, parseCount, type CommonOptions } from '../context.js';
import { selection, type FilterOptions } from '../filters.js';
import type { Io } from '../io.js';

export async function run(opts: CommonOptions & FilterOptions & { within?: string }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  const within = parseCount(opts.within ?? '30', '--within');
  const plans = await loadCheckedPlans(env);
  const sel = selection(plans, opts);
  const report = buildStatusReport(plans, env.asOf, sel, {
    within,
    filter: { decision: opts.decision ?? null, unit: opts.unit ?? null, leader: opts.leader ?? null },
  });
  io.stdout.write(STATUS_FORMATS[(opts.format ?? 'table') as keyof typeof STATUS_FORMATS](report, env.render));
  return 0;
}
