// A task's derived state as of a day: a pure function of the task, the day and what else is done.

import type { Period } from '../model/period.js';
import type { TaskView } from '../model/plan-set.js';
import { daysBetween } from '../period/calendar.js';
import { endOfSpan, parseDuration } from '../period/duration.js';

export const DERIVED_STATES = ['overdue', 'due-soon', 'in-progress', 'open', 'not-started-yet', 'ongoing', 'waiting', 'done', 'cancelled'] as const;
export type DerivedState = (typeof DERIVED_STATES)[number];

export interface StateOptions {
  /** Warning window in days for due-soon (default 30). */
  within?: number;
  /** Whether another task of the same decision is done as of the day (for depends_on). */
  isDone?: (taskId: string) => boolean;
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
}

function isWaiting(p: Period | null): boolean {
  return p?.kind === 'waiting';
}

/** The due day once a recorded event and its allowed time are known; null while open-ended. */
export function effectiveDue(task: TaskView): string | null {
  const due = task.due;
  if (!due) return null;
  if (due.kind === 'waiting') {
    if (!task.occurred || !task.within) return null;
    const d = parseDuration(task.within);
    return d ? endOfSpan(task.occurred, d) : null;
  }
  return due.to;
}

export function effectiveStart(task: TaskView): string | null {
  const start = task.start;
  if (!start) return null;
  if (start.kind === 'waiting') return task.occurred;
  return start.from;
}

/** Derives the state of one task as of `asOf` (DESIGN.md, "Derived task states"). */
export function deriveState(task: TaskView, asOf: string, opts: StateOptions = {}): DerivedStatus {
  const windowDays = opts.within ?? 30;
  const start = effectiveStart(task);
  const due = effectiveDue(task);
  const base: DerivedStatus = { state: 'open', daysLate: null, daysLeft: null, late: null, start, due, waitingOn: null };
  const s = task.status;

  // A record that lies in the future of asOf does not count yet: reports as of a past day stay true.
  if (s.state === 'cancelled' && (s.on === null || s.on <= asOf)) return { ...base, state: 'cancelled' };
  if (s.state === 'done' && s.on !== null && s.on <= asOf) {
    const late = due !== null && s.on > due;
    return { ...base, state: 'done', late, daysLate: late ? daysBetween(due, s.on) : null };
  }
  if (due !== null && asOf > due) return { ...base, state: 'overdue', daysLate: daysBetween(due, asOf) };

  const waitsOnEvent = (isWaiting(task.start) || isWaiting(task.due)) && (task.occurred === null || task.occurred > asOf);
  const pendingDeps = task.dependsOn.filter((id) => !(opts.isDone?.(id) ?? false));
  if (waitsOnEvent && (task.dependsOn.length === 0 || pendingDeps.length > 0)) {
    const on = pendingDeps.length > 0 ? `task ${pendingDeps.join(', ')}` : (task.start?.kind === 'waiting' ? task.start : task.due)?.event ?? null;
    return { ...base, state: 'waiting', waitingOn: on };
  }

  const daysLeft = due !== null ? daysBetween(asOf, due) : null;
  if (daysLeft !== null && daysLeft <= windowDays) return { ...base, state: 'due-soon', daysLeft };
  if (start !== null && asOf < start) return { ...base, state: 'not-started-yet', daysLeft };
  if (due === null && (task.due?.kind === 'ongoing' || task.due?.kind === 'recurring')) return { ...base, state: 'ongoing' };
  const active = s.state === 'in-progress' || s.notes.some((n) => n.on <= asOf);
  return { ...base, state: active ? 'in-progress' : 'open', daysLeft };
}
