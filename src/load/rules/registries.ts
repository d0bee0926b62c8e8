// Registry rules: unique ids, names and aliases that point at one unit or leader only, parents that exist.

import type { Diagnostic } from '../../model/diagnostic.js';
import { closest } from '../did-you-mean.js';
import type { SourceFile } from '../source-file.js';
import type { Rule } from './context.js';
import { echo } from '../echo.js';

function foldName(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export { foldName };

export const uniqueRegistryIds: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const check = (kind: 'unit' | 'leader', entries: { src: SourceFile; id: string; path: (string | number)[] }[]) => {
    const seen = new Map<string, { src: SourceFile; path: (string | number)[] }>();
    for (const e of entries) {
      const first = seen.get(e.id);
      if (first) {
        const at = first.src.spanAt(first.path);
        out.push(
          e.src.diagnostic('ID_DUPLICATE', `${kind} id "${e.id}" is already used at ${first.src.path}:${at.line}:${at.column}`, e.path, {
            hint: `give each ${kind} its own id`,
          }),
        );
      } else {
        seen.set(e.id, e);
      }
    }
  };
  check(
    'unit',
    ctx.units.flatMap(({ src, data }) => data.units.map((u, i) => ({ src, id: u.id, path: ['units', i, 'id'] }))),
  );
  check(
    'leader',
    ctx.leaders.flatMap(({ src, data }) => data.leaders.map((l, i) => ({ src, id: l.id, path: ['leaders', i, 'id'] }))),
  );
  return out;
};

/** A name or alias must lead to one unit only, or name resolution would be a guess. */
export const unambiguousNames: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const owner = new Map<string, string>();
  for (const { src, data } of ctx.units) {
    for (const [i, u] of data.units.entries()) {
      const names: [string, (string | number)[]][] = [[u.name, ['units', i, 'name']], ...(u.aliases ?? []).map((a, j): [string, (string | number)[]] => [a, ['units', i, 'aliases', j]])];
      const mine = new Set<string>();
      for (const [name, path] of names) {
        const key = foldName(name);
        if (mine.has(key)) continue;
        mine.add(key);
        const other = owner.get(key);
        if (other !== undefined && other !== u.id) {
          out.push(src.diagnostic('NAME_DUPLICATE', `"${name}" already names unit "${other}"`, path, { hint: 'a name or alias may belong to one unit only' }));
        } else {
          owner.set(key, u.id);
        }
      }
    }
  }
  const leaderOwner = new Map<string, string>();
  for (const { src, data } of ctx.leaders) {
    for (const [i, l] of data.leaders.entries()) {
      const names: [string, (string | number)[]][] = [[l.display, ['leaders', i, 'display']], ...(l.aliases ?? []).map((a, j): [string, (string | number)[]] => [a, ['leaders', i, 'aliases', j]])];
      for (const [name, path] of names) {
        const key = foldName(name);
        const other = leaderOwner.get(key);
        if (other !== undefined && other !== l.id) {
          out.push(src.diagnostic('NAME_DUPLICATE', `"${name}" already names leader "${other}"`, path));
        } else {
          leaderOwner.set(key, l.id);
        }
      }
    }
  }
  return out;
};

export const unitParents: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { src, data } of ctx.units) {
    for (const [i, u] of data.units.entries()) {
      if (u.parent !== undefined && !ctx.unitIds.has(u.parent)) {
        const guess = closest(u.parent, ctx.unitIds);
        out.push(src.diagnostic('UNIT_UNKNOWN', `parent unit "${echo(u.parent)}" is not in the registry`, ['units', i, 'parent'], guess ? { hint: `did you mean "${guess}"?` } : {}));
      }
    }
  }
  return out;
};
