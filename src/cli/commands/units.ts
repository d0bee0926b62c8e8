// plan units: the organisation registry, optionally searched by a word; central units first.

import { UNIT_KINDS, type UnitKind } from '../../model/units.js';
import { listUnits } from '../../report/registry.js';
import { UNIT_FORMATS } from '../../render/units.js';
import { commandEnv, formatter, loadCheckedPlans, notFound, type CommonOptions } from '../context.js';
import type { Io } from '../io.js';

export async function run(word: string | undefined, opts: CommonOptions & { kind?: string }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  if (opts.kind !== undefined && !UNIT_KINDS.includes(opts.kind as UnitKind)) throw notFound(`no unit kind "${opts.kind}"`, opts.kind, [...UNIT_KINDS]);
  const plans = await loadCheckedPlans(env);
  const units = listUnits(plans.units, { ...(word !== undefined ? { word } : {}), ...(opts.kind !== undefined ? { kind: opts.kind as UnitKind } : {}) });
  io.stdout.write(await formatter(UNIT_FORMATS, opts.format)({ units }, env.render));
  return 0;
}
