// An .xlsx workbook's sheet → rows of cell texts with the row numbers the sheet shows, by exceljs's
// streaming reader (loaded only when a workbook is read). Typed cells become canonical text: a date
// cell its ISO day, a number its digits, a boolean true/false; text cells stay as written.

import type { ZipEntry } from './zip-directory.js';
import { readZipEntry } from './zip-directory.js';

export interface SheetInfo {
  name: string;
  /** exceljs numbers the sheets by their part, xl/worksheets/sheetN.xml. */
  part: string;
  hidden: boolean;
}

const decodeXml = (s: string) =>
  s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!]!,
  );

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
};

/** The sheets of a workbook in the order its tabs show, from xl/workbook.xml and its relationships. Pure. */
export function parseSheets(workbookXml: string, relsXml: string): SheetInfo[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out: SheetInfo[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1]!, 'name');
    const rid = attr(m[1]!, 'r:id') ?? attr(m[1]!, '[\\w]+:id');
    if (name === undefined || rid === undefined) continue;
    out.push({ name: name.normalize('NFC'), part: targets.get(rid) ?? '', hidden: /hidden/.test(attr(m[1]!, 'state') ?? '') });
  }
  return out;
}

export function workbookSheets(path: string, entries: ZipEntry[]): SheetInfo[] | undefined {
  const wb = entries.find((e) => e.name === 'xl/workbook.xml');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return undefined;
  const a = readZipEntry(path, wb);
  const b = readZipEntry(path, rels);
  if (!a || !b) return undefined;
  return parseSheets(a.toString('utf8'), b.toString('utf8'));
}

/** Column letters of a 1-based column: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A cell reference as a spreadsheet writes it: Sheet1!C7, 'Danh sách'!C7. */
export function cellRef(sheet: string, row: number, column: number): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) && !/^\d/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnLetters(column)}${row}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** One exceljs cell value as text: dates as ISO days (exceljs makes them at UTC midnight), numbers as digits. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['richText'])) return (o['richText'] as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return cellText(o['result']);
    if ('formula' in o || 'sharedFormula' in o) return '';
    if ('error' in o) return String(o['error']);
    if ('text' in o) return cellText(o['text']);
  }
  return String(v);
}

export interface WorkbookRowSink {
  /** A row of the sheet; `row` is its number as the sheet shows it. Return false to stop. */
  row(cells: string[], row: number): boolean | void;
}

/** Reads the rows of one sheet (by its part's number); resolves with the number of rows seen. */
export async function readWorkbookRows(path: string, sheetNumber: number, sink: WorkbookRowSink): Promise<number> {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let rows = 0;
  let stopped = false;
  for await (const ws of reader) {
    const id = Number((ws as unknown as { id: number | string }).id);
    // Another sheet's rows are read through (the zip is one stream), not looked at.
    for await (const row of ws) {
      if (id !== sheetNumber) continue;
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      rows++;
      if (sink.row(cells, row.number) === false) {
        stopped = true;
        break;
      }
    }
    if (id === sheetNumber || stopped) break;
  }
  return rows;
}
