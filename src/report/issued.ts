// Decisions as of a day: one signed after it is not yet issued, and no status or report counts it.

import type { DecisionView, PlanSet } from '../model/plan-set.js';

export interface Issued {
  /** The plans with only the decisions signed on or before the day. */
  plans: PlanSet;
  /** The decisions signed after the day, in signing order. */
  notYetIssued: DecisionView[];
}

export function issuedAsOf(plans: PlanSet, asOf: string): Issued {
  const notYetIssued = plans.decisions.filter((d) => d.meta.signed > asOf);
  if (notYetIssued.length === 0) return { plans, notYetIssued };
  return { plans: { ...plans, decisions: plans.decisions.filter((d) => d.meta.signed <= asOf) }, notYetIssued };
}
