// The registries as listed by `plan units` and `plan leaders`: searched by a word, central units first.

import type { Leader } from '../model/leaders.js';
import type { Unit, UnitKind } from '../model/units.js';

/** Lower case, spaces collapsed, without diacritics: "to chuc" finds "Vụ Tổ chức cán bộ". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The order `plan units` lists kinds in: the sector's own units before provinces and districts, outside bodies last. */
export const UNIT_KIND_ORDER: readonly UnitKind[] = ['agency', 'central', 'group', 'province', 'district', 'external'];

function matches(word: string | undefined, texts: (string | undefined)[]): boolean {
  if (word === undefined || word.trim() === '') return true;
  const w = fold(word);
  return texts.some((t) => t !== undefined && fold(t).includes(w));
}

/** Units whose id, code, names or aliases contain the word, central units before provinces (registry order within a kind). */
export function listUnits(units: readonly Unit[], opts: { word?: string; kind?: UnitKind } = {}): Unit[] {
  const rank = (u: Unit) => UNIT_KIND_ORDER.indexOf(u.kind);
  return units
    .map((u, i) => ({ u, i }))
    .filter(({ u }) => (opts.kind === undefined || u.kind === opts.kind) && matches(opts.word, [u.id, u.code, u.name, u.name_en, ...(u.aliases ?? [])]))
    .sort((a, b) => rank(a.u) - rank(b.u) || a.i - b.i)
    .map(({ u }) => u);
}

/** Leaders whose id, name, title, display name or aliases contain the word, in registry order. */
export function listLeaders(leaders: readonly Leader[], word?: string): Leader[] {
  return leaders.filter((l) => matches(word, [l.id, l.name, l.title, l.display, ...(l.aliases ?? [])]));
}
