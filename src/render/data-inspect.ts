// `plan data inspect` as text (sections and a table of the header's columns) and as JSON, with a
// ready-to-paste YAML snippet of the aliases that would map what did not.

import type { FileInspection, Suggestion } from '../model/data-inspection.js';
import type { Formatter, TextFormatter } from './context.js';
import type { InspectFormat } from './formats.js';
import { inertFormatter } from './inert-report.js';
import { formatInt } from './i18n/format.js';
import { asJson } from './json.js';
import { textTable } from './text-table.js';

const WORDS = {
  en: {
    delimiter: { ',': 'comma (,)', ';': 'semicolon (;)', '\t': 'tab', '|': 'pipe (|)' } as Record<string, string>,
    workbook: (sheet: string | null, of: string) => `Excel workbook (.xlsx), sheet "${sheet}"${of ? ` of ${of}` : ''}`,
    csv: (encoding: string, delimiter: string) => `CSV, ${encoding}, ${delimiter}-separated`,
    notRead: 'not read',
    dataset: 'Dataset',
    header: (row: number | null) => (row === null ? 'Header: not found' : `Header: row ${row}${row > 1 ? ' (rows above it are titles, skipped)' : ''}`),
    cols: ['#', 'Header', 'Column', 'Samples (as read)'],
    notUsed: 'not used',
    empty: '(empty)',
    missing: (column: string, takes: string) => `Missing required column: ${column}${takes ? ` (headers it takes: ${takes})` : ''}`,
    rows: (read: string, good: string, bad: string, skipped: string | null) => `Rows: ${read} read, ${good} good, ${bad} bad${skipped ? `, ${skipped} skipped as no data` : ''}`,
    dataRows: (n: number, f: string) => `${f} data row${n === 1 ? '' : 's'}`,
    badRows: (code: string, n: number, f: string, first: string) => `${code}: ${f} row${n === 1 ? '' : 's'} (first: ${first})`,
    row: (n: number) => `row ${n}`,
    unchecked: (column: string, dataset: string) => `  not checked here: that each ${column} is in the ${dataset} file (plan attainment excludes the rows of a person it lacks)`,
    severity: { error: 'error', warning: 'warning' } as Record<string, string>,
    hint: 'hint',
    failed: 'Cannot be used',
    aliases: 'Suggested aliases:',
  },
  vi: {
    delimiter: { ',': 'dấu phẩy (,)', ';': 'dấu chấm phẩy (;)', '\t': 'tab', '|': 'dấu gạch đứng (|)' } as Record<string, string>,
    workbook: (sheet: string | null, of: string) => `Sổ tính Excel (.xlsx), trang "${sheet}"${of ? ` trong các trang ${of}` : ''}`,
    csv: (encoding: string, delimiter: string) => `CSV, ${encoding}, phân cách bằng ${delimiter}`,
    notRead: 'không đọc được',
    dataset: 'Bộ dữ liệu',
    header: (row: number | null) => (row === null ? 'Dòng tiêu đề: không tìm thấy' : `Dòng tiêu đề: dòng ${row}${row > 1 ? ' (các dòng phía trên là tên bảng, bỏ qua)' : ''}`),
    cols: ['#', 'Tiêu đề cột', 'Cột', 'Giá trị mẫu (như đọc được)'],
    notUsed: 'không dùng',
    empty: '(trống)',
    missing: (column: string, takes: string) => `Thiếu cột bắt buộc: ${column}${takes ? ` (các tiêu đề được nhận: ${takes})` : ''}`,
    rows: (read: string, good: string, bad: string, skipped: string | null) => `Số dòng: đọc ${read}, ${good} hợp lệ, ${bad} lỗi${skipped ? `, ${skipped} bỏ qua vì không phải dữ liệu` : ''}`,
    dataRows: (_n: number, f: string) => `${f} dòng dữ liệu`,
    badRows: (code: string, _n: number, f: string, first: string) => `${code}: ${f} dòng (đầu tiên: ${first})`,
    row: (n: number) => `dòng ${n}`,
    unchecked: (column: string, dataset: string) => `  chưa kiểm tra ở đây: ${column} của mỗi dòng có trong tệp ${dataset} hay không (plan attainment loại các dòng của người không có trong tệp đó)`,
    severity: { error: 'lỗi', warning: 'cảnh báo' } as Record<string, string>,
    hint: 'gợi ý',
    failed: 'Không dùng được',
    aliases: 'Gợi ý tên gọi khác (aliases) để thêm vào plans/datasets.yaml:',
  },
};

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

const drawInspectionAsTable: TextFormatter<FileInspection> = (r, ctx) => {
  const w = WORDS[ctx.lang];
  const n = (x: number) => formatInt(x, ctx.lang);
  const show = (v: string | number | boolean | null): string => (v === null ? w.empty : typeof v === 'string' ? v : String(v));
  const out: string[] = [];
  const format = r.format === 'xlsx' ? w.workbook(r.sheet, r.sheets.length > 1 ? r.sheets.map((x) => `"${x}"`).join(', ') : '') : r.format === 'csv' ? w.csv(r.encoding ?? 'utf-8', w.delimiter[r.delimiter ?? ','] ?? r.delimiter ?? ',') : w.notRead;
  out.push(`${r.file}: ${format}`);
  out.push(`${w.dataset}: ${r.dataset}`);
  out.push(w.header(r.headerRow));
  if (r.columns.length) {
    out.push('');
    const rows = r.columns.map((c) => [String(c.position), c.header, c.column ?? w.notUsed, c.samples.map((x) => (x.text === show(x.value) ? x.text : `${x.text} → ${show(x.value)}`)).join('; ')]);
    out.push(textTable([{ header: w.cols[0]!, max: 4 }, { header: w.cols[1]!, max: 30 }, { header: w.cols[2]!, max: 16 }, { header: w.cols[3]!, flex: true }], rows, ctx).trimEnd());
  }
  if (r.missing.length) {
    out.push('');
    for (const m of r.missing) out.push(w.missing(m.column, m.aliases.map((a) => `"${a}"`).join(', ')));
  }
  out.push('');
  out.push(w.rows(w.dataRows(r.rowsRead, n(r.rowsRead)), n(r.rowsGood), n(r.rowsExcluded), r.rowsSkipped ? n(r.rowsSkipped) : null));
  for (const g of r.badRows) {
    const where = g.first.map((f) => (f.cell ?? w.row(f.row)) + (f.value !== null ? ` "${f.value}"` : '')).join(', ');
    out.push(`  ${w.badRows(g.code, g.count, n(g.count), where)}`);
    if (g.first[0]) out.push(`    ${g.first[0].message}`);
  }
  if (r.personsUnchecked) out.push(w.unchecked(r.personsUnchecked.column, r.personsUnchecked.dataset));
  for (const f of r.findings) out.push(`${w.severity[f.severity] ?? f.severity}: ${f.message}${f.hint ? `\n  ${w.hint}: ${f.hint}` : ''}`);
  if (r.failed) out.push(`${w.failed}: ${r.failed}`);
  const snippet = aliasSnippet(r.dataset, r.suggestions);
  if (snippet) out.push('', w.aliases, snippet.trimEnd());
  return out.join('\n') + '\n';
};

/** The terminal view; text from the file (headers, values, findings that quote them) shown inert. */
export const inspectionAsTable = inertFormatter(drawInspectionAsTable);

export const inspectionAsJson: Formatter<FileInspection> = (r) => asJson({ ...r, aliasesYaml: aliasSnippet(r.dataset, r.suggestions) || null });

export const INSPECT_FORMATS: Record<InspectFormat, Formatter<FileInspection>> = { table: inspectionAsTable, json: inspectionAsJson };
