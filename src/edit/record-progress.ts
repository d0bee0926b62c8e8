// Recording progress in a plan file's text: done, a period done, a progress note, an event, a
// cancellation. Pure: text in, text out, with proof that nothing outside the node changed.

import { isDeepStrictEqual } from 'node:util';
import { isMap } from 'yaml';
import { ProgressNote, Reporting, Status, Submission, Task } from '../model/decision.js';
import { MAX_ALIAS_COUNT } from '../load/read-plan-file.js';
import { SourceFile } from '../load/source-file.js';
import { applyMapEditToValue, EditError, YamlSplicer, type MapEdit } from './yaml-splice.js';

export { EditError };

export type Recording =
  | { kind: 'done'; on: string }
  | { kind: 'done-period'; period: string; on: string }
  | { kind: 'progress'; on: string; note: string }
  | { kind: 'occurred'; on: string; within?: string }
  | { kind: 'cancel'; on: string; reason?: string };

// New keys go where the schema lists them, so a recorded file reads like a hand-written one.
const TASK_KEYS = Object.keys(Task.shape);
const STATUS_KEYS = Object.keys(Status.shape);
const NOTE_KEYS = Object.keys(ProgressNote.shape);
const PERIOD_KEYS = Object.keys(Submission.shape);
const DUTY_KEYS = Object.keys(Reporting.shape);
// An event and its allowed time go right after the task's period (README), so only the keys up to
// the period rank before them: a leader or product written after the period stays after them.
const EVENT_KEYS = ['id', 'no', 'content', 'start', 'due', 'when', 'depends_on', 'occurred', 'within'];

function periodList(period: string, on: string) {
  return {
    match: (item: unknown) => (item as { period?: unknown } | null)?.period === period,
    edit: { order: PERIOD_KEYS, set: { on } },
    create: { period, on },
  };
}

/**
 * The change to a task's node; `state` is the task's recorded state now (null without a status),
 * `since` the day an in-progress task's work is dated from (its `on`, else its first note).
 */
export function taskEdit(r: Recording, state: string | null, since: string | null = null): MapEdit {
  switch (r.kind) {
    case 'done':
      // A reason belongs to a cancellation only; a task done after all drops it.
      return { order: TASK_KEYS, nested: { status: { order: STATUS_KEYS, set: { state: 'done', on: r.on }, remove: ['reason'] } } };
    case 'done-period':
      return { order: TASK_KEYS, nested: { status: { order: STATUS_KEYS, setIfAbsent: { state: 'in-progress' }, lists: { done_periods: periodList(r.period, r.on) } } } };
    case 'progress':
      return {
        order: TASK_KEYS,
        nested: {
          status: {
            order: STATUS_KEYS,
            // A note on a task not started means work has started, on the note's day: dated, so a
            // report as of an earlier day does not count it. An earlier note moves that day back.
            set: state === null || state === 'not-started' ? { state: 'in-progress', on: r.on } : state === 'in-progress' ? { on: since !== null && since < r.on ? since : r.on } : {},
            lists: {
              notes: {
                // The same note on the same day again changes nothing.
                match: (item: unknown) => isDeepStrictEqual(item, { on: r.on, note: r.note }),
                edit: { order: NOTE_KEYS },
                create: { on: r.on, note: r.note },
              },
            },
          },
        },
      };
    case 'occurred':
      return { order: EVENT_KEYS, set: r.within === undefined ? { occurred: r.on } : { occurred: r.on, within: r.within } };
    case 'cancel':
      return { order: TASK_KEYS, nested: { status: { order: STATUS_KEYS, set: r.reason === undefined ? { state: 'cancelled', on: r.on } : { state: 'cancelled', on: r.on, reason: r.reason } } } };
  }
}

/** The change to a reporting duty's node: one period submitted on a day. */
export function dutyEdit(period: string, on: string): MapEdit {
  return { order: DUTY_KEYS, lists: { submitted: periodList(period, on) } };
}

export interface EditResult {
  text: string;
  /** The edited node's range in the original text; every byte outside it is unchanged. */
  start: number;
  end: number;
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt((root as Record<string | number, unknown>)[head!], rest, value);
  return copy;
}

/**
 * Applies an edit to the map at `path` by splicing text into the original. Throws EditError when
 * the text does not parse, or the result would differ anywhere but the node, or mean anything
 * but the edit (both are checked on the result, not assumed).
 */
export function editNode(text: string, path: readonly (string | number)[], edit: MapEdit): EditResult {
  const src = new SourceFile('edit', text);
  if (src.doc.errors.length > 0) throw new EditError(`the file does not parse as YAML: ${src.doc.errors[0]!.message.split('\n')[0]}`);
  const node = src.doc.getIn(path, true);
  if (!isMap(node) || !node.range) throw new EditError(`no mapping at ${path.join('.')}`);
  const [start, , end] = node.range;
  const splicer = new YamlSplicer(text, src.doc);
  splicer.editAt(path, edit);
  for (const s of splicer.splices) if (s.start < start || s.end > end) throw new EditError('the edit would reach outside the node');
  const out = splicer.result();
  if (!out.startsWith(text.slice(0, start)) || !out.endsWith(text.slice(end))) throw new EditError('the edit would change text outside the node');

  const before = src.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  const after = new SourceFile('edit', out);
  if (after.doc.errors.length > 0) throw new EditError(`the edited text would not parse: ${after.doc.errors[0]!.message.split('\n')[0]}`);
  const expected = setAt(before, path, applyMapEditToValue(node.toJS(src.doc, { maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>, edit));
  if (!isDeepStrictEqual(after.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), expected)) throw new EditError('the edited text would not read back as the edit');
  return { text: out, start, end };
}
