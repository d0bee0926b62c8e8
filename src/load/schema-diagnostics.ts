// zod issues → diagnostics at the YAML node they concern, with "did you mean" for typos.

import type { z } from 'zod';
import { ISO_DATE_PATTERN } from '../model/common.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { closest } from './did-you-mean.js';
import type { NodePath, SourceFile } from './source-file.js';
import { echo } from './echo.js';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** The shapes of the object schemas at `path`, through optional, default, pipe and union wrappers. */
export function objectShapesAt(schema: AnySchema, path: NodePath): Record<string, AnySchema>[] {
  const shapes: Record<string, AnySchema>[] = [];
  const visit = (s: AnySchema, rest: NodePath): void => {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
        visit(def['innerType'] as AnySchema, rest);
        return;
      case 'pipe':
        visit(def['in'] as AnySchema, rest);
        return;
      case 'union':
        for (const o of def['options'] as AnySchema[]) visit(o, rest);
        return;
      case 'array':
        if (typeof rest[0] === 'number') visit(def['element'] as AnySchema, rest.slice(1));
        return;
      case 'object': {
        const shape = def['shape'] as Record<string, AnySchema>;
        if (rest.length === 0) shapes.push(shape);
        else {
          const next = shape[String(rest[0])];
          if (next) visit(next, rest.slice(1));
        }
        return;
      }
      default:
        return;
    }
  };
  visit(schema, path);
  return shapes;
}

/** The keys an object schema at `path` allows (all union options merged). */
export function allowedKeys(schema: AnySchema, path: NodePath): string[] {
  return [...new Set(objectShapesAt(schema, path).flatMap((shape) => Object.keys(shape)))];
}

function valueAt(root: unknown, path: NodePath): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg as string];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? value.slice(0, 37) + '…' : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

function expectedPhrase(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping (key: value lines)';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

function label(path: NodePath): string {
  const last = [...path].reverse().find((s) => typeof s === 'string');
  return last === undefined ? 'the document' : `"${String(last)}"`;
}

/** Whether a value fits the first-level expectation of a union branch (its first issue is not a type clash at its root). */
function branchFits(branch: readonly Issue[]): boolean {
  return !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0);
}

const UNIT_KEYS = new Set(['lead', 'support', 'from', 'to']);

/** A list where one unit or leader belongs: the form that names several, in plain words. */
function unionHint(path: NodePath, value: unknown): { hint?: string } {
  const key = path[path.length - 1];
  if (!Array.isArray(value) || typeof key !== 'string') return {};
  if (UNIT_KEYS.has(key)) return { hint: 'several units are written `{ units: [vu-a, vu-b], as_written: "the cell as the document writes it" }`' };
  if (key === 'leader') return { hint: 'several leaders are written `{ leaders: [ptgd-a, ptgd-b], as_written: "the cell as the document writes it" }`' };
  return {};
}

/** Maps zod issues for one file to diagnostics, pointing at the nodes concerned. */
export function schemaDiagnostics(issues: readonly Issue[], src: SourceFile, data: unknown, schema: AnySchema): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Unknown keys that look like a misspelt required key: report the typo once, not also the missing key.
  const typoFor = new Map<string, string>();

  const flat: { issue: Issue; path: NodePath }[] = [];
  const flatten = (issue: Issue, prefix: NodePath): void => {
    const path = [...prefix, ...(issue.path as PathKey[])];
    if (issue.code === 'invalid_union') {
      const branches = issue.errors;
      const fitting = branches.filter(branchFits);
      const chosen = fitting.length > 0 ? fitting : branches;
      // With several fitting branches, the one with fewest issues explains the value best.
      const best = [...chosen].sort((a, b) => a.length - b.length)[0];
      if (best && best.length > 0 && fitting.length > 0) {
        for (const sub of best) flatten(sub, path);
        return;
      }
    }
    flat.push({ issue, path });
  };
  type PathKey = string | number;
  for (const issue of issues) flatten(issue, []);

  for (const { issue, path } of flat) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, path);
      for (const key of issue.keys) {
        const guess = closest(key, allowed);
        if (guess) typoFor.set(JSON.stringify([...path, guess]), key);
      }
    }
  }

  for (const { issue, path } of flat) {
    switch (issue.code) {
      case 'unrecognized_keys': {
        const allowed = allowedKeys(schema, path);
        for (const key of issue.keys) {
          const guess = closest(key, allowed);
          out.push(
            src.diagnostic('KEY_UNKNOWN', `unknown key "${echo(key)}"`, [...path, key], {
              key: true,
              hint: guess ? `did you mean "${guess}"?` : `allowed here: ${allowed.join(', ')}`,
            }),
          );
        }
        break;
      }
      case 'invalid_type': {
        const value = valueAt(data, path);
        if (value === undefined) {
          if (typoFor.has(JSON.stringify(path))) break;
          const parent = path.slice(0, -1);
          out.push(src.diagnostic('KEY_MISSING', `missing required key ${label(path)}`, parent.length ? parent : [], {}));
          break;
        }
        const expected = expectedPhrase(issue.expected);
        let hint: string | undefined = value === null ? 'write the value after the colon, or remove the key' : undefined;
        if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
          hint = `put it in quotes: "${src.sourceOf(path) ?? String(value)}"`;
        } else if ((issue.expected === 'number' || issue.expected === 'int') && typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) {
          hint = `write the number without quotes: ${value.trim()}`;
        } else if (issue.expected === 'array' && typeof value !== 'object') {
          hint = 'write a list: one "- item" per line, or [a, b]';
        }
        out.push(
          src.diagnostic('TYPE_MISMATCH', `${label(path)} must be ${expected}, not ${describe(value)}`, path, hint ? { hint } : {}),
        );
        break;
      }
      case 'invalid_value': {
        const value = valueAt(data, path);
        const options = issue.values.map(String);
        const guess = typeof value === 'string' ? closest(value, options) : undefined;
        out.push(
          src.diagnostic('VALUE_INVALID', `${label(path)} must be one of ${options.join(', ')}, not ${describe(value)}`, path, guess ? { hint: `did you mean "${guess}"?` } : {}),
        );
        break;
      }
      case 'invalid_format': {
        const code = issue.format === 'regex' && issue.pattern === String(ISO_DATE_PATTERN) ? 'DATE_INVALID' : 'VALUE_INVALID';
        out.push(src.diagnostic(code, `${label(path)}: ${issue.message}`, path));
        break;
      }
      case 'custom': {
        const code = (issue.params as { code?: string } | undefined)?.code === 'DATE_INVALID' ? 'DATE_INVALID' : 'VALUE_INVALID';
        // A check on a whole list item (a target, a status) explains itself; a field check names its key.
        const whole = typeof path[path.length - 1] === 'number' || path.length === 0;
        out.push(src.diagnostic(code, whole ? issue.message : `${label(path)}: ${issue.message}`, path));
        break;
      }
      case 'invalid_union': {
        const value = valueAt(data, path);
        out.push(src.diagnostic('TYPE_MISMATCH', `${label(path)} has the wrong shape: ${describe(value)}`, path, unionHint(path, value)));
        break;
      }
      default: {
        out.push(src.diagnostic('VALUE_INVALID', `${label(path)}: ${issue.message}`, path));
      }
    }
  }
  return out;
}
