// One plan file: bytes → UTF-8 text → YAML with positions → schema-checked data of its kind.

import { visit } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import type { DatasetsFile } from '../model/datasets.js';
import type { DecisionFile } from '../model/decision.js';
import type { LeadersFile } from '../model/leaders.js';
import { FILE_SCHEMAS, KIND_KEY, kindOfKeys, FILE_KINDS, type FileKind } from '../model/plan-files.js';
import type { UnitsFile } from '../model/units.js';
import { controlCharDiagnostics } from './control-chars.js';
import { decodeText } from './decode-text.js';
import { salvage } from './salvage.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import { textCutByComment } from './text-comments.js';
import { repairText, yamlHint, type ParseError } from './yaml-repair.js';
import { fileDiagnostic, SourceFile, type NodePath } from './source-file.js';

/** Plan files are small; anything larger is a mistake (a data export saved under plans/, say). */
export const MAX_PLAN_BYTES = 2 * 1024 * 1024;
/** Aliases a file may expand; far above honest use, far below a "billion laughs" bomb. */
export const MAX_ALIAS_COUNT = 200;

export type PlanFile =
  | { kind: 'decision'; src: SourceFile; data: DecisionFile }
  | { kind: 'units'; src: SourceFile; data: UnitsFile }
  | { kind: 'leaders'; src: SourceFile; data: LeadersFile }
  | { kind: 'datasets'; src: SourceFile; data: DatasetsFile };

export interface ReadResult {
  file?: PlanFile;
  diagnostics: Diagnostic[];
  /**
   * A file with findings, as far as it could be read: its broken lines rewritten, its broken parts
   * left out. The semantic rules run on it so all findings come in one pass; `unreliable` tells
   * which of their findings fall on a rewritten or left-out part and are dropped.
   */
  partial?: PlanFile;
  unreliable?: (d: Diagnostic) => boolean;
}

/**
 * NFC-normalises every string (keys too), so NFD input compares and renders like NFC. Keys are
 * defined, never assigned: `out['__proto__'] = …` would set the object's prototype (and a task
 * would inherit a status nobody can see), where a defined key is an own key the schema rejects.
 */
export function normaliseStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normaliseStrings) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k.normalize('NFC'), { value: normaliseStrings(v), enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  }
  return value;
}

export function readPlanFile(display: string, bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_PLAN_BYTES) {
    return {
      diagnostics: [
        fileDiagnostic('FILE_TOO_LARGE', display, `the file is ${(bytes.length / 1048576).toFixed(1)} MiB; a plan file may be at most ${MAX_PLAN_BYTES / 1048576} MiB`, {
          hint: 'data exports belong outside plans/ (pass them with --staff or --data)',
        }),
      ],
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const d = fileDiagnostic('NOT_UTF8', display, decoded.message, { line: decoded.line, column: decoded.column, endLine: decoded.line, endColumn: decoded.column + 1 });
    if (decoded.excerpt !== undefined) d.excerpt = decoded.excerpt;
    if (decoded.hint) d.hint = decoded.hint;
    return { diagnostics: [d] };
  }
  // Only blank and comment lines: no line whose first non-blank character is not '#'. (A single
  // regex over the whole text, as this was, backtracks over every leading comment line.)
  if (!/^\s*[^\s#]/m.test(decoded.text)) {
    return {
      diagnostics: [
        fileDiagnostic('EMPTY_FILE', display, 'the file is empty', {
          hint: `a plan file starts with one of: ${FILE_KINDS.map((k) => KIND_KEY[k] + ':').join(', ')}`,
        }),
      ],
    };
  }

  let src: SourceFile;
  try {
    src = new SourceFile(display, decoded.text);
  } catch (e) {
    // Deeply nested flow collections can exhaust the parser's stack.
    if (e instanceof RangeError) {
      return { diagnostics: [fileDiagnostic('YAML_SYNTAX', display, 'the YAML is nested too deeply to read')] };
    }
    throw e;
  }
  const diagnostics: Diagnostic[] = [];
  const syntax = yamlErrors(src);
  // Each broken line is rewritten in a copy until the copy parses, so every syntax mistake is
  // reported and the rest of the file is still checked (its findings on rewritten lines dropped).
  const repair = syntax.length > 0 ? repairText(src.text, (t) => yamlErrors(new SourceFile(display, t))) : undefined;
  let suppressLines: Set<number> | undefined;
  if (repair) {
    for (const fix of repair.fixes) {
      const hint = yamlHint(fix.code, fix.message, src.lineText(fix.index + 1));
      const code = fix.code === 'TAB_AS_INDENT' ? 'TAB_INDENT' : 'YAML_SYNTAX';
      // An unclosed quote is found where the text ends up; point at the line where it opens.
      const line = fix.index + 1;
      const column = line === fix.line ? fix.column : Math.max(1, src.lineText(line).search(/["']/) + 1);
      const at = { line, column, endLine: line, endColumn: column };
      diagnostics.push(src.diagnostic(code, fix.message, at, hint ? { hint } : {}));
    }
    suppressLines = new Set(repair.fixes.map((f) => f.index + 1));
  }
  // After a first syntax error that cannot be repaired the parser's further complaints are mostly
  // its consequences; report that one, and every duplicate key (each is a mistake of its own).
  const firstSyntax = repair ? undefined : src.doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  for (const err of src.doc.errors) {
    if (err.code !== 'DUPLICATE_KEY' && err !== firstSyntax) continue;
    const code = err.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : err.code === 'TAB_AS_INDENT' ? 'TAB_INDENT' : 'YAML_SYNTAX';
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const at = src.spanOf(err.pos[0], err.pos[1]);
    const hint =
      code === 'DUPLICATE_KEY' ? 'each key may appear once in a mapping; remove or rename one of them' : yamlHint(err.code, message, src.lineText(at.line));
    const key = /^\s*([^:\n]+?)\s*:/.exec(src.text.slice(err.pos[0]))?.[1];
    const text = code === 'DUPLICATE_KEY' ? `duplicate key "${key ?? src.text.slice(err.pos[0], err.pos[1])}"` : message;
    const end = code === 'DUPLICATE_KEY' && key ? err.pos[0] + key.length : err.pos[1];
    diagnostics.push(src.diagnostic(code, text, src.spanOf(err.pos[0], end), hint ? { hint } : {}));
  }
  for (const w of src.doc.warnings) {
    diagnostics.push(src.diagnostic('YAML_SYNTAX', w.message.split('\n')[0]!, src.spanOf(w.pos[0], w.pos[1]), { severity: 'warning' }));
  }
  if (diagnostics.some((d) => d.severity === 'error') && !repair) return { diagnostics };
  diagnostics.push(...controlCharDiagnostics(src));
  if (repair) src = new SourceFile(display, repair.text);
  diagnostics.push(...textCutByComment(src));

  let data: unknown;
  try {
    data = normaliseStrings(src.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (e) {
    if (e instanceof ReferenceError || e instanceof RangeError) {
      let first: [number, number] | undefined;
      visit(src.doc, {
        Alias(_k, node) {
          if (node.range) first = [node.range[0], node.range[1]];
          return visit.BREAK;
        },
      });
      diagnostics.push(
        src.diagnostic('ALIAS_LIMIT', `the aliases in this file expand to too many nodes (limit ${MAX_ALIAS_COUNT}); refusing to expand it`, first ? src.spanOf(first[0], first[1]) : { line: 1, column: 1, endLine: 1, endColumn: 1 }, {
          hint: 'write the values out instead of nesting aliases (*name)',
        }),
      );
      return { diagnostics };
    }
    throw e;
  }

  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(
      src.diagnostic('FILE_KIND_UNKNOWN', `a plan file is a mapping whose first key is one of ${FILE_KINDS.map((k) => KIND_KEY[k]).join(', ')}; this one is ${Array.isArray(data) ? 'a list' : 'a single value'}`, []),
    );
    return { diagnostics };
  }
  const keys = Object.keys(data);
  const kind: FileKind | undefined = kindOfKeys(keys);
  if (!kind) {
    const first = keys[0] ?? '';
    diagnostics.push(
      src.diagnostic('FILE_KIND_UNKNOWN', `cannot tell what kind of plan file this is: it has no ${FILE_KINDS.map((k) => `"${KIND_KEY[k]}"`).join(', ')} key`, [first], {
        key: true,
        hint: 'a decision file starts with "decision:", a registry with "units:" or "leaders:", dataset definitions with "datasets:"',
      }),
    );
    return { diagnostics };
  }
  const schema = FILE_SCHEMAS[kind];
  const parsed = schema.safeParse(data);
  const suppressed = (d: Diagnostic) => suppressLines !== undefined && suppressLines.has(d.line);
  if (!parsed.success) {
    diagnostics.push(...schemaDiagnostics(parsed.error.issues, src, data, schema).filter((d) => !suppressed(d)));
    // The rules still run on every part that could be read (salvage.ts).
    const saved = salvage(data, parsed.error.issues, schema);
    if (!saved) return { diagnostics };
    const spans = saved.removed.map((p) => linesOf(src, p));
    const inRemoved = (d: Diagnostic) => spans.some(([first, last]) => d.line >= first && d.line <= last);
    return { partial: { kind, src, data: saved.data } as PlanFile, diagnostics, unreliable: (d) => suppressed(d) || inRemoved(d) };
  }
  if (repair) return { partial: { kind, src, data: parsed.data } as PlanFile, diagnostics, unreliable: suppressed };
  return { file: { kind, src, data: parsed.data } as PlanFile, diagnostics };
}

/** The first and last line of the node at a path (a block node's range runs on to its next sibling). */
function linesOf(src: SourceFile, path: NodePath): [number, number] {
  const range = src.nodeAt(path)?.range;
  if (!range) return [0, -1];
  let end = range[1];
  while (end > range[0] && /\s/.test(src.text[end - 1]!)) end--;
  return [src.lineCounter.linePos(range[0]).line, src.lineCounter.linePos(Math.max(range[0], end - 1)).line];
}

/** Every syntax error of a parsed file with its 1-based position (duplicate keys are not syntax). */
function yamlErrors(src: SourceFile): ParseError[] {
  return src.doc.errors
    .filter((e) => e.code !== 'DUPLICATE_KEY')
    .map((e) => {
      const at = src.lineCounter.linePos(e.pos[0]);
      return { code: e.code, message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), line: at.line, column: at.col };
    });
}
