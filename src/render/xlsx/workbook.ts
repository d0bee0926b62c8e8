// Writes a WorkbookSpec as .xlsx with exceljs: typed cells, a bold frozen header row with an
// autofilter, column widths fitted to the content, long text wrapped. Loaded only for --format xlsx.

import ExcelJS from 'exceljs';
import { isoDayToDate } from '../office-dates.js';
import { sheetText } from '../office-text.js';
import { displayWidth } from '../width.js';
import { uniqueSheetNames, type CellKind, type CellValue, type SheetSpec, type WorkbookSpec } from './sheet-spec.js';

/** Widest a column grows before its text wraps, in characters. */
const MAX_WIDTH = 60;
const NUM_FMT: Partial<Record<CellKind, string>> = { date: 'dd/mm/yyyy', percent: '0.0%', int: '#,##0', year: '0' };

function textWidth(v: CellValue, kind: CellKind): number {
  if (v === null) return 0;
  if (kind === 'date') return 10;
  if (kind === 'percent') return 7;
  // As the format shows it: a separator every three digits for #,##0.
  if (typeof v === 'number') return kind === 'int' ? Math.trunc(Math.abs(v)).toLocaleString('en').length + (v < 0 ? 1 : 0) : String(v).length;
  return Math.max(...v.split(/\r?\n/).map((l) => displayWidth(l)));
}

function cellValue(v: CellValue, kind: CellKind): ExcelJS.CellValue {
  if (v === null) return null;
  if (kind === 'date' && typeof v === 'string') return isoDayToDate(v) ?? v;
  // Strings are written as string cells: exceljs makes a formula only from { formula }, so "=HYPERLINK(…)" stays text.
  return typeof v === 'string' ? sheetText(v) : v;
}

function addSheet(wb: ExcelJS.Workbook, name: string, s: SheetSpec): void {
  const heading = s.heading ?? [];
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: heading.length + 1, xSplit: 0 }],
    // Printed on A4 landscape, as wide as the page, the header row on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${heading.length + 1}:${heading.length + 1}` },
  });
  const n = s.columns.length;
  heading.forEach((line, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = sheetText(line);
    row.getCell(1).font = { bold: i < 2 };
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
    if (n > 1) ws.mergeCells(i + 1, 1, i + 1, n);
  });
  const headerAt = heading.length + 1;
  const header = ws.getRow(headerAt);
  s.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = sheetText(c.header);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  // Fitted to the content: the widest header word, and nine cells in ten (a few long "Sau khi …"
  // phrases wrap rather than widen the column for all), at most MAX_WIDTH.
  const colWidths = s.columns.map((c, ci) => {
    const ws = s.rows.map((r) => textWidth(r.cells[ci] ?? null, c.kind)).sort((a, b) => a - b);
    // A number cut would show as ###: number columns fit their widest cell; only text wraps.
    const p90 = ws.length === 0 ? 0 : c.kind === 'text' ? ws[Math.min(ws.length - 1, Math.floor(ws.length * 0.9))]! : ws[ws.length - 1]!;
    const w = Math.min(MAX_WIDTH, Math.max(6, p90, ...c.header.split(' ').map((x) => displayWidth(x))));
    // At least 10: exceljs leaves out a column of the default width (9), which Excel would draw narrower.
    return Math.max(10, w + 2);
  });
  s.rows.forEach((r, ri) => {
    const row = ws.getRow(headerAt + 1 + ri);
    s.columns.forEach((c, ci) => {
      const v = r.cells[ci] ?? null;
      const cell = row.getCell(ci + 1);
      cell.value = cellValue(v, c.kind);
      const fmt = NUM_FMT[c.kind];
      if (fmt && v !== null) cell.numFmt = c.kind === 'percent' && typeof v === 'number' && Math.round(v * 1000) !== v * 1000 ? '0.0#%' : fmt;
      if (r.bold) cell.font = { bold: true };
      const wraps = c.kind === 'text' && typeof v === 'string' && (textWidth(v, c.kind) > colWidths[ci]! - 2 || v.includes('\n'));
      cell.alignment = wraps ? { vertical: 'top', wrapText: true } : { vertical: 'top' };
    });
  });
  ws.columns.forEach((col, i) => {
    col.width = colWidths[i]!;
  });
  // Wrapped text needs a taller row; neither Excel nor LibreOffice grows a row on opening the file.
  const lines = (v: CellValue, width: number) => (typeof v === 'string' ? v.split(/\r?\n/).reduce((n, l) => n + Math.max(1, Math.ceil(displayWidth(l) / Math.max(1, (width - 2) * 1.1))), 0) : 1);
  s.rows.forEach((r, ri) => {
    const n = Math.max(1, ...r.cells.map((v, ci) => (s.columns[ci]?.kind === 'text' ? lines(v, colWidths[ci]!) : 1)));
    if (n > 1) ws.getRow(headerAt + 1 + ri).height = 15 * n;
  });
  const headerLines = Math.max(1, ...s.columns.map((c, ci) => lines(c.header, colWidths[ci]!)));
  if (headerLines > 1) header.height = 15 * headerLines;
  heading.forEach((line, i) => {
    const n = lines(line, colWidths.reduce((a, b) => a + b, 0));
    if (n > 1) ws.getRow(i + 1).height = 15 * n;
  });
  ws.autoFilter = { from: { row: headerAt, column: 1 }, to: { row: headerAt + s.rows.length, column: Math.max(1, n) } };
}

export async function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan';
  wb.title = sheetText(spec.title);
  // A fixed stamp: the same report makes the same workbook.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const names = uniqueSheetNames(spec.sheets.map((s) => sheetText(s.name)));
  spec.sheets.forEach((s, i) => addSheet(wb, names[i]!, s));
  if (spec.sheets.length === 0) wb.addWorksheet('Sheet');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
