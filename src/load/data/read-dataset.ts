// One data file of a dataset (CSV in any dialect, or a workbook sheet): the header row found (title
// rows above it skipped) and mapped, every row checked cell by cell against its column's type; good
// rows handed on, bad rows counted and reported with file, row, column (or cell) and value, and
// the rows below the table that are no data (totals, signatures) skipped and said so.

import { NO_DAY } from '../../model/data.js';
import type { Dataset, DatasetColumn } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { dayNumber } from '../../period/calendar.js';
import { cellRules, isoDayNumber, mapHeader, readBigInteger, readBoolean, readDate, readEnum, readInteger, readList, readUnit, roleColumns, type CellResult, type CellRules, type HeaderMap } from './columns.js';
import { DELIMITER_NAMES, looksDelimitedBy } from './csv-dialect.js';
import { HEADER_SEARCH_ROWS, hasFooterText, isBlankRow, isFooterText } from './non-data-rows.js';
import { openRows, type RowsOptions } from './open-rows.js';
import { printable } from './sniff.js';
import { DataFileError } from './text-stream.js';
import { lookUpValue } from './values.js';

/** A plain non-negative whole number of up to 9 digits, or -1. */
function digits(s: string): number {
  const n = s.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Bad rows reported in detail per file; the rest are counted. */
export const MAX_ISSUES_PER_FILE = 50;

export interface UnitLookup {
  ids: Set<string>;
  byName: Map<string, string>;
}

/** Reads one column's cells into numbers: dictionary codes, integers, day numbers or 1/0 — with a cache per distinct cell. */
export class ColumnReader {
  readonly dict: string[] = [];
  readonly bigs: (bigint | null)[] | undefined;
  private readonly cache = new Map<string, number>();
  private readonly failures = new Map<string, Extract<CellResult<unknown>, { ok: false }>>();
  value = 0;
  private lastCell: string | undefined;
  private lastValue = 0;
  big: bigint | null = null;
  error: Extract<CellResult<unknown>, { ok: false }> | undefined;

  constructor(
    readonly col: DatasetColumn,
    readonly index: number,
    readonly header: string,
    readonly required: boolean,
    private readonly units: UnitLookup,
    /** Keep exact integers (totals). */
    exact: boolean,
    /** A key or person column: every cell differs, so neither cached nor encoded; hooks read the cell. */
    readonly isKey = false,
    private readonly rules?: CellRules,
  ) {
    this.bigs = exact && col.type === 'integer' ? [] : undefined;
  }

  /** The value for an empty cell. */
  get empty(): number {
    if (this.col.type === 'boolean' && this.col.empty_means !== undefined) return this.col.empty_means ? 1 : 0;
    return this.col.type === 'integer' ? NaN : this.col.type === 'date' ? NO_DAY : -1;
  }

  /** Reads a non-empty cell into `value`; false (with `error`) when it does not fit the column. */
  read(cell: string): boolean {
    // Keys differ row by row: the hook reads the cell itself.
    if (this.isKey) return true;
    if (this.bigs) return this.readExact(cell);
    // Fast paths for the common, well-formed cell: no hashing, no allocation.
    switch (this.col.type) {
      case 'integer': {
        const n = digits(cell);
        if (n >= 0 && (this.col.min === undefined || n >= this.col.min) && (this.col.max === undefined || n <= this.col.max)) {
          this.value = n;
          return true;
        }
        break;
      }
      case 'date': {
        const d = isoDayNumber(cell);
        if (d !== undefined) {
          this.value = d;
          return true;
        }
        break;
      }
      case 'boolean':
        if (cell === 'true' || cell === 'false') {
          this.value = cell === 'true' ? 1 : 0;
          return true;
        }
        break;
      default:
        // Rows often repeat the previous row's unit or topic.
        if (cell === this.lastCell) {
          this.value = this.lastValue;
          return true;
        }
    }
    const hit = this.cache.get(cell);
    if (hit !== undefined) {
      this.value = hit;
      this.lastCell = cell;
      this.lastValue = hit;
      return true;
    }
    const failed = this.failures.get(cell);
    if (failed) {
      this.error = failed;
      return false;
    }
    const r = this.parse(cell);
    if (!r.ok) {
      if (this.failures.size < 10000) this.failures.set(cell, r);
      this.error = r;
      return false;
    }
    this.value = r.value;
    if (this.cache.size < 100000) this.cache.set(cell, r.value);
    return true;
  }

  private readExact(cell: string): boolean {
    const r = readBigInteger(this.col, cell, this.rules);
    if (!r.ok) {
      this.error = r;
      return false;
    }
    this.big = r.value;
    this.value = Number(r.value);
    return true;
  }

  private code(s: string): number {
    let i = this.dictIndex.get(s);
    if (i === undefined) {
      i = this.dict.length;
      this.dict.push(s);
      this.dictIndex.set(s, i);
    }
    return i;
  }
  private readonly dictIndex = new Map<string, number>();

  private parse(cell: string): CellResult<number> {
    const c = this.col;
    switch (c.type) {
      case 'integer':
        return readInteger(c, cell, this.rules);
      case 'boolean': {
        const r = readBoolean(cell, this.rules);
        return r.ok ? { ok: true, value: r.value ? 1 : 0 } : r;
      }
      case 'date': {
        const r = readDate(cell, this.rules);
        return r.ok ? { ok: true, value: dayNumber(r.value) } : r;
      }
      case 'enum': {
        const r = readEnum(c, cell, this.rules);
        return r.ok ? { ok: true, value: this.code(r.value) } : r;
      }
      case 'list': {
        const r = readList(c, cell, this.rules);
        return r.ok ? { ok: true, value: r.value === '' ? -1 : this.code(r.value) } : r;
      }
      case 'unit': {
        const r = readUnit(cell, this.units);
        return r.ok ? { ok: true, value: this.code(r.value) } : r;
      }
      default: {
        // A text column with named values (position): "Giám đốc" is giam-doc; anything else stays as written.
        const alias = c.values && this.rules ? lookUpValue(this.rules.lookup, cell) : undefined;
        return { ok: true, value: this.code(alias ?? cell.trim().normalize('NFC')) };
      }
    }
  }
}

export interface RowContext {
  /** Record number (header = 1). */
  row: number;
  cells: string[];
  readers: ColumnReader[];
  /** Reports this row as bad (it is excluded). */
  reject(code: Diagnostic['code'], reader: ColumnReader | null, message: string, hint?: string): void;
}

export interface DatasetHooks {
  /** Columns to read (default: every column the file has). */
  columns?: (ds: Dataset) => Set<string> | undefined;
  /** Exact integers for sums. */
  exact?: boolean;
  /** Called with each row whose cells all fit; `values[i]` is readers[i]'s value. May reject it. */
  row(ctx: RowContext, values: Float64Array): void;
}

/** How a file is read: encoding, delimiter, sheet, and the header's row when it is not to be found. */
export interface ReadOptions extends RowsOptions {
  headerRow?: number;
}

export interface DatasetResult {
  encoding: string | null;
  format: 'csv' | 'xlsx' | null;
  delimiter: string | null;
  sheet: string | null;
  /** The header's row number (1 unless title rows stand above it). */
  headerRow: number | null;
  /** Data rows seen below the header (bad ones included, skipped ones not). */
  rowsRead: number;
  rowsExcluded: number;
  /** Blank rows and rows below the table that are no data (totals, signatures). */
  rowsSkipped: number;
  /** A file-level problem: nothing of the file can be used. */
  failed: Diagnostic | null;
  readers: ColumnReader[];
  issues: Diagnostic[];
  counts: Map<Diagnostic['code'], number>;
  /** The header as mapped (for `plan data inspect`). */
  header?: { cells: string[]; map: HeaderMap };
}

/** "1 row", "1,234 rows": a count as the findings word it. */
export const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString('en')} ${n === 1 ? word : many}`;

export async function readDataset(ds: Dataset, path: string, display: string, units: UnitLookup, hooks: DatasetHooks, opts: ReadOptions = {}): Promise<DatasetResult> {
  const issues: Diagnostic[] = [];
  const counts = new Map<Diagnostic['code'], number>();
  const note = (d: Diagnostic) => {
    counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    if (issues.filter((x) => x.severity === 'error').length < MAX_ISSUES_PER_FILE || d.severity === 'warning') issues.push(d);
  };
  const result: DatasetResult = { encoding: null, format: null, delimiter: null, sheet: null, headerRow: null, rowsRead: 0, rowsExcluded: 0, rowsSkipped: 0, failed: null, readers: [], issues, counts };
  const fail = (d: Diagnostic) => {
    note(d);
    result.failed = d;
  };
  const roles = roleColumns(ds);
  const requiredCount = ds.columns.filter((c) => c.required || roles.has(c.name)).length;

  let rows;
  try {
    // A record's score as the header: the columns it maps, less for each required one missing.
    rows = await openRows(path, display, opts, (cells) => {
      const m = mapHeader(ds, cells, display);
      return m.index.size + (m.findings.length === 0 ? requiredCount : 0);
    });
  } catch (e) {
    if (e instanceof DataFileError) {
      fail(e.diagnostic);
      return result;
    }
    const err = e as NodeJS.ErrnoException;
    fail({ code: 'DATA_FILE_MISSING', severity: 'error', message: `cannot read the file: ${err.code ?? err.message}`, file: display, line: 0, column: 0 });
    return result;
  }
  result.encoding = rows.encoding;
  result.format = rows.format;
  result.delimiter = rows.delimiter;
  result.sheet = rows.sheet;
  if (rows.warning) note(rows.warning);
  const workbook = rows.format === 'xlsx';
  const ref = rows.cellRef;

  const wanted = hooks.columns?.(ds);
  const readers: ColumnReader[] = [];
  let width = 0;
  let values = new Float64Array(0);
  let keyIndex = -1;
  let seen = 0;
  let best: { row: number; cells: string[]; map: HeaderMap } | undefined;
  let inFooter = false;
  let blank = 0;
  let footer: { row: number; text: string; last: number } | undefined;

  const bad = (row: number, code: Diagnostic['code'], reader: ColumnReader | null, message: string, hint: string | undefined, cells: string[]) => {
    const d: Diagnostic = { code, severity: 'error', message, file: display, line: row, column: reader ? reader.index + 1 : 0, row };
    if (reader) {
      d.field = reader.col.name;
      d.header = reader.header;
      d.value = printable(cells[reader.index] ?? '');
      const c = ref(row, reader.index + 1);
      if (c !== undefined) d.cell = c;
    }
    if (hint) d.hint = hint;
    note(d);
  };

  const acceptHeader = (cells: string[], row: number, map: HeaderMap) => {
    result.headerRow = row;
    result.header = { cells, map };
    width = cells.length;
    for (const f of map.findings) note(f);
    for (const col of ds.columns) {
      const i = map.index.get(col.name);
      if (i === undefined || (wanted && !wanted.has(col.name))) continue;
      readers.push(new ColumnReader(col, i, map.written.get(col.name)!, Boolean(col.required) || roles.has(col.name), units, Boolean(hooks.exact), col.name === ds.key || col.name === ds.person, cellRules(ds, col, workbook)));
    }
    keyIndex = map.index.get(ds.key ?? ds.person ?? '') ?? -1;
    values = new Float64Array(readers.length);
  };

  /** The header could not be found: the finding of the row that came closest, with the delimiter it looks split by. */
  const headerFailure = () => {
    if (!best) return;
    result.header = { cells: best.cells, map: best.map };
    result.headerRow = null;
    const fatal = best.map.findings.filter((f) => f.severity === 'error');
    const first = { ...fatal[0]! };
    if (rows.format === 'csv' && rows.delimiter) {
      const line = best.cells.join(rows.delimiter);
      const other = best.cells.length <= 2 ? looksDelimitedBy(line, rows.delimiter) : undefined;
      if (other) {
        first.message = `the header does not split into the expected columns by ${DELIMITER_NAMES[rows.delimiter as keyof typeof DELIMITER_NAMES]}; it looks ${DELIMITER_NAMES[other]}-separated`;
        first.hint = `name the delimiter: --delimiter '${other === '\t' ? '\\t' : other}'`;
      }
    }
    for (const f of best.map.findings) note(f === fatal[0] ? first : f);
    result.failed = first;
  };

  // One context for every row: a fresh object and closure per row cost more than the row's checks.
  let rejected = false;
  const ctx: RowContext = {
    row: 0,
    cells: [],
    readers,
    reject(code, reader, message, hint) {
      if (rejected) return;
      rejected = true;
      result.rowsExcluded++;
      bad(ctx.row, code, reader, message, hint, ctx.cells);
    },
  };
  try {
    await rows.read({
      row(cells, row) {
        if (result.headerRow === null) {
          if (opts.headerRow !== undefined) {
            if (row < opts.headerRow) return true;
            const map = mapHeader(ds, cells, display, row, (i) => ref(row, i + 1) ?? '');
            if (map.findings.some((f) => f.severity === 'error')) {
              best = { row, cells, map };
              return false;
            }
            acceptHeader(cells, row, map);
            return true;
          }
          if (isBlankRow(cells)) return true;
          seen++;
          const map = mapHeader(ds, cells, display, row, workbook ? (i) => ref(row, i + 1) ?? '' : undefined);
          if (!map.findings.some((f) => f.severity === 'error')) {
            acceptHeader(cells, row, map);
            return true;
          }
          if (!best || map.index.size > best.map.index.size) best = { row, cells, map };
          return seen < HEADER_SEARCH_ROWS;
        }
        // Below the header: blank rows and the block under the table are skipped, not bad rows.
        // A signature block may stand in the key's column too ("Người lập biểu" under the ids).
        const keyCell = keyIndex < 0 ? '' : (cells[keyIndex] ?? '');
        const keyEmpty = keyCell.trim() === '' || isFooterText(keyCell);
        if (isBlankRow(cells)) {
          blank++;
          result.rowsSkipped++;
          return true;
        }
        if (keyEmpty && (inFooter || hasFooterText(cells))) {
          if (!inFooter) footer = { row, text: cells.find((c) => c.trim() !== '')!.trim(), last: row };
          else footer!.last = row;
          inFooter = true;
          result.rowsSkipped++;
          return true;
        }
        result.rowsRead++;
        if (cells.length !== width) {
          if (workbook) {
            // A sheet's row ends at its last filled cell; cells past the header's width are not data.
            while (cells.length < width) cells.push('');
          } else {
            result.rowsExcluded++;
            bad(row, 'ROW_FIELD_COUNT', null, `the row has ${plural(cells.length, 'cell')}, the header ${width}`, cells.length < width ? 'a cell is missing, or a line break splits the row' : `a ${DELIMITER_NAMES[(rows.delimiter ?? ',') as keyof typeof DELIMITER_NAMES]} inside a cell needs the cell in double quotes`, cells);
            return true;
          }
        }
        for (let k = 0; k < readers.length; k++) {
          const r = readers[k]!;
          const cell = cells[r.index]!;
          if (cell === '' || ((cell.charCodeAt(0) === 32 || cell.charCodeAt(cell.length - 1) === 32) && cell.trim() === '')) {
            if (r.required) {
              result.rowsExcluded++;
              bad(row, 'ROW_REQUIRED', r, `${r.col.name} is empty`, `every row needs a ${r.col.name}`, cells);
              return true;
            }
            values[k] = r.empty;
            if (r.bigs) r.big = null;
            continue;
          }
          if (!r.read(cell)) {
            result.rowsExcluded++;
            const e = r.error!;
            bad(row, e.code, r, `${r.col.name}: ${printable(e.message)}`, e.hint, cells);
            return true;
          }
          values[k] = r.value;
        }
        ctx.row = row;
        ctx.cells = cells;
        rejected = false;
        hooks.row(ctx, values);
        return true;
      },
      quoteError(row, message, cells) {
        if (result.headerRow === null) return;
        result.rowsRead++;
        result.rowsExcluded++;
        bad(row, 'ROW_QUOTE', null, message, 'a quote inside a cell is written twice (""), and the whole cell is quoted', cells);
      },
    });
  } catch (e) {
    if (e instanceof DataFileError) {
      fail(e.diagnostic);
      return { ...result, readers };
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code) {
      fail({ code: 'DATA_FILE_MISSING', severity: 'error', message: `cannot read the file: ${err.code}`, file: display, line: 0, column: 0 });
      return { ...result, readers };
    }
    throw e;
  }
  if (!result.failed) {
    if (result.headerRow === null && best) headerFailure();
    else if (result.headerRow === null) fail({ code: 'DATA_EMPTY', severity: 'error', message: 'the file is empty: no header, no rows', file: display, line: 0, column: 0, hint: `the first line names the columns: ${ds.columns.map((c) => c.name).join(',')}` });
    else if (result.rowsRead === 0) fail({ code: 'DATA_EMPTY', severity: 'error', message: 'the file has a header but no data rows', file: display, line: result.headerRow, column: 0, row: result.headerRow, hint: 'export the rows too, or point the flag at another file' });
  }
  if (result.rowsSkipped > 0) {
    const parts: string[] = [];
    if (blank > 0) parts.push(plural(blank, 'blank row'));
    if (footer) parts.push(`${plural(result.rowsSkipped - blank, 'row')} below the table from row ${footer.row} ("${printable(footer.text.slice(0, 40))}")`);
    note({ code: 'DATA_ROWS_SKIPPED', severity: 'warning', message: `${plural(result.rowsSkipped, 'row')} skipped as no data: ${parts.join(', ')}`, file: display, line: footer?.row ?? 0, column: 0, ...(footer ? { row: footer.row } : {}) });
  }
  return { ...result, readers };
}
