// A dataset's columns against a CSV header (canonical names and aliases), and each cell read by
// its column's type into a value or a finding (code, message, hint).

import type { Dataset, DatasetColumn, DateForm, NumberFormat } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { dayNumberOf, isCalendarDay } from '../../period/calendar.js';
import { closest } from '../did-you-mean.js';
import { foldHeader } from '../fold.js';
import { echo } from '../echo.js';
import { bareLabel as bare, excelSerialToDay, foldLabel, isoOfDay, lookUpValue, parseDayText, parseWholeNumber, valueLookup, type ValueLookup } from './values.js';

/** How one column's cells are read: its value aliases, the dataset's date forms and number format, and whether the file is a workbook (serial days). */
export interface CellRules {
  lookup: ValueLookup;
  forms?: readonly DateForm[];
  numberFormat?: NumberFormat;
  serialDays?: boolean;
}

export function cellRules(ds: Dataset, col: DatasetColumn, serialDays = false): CellRules {
  const r: CellRules = { lookup: valueLookup(col), serialDays };
  if (ds.date_forms) r.forms = ds.date_forms;
  if (ds.number_format) r.numberFormat = ds.number_format;
  return r;
}

export interface HeaderMap {
  /** For each dataset column present: its index in the CSV row. */
  index: Map<string, number>;
  /** The header cell as written for each mapped column. */
  written: Map<string, string>;
  findings: Diagnostic[];
  /** Headers that name no column (ignored). */
  unused: string[];
}

/** Maps the header cells to the dataset's columns: exact (case, spaces and underscores folded) first, then ignoring diacritics. */
export function mapHeader(ds: Dataset, cells: string[], file: string, row = 1, cellRef?: (column: number) => string): HeaderMap {
  const exact = new Map<string, DatasetColumn>();
  const loose = new Map<string, DatasetColumn>();
  for (const c of ds.columns) {
    for (const h of [c.name, ...(c.aliases ?? [])]) {
      exact.set(foldHeader(h), c);
      if (!exact.has(foldLabel(h))) exact.set(foldLabel(h), c);
      if (!loose.has(bare(h))) loose.set(bare(h), c);
    }
  }
  const index = new Map<string, number>();
  const written = new Map<string, string>();
  const findings: Diagnostic[] = [];
  const unused: string[] = [];
  cells.forEach((raw, i) => {
    const cell = raw.normalize('NFC').trim();
    const col = exact.get(foldHeader(cell)) ?? exact.get(foldLabel(cell)) ?? loose.get(bare(cell));
    if (!col) {
      if (cell !== '') unused.push(cell);
      return;
    }
    const first = index.get(col.name);
    if (first !== undefined) {
      findings.push({
        code: 'DATA_HEADER_DUPLICATE',
        severity: 'error',
        message: `columns ${first + 1} ("${echo(written.get(col.name) ?? '')}") and ${i + 1} ("${echo(cell)}") both mean "${col.name}"`,
        file,
        line: row,
        column: i + 1,
        row,
        ...(cellRef ? { cell: cellRef(i) } : {}),
        field: col.name,
        header: cell,
        hint: 'remove or rename one of them (plans/datasets.yaml lists the headers each column takes)',
      });
      return;
    }
    index.set(col.name, i);
    written.set(col.name, cell);
  });
  for (const c of ds.columns) {
    const required = c.required || roleColumns(ds).has(c.name);
    if (!required || index.has(c.name)) continue;
    const guess = closest(c.name, unused) ?? (c.aliases ?? []).map((a) => closest(a, unused)).find((g) => g !== undefined);
    findings.push({
      code: 'DATA_COLUMN_MISSING',
      severity: 'error',
      message: `the required column "${c.name}" is missing${c.aliases?.length ? ` (also accepted: ${c.aliases.map((a) => `"${a}"`).join(', ')})` : ''}`,
      file,
      line: row,
      column: 0,
      row,
      field: c.name,
      hint: guess ? `is "${guess}" that column? add it to the column's aliases in plans/datasets.yaml` : `the header has: ${cells.slice(0, 30).map((h) => echo(h.trim(), 40)).join(', ')}${cells.length > 30 ? `, … (${cells.length} columns)` : ''}`,
    });
  }
  findings.push(...misspeltOptional(ds, cells, index, unused, file));
  return { index, written, findings, unused };
}

/**
 * A header that names no column is usually a column the plans do not measure (names, e-mail) and is
 * ignored. But one a typo away from an optional column that is absent ("english_levle") means that
 * column is read as empty everywhere: a silently wrong number. That is a warning, DATA_UNUSED_COLUMN.
 */
function misspeltOptional(ds: Dataset, cells: string[], index: Map<string, number>, unused: string[], file: string): Diagnostic[] {
  // A header longer than any column name is not a typo of one; skip it (and its cost).
  const near = unused.filter((h) => h.length <= 64);
  if (near.length === 0) return [];
  const out: Diagnostic[] = [];
  for (const c of ds.columns) {
    if (index.has(c.name)) continue;
    const header = [c.name, ...(c.aliases ?? [])].map((n) => closest(n, near)).find((g) => g !== undefined);
    if (header === undefined) continue;
    const at = cells.findIndex((cell) => cell.normalize('NFC').trim() === header);
    out.push({
      code: 'DATA_UNUSED_COLUMN',
      severity: 'warning',
      message: `column ${at + 1} "${header}" names no column of dataset ${ds.id}, and its column "${c.name}" is absent, so every row reads "${c.name}" as empty`,
      file,
      line: 1,
      column: at + 1,
      row: 1,
      field: c.name,
      header,
      hint: `if "${header}" is "${c.name}", rename the header or add it to the column's aliases in plans/datasets.yaml`,
    });
  }
  return out;
}

/** Columns a dataset's roles name (keys, person, date, year …): required whatever the definition says. */
export function roleColumns(ds: Dataset): Set<string> {
  const out = new Set<string>();
  for (const role of ['key', 'person', 'date', 'year'] as const) {
    const c = ds[role];
    if (c !== undefined) out.add(c);
  }
  return out;
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; code: Diagnostic['code']; message: string; hint?: string };

const fail = (code: Diagnostic['code'], message: string, hint?: string): CellResult<never> => (hint ? { ok: false, code, message, hint } : { ok: false, code, message });

/** The day number of an ISO day, or undefined. Checked by character codes: this runs for millions of cells. */
export function isoDayNumber(s: string): number | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return isCalendarDay(y, m, d) ? dayNumberOf(y, m, d) : undefined;
}

/** An ISO day, or undefined. */
export function readIsoDay(s: string): string | undefined {
  return isoDayNumber(s) === undefined ? undefined : s;
}

const TRUE = new Set(['true', '1', 'yes', 'y', 'x', 'có', 'co', 'đúng', '✓', '✔']);
const FALSE = new Set(['false', '0', 'no', 'n', 'không', 'khong', 'sai']);

export function readBoolean(s: string, rules?: CellRules): CellResult<boolean> {
  const v = s.trim().toLowerCase();
  if (TRUE.has(v)) return { ok: true, value: true };
  if (FALSE.has(v)) return { ok: true, value: false };
  const alias = rules ? lookUpValue(rules.lookup, s) : undefined;
  if (alias === 'true' || alias === 'false') return { ok: true, value: alias === 'true' };
  return fail('ROW_VALUE_UNKNOWN', `"${echo(s)}" is not true or false`, 'write true or false (1/0, có/không, x or ✓ also read)');
}

/** The digits of a whole number cell: a value alias ("Bậc 4", "B2" → 4) or the number as written. */
function wholeDigits(col: DatasetColumn, s: string, rules?: CellRules): CellResult<string> {
  const alias = rules ? lookUpValue(rules.lookup, s) : undefined;
  if (alias !== undefined && /^-?\d+$/.test(alias)) return { ok: true, value: alias };
  const r = parseWholeNumber(s, rules?.numberFormat ?? 'detect');
  if (r.ok) return r;
  const levels = Object.entries(col.value_aliases ?? {});
  const hint = r.hint ?? (levels.length ? `also read: ${levels.slice(0, 4).map(([v, ls]) => `"${ls[0]}" = ${v}`).join(', ')}${levels.length > 4 ? ', …' : ''}` : undefined);
  return fail('ROW_NOT_A_NUMBER', r.message, hint);
}

export function readInteger(col: DatasetColumn, s: string, rules?: CellRules): CellResult<number> {
  const w = wholeDigits(col, s, rules);
  if (!w.ok) return w;
  const v = w.value;
  const n = Number(v);
  if ((col.min !== undefined && n < col.min) || (col.max !== undefined && n > col.max)) {
    const range = col.min !== undefined && col.max !== undefined ? `${col.min}–${col.max}` : col.min !== undefined ? `at least ${col.min}` : `at most ${col.max}`;
    return fail('ROW_OUT_OF_RANGE', `${v} is out of range: ${col.name} takes ${range}`);
  }
  return { ok: true, value: n };
}

/** Exact integer for sums: amounts in VND overflow a double's 2^53 soon enough. */
export function readBigInteger(col: DatasetColumn, s: string, rules?: CellRules): CellResult<bigint> {
  const r = readInteger(col, s, rules);
  if (!r.ok) return r;
  const w = wholeDigits(col, s, rules);
  return w.ok ? { ok: true, value: BigInt(w.value) } : w;
}

export function readDate(s: string, rules?: CellRules): CellResult<string> {
  const v = s.trim();
  const day = readIsoDay(v);
  if (day !== undefined && (!rules?.forms || rules.forms.includes('yyyy-mm-dd'))) return { ok: true, value: day };
  // A workbook's number cell in a date column: Excel's serial day.
  if (rules?.serialDays && /^\d+(?:\.\d+)?$/.test(v)) {
    const r = excelSerialToDay(Number(v));
    return r.ok ? { ok: true, value: isoOfDay(r.value) } : fail('ROW_DATE_INVALID', r.message);
  }
  const r = parseDayText(v, rules?.forms);
  return r.ok ? { ok: true, value: isoOfDay(r.value) } : fail('ROW_DATE_INVALID', r.message, r.hint);
}

export function readEnum(col: DatasetColumn, s: string, rules?: CellRules): CellResult<string> {
  const v = s.trim();
  const values = col.values ?? [];
  if (values.includes(v)) return { ok: true, value: v };
  const lower = v.toLowerCase();
  if (values.includes(lower)) return { ok: true, value: lower };
  const alias = lookUpValue(rules?.lookup ?? valueLookup(col), v);
  if (alias !== undefined) return { ok: true, value: alias };
  const guess = closest(v, [...values, ...Object.values(col.value_aliases ?? {}).flat()]);
  return fail('ROW_VALUE_UNKNOWN', `"${echo(s)}" is not a ${col.name} (it takes ${values.slice(0, 8).join(', ')}${values.length > 8 ? ', …' : ''})`, guess ? `did you mean "${guess}"?` : undefined);
}

export function readList(col: DatasetColumn, s: string, rules?: CellRules): CellResult<string> {
  const parts = s
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (col.values) {
    for (const [i, p] of parts.entries()) {
      if (!col.values.includes(p)) {
        const alias = col.value_aliases ? lookUpValue(rules?.lookup ?? valueLookup(col), p) : undefined;
        if (alias !== undefined) {
          parts[i] = alias;
          continue;
        }
        const guess = closest(p, col.values);
        return fail('ROW_VALUE_UNKNOWN', `"${echo(p)}" is not a known ${col.name} value (known: ${col.values.join(', ')})`, guess ? `did you mean "${guess}"?` : 'add it to the column\'s values in plans/datasets.yaml');
      }
    }
  }
  return { ok: true, value: parts.join(';') };
}

/** A unit id; a registry name, alias or code (as an HR export writes it) also reads. */
export function readUnit(s: string, units: { ids: Set<string>; byName: Map<string, string> }): CellResult<string> {
  const v = s.trim();
  if (units.ids.has(v)) return { ok: true, value: v };
  const byName = units.byName.get(foldHeader(v));
  if (byName) return { ok: true, value: byName };
  const guess = closest(v, units.ids);
  return fail('ROW_UNIT_UNKNOWN', `unit "${echo(s)}" is not in the registry`, guess ? `did you mean "${guess}"?` : 'unit ids are listed by `plan units`');
}
