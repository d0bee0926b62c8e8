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
  // The plans left are a function of the plan files and the as-of day, which key every cache of
  // results from them (measure-cache.ts) already: they keep the files' key.
  const key = planKey(plans);
  if (key !== undefined) rememberPlanKey(r.plans, key);
  return r;
}
