// Finding what a user named on the command line: a decision, a unit, a leader (by id, number or name).

import type { Leader } from '../model/leaders.js';
import type { DecisionView, DutyView, PlanSet, TaskView } from '../model/plan-set.js';
import type { Unit } from '../model/units.js';

export type Found<T> = { ok: true; value: T } | { ok: false; message: string; candidates: string[] };

function fold(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A decision by its document number ("88/QĐ-BHXH"), file id, or bare number ("88") when unique. */
export function findDecision(plans: PlanSet, query: string): Found<DecisionView> {
  const q = fold(query);
  const exact = plans.decisions.find((d) => fold(d.number) === q || d.key === q);
  if (exact) return { ok: true, value: exact };
  const byNumber = plans.decisions.filter((d) => fold(d.number).split('/')[0] === q);
  if (byNumber.length === 1) return { ok: true, value: byNumber[0]! };
  return {
    ok: false,
    message: byNumber.length > 1 ? `"${query}" names several decisions` : `no decision "${query}"`,
    candidates: plans.decisions.map((d) => `${d.number} (${d.key})`),
  };
}

/** A unit by id, short code, name or alias. */
export function findUnit(plans: PlanSet, query: string): Found<Unit> {
  const direct = plans.unitById.get(query);
  if (direct) return { ok: true, value: direct };
  const q = fold(query);
  const hit = plans.units.find((u) => fold(u.id) === q || (u.code && fold(u.code) === q) || fold(u.name) === q || (u.aliases ?? []).some((a) => fold(a) === q));
  if (hit) return { ok: true, value: hit };
  return { ok: false, message: `no unit "${query}" in the registry`, candidates: plans.units.map((u) => u.id) };
}

export function findLeader(plans: PlanSet, query: string): Found<Leader> {
  const direct = plans.leaderById.get(query);
  if (direct) return { ok: true, value: direct };
  const q = fold(query);
  const hit = plans.leaders.find((l) => fold(l.name) === q || fold(l.display) === q || (l.aliases ?? []).some((a) => fold(a) === q));
  if (hit) return { ok: true, value: hit };
  return { ok: false, message: `no leader "${query}" in the registry`, candidates: plans.leaders.map((l) => l.id) };
}

/**
 * The unit ids a unit filter matches: the unit itself, and the groups that stand for units of its
 * kind ("BHXH các tỉnh, thành phố" for a province).
 */
export function unitMatchSet(plans: PlanSet, unit: Unit): Set<string> {
  const ids = new Set([unit.id]);
  for (const u of plans.units) if (u.kind === 'group' && (u.members ?? []).includes(unit.kind)) ids.add(u.id);
  return ids;
}

/** Whether a task names a unit as lead or supporter. */
export function taskInvolves(task: TaskView, ids: Set<string>): boolean {
  return task.lead.ids.some((id) => ids.has(id)) || (task.support?.ids ?? []).some((id) => ids.has(id));
}

/** Whether a reporting duty names a unit as the one that reports or the one that receives. */
export function dutyInvolves(duty: DutyView, ids: Set<string>): boolean {
  return (duty.from?.ids ?? []).some((id) => ids.has(id)) || duty.to.ids.some((id) => ids.has(id));
}

/** What --decision, --unit and --leader select (decision keys, unit ids with their groups, leader ids). */
export interface Selection {
  decisions?: Set<string>;
  units?: Set<string>;
  leaders?: Set<string>;
}

export function selectsDecision(sel: Selection, decision: DecisionView): boolean {
  return !sel.decisions || sel.decisions.has(decision.key);
}

export function selectsTask(sel: Selection, task: TaskView): boolean {
  if (sel.decisions && !sel.decisions.has(task.decisionKey)) return false;
  if (sel.units && !taskInvolves(task, sel.units)) return false;
  if (sel.leaders && !(task.leader?.ids ?? []).some((id) => sel.leaders!.has(id))) return false;
  return true;
}

/** A duty names no leader, so a leader filter leaves none. */
export function selectsDuty(sel: Selection, duty: DutyView): boolean {
  if (sel.decisions && !sel.decisions.has(duty.decisionKey)) return false;
  if (sel.units && !dutyInvolves(duty, sel.units)) return false;
  return !sel.leaders;
}
