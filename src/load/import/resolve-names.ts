// Names in a table cell → registry ids: units by name, alias or short code, leaders by display
// name, alias or personal name. What matches nothing is returned as written, for a TODO.

import type { Leader } from '../../model/leaders.js';
import type { Unit } from '../../model/units.js';

/** A cell read against a registry: the ids it names, the pieces that named nothing, whether it is exactly one entry's registry spelling. */
export interface CellRefs {
  ids: string[];
  unresolved: string[];
  /** The cell is one unit's `name` (one leader's `display`) exactly: the plan file can give the bare id. */
  exact: boolean;
}

interface Entry {
  key: string;
  id: string;
  /** Short codes match in capitals only ("PC", not the syllable "pc"). */
  caseSensitive: boolean;
}

export interface UnitIndex {
  entries: Entry[];
  /** Entries by their first word (lower case for names, as written for codes), longest first. */
  byFirstWord: Map<string, Entry[]>;
  byId: Map<string, Unit>;
}

const firstWord = (s: string) => /^[^\s,;:.\n•+*/–()-]*/.exec(s)![0];

/** Folds case-insensitive differences the documents make: dashes, spaces around hyphens, runs of spaces. */
function fold(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function nameKey(s: string): string {
  return fold(s).toLowerCase().replace(/\.$/, '');
}

export function unitIndex(units: readonly Unit[]): UnitIndex {
  const entries: Entry[] = [];
  const add = (text: string, id: string, caseSensitive = false) => {
    const key = caseSensitive ? fold(text) : nameKey(text);
    if (key) entries.push({ key, id, caseSensitive });
    // "Một số đơn vị trực thuộc …" (some of the units) is read as the group "Các đơn vị trực thuộc …".
    if (!caseSensitive && /(^| )các /.test(key)) entries.push({ key: key.replace(/(^| )các /, '$1một số '), id, caseSensitive });
  };
  for (const u of units) {
    add(u.name, u.id);
    for (const a of u.aliases ?? []) add(a, u.id);
    if (u.code) add(u.code, u.id, true);
  }
  entries.sort((a, b) => b.key.length - a.key.length);
  // Looking entries up by the word at hand keeps a long cell linear in its length, whatever the registry's size.
  const byFirstWord = new Map<string, Entry[]>();
  for (const e of entries) {
    const w = `${e.caseSensitive ? 'C' : 'n'}${firstWord(e.key)}`;
    byFirstWord.set(w, [...(byFirstWord.get(w) ?? []), e]);
  }
  return { entries, byFirstWord, byId: new Map(units.map((u) => [u.id, u])) };
}

/** Words that join or qualify names without naming a unit of their own. */
const FILLER = new Set(['và', 'với', 'cùng', 'các', 'có', 'liên', 'quan', 'trực', 'thuộc', 'đơn', 'vị']);
const SEPARATOR = /[\s,;:.\n•+*/–-]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function scan(original: string, index: UnitIndex, ids: string[], unresolved: string[]): void {
  const o = fold(original);
  const k = o.toLowerCase();
  const sameLength = k.length === o.length;
  let i = 0;
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0 && pending.some((w) => !FILLER.has(w.toLowerCase()))) unresolved.push(pending.join(' '));
    pending = [];
  };
  while (i < k.length) {
    const ch = k[i]!;
    if (ch === '(') {
      // A parenthesis qualifies the names before it; it counts only if it names units itself.
      const close = k.indexOf(')', i);
      const end = close < 0 ? k.length : close + 1;
      flush();
      const inner = o.slice(i + 1, close < 0 ? k.length : close);
      const innerIds: string[] = [];
      const innerLeft: string[] = [];
      scan(inner, index, innerIds, innerLeft);
      if (innerLeft.length > 0 || innerIds.length === 0) unresolved.push(o.slice(i, end));
      for (const id of innerIds) if (!ids.includes(id)) ids.push(id);
      i = end;
      continue;
    }
    if (SEPARATOR.test(ch)) {
      if (ch !== ' ' || /^ (và|với|cùng) /.test(k.slice(i, i + 6))) flush();
      i++;
      continue;
    }
    let matched: Entry | undefined;
    const candidates = [...(index.byFirstWord.get(`n${firstWord(k.slice(i, i + 64))}`) ?? []), ...(sameLength ? (index.byFirstWord.get(`C${firstWord(o.slice(i, i + 64))}`) ?? []) : [])];
    candidates.sort((a, b) => b.key.length - a.key.length);
    for (const e of candidates) {
      const hay = e.caseSensitive ? o : k;
      if (hay.startsWith(e.key, i) && !WORD_CHAR.test(hay[i + e.key.length] ?? '')) {
        matched = e;
        break;
      }
    }
    if (matched) {
      const end = i + matched.key.length;
      // "Các đơn vị: TCCB, PC" — a name before a colon introduces a list; it is not one of the units.
      if (k[end] === ':') {
        i = end + 1;
        continue;
      }
      flush();
      if (!ids.includes(matched.id)) ids.push(matched.id);
      i = end;
      continue;
    }
    let j = i;
    while (j < k.length && !SEPARATOR.test(k[j]!) && k[j] !== '(') j++;
    pending.push(o.slice(i, j));
    i = j;
  }
  flush();
}

/** The units a lead or support cell names. */
export function resolveUnitCell(text: string, index: UnitIndex): CellRefs {
  const ids: string[] = [];
  const unresolved: string[] = [];
  scan(text, index, ids, unresolved);
  const exact = ids.length === 1 && unresolved.length === 0 && index.byId.get(ids[0]!)?.name === text;
  return { ids, unresolved, exact };
}

/** The one unit a whole text names (a group row "Vụ Tài chính - Kế toán"), or null. */
export function unitNamed(text: string, index: UnitIndex): string | null {
  const key = nameKey(text);
  const hit = index.entries.find((e) => (e.caseSensitive ? fold(text) === e.key : key === e.key));
  return hit?.id ?? null;
}

const LEADER_PREFIXES = ['PTGĐ', 'Phó TGĐ', 'Phó Tổng Giám đốc', 'TGĐ', 'Tổng Giám đốc', 'Đồng chí', 'Ông', 'Bà'];

/** The leaders a "Lãnh đạo phụ trách" cell names, split on ";", "," and "và". */
export function resolveLeaderCell(text: string, leaders: readonly Leader[]): CellRefs {
  const byKey = new Map<string, string>();
  for (const l of leaders) {
    for (const t of [l.display, l.name, `${l.title} ${l.name}`, ...(l.aliases ?? []), ...LEADER_PREFIXES.map((p) => `${p} ${l.name}`)]) {
      const key = nameKey(t);
      // A spelling two leaders share (a bare title) resolves to neither.
      byKey.set(key, byKey.has(key) && byKey.get(key) !== l.id ? '' : l.id);
    }
  }
  const ids: string[] = [];
  const unresolved: string[] = [];
  for (const raw of text.split(/[;\n]|,\s|\svà\s/)) {
    const piece = raw.replace(/^\s*[-–•+]\s*/, '').trim().replace(/\.$/, '');
    if (!piece) continue;
    let id = byKey.get(nameKey(piece)) || undefined;
    if (!id) {
      // "Phó TGĐ Nguyễn Đức Hòa": the personal name at the end settles it when it is one leader's.
      const key = nameKey(piece);
      const hits = leaders.filter((l) => key.endsWith(` ${nameKey(l.name)}`));
      if (hits.length === 1) id = hits[0]!.id;
    }
    if (id) {
      if (!ids.includes(id)) ids.push(id);
    } else unresolved.push(piece);
  }
  const exact = ids.length === 1 && unresolved.length === 0 && leaders.find((l) => l.id === ids[0])?.display === text;
  return { ids, unresolved, exact };
}
