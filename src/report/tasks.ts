// The tasks report: one row per task with normalised periods and its derived state.

import type { Period } from '../model/period.js';
import type { PlanSet, TaskView } from '../model/plan-set.js';
import { deriveState, type DerivedState, type DerivedStatus } from './task-state.js';

export interface PeriodJson {
  text: string;
  kind: Period['kind'];
  from: string | null;
  to: string | null;
  every?: string;
  before?: { month: number; day: number };
  event?: string;
  fromTerm?: boolean;
}

export interface TaskRow {
  decision: string;
  decisionKey: string;
  id: string;
  content: string;
  group: string;
  lead: string[];
  leadAsWritten: string;
  support: string[];
  supportAsWritten: string | null;
  leader: string | null;
  leaderIds: string[];
  start: PeriodJson | null;
  due: PeriodJson | null;
  product: string | null;
  state: DerivedState;
  daysLate: number | null;
  daysLeft: number | null;
  late: boolean | null;
  waitingOn: string | null;
  file: string;
  line: number;
}

export interface TasksReport {
  asOf: string;
  tasks: TaskRow[];
}

export interface TaskFilter {
  decisions?: Set<string>;
  units?: Set<string>;
  leaders?: Set<string>;
  states?: Set<DerivedState>;
}

export function periodJson(p: Period | null, resolved?: { from: string | null; to: string | null }): PeriodJson | null {
  if (!p) return null;
  const out: PeriodJson = { text: p.text, kind: p.kind, from: resolved?.from ?? p.from, to: resolved?.to ?? p.to };
  if (p.every) out.every = p.every;
  if (p.before) out.before = p.before;
  if (p.event) out.event = p.event;
  if (p.fromTerm) out.fromTerm = true;
  return out;
}

export function taskRow(task: TaskView, status: DerivedStatus): TaskRow {
  // For a waiting task whose event is recorded, show the days that follow from it.
  const start = periodJson(task.start, task.start?.kind === 'waiting' ? { from: status.start, to: null } : undefined);
  const due = periodJson(task.due, task.due?.kind === 'waiting' ? { from: task.occurred, to: status.due } : undefined);
  return {
    decision: task.decision,
    decisionKey: task.decisionKey,
    id: task.id,
    content: task.content,
    group: task.place.groupTitle,
    lead: task.lead.ids,
    leadAsWritten: task.lead.asWritten,
    support: task.support?.ids ?? [],
    supportAsWritten: task.support?.asWritten ?? null,
    leader: task.leader?.asWritten ?? null,
    leaderIds: task.leader?.ids ?? [],
    start,
    due,
    product: task.product,
    state: status.state,
    daysLate: status.daysLate,
    daysLeft: status.daysLeft,
    late: status.late,
    waitingOn: status.waitingOn,
    file: task.source.file,
    line: task.source.line,
  };
}

/** Derived states of every task of the plans as of a day, keyed by decision and id. */
export function deriveAll(plans: PlanSet, asOf: string, within?: number): Map<TaskView, DerivedStatus> {
  const out = new Map<TaskView, DerivedStatus>();
  for (const d of plans.decisions) {
    const byId = new Map(d.tasks.map((t) => [t.id, t]));
    const isDone = (id: string) => {
      const t = byId.get(id);
      return t !== undefined && t.status.state === 'done' && t.status.on !== null && t.status.on <= asOf;
    };
    for (const t of d.tasks) out.set(t, deriveState(t, asOf, within === undefined ? { isDone } : { isDone, within }));
  }
  return out;
}

export function buildTasksReport(plans: PlanSet, asOf: string, filter: TaskFilter = {}, within?: number): TasksReport {
  const states = deriveAll(plans, asOf, within);
  const tasks: TaskRow[] = [];
  for (const d of plans.decisions) {
    if (filter.decisions && !filter.decisions.has(d.key)) continue;
    for (const t of d.tasks) {
      if (filter.units && !(t.lead.ids.some((id) => filter.units!.has(id)) || (t.support?.ids ?? []).some((id) => filter.units!.has(id)))) continue;
      if (filter.leaders && !(t.leader?.ids ?? []).some((id) => filter.leaders!.has(id))) continue;
      const status = states.get(t)!;
      if (filter.states && !filter.states.has(status.state)) continue;
      tasks.push(taskRow(t, status));
    }
  }
  return { asOf, tasks };
}
