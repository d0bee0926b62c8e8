// A table as a grid of columns (cells merged across and down placed where they stand), and its
// header read into column fields.

import { joinLines } from './cell-text.js';
import { headerField, isAppendixHeader, type HeaderField } from './columns.js';
import type { DocTable } from './doc-model.js';

/** A row number as the documents write them: "1", "1.2", "IV", "V.1", with or without a final stop. */
export const ROW_NUMBER = /^(?:\d+(?:\.\d+)*|[IVXLC]+(?:\.\d+)*)\.?$/;

/** One cell of the grid: its text, and how it came there. */
export interface GridCell {
  text: string;
  /** own: the cell starts here; span: covered by a cell to the left; merged: continued from above. */
  how: 'own' | 'span' | 'merged';
  /** The grid column the cell starts at. */
  first: number;
  /** Grid columns the cell covers. */
  span: number;
}

/** The table as a grid of columns: merged-across cells cover their columns, merged-down cells repeat the text above. */
export function tableGrid(table: DocTable): GridCell[][] {
  const grid: GridCell[][] = [];
  for (const row of table.rows) {
    const out: GridCell[] = [];
    let col = row.before;
    for (let k = 0; k < row.before; k++) out[k] = { text: '', how: 'own', first: k, span: 1 };
    for (const cell of row.cells) {
      const above = grid[grid.length - 1]?.[col];
      const text = cell.vmerge === 'continue' ? (above?.text ?? '') : joinLines(cell.paragraphs);
      for (let k = 0; k < cell.span; k++) out[col + k] = { text: k === 0 ? text : '', how: cell.vmerge === 'continue' ? 'merged' : k === 0 ? 'own' : 'span', first: col, span: cell.span };
      col += cell.span;
    }
    grid.push(out);
  }
  return grid;
}

export function isNumberRow(cells: GridCell[]): boolean {
  const texts = cells.filter((c) => c.how === 'own' && c.text !== '').map((c) => c.text);
  return texts.length >= 3 && texts.every((t) => /^\(?\d+\)?$/.test(t));
}

export interface Columns {
  /** Field of each grid column (null: not read). */
  fields: HeaderField[];
  headers: string[];
  headerRows: number;
}

export function readColumns(grid: GridCell[][]): Columns | null {
  let headerRows = 0;
  while (headerRows < Math.min(3, grid.length)) {
    const first = grid[headerRows]!.find((c) => c.how === 'own' && c.text !== '');
    if (headerRows > 0 && (!first || ROW_NUMBER.test(first.text) || isNumberRow(grid[headerRows]!))) break;
    headerRows++;
    if (headerRows === 1 && !grid[0]!.some((c) => c.how === 'own' && c.span > 1) && !(grid[1] ?? []).some((c) => c.how === 'merged')) break;
  }
  if (headerRows === 0) return null;
  const width = Math.max(...grid.slice(0, headerRows).map((r) => r.length));
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = 0; r < headerRows; r++) {
      const cell = grid[r]![c];
      if (!cell || cell.how === 'merged') continue;
      const own = cell.how === 'span' ? grid[r]![cell.first]! : cell;
      if (own.text && parts[parts.length - 1] !== own.text) parts.push(own.text);
    }
    headers.push(parts.join(' '));
  }
  const fields = headers.map(headerField);
  if (!isAppendixHeader(fields)) return null;
  return { fields, headers, headerRows };
}
