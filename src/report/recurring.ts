// Recurring duties and tasks as of a day: each instance (one per period) is done, overdue, due
// soon or open on its own.

import type { Period } from '../model/period.js';
import type { DecisionView, DutyView, PeriodRecord } from '../model/plan-set.js';
import { daysBetween, LAST_YEAR, yearOf, type IsoDay } from '../period/calendar.js';
import { dutySchedule, type Deadline } from '../period/recurrence.js';

export const INSTANCE_STATES = ['overdue', 'due-soon', 'open', 'done'] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

export interface InstanceStatus {
  period: string;
  /** The deadline phrase this instance follows, for a duty with several. */
  deadline?: string;
  from: IsoDay;
  to: IsoDay;
  due: IsoDay;
  state: InstanceState;
  /** Days past the due day: overdue, or done late. */
  daysLate: number | null;
  /** Days left until the due day, for an instance not done. */
  daysLeft: number | null;
  /** The day it was recorded done (submitted), when that is on or before asOf. */
  on: IsoDay | null;
  late: boolean | null;
}

/** The years a recurring duty or task runs: first to last, inclusive. */
export interface YearSpan {
  first: number;
  last: number;
}

/** The day a decision takes effect: its signing, or its term's start when that is later. */
export function decisionSince(d: Pick<DecisionView, 'meta' | 'term'>): IsoDay {
  const from = d.term?.from;
  return from && from > d.meta.signed ? from : d.meta.signed;
}

/**
 * Years a duty or recurring task runs: as written, else the decision's term; an open-ended term
 * (no last year) runs up to the year after asOf, so the next instance always shows (the calendar
 * ends with 9999: an as-of day in that year has no next one).
 */
export function yearSpan(first: number | null, last: number | null, term: Period | null, signed: IsoDay, asOf: IsoDay): YearSpan {
  return {
    first: first ?? (term?.from ? yearOf(term.from) : yearOf(signed)),
    last: last ?? (term?.to ? yearOf(term.to) : Math.min(LAST_YEAR, yearOf(asOf) + 1)),
  };
}

/** One instance as of a day. A record dated after asOf does not count yet, like a task's done record. */
export function instanceStatus(d: Deadline, record: PeriodRecord | undefined, asOf: IsoDay, within: number): InstanceStatus {
  const base = d.text === undefined ? { period: d.period, from: d.from, to: d.to, due: d.due } : { period: d.period, deadline: d.text, from: d.from, to: d.to, due: d.due };
  if (record && record.on <= asOf) {
    const late = record.on > d.due;
    return { ...base, state: 'done', daysLate: late ? daysBetween(d.due, record.on) : null, daysLeft: null, on: record.on, late };
  }
  const left = daysBetween(asOf, d.due);
  if (left < 0) return { ...base, state: 'overdue', daysLate: -left, daysLeft: null, on: null, late: null };
  return { ...base, state: left <= within ? 'due-soon' : 'open', daysLate: null, daysLeft: left, on: null, late: null };
}

export function instancesOf(deadlines: (year: number) => Deadline[], span: YearSpan, records: PeriodRecord[], asOf: IsoDay, within: number): InstanceStatus[] {
  const byPeriod = new Map(records.map((r) => [r.period, r]));
  const out: InstanceStatus[] = [];
  for (let y = span.first; y <= span.last; y++) for (const d of deadlines(y)) out.push(instanceStatus(d, byPeriod.get(d.period), asOf, within));
  return out;
}

/** Every instance of a reporting duty, in date order. */
export function dutyInstances(duty: DutyView, decision: Pick<DecisionView, 'meta' | 'term'>, asOf: IsoDay, within: number): InstanceStatus[] {
  const schedule = dutySchedule(duty.due);
  // Validation rejects such a duty; a cached plan set from an older build still must not crash.
  if (!schedule.ok) return [];
  return instancesOf(schedule.deadlines, dutySpan(duty, decision, asOf), duty.submitted, asOf, within);
}

export function dutySpan(duty: Pick<DutyView, 'first' | 'last'>, decision: Pick<DecisionView, 'meta' | 'term'>, asOf: IsoDay): YearSpan {
  return yearSpan(duty.first, duty.last, decision.term, decision.meta.signed, asOf);
}

/** The instance to do next: the earliest that is neither done nor overdue. */
export function nextInstance(instances: readonly InstanceStatus[]): InstanceStatus | null {
  return instances.find((i) => i.state === 'due-soon' || i.state === 'open') ?? null;
}

/** Overdue instances, most late first. */
export function overdueInstances(instances: readonly InstanceStatus[]): InstanceStatus[] {
  return instances.filter((i) => i.state === 'overdue').sort((a, b) => b.daysLate! - a.daysLate!);
}
