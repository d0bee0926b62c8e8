// The tasks report: one row per task with normalised periods and its derived state.

import type { Period } from '../model/period.js';
import type { DecisionView, PlanSet, TaskView } from '../model/plan-set.js';
import { decisionSince, yearSpan, type InstanceStatus } from './recurring.js';
import { selectsTask, type Selection } from './select.js';
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
  /** An ongoing task with no progress note in six months. */
  stale: boolean;
  /** The latest progress note on or before asOf. */
  lastNote: string | null;
  /** The progress notes on or before asOf, oldest first. */
  notes: { on: string; note: string }[];
  /** Only for a recurring task ("Hằng năm"): one entry per period. */
  instances?: InstanceStatus[];
  file: string;
  line: number;
}

export interface TasksReport {
  asOf: string;
  tasks: TaskRow[];
}

export interface TaskFilter extends Selection {
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
  const row: TaskRow = {
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
    stale: status.stale,
    lastNote: status.lastNote,
    notes: status.notes,
    file: task.source.file,
    line: task.source.line,
  };
  if (status.instances) row.instances = status.instances;
  return row;
}

/** Derived states of the tasks of one decision as of a day. */
export function deriveDecision(d: DecisionView, asOf: string, within?: number): Map<TaskView, DerivedStatus> {
  const out = new Map<TaskView, DerivedStatus>();
  const byId = new Map(d.tasks.map((t) => [t.id, t]));
  const doneOn = (id: string) => {
    const t = byId.get(id);
    return t !== undefined && t.status.state === 'done' && t.status.on !== null && t.status.on <= asOf ? t.status.on : null;
  };
  const since = decisionSince(d);
  const span = yearSpan(null, null, d.term, d.meta.signed, asOf);
  for (const t of d.tasks) out.set(t, deriveState(t, asOf, within === undefined ? { doneOn, since, span } : { doneOn, since, span, within }));
  return out;
}

/** Derived states of every task of the plans as of a day. */
export function deriveAll(plans: PlanSet, asOf: string, within?: number): Map<TaskView, DerivedStatus> {
  const out = new Map<TaskView, DerivedStatus>();
  for (const d of plans.decisions) for (const [t, s] of deriveDecision(d, asOf, within)) out.set(t, s);
  return out;
}

export function buildTasksReport(plans: PlanSet, asOf: string, filter: TaskFilter = {}, within?: number): TasksReport {
  const states = deriveAll(plans, asOf, within);
  const tasks: TaskRow[] = [];
  for (const d of plans.decisions) {
    for (const t of d.tasks) {
      if (!selectsTask(filter, t)) continue;
      const status = states.get(t)!;
      if (filter.states && !filter.states.has(status.state)) continue;
      tasks.push(taskRow(t, status));
    }
  }
  return { asOf, tasks };
}
