// Leaves out of status and reports the decisions not yet issued on the as-of day.

import type { PlanSet } from '../model/plan-set.js';
import { issuedAsOf, type Issued } from '../report/issued.js';
import type { CommandEnv } from './context.js';

export function issuedPlans(env: CommandEnv, plans: PlanSet): PlanSet {
  return issued(env, plans).plans;
}

export function issued(env: CommandEnv, plans: PlanSet): Issued {
  return issuedAsOf(plans, env.asOf);
}
