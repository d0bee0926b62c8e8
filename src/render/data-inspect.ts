// `plan data inspect` as text (sections and a table of the header's columns) and as JSON, with a
// ready-to-paste YAML snippet of the aliases that would map what did not.

import type { FileInspection, Suggestion } from '../model/data-inspection.js';
import type { Formatter } from './context.js';
import type { InspectFormat } from './formats.js';
import { asJson } from './json.js';
import { textTable } from './text-table.js';

const DELIMITER_WORDS: Record<string, string> = { ',': 'comma (,)', ';': 'semicolon (;)', '\t': 'tab', '|': 'pipe (|)' };
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

const show = (v: string | number | boolean | null): string => (v === null ? '(empty)' : typeof v === 'string' ? v : String(v));

/** A YAML snippet for plans/datasets.yaml: the header and value aliases suggested, under their columns. */
export function aliasSnippet(dataset: string, suggestions: Suggestion[]): string {
  if (suggestions.length === 0) return '';
  const q = (s: string) => JSON.stringify(s);
  const byColumn = new Map<string, { headers: string[]; values: Map<string, string[]>; unknown: string[] }>();
  for (const s of suggestions) {
    const c = byColumn.get(s.column) ?? { headers: [] as string[], values: new Map<string, string[]>(), unknown: [] as string[] };
    if (s.kind === 'header') c.headers.push(s.text);
    else if (s.value !== null) c.values.set(s.value, [...(c.values.get(s.value) ?? []), s.text]);
    else c.unknown.push(s.text);
    byColumn.set(s.column, c);
  }
  const lines = [`# plans/datasets.yaml, dataset ${dataset}: add these to the columns' lists (check each guess first)`];
  for (const [name, c] of byColumn) {
    lines.push(`- name: ${name}`);
    if (c.headers.length) lines.push(`  aliases: [${c.headers.map(q).join(', ')}]`);
    if (c.values.size || c.unknown.length) {
      lines.push('  value_aliases:');
      for (const [v, texts] of c.values) lines.push(`    ${q(v)}: [${texts.map(q).join(', ')}]   # did you mean ${v}?`);
      for (const t of c.unknown) lines.push(`    # ${q(t)}: no value is close; name the value it means: VALUE: [${q(t)}]`);
    }
  }
  return lines.join('\n') + '\n';
}

export const inspectionAsTable: Formatter<FileInspection> = (r, ctx) => {
  const out: string[] = [];
  const format = r.format === 'xlsx' ? `Excel workbook (.xlsx), sheet "${r.sheet}"${r.sheets.length > 1 ? ` of ${r.sheets.map((s) => `"${s}"`).join(', ')}` : ''}` : r.format === 'csv' ? `CSV, ${r.encoding ?? 'utf-8'}, ${DELIMITER_WORDS[r.delimiter ?? ','] ?? r.delimiter}-separated` : 'not read';
  out.push(`${r.file}: ${format}`);
  out.push(`Dataset: ${r.dataset}`);
  out.push(r.headerRow !== null ? `Header: row ${r.headerRow}${r.headerRow > 1 ? ` (rows above it are titles, skipped)` : ''}` : 'Header: not found');
  if (r.columns.length) {
    out.push('');
    const rows = r.columns.map((c) => [String(c.position), c.header, c.column ?? 'not used', c.samples.map((s) => (s.text === show(s.value) ? s.text : `${s.text} → ${show(s.value)}`)).join('; ')]);
    out.push(textTable([{ header: '#', max: 4 }, { header: 'Header', max: 30 }, { header: 'Column', max: 16 }, { header: 'Samples (as read)', flex: true }], rows, ctx).trimEnd());
  }
  if (r.missing.length) {
    out.push('');
    for (const m of r.missing) out.push(`Missing required column: ${m.column}${m.aliases.length ? ` (headers it takes: ${m.aliases.map((a) => `"${a}"`).join(', ')})` : ''}`);
  }
  out.push('');
  out.push(`Rows: ${plural(r.rowsRead, 'data row')} read, ${r.rowsGood.toLocaleString('en')} good, ${r.rowsExcluded.toLocaleString('en')} bad${r.rowsSkipped ? `, ${r.rowsSkipped.toLocaleString('en')} skipped as no data` : ''}`);
  for (const g of r.badRows) {
    const where = g.first.map((f) => (f.cell ?? `row ${f.row}`) + (f.value !== null ? ` "${f.value}"` : '')).join(', ');
    out.push(`  ${g.code}: ${plural(g.count, 'row')} (first: ${where})`);
    if (g.first[0]) out.push(`    ${g.first[0].message}`);
  }
  for (const f of r.findings) out.push(`${f.severity}: ${f.message}${f.hint ? `\n  hint: ${f.hint}` : ''}`);
  if (r.failed) out.push(`Cannot be used: ${r.failed}`);
  const snippet = aliasSnippet(r.dataset, r.suggestions);
  if (snippet) out.push('', 'Suggested aliases:', snippet.trimEnd());
  return out.join('\n') + '\n';
};

export const inspectionAsJson: Formatter<FileInspection> = (r) => asJson({ ...r, aliasesYaml: aliasSnippet(r.dataset, r.suggestions) || null });

export const INSPECT_FORMATS: Record<InspectFormat, Formatter<FileInspection>> = { table: inspectionAsTable, json: inspectionAsJson };
