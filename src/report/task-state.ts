// A task's derived state as of a day: a pure function of the task, the day and what else is done.

import type { Period } from '../model/period.js';
import type { TaskView } from '../model/plan-set.js';
import { addMonths, daysBetween, yearOf, type IsoDay } from '../period/calendar.js';
import { endOfSpan, parseDuration } from '../period/duration.js';
import { taskDeadlines } from '../period/recurrence.js';
import { instancesOf, type InstanceStatus, type YearSpan } from './recurring.js';

export const DERIVED_STATES = ['overdue', 'due-soon', 'in-progress', 'open', 'not-started-yet', 'ongoing', 'waiting', 'done', 'cancelled'] as const;
export type DerivedState = (typeof DERIVED_STATES)[number];

/** An ongoing task with no progress note for this many calendar months is stale. */
export const STALE_MONTHS = 6;

export interface StateOptions {
  /** Warning window in days for due-soon (default 30). */
  within?: number;
  /** Whether another task of the same decision is done as of the day (for depends_on). */
  isDone?: (taskId: string) => boolean;
  /** The day another task of the same decision was done, if it is done as of the day; wins over isDone. */
  doneOn?: (taskId: string) => IsoDay | null;
  /** The day the task's decision took effect: when a task without a start of its own began. */
  since?: IsoDay;
  /** Years a recurring task ("Hằng năm") runs; without it a recurring task is only ongoing. */
  span?: YearSpan;
}

export interface DerivedStatus {
  state: DerivedState;
  /** Days past the due day: for overdue tasks, and for tasks done late. */
  daysLate: number | null;
  /** Days left until the due day, for open work with a due day. */
  daysLeft: number | null;
  /** For done tasks: whether they were done after their due day. */
  late: boolean | null;
  /** The first and last day once events are accounted for. */
  start: string | null;
  due: string | null;
  /** What a waiting task waits for. */
  waitingOn: string | null;
  /** An ongoing task with no progress note in the last six months (or none since it began more than six months ago). */
  stale: boolean;
  /** The latest progress note on or before the day. */
  lastNote: IsoDay | null;
  /** The progress notes on or before the day, oldest first. */
  notes: { on: IsoDay; note: string }[];
  /** A recurring task's instances, one per period; null for other tasks. */
  instances: InstanceStatus[] | null;
}

function isWaiting(p: Period | null): boolean {
  return p?.kind === 'waiting';
}

/**
 * The due day once a recorded event and its allowed time are known; null while open-ended. The
 * event is `occurred`, or for a task that waits on others, the day the last of them was done.
 */
export function effectiveDue(task: TaskView, eventDay: IsoDay | null = task.occurred): string | null {
  const due = task.due;
  if (!due) return null;
  if (due.kind === 'waiting') {
    if (!eventDay || !task.within) return null;
    const d = parseDuration(task.within);
    return d ? endOfSpan(eventDay, d) : null;
  }
  return due.to;
}

export function effectiveStart(task: TaskView, eventDay: IsoDay | null = task.occurred): string | null {
  const start = task.start;
  if (!start) return null;
  if (start.kind === 'waiting') return eventDay;
  return start.from;
}

/** The first day of the last six calendar months before asOf (31 August → 28 February). */
export function staleCutoff(asOf: IsoDay): IsoDay {
  return addMonths(asOf, -STALE_MONTHS);
}

function lastNoteBy(task: TaskView, asOf: IsoDay): IsoDay | null {
  let last: IsoDay | null = null;
  for (const n of task.status.notes) if (n.on <= asOf && (last === null || n.on > last)) last = n.on;
  return last;
}

function isStale(began: IsoDay | null, lastNote: IsoDay | null, asOf: IsoDay): boolean {
  const cutoff = staleCutoff(asOf);
  if (lastNote !== null) return lastNote < cutoff;
  return began !== null && began < cutoff;
}

/** A recurring task: the most pressing of its instances decides. */
function recurringState(task: TaskView, base: DerivedStatus, asOf: IsoDay, span: YearSpan, within: number): DerivedStatus {
  const every = task.due!.every!;
  const first = task.start?.from ? Math.max(span.first, yearOf(task.start.from)) : span.first;
  const instances = instancesOf((y) => taskDeadlines(every, y), { first, last: span.last }, task.status.periodsDone, asOf, within);
  const withInstances = { ...base, instances };
  const overdue = instances.filter((i) => i.state === 'overdue');
  if (overdue.length > 0) return { ...withInstances, state: 'overdue', daysLate: Math.max(...overdue.map((i) => i.daysLate!)) };
  const soon = instances.filter((i) => i.state === 'due-soon');
  if (soon.length > 0) return { ...withInstances, state: 'due-soon', daysLeft: Math.min(...soon.map((i) => i.daysLeft!)) };
  if (instances.length > 0 && instances.every((i) => i.state === 'done')) {
    const late = instances.some((i) => i.late);
    return { ...withInstances, state: 'done', late, daysLate: late ? Math.max(...instances.map((i) => i.daysLate ?? 0)) : null };
  }
  if (instances[0] && asOf < instances[0].from) return { ...withInstances, state: 'not-started-yet' };
  return { ...withInstances, state: 'ongoing' };
}

/** Derives the state of one task as of `asOf` (DESIGN.md, "Derived task states"). */
export function deriveState(task: TaskView, asOf: string, opts: StateOptions = {}): DerivedStatus {
  const windowDays = opts.within ?? 30;
  const doneOn = opts.doneOn ?? ((id: string) => (opts.isDone?.(id) ? asOf : null));
  const depDays = task.dependsOn.map(doneOn);
  const pendingDeps = task.dependsOn.filter((_, i) => depDays[i] === null);
  // Waiting on other tasks: once they are all done, the last of them is the event.
  const depsDoneDay = task.dependsOn.length > 0 && pendingDeps.length === 0 ? depDays.reduce<IsoDay>((a, b) => (b! > a ? b! : a), depDays[0]!) : null;
  const eventDay = task.occurred !== null && task.occurred <= asOf ? task.occurred : depsDoneDay;
  const start = effectiveStart(task, task.occurred ?? depsDoneDay);
  const due = effectiveDue(task, task.occurred ?? depsDoneDay);
  const lastNote = lastNoteBy(task, asOf);
  const notes = task.status.notes.filter((n) => n.on <= asOf).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const base: DerivedStatus = { state: 'open', daysLate: null, daysLeft: null, late: null, start, due, waitingOn: null, stale: false, lastNote, notes, instances: null };
  const s = task.status;

  // A record that lies in the future of asOf does not count yet: reports as of a past day stay true.
  if (s.state === 'cancelled' && (s.on === null || s.on <= asOf)) return { ...base, state: 'cancelled' };
  if (s.state === 'done' && s.on !== null && s.on <= asOf) {
    const late = due !== null && s.on > due;
    return { ...base, state: 'done', late, daysLate: late ? daysBetween(due, s.on) : null };
  }
  if (due !== null && asOf > due) return { ...base, state: 'overdue', daysLate: daysBetween(due, asOf) };

  // A recorded event ends the wait even if the tasks it names are not recorded done.
  if ((isWaiting(task.start) || isWaiting(task.due)) && eventDay === null) {
    const on = pendingDeps.length > 0 ? `task ${pendingDeps.join(', ')}` : ((task.start?.kind === 'waiting' ? task.start : task.due)?.event ?? null);
    return { ...base, state: 'waiting', waitingOn: on };
  }

  const daysLeft = due !== null ? daysBetween(asOf, due) : null;
  if (daysLeft !== null && daysLeft <= windowDays) return { ...base, state: 'due-soon', daysLeft };
  if (start !== null && asOf < start) return { ...base, state: 'not-started-yet', daysLeft };
  if (due === null && task.due?.kind === 'recurring' && task.due.every && opts.span) return recurringState(task, base, asOf, opts.span, windowDays);
  if (due === null && (task.due?.kind === 'ongoing' || task.due?.kind === 'recurring')) {
    return { ...base, state: 'ongoing', stale: isStale(start ?? opts.since ?? null, lastNote, asOf) };
  }
  // `in-progress` counts from its day; recorded without one (by hand), it counts only with no notes
  // to date it (with notes, the notes on or before the day decide).
  const started = s.state === 'in-progress' && (s.on !== null ? s.on <= asOf : s.notes.length === 0);
  const active = started || lastNote !== null;
  return { ...base, state: active ? 'in-progress' : 'open', daysLeft };
}
