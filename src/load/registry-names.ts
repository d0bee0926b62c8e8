// Names as written → registry ids: a unit or leader is named by its id, registry name, short code or any alias.

import type { Leader } from '../model/leaders.js';
import type { Unit } from '../model/units.js';
import { editDistance } from '../period/edit-distance.js';

/** The exact fold: NFC, lower case, spaces collapsed ("Vụ  TCCB" = "vụ tccb"). */
export function foldExact(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The loose fold: also without diacritics and đ, so "Vu To chuc can bo" finds "Vụ Tổ chức cán bộ". */
export function foldLoose(s: string): string {
  return foldExact(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').normalize('NFC');
}

export interface Named {
  id: string;
  /** The name shown in messages: a unit's registry name, a leader's display name. */
  label: string;
  /** Every way the registry lets a file write it, the id included. */
  names: string[];
}

export type NameMatch =
  | { kind: 'id' | 'name'; id: string }
  | { kind: 'ambiguous'; candidates: Named[] }
  | { kind: 'unknown'; suggestions: Named[] };

/** Suggestions beyond this many would be a list, not a hint. */
const MAX_SUGGESTIONS = 3;

/** A registry's names, indexed for resolution and for did-you-mean. */
export class NameIndex {
  private readonly byId = new Map<string, Named>();
  private readonly exact = new Map<string, Set<string>>();
  private readonly loose = new Map<string, Set<string>>();
  /** Every folded name once, with its owner, for suggestions. */
  private readonly all: { folded: string; owner: Named }[] = [];
  private longest = 0;

  constructor(readonly entries: readonly Named[]) {
    for (const e of entries) {
      this.byId.set(e.id, e);
      for (const n of e.names) {
        add(this.exact, foldExact(n), e.id);
        const l = foldLoose(n);
        add(this.loose, l, e.id);
        this.all.push({ folded: l, owner: e });
        this.longest = Math.max(this.longest, l.length);
      }
    }
  }

  get(id: string): Named | undefined {
    return this.byId.get(id);
  }

  /** Answers already given: a file names the same few units many times. */
  private readonly memo = new Map<string, NameMatch>();

  /** What a file's text names: an id, one entry by name, several (ambiguous), or none. */
  resolve(text: string): NameMatch {
    if (this.byId.has(text)) return { kind: 'id', id: text };
    const known = this.memo.get(text);
    if (known) return known;
    const m = this.lookUp(text);
    if (this.memo.size < 10_000) this.memo.set(text, m);
    return m;
  }

  private lookUp(text: string): NameMatch {
    for (const [map, key] of [
      [this.exact, foldExact(text)],
      [this.loose, foldLoose(text)],
    ] as const) {
      const ids = map.get(key);
      if (ids && ids.size === 1) return { kind: 'name', id: [...ids][0]! };
      if (ids && ids.size > 1) return { kind: 'ambiguous', candidates: [...ids].map((id) => this.byId.get(id)!) };
    }
    return { kind: 'unknown', suggestions: this.suggest(text) };
  }

  /**
   * Entries whose names contain the text (or the text, one of their names), else the names within
   * a typo's reach. A text much longer than every name is no typo of one: no distance is computed,
   * so a huge unknown name costs one pass over the names.
   */
  suggest(text: string): Named[] {
    const t = foldLoose(text);
    if (t === '') return [];
    const out = new Map<string, Named>();
    if (t.length <= this.longest) {
      for (const { folded, owner } of this.all) {
        if (out.size >= MAX_SUGGESTIONS) break;
        if (folded.includes(t) || (folded.length >= 4 && t.includes(folded) && folded.length * 2 >= t.length)) out.set(owner.id, owner);
      }
    }
    if (out.size > 0) return [...out.values()];
    const reach = Math.max(2, Math.floor(t.length / 3));
    if (t.length > this.longest + reach) return [];
    const scored: { d: number; owner: Named }[] = [];
    for (const { folded, owner } of this.all) {
      if (Math.abs(folded.length - t.length) > reach) continue;
      const d = editDistance(t, folded);
      if (d <= reach && d < t.length) scored.push({ d, owner });
    }
    scored.sort((a, b) => a.d - b.d);
    for (const { owner } of scored) {
      if (out.size >= MAX_SUGGESTIONS) break;
      out.set(owner.id, owner);
    }
    return [...out.values()];
  }
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(id);
  map.set(key, set);
}

export function unitNameIndex(units: readonly Unit[]): NameIndex {
  return new NameIndex(units.map((u) => ({ id: u.id, label: u.name, names: [u.id, u.name, ...(u.code ? [u.code] : []), ...(u.aliases ?? [])] })));
}

export function leaderNameIndex(leaders: readonly Leader[]): NameIndex {
  return new NameIndex(leaders.map((l) => ({ id: l.id, label: l.display, names: [l.id, l.display, l.name, ...(l.aliases ?? [])] })));
}

/** `"Vụ Tổ chức cán bộ" (vu-tccb)`, for messages. */
export function describeNamed(n: Named): string {
  return n.label === n.id ? `"${n.id}"` : `"${n.label}" (${n.id})`;
}
