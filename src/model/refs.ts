// A unit or leader reference as written in a plan file → the ids it names and the text to show.
// Pure, in the model layer, so the loader (which builds the plan set) and the reports (which show
// a group's or a column's reference as the document wrote it) share it without report importing load.

import type { LeaderRef, UnitRef } from './common.js';
import type { Leader } from './leaders.js';
import type { ResolvedRef } from './plan-set.js';
import type { Unit } from './units.js';

/** The id a name, code or alias stands for (the loader's registry index); the text itself without one. */
export type IdOf = (text: string) => string;

const asIs: IdOf = (text) => text;

/** A bare id reads as the unit's registry name; a bare name, code or alias reads as written. */
export function resolveUnits(ref: UnitRef | undefined, unitById: ReadonlyMap<string, Unit>, idOf: IdOf = asIs): ResolvedRef | null {
  if (ref === undefined) return null;
  if (typeof ref === 'string') return { ids: [idOf(ref)], asWritten: unitById.get(ref)?.name ?? ref };
  return { ids: ref.units.map(idOf), asWritten: ref.as_written };
}

export function resolveLeaders(ref: LeaderRef | undefined, leaderById: ReadonlyMap<string, Leader>, idOf: IdOf = asIs): ResolvedRef | null {
  if (ref === undefined) return null;
  if (typeof ref === 'string') return { ids: [idOf(ref)], asWritten: leaderById.get(ref)?.display ?? ref };
  return { ids: ref.leaders.map(idOf), asWritten: ref.as_written };
}
