// plan targets: the target statements of the decisions, before any data is measured.

import { buildTargetsReport } from '../../report/targets.js';
import { findDecision } from '../../report/select.js';
import { TARGET_FORMATS } from '../../render/targets.js';
import { commandEnv, formatter, loadCheckedPlans, notFound, type CommonOptions } from '../context.js';
import type { Io } from '../io.js';
import { checkOutput, writeOutput } from '../output.js';

export async function run(opts: CommonOptions & { decision?: string }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  // A Word or Excel file bound for a terminal is refused before any work.
  checkOutput(io, opts.format, opts.out, `plan targets --format ${opts.format ?? ''}`);
  const plans = await loadCheckedPlans(env);
  let only: Set<string> | undefined;
  if (opts.decision !== undefined) {
    const d = findDecision(plans, opts.decision);
    if (!d.ok) throw notFound(d.message, opts.decision, d.candidates);
    only = new Set([d.value.key]);
  }
  await writeOutput(io, await formatter(TARGET_FORMATS, opts.format)(buildTargetsReport(plans, only), env.render), opts.out);
  return 0;
}
