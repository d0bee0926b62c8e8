// Words as the bundled plan files write them, read straight from the YAML (not through the loader):
// each reporting duty's receiving body and each task's responsible leader, by decision and id. A
// bare id reads as the registry writes it (a unit's name, a leader's display name), a reference
// with `as_written` as written.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './plans.js';

type Ref = string | { as_written: string };

interface DecisionYaml {
  decision: { number: string };
  reporting?: { id: string; to: Ref }[];
}

function yamlOf(file: string): unknown {
  return parse(readFileSync(join(ROOT, 'plans', file), 'utf8'));
}

function registry(file: string, key: 'units' | 'leaders', field: 'name' | 'display'): Map<string, string> {
  const list = (yamlOf(file) as Record<string, { id: string; name: string; display?: string }[]>)[key]!;
  return new Map(list.map((x) => [x.id, x[field] ?? x.name]));
}

function asWritten(ref: Ref, byId: Map<string, string>): string {
  return typeof ref === 'string' ? (byId.get(ref) ?? ref) : ref.as_written;
}

/** Every task object (an entry of a `tasks` list) anywhere in a decision file. */
function tasksIn(node: unknown, out: { id: string; leader?: Ref }[] = []): { id: string; leader?: Ref }[] {
  if (Array.isArray(node)) for (const x of node) tasksIn(x, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'tasks' && Array.isArray(v)) out.push(...(v as { id: string; leader?: Ref }[]));
      tasksIn(v, out);
    }
  }
  return out;
}

export interface PlanWords {
  /** `${decision} ${dutyId}` → the body the duty reports to, as written. */
  recipient: Map<string, string>;
  /** `${decision} ${taskId}` → the task's responsible leader, as written (tasks that name one). */
  leader: Map<string, string>;
}

export function planWords(): PlanWords {
  const units = registry('units.yaml', 'units', 'name');
  const leaders = registry('leaders.yaml', 'leaders', 'display');
  const out: PlanWords = { recipient: new Map(), leader: new Map() };
  for (const file of readdirSync(join(ROOT, 'plans')).filter((f) => /^qd-.*\.yaml$/.test(f))) {
    const doc = yamlOf(file) as DecisionYaml;
    const number = doc.decision.number;
    for (const d of doc.reporting ?? []) out.recipient.set(`${number} ${d.id}`, asWritten(d.to, units));
    for (const t of tasksIn(doc)) if (t.leader !== undefined) out.leader.set(`${number} ${t.id}`, asWritten(t.leader, leaders));
  }
  return out;
}
