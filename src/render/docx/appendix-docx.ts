// `plan render --format docx`: each appendix (or the body-section table) on a landscape A4 section
// with the document's heading block, as a real Word table — header row repeated on every page, rows
// kept whole, group and total rows bold, merged cells where the document merges them.

import { AlignmentType, Document, Packer, Paragraph, Table, TableLayoutType, TableRow, WidthType, type FileChild, type TableCell } from 'docx';
import type { AppendixReport, AppendixTable, ItemRow, TableField } from '../../report/appendix-tables.js';
import { columnHeaders, rowStateLabel, tableHeading } from '../appendix-labels.js';
import { noTables, totalCells } from '../appendix.js';
import type { RenderContext } from '../context.js';
import { asOfSentence } from '../office-dates.js';
import { xmlSafe } from '../office-text.js';
import { STYLES, cell, columnWidths, pageProperties, paragraphs, textWidth } from './layout.js';

/** Relative column widths; the content column takes what is left. */
const WEIGHTS: Record<TableField, number> = {
  no: 5,
  content: 34,
  count: 7,
  lead: 14,
  support: 16,
  start: 9,
  due: 9,
  when: 14,
  leader: 11,
  product: 14,
  mode: 22,
  state: 11,
};

const CENTERED = new Set<TableField>(['no', 'count', 'start', 'due', 'when']);

/** Columns of running text, which widen with their cells' average length (185's "Sản phẩm" is as long as its tasks). */
const PROSE = new Set<TableField>(['content', 'product', 'support', 'lead', 'mode', 'when', 'leader']);

function columnWeights(table: AppendixTable): number[] {
  const rows = table.groups.flatMap((g) => g.rows);
  return table.columns.map((c) => {
    if (!PROSE.has(c.field) || rows.length === 0) return WEIGHTS[c.field];
    const avg = rows.reduce((n, r) => n + (r.cells[c.field] ?? '').length, 0) / rows.length;
    return Math.max(WEIGHTS[c.field], Math.min(avg, 240) / 4);
  });
}

/**
 * A row headed by one cell (group, total): the head spans the empty cells after it, and each later
 * run of empty cells is one cell, as the document draws its merged rows.
 */
function mergedRow(table: AppendixTable, widths: number[], cells: string[], headAt: number, keepNext = false): TableCell[] {
  const out: TableCell[] = [];
  let i = 0;
  while (i < cells.length) {
    const field = table.columns[i]!.field;
    if (i === headAt || (cells[i] === '' && i > headAt)) {
      let span = 1;
      while (i + span < cells.length && cells[i + span] === '') span++;
      out.push(cell(cells[i]!, { bold: true, span, keepNext, width: widths.slice(i, i + span).reduce((a, b) => a + b, 0) }));
      i += span;
    } else {
      out.push(cell(cells[i]!, { bold: true, keepNext, width: widths[i]!, ...(CENTERED.has(field) ? { align: AlignmentType.CENTER } : {}) }));
      i++;
    }
  }
  return out;
}

function itemCells(table: AppendixTable, widths: number[], row: ItemRow, ctx: RenderContext): TableCell[] {
  const cols = table.columns;
  const out: TableCell[] = [];
  for (let i = 0; i < cols.length; i++) {
    const field = cols[i]!.field;
    const align = CENTERED.has(field) ? { align: AlignmentType.CENTER } : {};
    if (field === 'state') {
      out.push(cell(row.state ? rowStateLabel(row.state, ctx) : '', { width: widths[i]! }));
      continue;
    }
    // The document's merged "Sau khi …" cell covers both period columns.
    if (field === 'start' && row.mergedPeriod && cols[i + 1]?.field === 'due') {
      out.push(cell(row.cells.start ?? '', { span: 2, width: widths[i]! + widths[i + 1]!, ...align }));
      i++;
      continue;
    }
    out.push(cell(row.cells[field] ?? '', { width: widths[i]!, ...align }));
  }
  return out;
}

/** The heading block and the table of one appendix, for a landscape section. */
export function appendixTableDocx(table: AppendixTable, ctx: RenderContext): FileChild[] {
  const heading = tableHeading(table, ctx);
  const headers = columnHeaders(table, ctx);
  const widths = columnWidths(columnWeights(table), textWidth(true));
  const contentAt = Math.max(0, table.columns.findIndex((c) => c.field === 'content'));
  const groupCells = (cells: Partial<Record<TableField, string>>) => table.columns.map((c) => cells[c.field] ?? '');

  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: headers.map((text, i) => cell(text, { bold: true, align: AlignmentType.CENTER, width: widths[i]! })),
    }),
  ];
  for (const g of table.groups) {
    // A group row stays on the page of its first task (keep with next).
    rows.push(new TableRow({ cantSplit: true, children: mergedRow(table, widths, groupCells(g.row.cells), contentAt, g.rows.length > 0) }));
    for (const r of g.rows) rows.push(new TableRow({ cantSplit: true, children: itemCells(table, widths, r, ctx) }));
  }
  if (table.total.shown) {
    // "TỔNG SỐ" spans the number and content columns, as in the document.
    const cells = totalCells(table, ctx);
    const row = cells.map((c, i) => (i <= contentAt ? '' : c));
    row[0] = cells[contentAt]!;
    rows.push(new TableRow({ cantSplit: true, children: mergedRow(table, widths, row, 0) }));
  }

  const head: Paragraph[] = [
    ...(heading.label ? paragraphs(heading.label, { bold: true, align: AlignmentType.CENTER, keepNext: true }) : []),
    ...(heading.title ? paragraphs(heading.title, { bold: true, align: AlignmentType.CENTER, keepNext: true }) : []),
    ...(heading.note ? paragraphs(heading.note, { italics: true, align: AlignmentType.CENTER, keepNext: true }) : []),
    ...(heading.generic ? paragraphs(heading.generic, { italics: true, align: AlignmentType.CENTER, keepNext: true }) : []),
    new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [] }),
  ];
  return [
    ...head,
    new Table({
      rows,
      layout: TableLayoutType.FIXED,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
    }),
  ];
}

/** The lines over the tables: the decision, and the as-of day when a state column is shown. */
function preamble(r: AppendixReport, ctx: RenderContext, withDecision: boolean): Paragraph[] {
  return [
    ...(withDecision ? paragraphs(`${ctx.lang === 'en' ? 'Decision' : 'Quyết định số'} ${r.decision.number}: ${r.decision.title}`, { bold: true, align: AlignmentType.CENTER, keepNext: true }) : []),
    ...(r.withStatus && r.asOf ? paragraphs(asOfSentence(r.asOf, ctx.lang), { italics: true, align: AlignmentType.CENTER, keepNext: true, spacingAfter: 120 }) : []),
  ];
}

/** The sections of a render: one landscape section per table; `named` when a heading over them names the decision already. */
export function appendixSections(r: AppendixReport, ctx: RenderContext, opts: { named?: boolean } = {}): { landscape: boolean; children: FileChild[] }[] {
  if (r.tables.length === 0) return [{ landscape: !!opts.named, children: [...preamble(r, ctx, !opts.named), ...paragraphs(noTables(r, ctx))] }];
  return r.tables.map((t, i) => ({
    landscape: true,
    // Body sections do not name the decision in their heading; an appendix's note does.
    children: [...(i === 0 ? preamble(r, ctx, t.source === 'sections' && !opts.named) : []), ...appendixTableDocx(t, ctx)],
  }));
}

export function officeDocument(title: string, sections: { landscape: boolean; children: FileChild[] }[]): Document {
  return new Document({
    creator: 'plan',
    title: xmlSafe(title),
    styles: STYLES,
    sections: sections.map((s) => ({ properties: pageProperties(s.landscape), children: s.children })),
  });
}

export async function appendixAsDocx(r: AppendixReport, ctx: RenderContext): Promise<Uint8Array> {
  const doc = officeDocument(`${r.decision.number}: ${r.decision.title}`, appendixSections(r, ctx));
  return new Uint8Array(await Packer.toBuffer(doc));
}
