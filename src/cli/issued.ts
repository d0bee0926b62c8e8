// Leaves out of status and reports the decisions not yet issued on the as-of day.

import { sharePlanKey } from '../load/plan-cache.js';
import type { PlanSet } from '../model/plan-set.js';
import { issuedAsOf, type Issued } from '../report/issued.js';
import type { CommandEnv } from './context.js';

export function issuedPlans(env: CommandEnv, plans: PlanSet): PlanSet {
  return issued(env, plans).plans;
}

/**
 * The plans as of the day. The measure cache's key (the files' bytes, the as-of day) still
 * determines the result, so the derived set keeps the loaded set's key.
 */
export function issued(env: CommandEnv, plans: PlanSet): Issued {
  const r = issuedAsOf(plans, env.asOf);
  if (r.plans !== plans) sharePlanKey(plans, r.plans);
  return r;
}
