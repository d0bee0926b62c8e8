// Appendix tables in every format but HTML: terminal table, Markdown, CSV, JSON.

import type { AppendixReport, AppendixTable, ItemRow, TableField } from '../report/appendix-tables.js';
import type { RenderContext, TextFormatter } from './context.js';
import { toCsv } from './csv.js';
import { asJson } from './json.js';
import { mdBlock, mdCell, mdText } from './markdown.js';
import { paint, stateColor } from './paint.js';
import { textTable, type ColumnSpec } from './text-table.js';
import { sizeColumns } from './size-columns.js';
import { asOfLine, columnHeaders, countLine, rowStateLabel, tableHeading, totalLabel } from './appendix-labels.js';
import { inertFormatter } from './inert-report.js';
import { wrapProse } from './width.js';

/** One line of a table as every format sees it: its kind and a cell per column. */
export interface FlatRow {
  kind: 'group' | 'task' | 'content' | 'total';
  id: string;
  cells: string[];
  state: ItemRow['state'];
}

function cellsOf(table: AppendixTable, cells: Partial<Record<TableField, string>>, row: ItemRow | null, ctx: RenderContext): string[] {
  return table.columns.map((c) => (c.field === 'state' ? (row?.state ? rowStateLabel(row.state, ctx) : '') : (cells[c.field] ?? '')));
}

/** The table's rows in document order: group rows, their task or content rows, then the total row. */
export function flatRows(table: AppendixTable, ctx: RenderContext): FlatRow[] {
  const out: FlatRow[] = [];
  for (const g of table.groups) {
    out.push({ kind: 'group', id: g.row.no, cells: cellsOf(table, g.row.cells, null, ctx), state: null });
    for (const r of g.rows) out.push({ kind: r.kind, id: r.id, cells: cellsOf(table, r.cells, r, ctx), state: r.state });
  }
  if (table.total.shown) out.push({ kind: 'total', id: '', cells: totalCells(table, ctx), state: null });
  return out;
}

/** The total row: its label where the content goes, the computed total in the count column (or after the label). */
export function totalCells(table: AppendixTable, ctx: RenderContext): string[] {
  const label = totalLabel(table, ctx);
  const hasCount = table.columns.some((c) => c.field === 'count');
  return table.columns.map((c) => {
    if (c.field === 'content') return hasCount ? label : `${label}: ${table.total.value}`;
    if (c.field === 'count') return String(table.total.value);
    return '';
  });
}

const SPECS: Record<TableField, Omit<ColumnSpec, 'header'>> = {
  no: { max: 6 },
  content: { flex: true },
  count: { max: 7, align: 'right' },
  lead: { max: 22 },
  support: { max: 24 },
  start: { max: 13 },
  due: { max: 13 },
  when: { max: 20 },
  leader: { max: 16 },
  product: { flex: true },
  mode: { max: 22 },
  state: { max: 16 },
};

function headingLines(table: AppendixTable, ctx: RenderContext): string[] {
  const h = tableHeading(table, ctx);
  return [h.label, h.title, h.note, h.generic].filter((s): s is string => s !== null && s !== '');
}

const drawAppendixAsTable: TextFormatter<AppendixReport> = (r, ctx) => {
  const c = paint(ctx);
  const bold = (text: string) => wrapProse(text, ctx.width).split('\n').map((l) => c.bold(l)).join('\n');
  const parts = [bold(`${r.decision.number}: ${r.decision.title}`) + '\n'];
  if (r.withStatus && r.asOf) parts.push(wrapProse(asOfLine(r.asOf, ctx), ctx.width) + '\n');
  if (r.tables.length === 0) parts.push(wrapProse(noTables(r, ctx), ctx.width) + '\n');
  for (const table of r.tables) {
    const headers = columnHeaders(table, ctx);
    const rows = flatRows(table, ctx);
    const cells = rows.map((row) => row.cells);
    const cols = sizeColumns(
      table.columns.map((col, i) => ({ header: headers[i]!, ...SPECS[col.field] })),
      cells,
      ctx.width,
    );
    const stateAt = table.columns.findIndex((col) => col.field === 'state');
    const body = textTable(
      cols,
      cells,
      ctx,
      (ri, ci, s) => {
        const row = rows[ri]!;
        if (row.kind === 'group' || row.kind === 'total') return c.bold(s);
        return ci === stateAt && row.state ? stateColor(ctx, row.state.state)(s) : s;
      },
    );
    parts.push('\n' + headingLines(table, ctx).map(bold).join('\n') + '\n' + body + c.dim(wrapProse(countLine(table, ctx), ctx.width)) + '\n');
  }
  return parts.join('');
};

/** A table cell in Markdown: escaped (no HTML, no emphasis, no pipes), line breaks kept as <br>. */
/** A Markdown table cell (the one escaper of every md output). */
export const mdCellText = mdCell;

function mdStrong(s: string): string {
  return s === '' ? '' : `**${mdCellText(s)}**`;
}

export const appendixAsMarkdown: TextFormatter<AppendixReport> = (r, ctx) => `## ${mdText(r.decision.number)}: ${mdText(r.decision.title)}\n` + appendixTablesMarkdown(r, ctx, 3);

/** The as-of line and the tables of a report, each headed at `level` (plan report nests them deeper). */
export function appendixTablesMarkdown(r: AppendixReport, ctx: RenderContext, level: number): string {
  const parts: string[] = [];
  if (r.withStatus && r.asOf) parts.push(`\n_${mdText(asOfLine(r.asOf, ctx))}_\n`);
  if (r.tables.length === 0) parts.push('\n' + mdBlock(noTables(r, ctx)) + '\n');
  for (const table of r.tables) {
    const h = tableHeading(table, ctx);
    const heading = [h.label, h.title].filter((s): s is string => s !== null && s !== '');
    const lines = [`${'#'.repeat(level)} ${heading.map(mdText).join(': ')}`, ''];
    if (h.note) lines.push(`_${mdBlock(h.note)}_`, '');
    if (h.generic) lines.push(`> ${mdBlock(h.generic)}`, '');
    const headers = columnHeaders(table, ctx);
    lines.push(`| ${headers.map(mdCellText).join(' | ')} |`);
    lines.push(`|${table.columns.map((c) => (c.field === 'count' ? ' ---: ' : c.field === 'no' ? ' :---: ' : ' --- ')).join('|')}|`);
    for (const row of flatRows(table, ctx)) {
      const strong = row.kind === 'group' || row.kind === 'total';
      lines.push(`| ${row.cells.map((s) => (strong ? mdStrong(s) : mdCellText(s))).join(' | ')} |`);
    }
    lines.push('', `_${mdText(countLine(table, ctx))}_`);
    parts.push('\n' + lines.join('\n') + '\n');
  }
  return parts.join('');
}

/** One CSV row per table row; with several tables, their columns united by field. */
export const appendixAsCsv: TextFormatter<AppendixReport> = (r, ctx) => {
  const fields: TableField[] = [];
  const headersByField = new Map<TableField, string[]>();
  for (const table of r.tables) {
    const headers = columnHeaders(table, ctx);
    table.columns.forEach((c, i) => {
      if (!fields.includes(c.field)) fields.push(c.field);
      const known = headersByField.get(c.field) ?? [];
      if (!known.includes(headers[i]!)) known.push(headers[i]!);
      headersByField.set(c.field, known);
    });
  }
  const en = ctx.lang === 'en';
  const head = [en ? 'decision' : 'quyet_dinh', en ? 'appendix' : 'phu_luc', en ? 'row' : 'loai_dong', 'id', ...fields.map((f) => headersByField.get(f)!.join(' / '))];
  const rows: string[][] = [];
  for (const table of r.tables) {
    for (const row of flatRows(table, ctx)) {
      const byField = new Map(table.columns.map((c, i) => [c.field, row.cells[i] ?? '']));
      // Scripts filter on the state key, not on its label.
      if (row.state) byField.set('state', row.state.state);
      rows.push([r.decision.number, table.id, row.kind, row.id, ...fields.map((f) => byField.get(f) ?? '')]);
    }
  }
  return toCsv(head, rows);
};

export const appendixAsJson: TextFormatter<AppendixReport> = (r, ctx) =>
  asJson({
    decision: r.decision,
    asOf: r.asOf,
    lang: ctx.lang,
    tables: r.tables.map((t) => {
      const headers = columnHeaders(t, ctx);
      const heading = tableHeading(t, ctx);
      return {
        id: t.id,
        source: t.source,
        label: heading.label,
        title: heading.title,
        note: heading.note ?? heading.generic,
        columns: t.columns.map((c, i) => ({ field: c.field, header: headers[i] })),
        groups: t.groups.map((g) => ({
          no: g.row.no,
          title: g.row.cells.content ?? '',
          lead: g.row.cells.lead || null,
          count: g.row.count,
          declaredCount: g.row.declaredCount,
          rows: g.rows.map((row) => ({
            kind: row.kind,
            id: row.id,
            no: row.no,
            cells: Object.fromEntries(t.columns.filter((c) => c.field !== 'state' && c.field !== 'count').map((c) => [c.field, row.cells[c.field] ?? ''])),
            mergedPeriod: row.mergedPeriod,
            ...(r.withStatus ? { state: row.state } : {}),
          })),
        })),
        total: { label: t.total.shown ? totalLabel(t, ctx) : null, value: t.total.value, declared: t.total.declared },
      };
    }),
  });

export function noTables(r: AppendixReport, ctx: RenderContext): string {
  return ctx.lang === 'en'
    ? `${r.decision.number} has no appendix table and no body sections with tasks.`
    : `${r.decision.number} không có phụ lục và không có nhiệm vụ tại các mục.`;
}

/** The terminal view; text from the files shown inert. */
export const appendixAsTable = inertFormatter(drawAppendixAsTable);
