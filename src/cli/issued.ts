// Leaves out of status and reports the decisions not yet issued on the as-of day.

import { planKey, rememberPlanKey } from '../load/plan-cache.js';
import type { PlanSet } from '../model/plan-set.js';
import { issuedAsOf, type Issued } from '../report/issued.js';
import type { CommandEnv } from './context.js';

export function issuedPlans(env: CommandEnv, plans: PlanSet): PlanSet {
  return issued(env, plans).plans;
}

export function issued(env: CommandEnv, plans: PlanSet): Issued {
  const r = issuedAsOf(plans, env.asOf);
  // The decisions left follow from the plan files and the as-of day, so results measured from them
  // can be cached under the same key with the day added.
  const key = planKey(plans);
  if (r.plans !== plans && key !== undefined) rememberPlanKey(r.plans, `${key}\0issued ${env.asOf}`);
  return r;
}
