// The target statements of the decisions, as data: what each promises, by when.

import type { Comparator, TargetKind } from '../model/decision.js';
import type { PlanSet } from '../model/plan-set.js';

export interface TargetRow {
  decision: string;
  decisionKey: string;
  id: string;
  text: string;
  subject: string | null;
  /** The plan's short label for charts, when it gives one. */
  short: string | null;
  section: string;
  kind: TargetKind;
  comparator: Comparator | null;
  threshold: number | null;
  every: 'year' | null;
  by: number | null;
}

export interface TargetsReport {
  targets: TargetRow[];
}

export function buildTargetsReport(plans: PlanSet, decisions?: Set<string>): TargetsReport {
  const targets: TargetRow[] = [];
  for (const d of plans.decisions) {
    if (decisions && !decisions.has(d.key)) continue;
    for (const t of d.data.targets ?? []) {
      targets.push({
        decision: d.number,
        decisionKey: d.key,
        id: t.id,
        text: t.text,
        subject: t.subject ?? null,
        short: t.short ?? null,
        section: t.section,
        kind: t.kind ?? 'numeric',
        comparator: t.comparator ?? null,
        threshold: t.threshold ?? null,
        every: t.every ?? null,
        by: t.by ?? null,
      });
    }
  }
  return { targets };
}

const SIGN: Record<Comparator, string> = { at_least: '≥', at_most: '≤', more_than: '>' };

/** "≥ 80%", "> 80%", "≤ 2%"; milestones and standing aims have no figure. */
export function ruleText(t: Pick<TargetRow, 'kind' | 'comparator' | 'threshold'>): string {
  if (t.comparator === null || t.threshold === null) return t.kind;
  return `${SIGN[t.comparator]} ${t.threshold}%`;
}

export function whenText(t: Pick<TargetRow, 'every' | 'by' | 'kind'>): string {
  if (t.every === 'year') return 'every year';
  if (t.by !== null) return `by ${t.by}`;
  return t.kind === 'ongoing' ? 'ongoing' : '';
}
