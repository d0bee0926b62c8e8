// plan status: per decision, counts by state, overdue and due-soon items, waiting and stale tasks,
// reporting duties; and a summary of target attainment when there is data to measure.

import { buildStatusReport } from '../../report/status.js';
import { STATUS_FORMATS } from '../../render/status.js';
import { commandEnv, formatter, loadCheckedPlans, withinDays, type CommonOptions } from '../context.js';
import { dataOptions, dataPresent, type DataOptions } from '../data-files.js';
import { selection, type FilterOptions } from '../filters.js';
import type { Io } from '../io.js';

export interface StatusOptions extends CommonOptions, FilterOptions, DataOptions {
  within?: string;
  /** false with --no-attainment. */
  attainment?: boolean;
}

export async function run(opts: StatusOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  const within = withinDays(opts.within);
  const plans = await loadCheckedPlans(env);
  const sel = selection(plans, opts);
  const report = buildStatusReport(plans, env.asOf, sel, {
    within,
    filter: { decision: opts.decision ?? null, unit: opts.unit ?? null, leader: opts.leader ?? null },
  });
  const data = dataOptions(opts);
  if (opts.attainment !== false && dataPresent(plans, data, io.cwd)) {
    // The CSV parser and decoders load only when there is data to measure.
    const [{ measure, readTargetData, writeDataFindings }, { summariseAttainment }] = await Promise.all([import('../attainment-data.js'), import('../../report/attainment/summary.js')]);
    // Targets are the organisation's: --decision narrows them, --unit and --leader do not.
    const measured = await readTargetData(plans, env, { ...data, select: (d) => !sel.decisions || sel.decisions.has(d.key), missingGiven: 'no-data' });
    writeDataFindings(env, measured);
    report.attainment = summariseAttainment(measure(plans, measured, {}));
  }
  io.stdout.write(formatter(STATUS_FORMATS, opts.format)(report, env.render));
  return 0;
}
