// plan tasks: one row per task, filtered by decision, unit, leader and derived state.

import { buildTasksReport, type TaskFilter } from '../../report/tasks.js';
import { DERIVED_STATES, type DerivedState } from '../../report/task-state.js';
import { findDecision, findLeader, findUnit, unitMatchSet } from '../../report/select.js';
import { TASK_FORMATS } from '../../render/tasks.js';
import { commandEnv, loadCheckedPlans, notFound, parseCount, type CommonOptions } from '../context.js';
import type { Io } from '../io.js';
import type { PlanSet } from '../../model/plan-set.js';

export interface FilterOptions {
  decision?: string;
  unit?: string;
  direct?: boolean;
  leader?: string;
  state?: string;
}

/** Turns --decision/--unit/--leader/--state into a filter, or a usage error naming the closest match. */
export function taskFilter(plans: PlanSet, opts: FilterOptions): TaskFilter {
  const filter: TaskFilter = {};
  if (opts.decision !== undefined) {
    const d = findDecision(plans, opts.decision);
    if (!d.ok) throw notFound(d.message, opts.decision, d.candidates);
    filter.decisions = new Set([d.value.key]);
  }
  if (opts.unit !== undefined) {
    const u = findUnit(plans, opts.unit);
    if (!u.ok) throw notFound(u.message, opts.unit, u.candidates);
    filter.units = opts.direct ? new Set([u.value.id]) : unitMatchSet(plans, u.value);
  }
  if (opts.leader !== undefined) {
    const l = findLeader(plans, opts.leader);
    if (!l.ok) throw notFound(l.message, opts.leader, l.candidates);
    filter.leaders = new Set([l.value.id]);
  }
  if (opts.state !== undefined) {
    const states = opts.state.split(',').map((s) => s.trim()).filter(Boolean);
    for (const s of states) if (!DERIVED_STATES.includes(s as DerivedState)) throw notFound(`no state "${s}"`, s, [...DERIVED_STATES]);
    filter.states = new Set(states as DerivedState[]);
  }
  return filter;
}

export async function run(opts: CommonOptions & FilterOptions & { within?: string }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  const within = parseCount(opts.within ?? '30', '--within');
  const plans = await loadCheckedPlans(env);
  const report = buildTasksReport(plans, env.asOf, taskFilter(plans, opts), within);
  io.stdout.write(TASK_FORMATS[(opts.format ?? 'table') as keyof typeof TASK_FORMATS](report, env.render));
  return 0;
}
