// CSV output: RFC 4180 quoting, UTF-8 with BOM, and cells that spreadsheets would run as formulas neutralised.

import { inertText } from '../model/inert-text.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised (a leading apostrophe) if a spreadsheet would read it as a formula, then quoted. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Control characters shown inert, as in every output (a spreadsheet would show ESC as a box, a terminal obeys it).
  let s = inertText(String(value));
  // Numbers are data; text starting with = + - @ would be run by Excel/LibreOffice (OWASP CSV injection).
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export const BOM = '\uFEFF';

export function toCsv(headers: string[], rows: (string | number | boolean | null | undefined)[][], opts: { bom?: boolean } = {}): string {
  const lines = [headers.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return (opts.bom === false ? '' : BOM) + lines.join('\r\n') + '\r\n';
}
