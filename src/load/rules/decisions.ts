// Decision rules: unique numbers and ids, references that resolve, declared counts, dependency cycles.

import type { Diagnostic } from '../../model/diagnostic.js';
import type { LeaderRef, UnitRef } from '../../model/common.js';
import { closest } from '../did-you-mean.js';
import type { NodePath, SourceFile } from '../source-file.js';
import { describeNamed, leaderNameIndex, type NameMatch, unitNameIndex } from '../registry-names.js';
import { eachContent, eachGroup, eachTask } from '../walk.js';
import type { Rule } from './context.js';
import { foldName } from './registries.js';
import { echo } from '../echo.js';

export const uniqueDecisionNumbers: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const seen = new Map<string, SourceFile>();
  for (const { src, data } of ctx.decisions) {
    const key = foldName(data.decision.number);
    const first = seen.get(key);
    if (first) {
      out.push(src.diagnostic('DECISION_DUPLICATE', `decision ${data.decision.number} is already encoded in ${first.path}`, ['decision', 'number'], { hint: 'one file per decision' }));
    } else {
      seen.set(key, src);
    }
  }
  return out;
};

export const uniqueIdsInDecision: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { src, data } of ctx.decisions) {
    const rows = new Map<string, NodePath>();
    const note = (id: string, path: NodePath, what: string, seen: Map<string, NodePath>) => {
      const first = seen.get(id);
      if (first) {
        const at = src.spanAt(first);
        out.push(src.diagnostic('ID_DUPLICATE', `${what} id "${id}" is already used on line ${at.line}`, path, { hint: 'ids are unique within a decision; number rows as the document does ("6.1.a")' }));
      } else {
        seen.set(id, path);
      }
    };
    for (const t of eachTask(data)) note(t.task.id, [...t.taskPath, 'id'], 'task', rows);
    for (const c of eachContent(data)) note(c.item.id, [...c.itemPath, 'id'], 'row', rows);
    const targets = new Map<string, NodePath>();
    for (const [i, t] of (data.targets ?? []).entries()) note(t.id, ['targets', i, 'id'], 'target', targets);
    const duties = new Map<string, NodePath>();
    for (const [i, r] of (data.reporting ?? []).entries()) note(r.id, ['reporting', i, 'id'], 'reporting', duties);
    const appendices = new Map<string, NodePath>();
    for (const [i, a] of (data.appendices ?? []).entries()) note(a.id, ['appendices', i, 'id'], 'appendix', appendices);
  }
  return out;
};

function refIds(ref: UnitRef | LeaderRef, field: 'units' | 'leaders'): { id: string; path: NodePath }[] {
  if (typeof ref === 'string') return [{ id: ref, path: [] }];
  const ids = (ref as unknown as Record<string, string[] | undefined>)[field] ?? [];
  return ids.map((id, i) => ({ id, path: [field, i] }));
}

const ID_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** How to add a unit or leader that is not in its registry yet, as one line. */
function addHint(kind: 'unit' | 'leader', text: string): string {
  const idShaped = ID_SHAPE.test(text);
  const id = idShaped ? shown(text) : '…';
  const name = idShaped ? '…' : JSON.stringify(shown(text));
  return kind === 'unit'
    ? `if it is a new unit, add it to units.yaml: - { id: ${id}, name: ${name}, name_en: …, kind: central }`
    : `if it is a new leader, add them to leaders.yaml: - { id: ${id}, name: …, title: …, display: ${name} }`;
}

/** Quotes a name for a message, cut short: a file's text may be long. */
function shown(text: string): string {
  return echo(text);
}

function unresolvedRef(src: SourceFile, kind: 'unit' | 'leader', text: string, match: NameMatch, path: NodePath): Diagnostic | undefined {
  const code = kind === 'unit' ? 'UNIT_UNKNOWN' : 'LEADER_UNKNOWN';
  if (match.kind === 'ambiguous') {
    return src.diagnostic(code, `"${shown(text)}" names more than one ${kind}: ${match.candidates.map(describeNamed).join(', ')}`, path, {
      hint: `write the id of the one meant, e.g. "${match.candidates[0]!.id}"`,
    });
  }
  if (match.kind !== 'unknown') return undefined;
  const guess = match.suggestions.length > 0 ? `did you mean ${match.suggestions.map(describeNamed).join(' or ')}? ` : '';
  return src.diagnostic(code, `${kind} "${shown(text)}" is not in the registry`, path, { hint: `${guess}${addHint(kind, text)}` });
}

export const referencesResolve: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const units = unitNameIndex(ctx.units.flatMap((u) => u.data.units));
  const leaders = leaderNameIndex(ctx.leaders.flatMap((l) => l.data.leaders));
  for (const { src, data } of ctx.decisions) {
    const checkUnits = (ref: UnitRef | undefined, path: NodePath) => {
      if (ref === undefined) return;
      for (const r of refIds(ref, 'units')) {
        const d = unresolvedRef(src, 'unit', r.id, units.resolve(r.id), [...path, ...r.path]);
        if (d) out.push(d);
      }
    };
    const checkLeaders = (ref: LeaderRef | undefined, path: NodePath) => {
      if (ref === undefined) return;
      for (const r of refIds(ref, 'leaders')) {
        const d = unresolvedRef(src, 'leader', r.id, leaders.resolve(r.id), [...path, ...r.path]);
        if (d) out.push(d);
      }
    };
    for (const g of eachGroup(data)) checkUnits(g.group.lead, [...g.path, 'lead']);
    const taskIds = new Set<string>();
    for (const t of eachTask(data)) taskIds.add(t.task.id);
    for (const t of eachTask(data)) {
      checkUnits(t.task.lead, [...t.taskPath, 'lead']);
      checkUnits(t.task.support, [...t.taskPath, 'support']);
      checkLeaders(t.task.leader, [...t.taskPath, 'leader']);
      if (t.task.lead === undefined && t.group.lead === undefined) {
        out.push(src.diagnostic('LEAD_MISSING', `task ${t.task.id} has no lead unit`, t.taskPath, { hint: 'add `lead:` to the task or to its group' }));
      }
      for (const [i, dep] of (t.task.depends_on ?? []).entries()) {
        if (!taskIds.has(dep)) {
          const guess = closest(dep, taskIds);
          out.push(src.diagnostic('TASK_UNKNOWN', `task ${t.task.id} depends on "${echo(dep)}", which is not a task of this decision`, [...t.taskPath, 'depends_on', i], guess ? { hint: `did you mean "${guess}"?` } : {}));
        }
      }
    }
    for (const [i, r] of (data.reporting ?? []).entries()) {
      checkUnits(r.from, ['reporting', i, 'from']);
      checkUnits(r.to, ['reporting', i, 'to']);
    }
  }
  return out;
};

export const noDependencyCycles: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { src, data } of ctx.decisions) {
    const deps = new Map<string, string[]>();
    const where = new Map<string, NodePath>();
    for (const t of eachTask(data)) {
      deps.set(t.task.id, t.task.depends_on ?? []);
      where.set(t.task.id, [...t.taskPath, 'depends_on']);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const reported = new Set<string>();
    const stack: string[] = [];
    const visit = (id: string): void => {
      state.set(id, 'visiting');
      stack.push(id);
      for (const next of deps.get(id) ?? []) {
        if (!deps.has(next)) continue;
        const s = state.get(next);
        if (s === 'visiting') {
          const cycle = [...stack.slice(stack.indexOf(next)), next];
          const key = [...cycle].slice(0, -1).sort().join(' ');
          if (!reported.has(key)) {
            reported.add(key);
            out.push(src.diagnostic('DEPENDENCY_CYCLE', `tasks depend on each other in a cycle: ${cycle.join(' → ')}`, where.get(next)!, { hint: 'remove one of these depends_on entries' }));
          }
        } else if (s === undefined) {
          visit(next);
        }
      }
      stack.pop();
      state.set(id, 'done');
    };
    for (const id of deps.keys()) if (!state.has(id)) visit(id);
  }
  return out;
};

export const declaredCounts: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { src, data } of ctx.decisions) {
    for (const g of eachGroup(data)) {
      const { group } = g;
      if (group.tasks && group.contents) {
        out.push(src.diagnostic('VALUE_INVALID', `group ${group.no} has both tasks and contents`, g.path, { hint: 'a group holds either tasks or content rows' }));
      }
      const n = (group.tasks?.length ?? 0) + (group.contents?.length ?? 0);
      if (group.declared_count !== undefined && group.declared_count !== n) {
        out.push(
          src.diagnostic('COUNT_MISMATCH', `group ${group.no} declares ${group.declared_count} tasks but lists ${n}`, [...g.path, 'declared_count'], {
            hint: 'the declared count is the number the document states; a task is missing or extra',
          }),
        );
      }
    }
    for (const [i, a] of (data.appendices ?? []).entries()) {
      const n = a.groups.reduce((sum, g) => sum + (g.tasks?.length ?? 0) + (g.contents?.length ?? 0), 0);
      if (a.declared_total !== undefined && a.declared_total !== n) {
        out.push(src.diagnostic('COUNT_MISMATCH', `appendix ${a.id} declares a total of ${a.declared_total} but lists ${n}`, ['appendices', i, 'declared_total']));
      }
    }
  }
  return out;
};
