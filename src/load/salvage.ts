// What of a file that fails its schema can still be checked: the parts with findings left out (an
// optional key dropped, a broken task or target taken out of its list), so the semantic rules run
// on everything else in the same pass and one mistake does not hide the others.

import type { z } from 'zod';
import { objectShapesAt } from './schema-diagnostics.js';
import type { NodePath } from './source-file.js';

type AnySchema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

/**
 * Stand-ins for required fields, so the rest of a task, target or decision with a broken one is
 * still checked. None is ever a unit or leader (that would be reported as unknown).
 */
const FIELD_STAND_INS: Record<string, (n: number) => unknown> = {
  id: (n) => `salvaged-${n}`,
  content: () => '-',
  mode: () => '-',
  text: () => '-',
  section: () => '-',
  title: () => '-',
  header: () => '-',
  name: (n) => `\u2063${n}`,
  name_en: () => '-',
  display: (n) => `\u2063${n}`,
  issuer: () => '-',
  signer: () => '-',
  number: (n) => `\u2063(missing number ${n})`,
  signed: () => '1900-01-01',
};

/** How many rounds of leaving parts out before giving up (each reveals issues the last one hid). */
const MAX_ROUNDS = 4;
/** A file with more issues than this is checked no further: its schema findings say enough. */
const MAX_ISSUES = 500;

export interface Salvaged {
  data: unknown;
  /** The parts left out or stood in for; findings inside them come from the salvage, not the file. */
  removed: NodePath[];
}

/** Whether the last key of a path is optional in (any option of) the object schema holding it. */
function isOptionalKey(schema: AnySchema, path: NodePath): boolean {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return false;
  return objectShapesAt(schema, path.slice(0, -1)).some((shape) => {
    const t = (shape[key]?._zod.def as { type?: string } | undefined)?.type;
    return t === 'optional' || t === 'default';
  });
}

function parentOf(root: unknown, path: NodePath): unknown {
  let v = root;
  for (const seg of path.slice(0, -1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg as string];
  }
  return v;
}

const TASK_ID = /^[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A list item that passes the schema, standing in for a broken one at the same index: other items
 * keep their indexes (so their findings point at the right lines), and a readable id is kept (so
 * duplicates and dependencies are still checked).
 */
function stubFor(listKey: string, item: unknown, index: number): unknown {
  const o = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
  const id = (re: RegExp) => (typeof o['id'] === 'string' && re.test(o['id']) ? o['id'] : `salvaged-${index + 1}`);
  switch (listKey) {
    case 'tasks':
      return { id: id(TASK_ID), content: '-' };
    case 'contents':
      return { id: id(TASK_ID), content: '-', mode: '-' };
    case 'groups':
      return { no: typeof o['no'] === 'string' ? o['no'] : '-', tasks: [] };
    case 'targets':
      return { id: id(SLUG), text: '-', section: '-', kind: 'ongoing' };
    case 'reporting':
      return { id: id(SLUG), text: '-', to: '-', due: ['Hằng năm'] };
    case 'columns':
      return { field: 'content', header: '-' };
    case 'units':
      return { id: id(SLUG), name: `\u2063${index}`, name_en: '-', kind: 'external' };
    case 'leaders':
      return { id: id(SLUG), name: '-', title: '-', display: `\u2063${index}` };
    default:
      return undefined;
  }
}

type Plan = { path: NodePath; value: unknown } | { path: NodePath; value?: undefined; delete: true };

/** What to do for one issue: drop the nearest optional key, or put a stand-in in place of the nearest list item or required field. */
let standIns = 0;

function planFor(schema: AnySchema, root: unknown, path: NodePath): Plan | undefined {
  for (let n = path.length; n >= 1; n--) {
    const p = path.slice(0, n);
    const last = p[n - 1];
    if (typeof last === 'string' && isOptionalKey(schema, p)) return { path: p, delete: true };
    if (typeof last === 'string' && last in FIELD_STAND_INS && n >= 2) {
      const owner = parentOf(root, p);
      if (owner !== null && typeof owner === 'object' && !Array.isArray(owner)) return { path: p, value: FIELD_STAND_INS[last]!(++standIns) };
    }
    if (typeof last === 'number' && n >= 2 && typeof p[n - 2] === 'string') {
      const list = parentOf(root, p);
      if (Array.isArray(list)) {
        const stub = stubFor(p[n - 2] as string, list[last], last);
        if (stub !== undefined) return { path: p, value: stub };
      }
    }
  }
  return undefined;
}

/**
 * The data with every part an issue concerns left out or stood in for, re-checked until it passes
 * the schema. Undefined when an issue concerns a part nothing can stand in for.
 */
export function salvage(data: unknown, issues: readonly Issue[], schema: AnySchema): Salvaged | undefined {
  if (issues.length > MAX_ISSUES || data === null || typeof data !== 'object') return undefined;
  const current: unknown = structuredClone(data);
  const removed: NodePath[] = [];
  let pending = issues;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const issue of pending) {
      const path = issue.path as (string | number)[];
      if (issue.code === 'unrecognized_keys') {
        const owner = parentOf(current, [...path, 'x']);
        if (owner && typeof owner === 'object') for (const k of issue.keys) delete (owner as Record<string, unknown>)[k];
        for (const k of issue.keys) removed.push([...path, k]);
        continue;
      }
      const plan = planFor(schema, current, path);
      if (!plan) return undefined;
      const owner = parentOf(current, plan.path) as Record<string | number, unknown> | undefined;
      if (!owner || typeof owner !== 'object') return undefined;
      const key = plan.path[plan.path.length - 1]!;
      const present = owner[key] !== undefined;
      if ('delete' in plan) delete owner[key];
      else owner[key] = plan.value;
      // A group stood in for lists no tasks: its appendix's declared total no longer compares.
      if (plan.path[plan.path.length - 2] === 'groups') delete (parentOf(current, plan.path.slice(0, -1)) as Record<string, unknown>)['declared_total'];
      // A stand-in for a missing key covers no line of the file.
      if (present) removed.push(plan.path);
    }
    const parsed = (schema as unknown as z.ZodType).safeParse(current);
    if (parsed.success) return { data: parsed.data, removed };
    pending = parsed.error.issues;
  }
  return undefined;
}
