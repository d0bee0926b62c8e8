// plan leaders: the leader registry, optionally searched by a word.

import { listLeaders } from '../../report/registry.js';
import { LEADER_FORMATS } from '../../render/leaders.js';
import { commandEnv, formatter, loadCheckedPlans, type CommonOptions } from '../context.js';
import type { Io } from '../io.js';

export async function run(word: string | undefined, opts: CommonOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  const plans = await loadCheckedPlans(env);
  io.stdout.write(await formatter(LEADER_FORMATS, opts.format)({ leaders: listLeaders(plans.leaders, word) }, env.render));
  return 0;
}
