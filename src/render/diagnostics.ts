// Diagnostics as text (compiler style, with excerpt and caret), JSON, and GitHub workflow annotations.

import type { Diagnostic } from '../model/diagnostic.js';
import type { Formatter, RenderContext } from './context.js';
import type { ValidateFormat } from './formats.js';
import { annotation, type Annotation } from './github.js';
import { asJson } from './json.js';
import { inertText } from '../model/inert-text.js';
import { paint } from './paint.js';
import { displayWidth } from './width.js';

export interface ValidationReport {
  files: string[];
  diagnostics: Diagnostic[];
  strict: boolean;
}

function location(d: Diagnostic): string {
  // A CSV finding names its record and column: "staff.csv: row 7, column 3 (english_level, "Bậc ngoại ngữ")";
  // a workbook's its cell: "staff.xlsx: cell Sheet1!C7 (english_level, …)".
  if (d.row !== undefined) {
    const what = d.field !== undefined ? ` (${d.field}${d.header !== undefined && d.header !== d.field ? `, "${d.header}"` : ''})` : '';
    if (d.cell !== undefined) return `${d.file}: cell ${d.cell}${what}`;
    // A missing column has no position of its own: the row and the column's name say it.
    const col = d.field !== undefined ? (d.column > 0 ? `, column ${d.column}${what}` : what) : '';
    return `${d.file}: row ${d.row}${col}`;
  }
  return d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
}

/** Tabs shown as 4 spaces and control characters inert, so the caret line matches what the terminal shows. */
function expandTabs(s: string): string {
  return inertText(s.replace(/\t/g, '    '));
}

/** The widest excerpt shown: a longer line is cut to a window around the finding, "…" at a cut end. */
const EXCERPT_WIDTH = 100;
/** Columns of the line kept before the finding when the window must start after the line's start. */
const BEFORE = 30;

/** The excerpt as shown (tabs expanded, controls inert, a long line cut around the finding) and the caret under the finding. */
function excerptLines(d: Diagnostic): { text: string; prefix: number; length: number } | undefined {
  if (d.excerpt === undefined || d.line <= 0 || d.row !== undefined) return undefined;
  const line = d.excerpt;
  const startIdx = Math.min(line.length, Math.max(0, d.column - 1));
  const endIdx = d.endLine === d.line && d.endColumn !== undefined ? Math.max(startIdx + 1, d.endColumn - 1) : line.trimEnd().length;
  const shown = (a: number, b: number) => expandTabs(line.slice(a, b));
  if (displayWidth(shown(0, line.length)) <= EXCERPT_WIDTH) {
    return { text: shown(0, line.length), prefix: displayWidth(shown(0, startIdx)), length: Math.max(1, displayWidth(shown(startIdx, endIdx))) };
  }
  // Never cut between the two halves of a character outside the BMP.
  const low = (i: number) => i > 0 && i < line.length && line.charCodeAt(i) >= 0xdc00 && line.charCodeAt(i) <= 0xdfff;
  let a = startIdx;
  while (a > 0 && displayWidth(shown(a - 1, startIdx)) <= BEFORE) a--;
  while (low(a)) a--;
  const lead = a > 0 ? '…' : '';
  let b = startIdx;
  while (b < line.length && displayWidth(lead + shown(a, b + 1)) <= EXCERPT_WIDTH - 1) b++;
  while (low(b)) b--;
  const tail = b < line.length ? '…' : '';
  const prefix = displayWidth(lead + shown(a, startIdx));
  return { text: lead + shown(a, b) + tail, prefix, length: Math.max(1, displayWidth(shown(startIdx, Math.min(endIdx, b)))) };
}

export function diagnosticAsText(d: Diagnostic, ctx: RenderContext): string {
  const c = paint(ctx);
  const sev = d.severity === 'error' ? c.red.bold('error') : c.yellow.bold('warning');
  const out = [`${c.bold(inertText(location(d)))}: ${sev} ${c.dim(d.code)} ${inertText(d.message)}`];
  const mark = excerptLines(d);
  if (mark) {
    const num = String(d.line);
    const gutter = ' '.repeat(num.length);
    out.push(`  ${c.dim(num + ' |')} ${mark.text}`);
    out.push(`  ${c.dim(gutter + ' |')} ${' '.repeat(mark.prefix)}${(d.severity === 'error' ? c.red : c.yellow)('^'.repeat(mark.length))}`);
  }
  if (d.hint) out.push(`  ${c.cyan('hint:')} ${inertText(d.hint)}`);
  return out.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryLine(r: ValidationReport): string {
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = r.diagnostics.length - errors;
  const filesWith = new Set(r.diagnostics.map((d) => d.file)).size;
  if (r.diagnostics.length === 0) return `${plural(r.files.length, 'plan file')} checked, no problems`;
  const where = r.files.length > 0 ? ` in ${filesWith} of ${plural(r.files.length, 'file')}` : '';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${where}${r.strict && warnings > 0 ? ' (--strict: warnings fail)' : ''}`;
}

export function validationAsText(r: ValidationReport, ctx: RenderContext): string {
  const body = r.diagnostics.map((d) => diagnosticAsText(d, ctx)).join('\n');
  return (body ? body + '\n' : '') + summaryLine(r) + '\n';
}

/**
 * A finding in JSON, the one shape every command uses (DESIGN: `{ code, severity, message, file,
 * line, column, hint? }`), with the optional position and data fields when the finding has them.
 */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  const o: Record<string, unknown> = { code: d.code, severity: d.severity, message: d.message, file: d.file, line: d.line, column: d.column };
  for (const k of ['endLine', 'endColumn', 'row', 'field', 'header', 'value', 'hint'] as const) if (d[k] !== undefined) o[k] = d[k];
  return o;
}

export function validationAsJson(r: ValidationReport): string {
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  return asJson({
    files: r.files,
    errors,
    warnings: r.diagnostics.length - errors,
    diagnostics: r.diagnostics.map(diagnosticJson),
  });
}

/** GitHub Actions workflow commands: each finding becomes an annotation on its line. */
export function validationAsGithub(r: ValidationReport): string {
  return r.diagnostics
    .map((d) => {
      const a: Annotation = { level: d.severity === 'error' || r.strict ? 'error' : 'warning', file: d.file, title: d.code, message: d.message + (d.hint ? `\n${d.hint}` : '') };
      if (d.line > 0) {
        a.line = d.line;
        a.col = d.column;
        if (d.endLine !== undefined) a.endLine = d.endLine;
        if (d.endColumn !== undefined) a.endColumn = d.endColumn;
      }
      return annotation(a);
    })
    .join('');
}

export const VALIDATE_FORMATS: Record<ValidateFormat, Formatter<ValidationReport>> = { text: validationAsText, json: validationAsJson, github: validationAsGithub };
