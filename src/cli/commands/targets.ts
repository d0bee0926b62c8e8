// plan targets: the target statements of the decisions, before any data is measured.

import { buildTargetsReport } from '../../report/targets.js';
import { findDecision } from '../../report/select.js';
import { TARGET_FORMATS } from '../../render/targets.js';
import { commandEnv, loadCheckedPlans, notFound, type CommonOptions } from '../context.js';
import type { Io } from '../io.js';
import { checkOutput, writeOutput } from '../output.js';

export async function run(opts: CommonOptions & { decision?: string; out?: string }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  checkOutput(io, opts.format, opts.out, 'plan targets --format xlsx');
  const plans = await loadCheckedPlans(env);
  let only: Set<string> | undefined;
  if (opts.decision !== undefined) {
    const d = findDecision(plans, opts.decision);
    if (!d.ok) throw notFound(d.message, opts.decision, d.candidates);
    only = new Set([d.value.key]);
  }
  const report = buildTargetsReport(plans, only);
  const content = opts.format === 'xlsx' ? await (await import('../../render/xlsx/xlsx.js')).targetsAsXlsx(report, env.render) : TARGET_FORMATS[(opts.format ?? 'table') as keyof typeof TARGET_FORMATS](report, env.render);
  await writeOutput(io, content, opts.out);
  return 0;
}
