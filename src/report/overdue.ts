// The overdue list: tasks, instances of recurring tasks and reporting duties that are past due
// (and, with a window, due soon), most late first.

import type { DutyView, PlanSet, TaskView } from '../model/plan-set.js';
import { dutyInstances, type InstanceState, type InstanceStatus } from './recurring.js';
import { selectsDuty, selectsTask, type Selection } from './select.js';
import type { DerivedStatus } from './task-state.js';
import { deriveDecision, taskRow, type PeriodJson, type TaskRow } from './tasks.js';

/** A task as `plan tasks --format json` shows it; for an instance of a recurring task, that instance. */
export interface TaskItem extends TaskRow {
  kind: 'task';
  /** The instance's period ("2025") for a recurring task; null otherwise. */
  period: string | null;
}

/** A reporting duty as its decision states it. */
export interface DutyRef {
  id: string;
  text: string;
  section: string | null;
  /** Who reports (unit ids) and the cell as written. */
  from: string[];
  fromAsWritten: string | null;
  to: string[];
  toAsWritten: string;
}

/** One instance of a reporting duty. */
export interface DutyItem extends DutyRef {
  kind: 'reporting';
  decision: string;
  decisionKey: string;
  period: string;
  /** Like a task's due period: the deadline phrase, and `to` the day this instance is due. */
  due: PeriodJson;
  state: InstanceState;
  daysLate: number | null;
  daysLeft: number | null;
  /** The day it was submitted (on or before asOf), else null. */
  submitted: string | null;
  late: boolean | null;
  file: string;
  line: number;
}

export type OverdueItem = TaskItem | DutyItem;

export interface OverdueReport {
  asOf: string;
  /** The due-soon window in days, when due-soon items are included; null for overdue only. */
  within: number | null;
  counts: { overdue: number; dueSoon: number };
  items: OverdueItem[];
}

/** The task's items in a given set of states: the task itself, or for a recurring task its instances. */
export function taskItems(task: TaskView, status: DerivedStatus, states: ReadonlySet<string>): TaskItem[] {
  const row = taskRow(task, status);
  if (!status.instances) return states.has(row.state) ? [{ kind: 'task', ...row, period: null }] : [];
  const { instances, ...rest } = row;
  return status.instances
    .filter((i) => states.has(i.state))
    .map((i) => ({
      kind: 'task' as const,
      ...rest,
      due: row.due ? { ...row.due, from: i.from, to: i.due } : null,
      state: i.state,
      daysLate: i.daysLate,
      daysLeft: i.daysLeft,
      late: i.late,
      period: i.period,
    }));
}

/** A duty's identity and owners, as both the overdue list and the status report show them. */
export function dutyRef(duty: DutyView): DutyRef {
  return {
    id: duty.id,
    text: duty.text,
    section: duty.section,
    from: duty.from?.ids ?? [],
    fromAsWritten: duty.from?.asWritten ?? null,
    to: duty.to.ids,
    toAsWritten: duty.to.asWritten,
  };
}

export function dutyItem(duty: DutyView, i: InstanceStatus): DutyItem {
  return {
    kind: 'reporting',
    decision: duty.decision,
    decisionKey: duty.decisionKey,
    ...dutyRef(duty),
    period: i.period,
    due: { text: i.deadline ?? duty.due.map((p) => p.text).join('; '), kind: duty.due[0]?.kind ?? 'annual-deadline', from: null, to: i.due },
    state: i.state,
    daysLate: i.daysLate,
    daysLeft: i.daysLeft,
    submitted: i.on,
    late: i.late,
    file: duty.source.file,
    line: duty.source.line,
  };
}

/** Most late first, then soonest due; equal ones keep document order (the sort is stable). */
export function byUrgency(a: Pick<OverdueItem, 'state' | 'daysLate' | 'daysLeft'>, b: Pick<OverdueItem, 'state' | 'daysLate' | 'daysLeft'>): number {
  const rank = (x: typeof a) => (x.state === 'overdue' ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.state === 'overdue') return (b.daysLate ?? 0) - (a.daysLate ?? 0);
  return (a.daysLeft ?? 0) - (b.daysLeft ?? 0);
}

/**
 * Everything overdue as of a day (tasks, recurring-task instances, reporting-duty instances),
 * plus what falls due within `within` days when it is given.
 */
export function buildOverdueReport(plans: PlanSet, asOf: string, sel: Selection, within: number | null): OverdueReport {
  const states = new Set<string>(within === null ? ['overdue'] : ['overdue', 'due-soon']);
  const items: OverdueItem[] = [];
  for (const d of plans.decisions) {
    if (sel.decisions && !sel.decisions.has(d.key)) continue;
    const derived = deriveDecision(d, asOf, within ?? undefined);
    for (const t of d.tasks) if (selectsTask(sel, t)) items.push(...taskItems(t, derived.get(t)!, states));
    for (const duty of d.duties) {
      if (!selectsDuty(sel, duty)) continue;
      for (const i of dutyInstances(duty, d, asOf, within ?? 30)) if (states.has(i.state)) items.push(dutyItem(duty, i));
    }
  }
  items.sort(byUrgency);
  const overdue = items.filter((i) => i.state === 'overdue').length;
  return { asOf, within, counts: { overdue, dueSoon: items.length - overdue }, items };
}
