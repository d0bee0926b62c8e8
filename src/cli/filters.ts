// --decision, --unit, --leader and --state as typed → what they select, or a usage error with a did-you-mean.

import type { PlanSet } from '../model/plan-set.js';
import type { TaskFilter } from '../report/tasks.js';
import { DERIVED_STATES, type DerivedState } from '../report/task-state.js';
import { findDecision, findLeader, findUnit, unitMatchSet, type Selection } from '../report/select.js';
import { notFound } from './context.js';

export interface FilterOptions {
  decision?: string;
  unit?: string;
  /** With unit: only what names the unit itself, not a group standing for it. */
  direct?: boolean;
  leader?: string;
  state?: string;
}

/** The decisions, units (with the groups that stand for them) and leaders the options name. */
export function selection(plans: PlanSet, opts: FilterOptions): Selection {
  const sel: Selection = {};
  if (opts.decision !== undefined) {
    const d = findDecision(plans, opts.decision);
    // Numbers and file ids apart, so a typo is measured against what the user meant to type.
    if (!d.ok) throw notFound(d.message, opts.decision, plans.decisions.flatMap((x) => [x.number, x.key]));
    sel.decisions = new Set([d.value.key]);
  }
  if (opts.unit !== undefined) {
    const u = findUnit(plans, opts.unit);
    if (!u.ok) throw notFound(u.message, opts.unit, u.candidates);
    sel.units = opts.direct ? new Set([u.value.id]) : unitMatchSet(plans, u.value);
  }
  if (opts.leader !== undefined) {
    const l = findLeader(plans, opts.leader);
    if (!l.ok) throw notFound(l.message, opts.leader, l.candidates);
    sel.leaders = new Set([l.value.id]);
  }
  return sel;
}

/** The selection plus --state. */
export function taskFilter(plans: PlanSet, opts: FilterOptions): TaskFilter {
  const filter: TaskFilter = selection(plans, opts);
  if (opts.state !== undefined) {
    const states = opts.state.split(',').map((s) => s.trim()).filter(Boolean);
    for (const s of states) if (!DERIVED_STATES.includes(s as DerivedState)) throw notFound(`no state "${s}"`, s, [...DERIVED_STATES]);
    filter.states = new Set(states as DerivedState[]);
  }
  return filter;
}
