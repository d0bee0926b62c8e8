// Terminal views draw with escape sequences of their own (colour), so text from the files is made
// inert before a terminal renderer sees it: every string of the report, in one pass.

import { inertText } from '../model/inert-text.js';
import type { TextFormatter } from './context.js';

function inert(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return inertText(value);
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((v, i) => {
      const w = inert(v, seen);
      if (w !== v) (out ??= value.slice())[i] = w;
    });
    const result = out ?? value;
    seen.set(value, result);
    return result;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // Only plain data is copied; a Map or a class instance in a report is passed through as it is.
  if (proto !== Object.prototype && proto !== null) return value;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(value)) {
    const w = inert(v, seen);
    if (w !== v) (out ??= { ...value })[k] = w;
  }
  const result = out ?? value;
  seen.set(value, result);
  return result;
}

/** The report with every control character of its strings shown as `\xHH`; the same object when there is none. */
export function inertStrings<T>(report: T): T {
  return inert(report, new WeakMap()) as T;
}

/** A terminal formatter that sees only inert text. */
export function inertFormatter<R>(format: TextFormatter<R>): TextFormatter<R> {
  return (report, ctx) => format(inertStrings(report), ctx);
}
