// Loading plan sets in tests: the bundled plans or a fixture directory, checked, without the cache.

import { fileURLToPath } from 'node:url';
import { loadPlans } from '../../src/load/load-plans.js';
import type { PlanSet } from '../../src/model/plan-set.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Loads and checks a plans directory (relative to the repository root); fails the test if it does not validate. */
export async function loadPlanSet(dir = 'plans'): Promise<PlanSet> {
  const r = await loadPlans({ dir, cwd: ROOT });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.plans || errors.length > 0) throw new Error(`${dir} does not validate: ${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
  return r.plans;
}

export const STATUS_PLANS = 'test/fixtures/status/plans';

/** A fixture's plans for the pure report tests. */
export const loadFixturePlans = (dir: string): Promise<PlanSet> => loadPlanSet(dir);
