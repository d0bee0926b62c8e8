// One CSV file of a dataset: header mapped, every row checked cell by cell against its column's
// type; good rows handed on, bad rows counted and reported with file, row, column and value.

import { NO_DAY } from '../../model/data.js';
import type { Dataset, DatasetColumn } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { dayNumber } from '../../period/calendar.js';
import { readCsvRows } from './csv-rows.js';
import { isoDayNumber, mapHeader, readBigInteger, readBoolean, readDate, readEnum, readInteger, readList, readUnit, roleColumns, type CellResult } from './columns.js';
import { DataFileError, openText } from './text-stream.js';

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
  ) {
    this.bigs = exact && col.type === 'integer' ? [] : undefined;
  }

  /** The value for an empty cell. */
  get empty(): number {
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
    const r = readBigInteger(this.col, cell);
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
        return readInteger(c, cell);
      case 'boolean': {
        const r = readBoolean(cell);
        return r.ok ? { ok: true, value: r.value ? 1 : 0 } : r;
      }
      case 'date': {
        const r = readDate(cell);
        return r.ok ? { ok: true, value: dayNumber(r.value) } : r;
      }
      case 'enum': {
        const r = readEnum(c, cell);
        return r.ok ? { ok: true, value: this.code(r.value) } : r;
      }
      case 'list': {
        const r = readList(c, cell);
        return r.ok ? { ok: true, value: r.value === '' ? -1 : this.code(r.value) } : r;
      }
      case 'unit': {
        const r = readUnit(cell, this.units);
        return r.ok ? { ok: true, value: this.code(r.value) } : r;
      }
      default:
        return { ok: true, value: this.code(cell.trim().normalize('NFC')) };
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

export interface DatasetResult {
  encoding: string | null;
  rowsRead: number;
  rowsExcluded: number;
  /** A file-level problem: nothing of the file can be used. */
  failed: Diagnostic | null;
  readers: ColumnReader[];
  issues: Diagnostic[];
  counts: Map<Diagnostic['code'], number>;
}

export async function readDataset(ds: Dataset, path: string, display: string, units: UnitLookup, hooks: DatasetHooks, encoding?: string): Promise<DatasetResult> {
  const issues: Diagnostic[] = [];
  const counts = new Map<Diagnostic['code'], number>();
  const note = (d: Diagnostic) => {
    counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    if (issues.filter((x) => x.severity === 'error').length < MAX_ISSUES_PER_FILE || d.severity === 'warning') issues.push(d);
  };
  const result: DatasetResult = { encoding: null, rowsRead: 0, rowsExcluded: 0, failed: null, readers: [], issues, counts };
  const fail = (d: Diagnostic) => {
    note(d);
    result.failed = d;
  };

  let source;
  try {
    source = await openText(path, display, encoding);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    fail({ code: 'DATA_FILE_MISSING', severity: 'error', message: `cannot read the file: ${err.code ?? err.message}`, file: display, line: 0, column: 0 });
    return result;
  }
  result.encoding = source.encoding;
  if (source.warning) note(source.warning);

  const wanted = hooks.columns?.(ds);
  const readers: ColumnReader[] = [];
  let width = 0;
  let values = new Float64Array(0);
  let sawHeader = false;
  const roles = roleColumns(ds);

  const bad = (row: number, code: Diagnostic['code'], reader: ColumnReader | null, message: string, hint: string | undefined, cells: string[]) => {
    const d: Diagnostic = { code, severity: 'error', message, file: display, line: row, column: reader ? reader.index + 1 : 0, row };
    if (reader) {
      d.field = reader.col.name;
      d.header = reader.header;
      d.value = cells[reader.index] ?? '';
    }
    if (hint) d.hint = hint;
    note(d);
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
    result.rowsRead = await readCsvRows(source.chunks, {
      header(cells) {
        sawHeader = true;
        width = cells.length;
        const map = mapHeader(ds, cells, display);
        const fatal = map.findings.filter((f) => f.severity === 'error');
        for (const f of map.findings) note(f);
        if (fatal.length > 0) {
          result.failed = fatal[0]!;
          return false;
        }
        for (const col of ds.columns) {
          const i = map.index.get(col.name);
          if (i === undefined || (wanted && !wanted.has(col.name))) continue;
          readers.push(new ColumnReader(col, i, map.written.get(col.name)!, Boolean(col.required) || roles.has(col.name), units, Boolean(hooks.exact), col.name === ds.key || col.name === ds.person));
        }
        values = new Float64Array(readers.length);
        return true;
      },
      row(cells, row) {
        if (cells.length !== width) {
          result.rowsExcluded++;
          bad(row, 'ROW_FIELD_COUNT', null, `the row has ${cells.length} cell${cells.length === 1 ? '' : 's'}, the header ${width}`, cells.length < width ? 'a cell is missing, or a line break splits the row' : 'a comma inside a cell needs the cell in double quotes', cells);
          return;
        }
        for (let k = 0; k < readers.length; k++) {
          const r = readers[k]!;
          const cell = cells[r.index]!;
          if (cell === '' || ((cell.charCodeAt(0) === 32 || cell.charCodeAt(cell.length - 1) === 32) && cell.trim() === '')) {
            if (r.required) {
              result.rowsExcluded++;
              bad(row, 'ROW_REQUIRED', r, `${r.col.name} is empty`, `every row needs a ${r.col.name}`, cells);
              return;
            }
            values[k] = r.empty;
            if (r.bigs) r.big = null;
            continue;
          }
          if (!r.read(cell)) {
            result.rowsExcluded++;
            const e = r.error!;
            bad(row, e.code, r, `${r.col.name}: ${e.message}`, e.hint, cells);
            return;
          }
          values[k] = r.value;
        }
        ctx.row = row;
        ctx.cells = cells;
        rejected = false;
        hooks.row(ctx, values);
      },
      quoteError(row, message, cells) {
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
    if (!sawHeader) fail({ code: 'DATA_EMPTY', severity: 'error', message: 'the file is empty: no header, no rows', file: display, line: 0, column: 0, hint: `the first line names the columns: ${ds.columns.map((c) => c.name).join(',')}` });
    else if (result.rowsRead === 0) fail({ code: 'DATA_EMPTY', severity: 'error', message: 'the file has a header but no data rows', file: display, line: 1, column: 0, row: 1, hint: 'export the rows too, or point the flag at another file' });
  }
  return { ...result, readers };
}
