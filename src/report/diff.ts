// What a change to the plan files means: tasks matched by (decision number, task id) between two
// checked plan sets, deadlines moved in days, owners and leaders changed, targets and duties changed.

import type { Reporting, Target } from '../model/decision.js';
import type { DecisionView, PlanSet, ResolvedRef, TaskView } from '../model/plan-set.js';
import { daysBetween } from '../period/calendar.js';
import { effectiveDue, effectiveStart } from './task-state.js';
import { periodJson, type PeriodJson } from './tasks.js';

export interface TaskRef {
  decision: string;
  id: string;
  content: string;
}

export interface TaskSummary extends TaskRef {
  group: string;
  lead: string;
  due: string | null;
}

export type Direction = 'postponed' | 'advanced' | 'same-day' | 'dated' | 'undated' | 'reworded';

export interface PeriodChange extends TaskRef {
  field: 'start' | 'due';
  from: PeriodJson | null;
  to: PeriodJson | null;
  /** The start or due day each side works out to (null: open-ended or waiting). */
  fromDay: string | null;
  toDay: string | null;
  /** toDay − fromDay in calendar days; positive is later. Null when either side has no day. */
  days: number | null;
  direction: Direction;
}

export interface RefChange extends TaskRef {
  field: 'lead' | 'support' | 'leader';
  from: string | null;
  to: string | null;
  added: string[];
  removed: string[];
}

export interface StatusSide {
  state: string;
  on: string | null;
  notes: number;
  occurred: string | null;
}

export interface StatusChange extends TaskRef {
  from: StatusSide;
  to: StatusSide;
}

export interface TextChange extends TaskRef {
  field: 'content' | 'product';
  from: string | null;
  to: string | null;
}

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface TargetSummary {
  decision: string;
  id: string;
  text: string;
  kind: string;
  comparator: string | null;
  threshold: number | null;
  when: string | null;
}

export interface TargetChange {
  decision: string;
  id: string;
  text: string;
  changes: FieldChange[];
}

export interface DutySummary {
  decision: string;
  id: string;
  text: string;
  from: string | null;
  to: string;
  due: string[];
}

export interface DutyChange {
  decision: string;
  id: string;
  text: string;
  changes: FieldChange[];
}

export interface DecisionSummary {
  number: string;
  title: string;
  tasks: number;
  targets: number;
  reporting: number;
}

export interface PlanDiff {
  decisions: { added: DecisionSummary[]; removed: DecisionSummary[] };
  tasks: { added: TaskSummary[]; removed: TaskSummary[] };
  deadlines: PeriodChange[];
  starts: PeriodChange[];
  owners: RefChange[];
  leaders: RefChange[];
  status: StatusChange[];
  texts: TextChange[];
  targets: { added: TargetSummary[]; removed: TargetSummary[]; changed: TargetChange[] };
  reporting: { added: DutySummary[]; removed: DutySummary[]; changed: DutyChange[] };
}

function key(s: string): string {
  return s.normalize('NFC').trim();
}

function ref(t: TaskView): TaskRef {
  return { decision: t.decision, id: t.id, content: t.content };
}

function taskSummary(t: TaskView): TaskSummary {
  return { ...ref(t), group: t.place.groupTitle, lead: t.lead.asWritten, due: t.due && !t.due.fromTerm ? t.due.text : null };
}

function decisionSummary(d: DecisionView): DecisionSummary {
  return { number: d.number, title: d.meta.title, tasks: d.tasks.length, targets: d.data.targets?.length ?? 0, reporting: d.data.reporting?.length ?? 0 };
}

/** A period as the reader sees it: nothing for a task that runs for its decision's term. */
function shownPeriod(t: TaskView, field: 'start' | 'due'): PeriodJson | null {
  const p = t[field];
  return p && !p.fromTerm ? periodJson(p) : null;
}

function periodChange(a: TaskView, b: TaskView, field: 'start' | 'due'): PeriodChange | undefined {
  const dayOf = field === 'due' ? effectiveDue : effectiveStart;
  const fromDay = dayOf(a);
  const toDay = dayOf(b);
  const from = shownPeriod(a, field);
  const to = shownPeriod(b, field);
  const textChanged = (from?.text ?? null) !== (to?.text ?? null);
  if (fromDay === toDay && !textChanged) return undefined;
  // One merged cell ("2022 - 2025") is both start and due; when only its end moved, the start did not.
  if (field === 'start' && fromDay === toDay) {
    const merged = (t: TaskView) => t.start?.text === t.due?.text;
    if (merged(a) && merged(b)) return undefined;
  }
  let days: number | null = null;
  let direction: Direction;
  if (fromDay !== null && toDay !== null) {
    days = daysBetween(fromDay, toDay);
    direction = days > 0 ? 'postponed' : days < 0 ? 'advanced' : 'same-day';
  } else if (fromDay === null && toDay !== null) {
    direction = 'dated';
  } else if (fromDay !== null && toDay === null) {
    direction = 'undated';
  } else {
    direction = 'reworded';
  }
  return { ...ref(b), field, from, to, fromDay, toDay, days, direction };
}

function refChange(a: ResolvedRef | null, b: ResolvedRef | null, field: RefChange['field'], t: TaskView): RefChange | undefined {
  const fromText = a?.asWritten || null;
  const toText = b?.asWritten || null;
  const fromIds = a?.ids ?? [];
  const toIds = b?.ids ?? [];
  const added = toIds.filter((id) => !fromIds.includes(id));
  const removed = fromIds.filter((id) => !toIds.includes(id));
  if (fromText === toText && added.length === 0 && removed.length === 0) return undefined;
  return { ...ref(t), field, from: fromText, to: toText, added, removed };
}

function statusSide(t: TaskView): StatusSide {
  return { state: t.status.state, on: t.status.on, notes: t.status.notes.length, occurred: t.occurred };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function show(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function fieldChanges<T extends object>(a: T, b: T, fields: (keyof T & string)[]): FieldChange[] {
  return fields.filter((f) => !sameJson(a[f], b[f])).map((f) => ({ field: f, from: show(a[f]), to: show(b[f]) }));
}

function targetWhen(t: Target): string | null {
  return t.every ? `every ${t.every}` : t.by !== undefined ? `by ${t.by}` : null;
}

function targetSummary(decision: string, t: Target): TargetSummary {
  return { decision, id: t.id, text: t.text, kind: t.kind ?? 'numeric', comparator: t.comparator ?? null, threshold: t.threshold ?? null, when: targetWhen(t) };
}

function unitName(plans: PlanSet, ref: Reporting['to'] | undefined): string | null {
  if (ref === undefined) return null;
  return typeof ref === 'string' ? (plans.unitById.get(ref)?.name ?? ref) : ref.as_written;
}

function dutySummary(plans: PlanSet, decision: string, r: Reporting): DutySummary {
  return { decision, id: r.id, text: r.text, from: unitName(plans, r.from), to: unitName(plans, r.to) ?? '', due: r.due };
}

function byKey<T>(items: T[], keyOf: (t: T) => string): Map<string, T> {
  return new Map(items.map((t) => [keyOf(t), t]));
}

/** Compares two checked plan sets. Decisions match by number, tasks, targets and duties by id within them. */
export function diffPlans(base: PlanSet, head: PlanSet): PlanDiff {
  const out: PlanDiff = {
    decisions: { added: [], removed: [] },
    tasks: { added: [], removed: [] },
    deadlines: [],
    starts: [],
    owners: [],
    leaders: [],
    status: [],
    texts: [],
    targets: { added: [], removed: [], changed: [] },
    reporting: { added: [], removed: [], changed: [] },
  };
  const baseDecisions = byKey(base.decisions, (d) => key(d.number));
  const headDecisions = byKey(head.decisions, (d) => key(d.number));
  for (const d of base.decisions) if (!headDecisions.has(key(d.number))) out.decisions.removed.push(decisionSummary(d));

  // Head order (signing date, then document order) so a reader meets changes as the plans list them.
  for (const hd of head.decisions) {
    const bd = baseDecisions.get(key(hd.number));
    if (!bd) {
      out.decisions.added.push(decisionSummary(hd));
      continue;
    }
    const baseTasks = byKey(bd.tasks, (t) => key(t.id));
    const headIds = new Set(hd.tasks.map((t) => key(t.id)));
    for (const t of bd.tasks) if (!headIds.has(key(t.id))) out.tasks.removed.push(taskSummary(t));
    for (const b of hd.tasks) {
      const a = baseTasks.get(key(b.id));
      if (!a) {
        out.tasks.added.push(taskSummary(b));
        continue;
      }
      const due = periodChange(a, b, 'due');
      if (due) out.deadlines.push(due);
      const start = periodChange(a, b, 'start');
      if (start) out.starts.push(start);
      for (const field of ['lead', 'support'] as const) {
        const c = refChange(a[field], b[field], field, b);
        if (c) out.owners.push(c);
      }
      const leader = refChange(a.leader, b.leader, 'leader', b);
      if (leader) out.leaders.push(leader);
      const sa = statusSide(a);
      const sb = statusSide(b);
      if (!sameJson(sa, sb) || !sameJson(a.status.notes, b.status.notes)) out.status.push({ ...ref(b), from: sa, to: sb });
      if (a.content !== b.content) out.texts.push({ ...ref(b), field: 'content', from: a.content, to: b.content });
      if (a.product !== b.product) out.texts.push({ ...ref(b), field: 'product', from: a.product, to: b.product });
    }

    const baseTargets = byKey(bd.data.targets ?? [], (t) => key(t.id));
    const headTargetIds = new Set((hd.data.targets ?? []).map((t) => key(t.id)));
    for (const t of bd.data.targets ?? []) if (!headTargetIds.has(key(t.id))) out.targets.removed.push(targetSummary(bd.number, t));
    for (const t of hd.data.targets ?? []) {
      const a = baseTargets.get(key(t.id));
      if (!a) {
        out.targets.added.push(targetSummary(hd.number, t));
        continue;
      }
      const changes = fieldChanges(a, t, ['kind', 'comparator', 'threshold', 'every', 'by', 'subject', 'text', 'section', 'measure']);
      if (changes.length > 0) out.targets.changed.push({ decision: hd.number, id: t.id, text: t.text, changes });
    }

    const baseDuties = byKey(bd.data.reporting ?? [], (r) => key(r.id));
    const headDutyIds = new Set((hd.data.reporting ?? []).map((r) => key(r.id)));
    for (const r of bd.data.reporting ?? []) if (!headDutyIds.has(key(r.id))) out.reporting.removed.push(dutySummary(base, bd.number, r));
    for (const r of hd.data.reporting ?? []) {
      const a = baseDuties.get(key(r.id));
      if (!a) {
        out.reporting.added.push(dutySummary(head, hd.number, r));
        continue;
      }
      const sa = { ...a, from: unitName(base, a.from), to: unitName(base, a.to), due: a.due.join('; ') };
      const sb = { ...r, from: unitName(head, r.from), to: unitName(head, r.to), due: r.due.join('; ') };
      const changes = fieldChanges(sa, sb, ['due', 'to', 'from', 'first', 'last', 'text', 'submitted']);
      if (changes.length > 0) out.reporting.changed.push({ decision: hd.number, id: r.id, text: r.text, changes });
    }
  }
  return out;
}

export interface DiffSummary {
  total: number;
  decisionsAdded: number;
  decisionsRemoved: number;
  tasksAdded: number;
  tasksRemoved: number;
  deadlinesMoved: number;
  postponed: number;
  advanced: number;
  startsMoved: number;
  ownerChanges: number;
  leaderChanges: number;
  statusChanges: number;
  textChanges: number;
  targetChanges: number;
  reportingChanges: number;
}

export function summarizeDiff(d: PlanDiff): DiffSummary {
  const s = {
    decisionsAdded: d.decisions.added.length,
    decisionsRemoved: d.decisions.removed.length,
    tasksAdded: d.tasks.added.length,
    tasksRemoved: d.tasks.removed.length,
    deadlinesMoved: d.deadlines.length,
    postponed: d.deadlines.filter((c) => c.direction === 'postponed').length,
    advanced: d.deadlines.filter((c) => c.direction === 'advanced').length,
    startsMoved: d.starts.length,
    ownerChanges: d.owners.length,
    leaderChanges: d.leaders.length,
    statusChanges: d.status.length,
    textChanges: d.texts.length,
    targetChanges: d.targets.added.length + d.targets.removed.length + d.targets.changed.length,
    reportingChanges: d.reporting.added.length + d.reporting.removed.length + d.reporting.changed.length,
  };
  const total =
    s.decisionsAdded + s.decisionsRemoved + s.tasksAdded + s.tasksRemoved + s.deadlinesMoved + s.startsMoved + s.ownerChanges + s.leaderChanges + s.statusChanges + s.textChanges + s.targetChanges + s.reportingChanges;
  return { total, ...s };
}
