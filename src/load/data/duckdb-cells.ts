// How the DuckDB engine reads a column's cells so that every value is the one the in-process
// reader gives. Two paths: a cell already in canonical form ("2024-03-15", "cong-chuc", "true")
// is recognised and cast in SQL by a test that implies the in-process reader takes it as written;
// every other distinct cell ("15/03/2024", "Công chức", " 4 ", "Bậc 4", a bad value) is read once
// by the in-process reader itself (read-dataset.ts's ColumnReader) and joined back. The rules
// are written once, in JavaScript: the SQL only decides which cells need them.

import type { Dataset, DatasetColumn } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { textLiteral } from '../../model/sql.js';
import { cellRules, type CellResult } from './columns.js';
import { ColumnReader, type UnitLookup } from './read-dataset.js';
import { isoOfDay, lookUpValue } from './values.js';

/** The characters JavaScript's String.prototype.trim removes, for DuckDB's trim(text, characters). */
export const WS = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
export const WS_LIT = textLiteral(WS)!;

/** The SQL type a column's values have in the engine's tables (what the measures' SQL compares). */
export function sqlTypeOf(col: DatasetColumn, exact: boolean): string {
  switch (col.type) {
    case 'integer':
      return exact ? 'HUGEINT' : 'DOUBLE';
    case 'date':
      return 'DATE';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

const listLit = (xs: readonly string[]): string => `[${xs.map((x) => textLiteral(x) ?? "''").join(', ')}]::VARCHAR[]`;

export interface CellSql {
  /** The cell is empty (read as no value, or refused when the column is required). */
  empty: string;
  /** The cell is in a form whose value `value` gives exactly as the in-process reader would; FALSE: none is. */
  fast: string;
  value: string;
  /** A key or person column: no odd cells, the value is the cell trimmed (as the join hooks read it). */
  key: boolean;
}

/**
 * The SQL of one column over its cell `c` (VARCHAR, NULL for an empty field). Each `fast` test is
 * narrower than what the in-process reader accepts, never wider: a cell it lets through is one that
 * reader reads as `value` gives it; anything else takes the exact path.
 */
export function cellSql(ds: Dataset, col: DatasetColumn, c: string, opts: { isKey: boolean; exact: boolean; unitType: string | null }): CellSql {
  const rules = cellRules(ds, col);
  // As read-dataset.ts: '' is empty; so is a cell of spaces (the exact path decides those, they are rare).
  const empty = `(${c} IS NULL OR ${c} = '')`;
  if (opts.isKey) {
    // The hooks take the key trimmed (String.prototype.trim); a cell of spaces only is empty.
    // trim() with a set of characters costs 20× a copy in DuckDB, and AND/OR do not spare it: CASE does. Only a cell that does not begin and end with a visible ASCII character is trimmed.
    const trimmed = `CASE WHEN regexp_full_match(${c}, '(?s)[!-~](.*[!-~])?') THEN ${c} ELSE trim(${c}, ${WS_LIT}) END`;
    return { empty: `CASE WHEN ${c} IS NULL OR ${c} = '' THEN TRUE WHEN starts_with(${c}, ' ') OR ends_with(${c}, ' ') THEN trim(${c}, ${WS_LIT}) = '' ELSE FALSE END`, fast: 'TRUE', value: trimmed, key: true };
  }
  const none = { empty, fast: 'FALSE', value: 'NULL', key: false };
  switch (col.type) {
    case 'integer': {
      // ColumnReader's fast path: up to 9 plain digits, in range. Exact columns (totals) always take the exact path.
      if (opts.exact) return none;
      const range = [col.min !== undefined ? `TRY_CAST(${c} AS BIGINT) >= ${col.min}` : null, col.max !== undefined ? `TRY_CAST(${c} AS BIGINT) <= ${col.max}` : null].filter(Boolean);
      return { empty, fast: [`length(${c}) <= 9`, `NOT starts_with(${c}, '-')`, `CAST(TRY_CAST(${c} AS BIGINT) AS VARCHAR) = ${c}`, ...range].join(' AND '), value: `CAST(${c} AS DOUBLE)`, key: false };
    }
    case 'date':
      // isoDayNumber: ten characters, YYYY-MM-DD, a day of the calendar (DuckDB writes a date back so for years 1–9999).
      return { empty, fast: `length(${c}) = 10 AND CAST(TRY_CAST(${c} AS DATE) AS VARCHAR) = ${c}`, value: `CAST(${c} AS DATE)`, key: false };
    case 'boolean':
      return { empty, fast: `${c} IN ('true', 'false')`, value: `${c} = 'true'`, key: false };
    case 'enum': {
      const as = (col.values ?? []).filter((v) => v !== '' && v.trim() === v);
      return as.length ? { empty, fast: `list_contains(${listLit(as)}, ${c})`, value: c, key: false } : none;
    }
    case 'unit':
      // A registry id as written; names, aliases and codes take the exact path.
      return opts.unitType ? { empty, fast: `TRY_CAST(${c} AS ${opts.unitType}) IS NOT NULL`, value: c, key: false } : none;
    case 'list': {
      if (col.values) {
        const as = col.values.filter((v) => v !== '' && v.trim() === v && !v.includes(';'));
        return as.length ? { empty, fast: `list_has_all(${listLit(as)}, string_split(${c}, ';'))`, value: c, key: false } : none;
      }
      // Printable ASCII parts, no spaces, no empty parts: read as written.
      return { empty, fast: `regexp_full_match(${c}, '[!-:<-~]+(;[!-:<-~]+)*')`, value: c, key: false };
    }
    default: {
      if (col.values) {
        // A text column with named values: a value that is its own label reads as written.
        const as = col.values.filter((v) => v !== '' && v.trim() === v && v.normalize('NFC') === v && lookUpValue(rules.lookup, v) === v);
        return as.length ? { empty, fast: `list_contains(${listLit(as)}, ${c})`, value: c, key: false } : none;
      }
      // Free text: trimmed and NFC already (printable ASCII, no space at either end, is both).
      return { empty, fast: `regexp_full_match(${c}, '[!-~]([ -~]*[!-~])?')`, value: c, key: false };
    }
  }
}

export type Failure = Extract<CellResult<unknown>, { ok: false }>;

/** A cell read by the in-process reader: its value as SQL text (null: no value), or why it does not fit. */
export type OddCell = { value: string | null } | { failure: Failure };

/** Reads odd cells of one column exactly as read-dataset.ts does, by its own ColumnReader. */
export class OddCellReader {
  private readonly reader: ColumnReader;
  constructor(
    ds: Dataset,
    readonly col: DatasetColumn,
    private readonly required: boolean,
    units: UnitLookup,
    exact: boolean,
  ) {
    this.reader = new ColumnReader(col, 0, col.name, required, units, exact, false, cellRules(ds, col, false));
  }

  /** The value of an empty cell, as SQL text. */
  emptyValue(): string | null {
    const e = this.reader.empty;
    return this.col.type === 'boolean' && e >= 0 ? (e === 1 ? 'true' : 'false') : null;
  }

  read(cell: string): OddCell {
    const r = this.reader;
    // The emptiness test of read-dataset.ts's row loop.
    if (cell === '' || ((cell.charCodeAt(0) === 32 || cell.charCodeAt(cell.length - 1) === 32) && cell.trim() === '')) {
      if (this.required) return { failure: { ok: false, code: 'ROW_REQUIRED', message: `${this.col.name} is empty`, hint: `every row needs a ${this.col.name}` } };
      return { value: this.emptyValue() };
    }
    if (!r.read(cell)) return { failure: r.error! };
    switch (this.col.type) {
      case 'integer':
        return { value: r.bigs ? String(r.big) : String(r.value) };
      case 'date':
        return { value: isoOfDay(r.value) };
      case 'boolean':
        return { value: r.value === 1 ? 'true' : 'false' };
      default:
        return { value: r.value < 0 ? null : r.dict[r.value]! };
    }
  }
}

/** The finding of a bad cell, worded as read-dataset.ts words it. */
export function cellDiagnostic(failure: Failure, at: { file: string; row: number; column: number; field: string; header: string; value: string }, printable: (s: string) => string): Diagnostic {
  const message = failure.code === 'ROW_REQUIRED' ? failure.message : `${at.field}: ${printable(failure.message)}`;
  const d: Diagnostic = { code: failure.code, severity: 'error', message, file: at.file, line: at.row, column: at.column, row: at.row, field: at.field, header: at.header, value: printable(at.value) };
  if (failure.hint) d.hint = failure.hint;
  return d;
}
