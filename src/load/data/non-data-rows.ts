// Rows of an export that are not data: blank rows, and what follows the table ("Tổng cộng", "Người
// lập biểu", a signature block with its date line). Declarative marks and pure tests, so the SQL
// path can skip the same rows.

import { bareLabel, foldLabel } from './values.js';

/** How far down the header is looked for when title rows stand above it. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Texts (folded: lower case, NFC) that start a row below the table. A row is taken for one only when
 * its key cell is empty or is such a text: a person's row always counts as data. A one-word mark
 * ("Cộng") must be the whole cell: "Cộng tác viên" is data.
 */
export const FOOTER_MARKS = [
  'tổng cộng',
  'tổng số',
  'cộng',
  'người lập biểu',
  'người lập',
  'thủ trưởng đơn vị',
  'thủ trưởng cơ quan',
  'kế toán trưởng',
  'xác nhận của',
  'ký, ghi rõ họ tên',
  'ký ghi rõ họ tên',
  '(ký, ghi rõ họ tên)',
  '(ký tên, đóng dấu)',
  '(ký, ghi rõ họ tên, đóng dấu)',
  'ghi chú',
] as const;

/** "Hà Nội, ngày 15 tháng 3 năm 2026" and "ngày … tháng … năm …" under a table (matched without diacritics). */
const DATE_LINE = /^(?:[\p{L} .-]+,\s*)?ngay\s*[\d.…]*\s*thang\s*[\d.…]*\s*nam\s*[\d.…]*$/u;

const BARE_MARKS = FOOTER_MARKS.filter((m) => m.includes(' ')).map((m) => bareLabel(m));

function startsWithMark(text: string, mark: string): boolean {
  if (text === mark) return true;
  if (!mark.includes(' ')) return false;
  return text.startsWith(`${mark} `) || text.startsWith(`${mark}:`) || text.startsWith(`${mark},`);
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/** One-word marks written in plain ASCII: the only marks a cell like "NV000123" could be. */
const ASCII_MARKS = new Set<string>(FOOTER_MARKS.filter((m) => /^[a-z0-9_-]+$/.test(m)));

/** Letters, digits, "-" and "_" of ASCII only, at least one: tested by character codes (a regular expression and a lower-cased copy per row cost more). */
function plainId(cell: string): boolean {
  if (cell.length === 0) return false;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95)) return false;
  }
  return true;
}

/** Whether a cell's text marks the end of the table. */
export function isFooterText(cell: string): boolean {
  // Every data row's key cell comes here: an id of plain letters, digits, "-" or "_" is no mark
  // (none is one word of ASCII, and a date line needs "ngay"), without folding it.
  if (plainId(cell) && (ASCII_MARKS.size === 0 || !ASCII_MARKS.has(cell.toLowerCase())) && !/ngay/i.test(cell)) return false;
  const f = foldLabel(cell);
  if (f === '') return false;
  if (FOOTER_MARKS.some((m) => startsWithMark(f, m))) return true;
  // An export that dropped the diacritics.
  const b = bareLabel(cell);
  return BARE_MARKS.some((m) => startsWithMark(b, m)) || DATE_LINE.test(b);
}

/** Whether any cell of a row marks the end of the table. */
export function hasFooterText(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && isFooterText(c)) return true;
  return false;
}
