// Where things stand as of a day, per decision: counts by state, what is overdue or due soon,
// what waits, what has gone stale, and each reporting duty's next and overdue instances.

import type { PlanSet } from '../model/plan-set.js';
import type { AttainmentSummary } from './attainment/summary.js';
import { byUrgency, dutyItem, dutyRef, taskItems, type DutyItem, type DutyRef, type TaskItem } from './overdue.js';
import { dutyInstances, dutySpan, nextInstance, overdueInstances, type InstanceStatus } from './recurring.js';
import { selectsDuty, selectsTask, type Selection } from './select.js';
import { DERIVED_STATES, staleCutoff, type DerivedState } from './task-state.js';
import { deriveDecision } from './tasks.js';

export type StateCounts = Record<DerivedState, number>;

export interface DutyStatus extends DutyRef {
  /** The deadline phrases as written. */
  deadlines: string[];
  first: number;
  last: number;
  /** The earliest instance neither done nor overdue. */
  next: DutyItem | null;
  /** Overdue instances, most late first. */
  overdue: DutyItem[];
  /** Every instance from the first year to the last. */
  instances: InstanceStatus[];
  file: string;
  line: number;
}

export interface DecisionStatus {
  decision: string;
  decisionKey: string;
  title: string;
  file: string;
  /** Tasks counted (those the filters select). */
  tasks: number;
  counts: StateCounts;
  /** Of the done tasks, how many were done after their due day. */
  doneLate: number;
  /** Overdue tasks and recurring-task instances, most late first. */
  overdue: TaskItem[];
  /** Due within the window, soonest first. */
  dueSoon: TaskItem[];
  waiting: TaskItem[];
  /** Ongoing tasks with no progress note since `staleSince`. */
  stale: TaskItem[];
  duties: DutyStatus[];
}

/**
 * The target-attainment summary: not computed here (measuring reads data). `plan status` fills it
 * from the attainment report when data is present, and every status renderer shows it when present.
 */
export type { AttainmentSummary };

export interface StatusReport {
  asOf: string;
  /** Days ahead that count as due soon. */
  within: number;
  /** The first day of the six months an ongoing task must show progress in. */
  staleSince: string;
  /** The filters applied, as typed. */
  filter: { decision: string | null; unit: string | null; leader: string | null };
  totals: StateCounts & { tasks: number; doneLate: number; dutiesOverdue: number };
  decisions: DecisionStatus[];
  attainment?: AttainmentSummary;
  /** Decisions signed after the as-of day: not yet issued, so left out (present only when there are any). */
  notYetIssued?: { decision: string; title: string; signed: string }[];
}

export function emptyCounts(): StateCounts {
  return Object.fromEntries(DERIVED_STATES.map((s) => [s, 0])) as StateCounts;
}

export function buildStatusReport(
  plans: PlanSet,
  asOf: string,
  sel: Selection,
  opts: { within?: number; filter?: Partial<StatusReport['filter']> } = {},
): StatusReport {
  const within = opts.within ?? 30;
  const filtered = Boolean(sel.units || sel.leaders);
  const decisions: DecisionStatus[] = [];
  const totals = { ...emptyCounts(), tasks: 0, doneLate: 0, dutiesOverdue: 0 };
  for (const d of plans.decisions) {
    if (sel.decisions && !sel.decisions.has(d.key)) continue;
    const derived = deriveDecision(d, asOf, within);
    const tasks = d.tasks.filter((t) => selectsTask(sel, t));
    const duties = d.duties.filter((duty) => selectsDuty(sel, duty));
    // With a unit or leader filter, a decision that has nothing of theirs is left out.
    if (filtered && tasks.length === 0 && duties.length === 0) continue;
    const counts = emptyCounts();
    let doneLate = 0;
    const overdue: TaskItem[] = [];
    const dueSoon: TaskItem[] = [];
    const waiting: TaskItem[] = [];
    const stale: TaskItem[] = [];
    for (const t of tasks) {
      const s = derived.get(t)!;
      counts[s.state]++;
      if (s.state === 'done' && s.late) doneLate++;
      overdue.push(...taskItems(t, s, new Set(['overdue'])));
      dueSoon.push(...taskItems(t, s, new Set(['due-soon'])));
      if (s.state === 'waiting') waiting.push(...taskItems(t, s, new Set(['waiting'])));
      if (s.stale) stale.push(...taskItems(t, s, new Set(['ongoing'])));
    }
    overdue.sort(byUrgency);
    dueSoon.sort(byUrgency);
    const dutyStatuses: DutyStatus[] = duties.map((duty) => {
      const instances = dutyInstances(duty, d, asOf, within);
      const next = nextInstance(instances);
      const late = overdueInstances(instances);
      const span = dutySpan(duty, d, asOf);
      totals.dutiesOverdue += late.length;
      return {
        ...dutyRef(duty),
        deadlines: duty.due.map((p) => p.text),
        ...span,
        next: next ? dutyItem(duty, next) : null,
        overdue: late.map((i) => dutyItem(duty, i)),
        instances,
        file: duty.source.file,
        line: duty.source.line,
      };
    });
    for (const s of DERIVED_STATES) totals[s] += counts[s];
    totals.tasks += tasks.length;
    totals.doneLate += doneLate;
    decisions.push({
      decision: d.number,
      decisionKey: d.key,
      title: d.meta.title,
      file: d.file,
      tasks: tasks.length,
      counts,
      doneLate,
      overdue,
      dueSoon,
      waiting,
      stale,
      duties: dutyStatuses,
    });
  }
  return {
    asOf,
    within,
    staleSince: staleCutoff(asOf),
    filter: { decision: opts.filter?.decision ?? null, unit: opts.filter?.unit ?? null, leader: opts.filter?.leader ?? null },
    totals,
    decisions,
  };
}
