// Loading a fixture's plans for the pure report tests (no cache, no CLI).

import { fileURLToPath } from 'node:url';
import { loadPlans } from '../../src/load/load-plans.js';
import type { PlanSet } from '../../src/model/plan-set.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const STATUS_PLANS = 'test/fixtures/status/plans';

export async function loadFixturePlans(dir: string): Promise<PlanSet> {
  const r = await loadPlans({ dir, cwd: ROOT });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.plans || errors.length > 0) throw new Error(`fixture ${dir} does not validate: ${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
  return r.plans;
}
