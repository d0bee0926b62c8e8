// Rows of an export that are not data: blank rows, and what follows the table ("Tổng cộng", "Người
// lập biểu", a signature block with its date line). Declarative marks and pure tests, so the SQL
// path can skip the same rows.

import { bareLabel } from './values.js';

/** How far down the header is looked for when title rows stand above it. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Texts (folded, without diacritics) that start a row below the table. A row is taken for one only
 * when its key cell is empty: a person's row always counts as data.
 */
export const FOOTER_MARKS = [
  'tong cong',
  'tong so',
  'cong',
  'nguoi lap bieu',
  'nguoi lap',
  'thu truong don vi',
  'thu truong co quan',
  'ke toan truong',
  'xac nhan cua',
  'ky, ghi ro ho ten',
  'ky ghi ro ho ten',
  '(ky, ghi ro ho ten)',
  '(ky ten, dong dau)',
  'ghi chu',
] as const;

/** "Hà Nội, ngày 15 tháng 3 năm 2026" and "ngày … tháng … năm …" under a table. */
const DATE_LINE = /^(?:[\p{L} .-]+,\s*)?ngay\s*[\d.…]*\s*thang\s*[\d.…]*\s*nam\s*[\d.…]*$/u;

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/** Whether a cell's text marks the end of the table. */
export function isFooterText(cell: string): boolean {
  const b = bareLabel(cell);
  if (b === '') return false;
  return FOOTER_MARKS.some((m) => b === m || b.startsWith(`${m} `) || b.startsWith(`${m}:`)) || DATE_LINE.test(b);
}

/** Whether any cell of a row marks the end of the table. */
export function hasFooterText(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && isFooterText(c)) return true;
  return false;
}
