// A unit or leader reference as written in a plan file → the ids it names and the text to show.
// Pure, in the model layer, so the loader (which builds the plan set) and the reports (which show
// a group's or a column's reference as the document wrote it) share it without report importing load.

import type { LeaderRef, UnitRef } from './common.js';
import type { Leader } from './leaders.js';
import type { ResolvedRef } from './plan-set.js';
import type { Unit } from './units.js';

export function resolveUnits(ref: UnitRef | undefined, unitById: ReadonlyMap<string, Unit>): ResolvedRef | null {
  if (ref === undefined) return null;
  if (typeof ref === 'string') return { ids: [ref], asWritten: unitById.get(ref)?.name ?? ref };
  return { ids: ref.units, asWritten: ref.as_written };
}

export function resolveLeaders(ref: LeaderRef | undefined, leaderById: ReadonlyMap<string, Leader>): ResolvedRef | null {
  if (ref === undefined) return null;
  if (typeof ref === 'string') return { ids: [ref], asWritten: leaderById.get(ref)?.display ?? ref };
  return { ids: ref.leaders, asWritten: ref.as_written };
}
