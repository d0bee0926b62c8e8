// How the DuckDB engine reads a column's cells so that every value is the one the in-process
// reader gives. Two paths: a cell already in canonical form ("2024-03-15", "cong-chuc", "true")
// is recognised and cast in SQL by a test that implies the in-process reader takes it as written;
// every other distinct cell ("15/03/2024", "Công chức", " 4 ", "Bậc 4", a bad value) is read once
// by the in-process reader itself (read-dataset.ts's ColumnReader) and joined back. The rules
// are written once, in JavaScript: the SQL only decides which cells need them.

import type { Dataset, DatasetColumn } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { ident, textLiteral } from '../../model/sql.js';
import { cellRules, type CellResult } from './columns.js';
import { all, int, listOf, type Conn } from './duckdb-conn.js';
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

export interface Reader {
  col: DatasetColumn;
  /** Index of the cell in the file's row. */
  index: number;
  header: string;
  required: boolean;
  isKey: boolean;
}

export interface CellsRequest {
  ds: Dataset;
  /** SQL of the file's rows, in file order: __c0, __c1 … (VARCHAR, NULL when the field is empty). */
  raw: string;
  readers: Reader[];
  units: UnitLookup;
  exact: boolean;
  /** The table to create: rn, err ("CODE:k", k the reader), bad_value, and a column per reader. */
  table: string;
  seq: number;
  unitType: string | null;
  /** How many cells a row of `raw` has (__c0 … __c{width-1}). */
  width: number;
  /**
   * SQL over the row's cells (__c0 …) and flags (__e0 …, a key's __p0 …): true for a row that may be no data (a blank
   * row, or one below the table: its key empty or not a plain id). Such rows, rare, are decided by `nonData`.
   */
  candidate: string;
  /** Which candidate rows (by row number, from 1, with all their cells) are blank and which below the table, as read-dataset.ts decides. */
  nonData: (rows: { rn: number; cells: string[] }[]) => Promise<{ blank: Set<number>; footer: Set<number> }>;
  /** Filled with each odd cell that does not fit its column, by reader: the in-process reader's reason. */
  failures: Map<number, Map<string, Failure>>;
}

/**
 * Reads the cells of `raw` into `table`: canonical cells cast in SQL, every other distinct cell read
 * by the in-process reader (OddCellReader) and joined back. One pass over the file when every
 * cell is canonical; a second over the kept table, joining the odd cells' values, when not.
 */
export async function readCells(conn: Conn, o: CellsRequest): Promise<{ blank: number; footer: number }> {
  const parts = o.readers.map((r, k) => {
    const c = `__c${r.index}`;
    const sql = cellSql(o.ds, r.col, c, { isKey: r.isKey, exact: o.exact, unitType: o.unitType });
    const odd = sql.key ? null : new OddCellReader(o.ds, r.col, r.required, o.units, o.exact);
    const emptyValue = odd?.emptyValue() ?? null;
    return { r, k, c, sql, odd, type: sqlTypeOf(r.col, o.exact), emptyValue };
  });
  // An enum or unit column is stored as an enum type (a byte or two a row, not a string's sixteen):
  // its values, canonical or read by the in-process reader, are always among the type's.
  for (const p of parts) {
    if (p.sql.key) continue;
    if (p.r.col.type === 'unit' && o.unitType) p.type = o.unitType;
    const values = [...new Set(p.r.col.values ?? [])].map(textLiteral).filter((x): x is string => x !== null);
    if (p.r.col.type === 'enum' && values.length) {
      p.type = ident(`__enum${o.seq}_${p.k}`);
      await conn.run(`CREATE TYPE ${p.type} AS ENUM (${values.join(', ')})`);
    }
  }
  const lit = (p: (typeof parts)[number], v: string | null) => (v === null ? 'NULL' : `CAST(${textLiteral(v)} AS ${p.type})`);
  const oddParts = parts.filter((p) => p.odd);
  const a = ident(`__a${o.seq}`);
  // Stage A: each cell empty, canonical (its value) or odd. err0 is the row's first finding in column
  // order: k for a required cell of reader k left empty, -1 where an odd cell comes first (its reading
  // decides). The cells as written are not kept: rows with an odd cell are rare, and read again.
  const rowArms = parts.flatMap((p) => [...(p.r.required ? [`WHEN __e${p.k} THEN ${p.k}`] : []), ...(p.odd ? [`WHEN NOT __f${p.k} AND NOT __e${p.k} THEN -1`] : [])]);
  // -3: a row that may be no data (then __alt is what the row is if it is data); decided below as
  // -2 (blank), -4 (below the table) or __alt.
  const arms = [`WHEN ${o.candidate} THEN -3`, ...rowArms];
  // A key's plain-id flag (letters, digits, - and _): such a key needs no trim, and its row is data
  // (no blank or footer row has one); one test of the cell for both.
  const flags = parts.map((p) => `${p.sql.empty} AS __e${p.k}, COALESCE(${p.sql.fast}, FALSE) AS __f${p.k}${p.sql.key ? `, COALESCE(regexp_full_match(${p.c}, '[A-Za-z0-9_-]+'), FALSE) AS __p${p.k}` : ''}`);
  const inner = `SELECT ${[...parts.map((p) => p.c), ...flags].join(', ') || 'NULL AS __none'} FROM (${o.raw}) r0`;
  const withErr = `SELECT *, CAST(${arms.length ? `CASE ${arms.join(' ')} END` : 'NULL'} AS SMALLINT) AS err0 FROM (${inner}) r1`;
  const cols = parts.map((p) => `CASE WHEN __e${p.k} THEN ${lit(p, p.emptyValue)}${p.sql.key ? ` WHEN __p${p.k} THEN ${p.c}` : ''} WHEN __f${p.k} THEN CAST(${p.sql.value} AS ${p.type}) END AS __v${p.k}`);
  cols.push(`CAST(CASE WHEN err0 = -3 THEN ${rowArms.length ? `CASE ${rowArms.join(' ')} END` : 'NULL'} END AS SMALLINT) AS __alt`);
  // No row_number() here: a window over the file serialises the whole projection. The table keeps the
  // file's order (preserve_insertion_order), so a row's number is its rowid + 1.
  await conn.run(`CREATE TEMP TABLE ${a} AS SELECT err0${cols.length ? `, ${cols.join(', ')}` : ''} FROM (${withErr}) r2`);

  const named = (v: (p: (typeof parts)[number]) => string) => parts.map((p) => `${v(p)} AS ${ident(p.r.col.name)}`);
  const requiredErr = `CASE WHEN err0 >= 0 THEN 'ROW_REQUIRED:' || err0 END`;
  // Rows that may be no data, with all their cells (the file read again beside the table): the in-process reader's rules decide.
  const maybe = int((await all(conn, `SELECT count(*) AS n FROM ${a} WHERE err0 = -3`))[0]!.n) > 0 ? await all(conn, `SELECT ${a}.rowid AS rid, [${Array.from({ length: o.width }, (_x, i) => `r.__c${i}`).join(', ')}] AS cells FROM ${a} POSITIONAL JOIN (${o.raw}) r WHERE ${a}.err0 = -3`) : [];
  const decided = await o.nonData(maybe.map((r) => ({ rn: int(r.rid) + 1, cells: listOf(r.cells) })));
  if (maybe.length) {
    const ids = (set: Set<number>) => (set.size ? `rowid IN (${[...set].map((rn) => rn - 1).join(', ')})` : 'FALSE');
    await conn.run(`UPDATE ${a} SET err0 = CASE WHEN ${ids(decided.blank)} THEN -2 WHEN ${ids(decided.footer)} THEN -4 ELSE __alt END WHERE err0 = -3`);
  }
  const counted = (await all(conn, `SELECT count(*) FILTER (WHERE err0 = -1) AS odd, count(*) FILTER (WHERE err0 = -2) AS blank, count(*) FILTER (WHERE err0 = -4) AS footer FROM ${a}`))[0]!;
  const odd = oddParts.length ? int(counted.odd) : 0;
  const skipped = { blank: int(counted.blank), footer: int(counted.footer) };
  // Rows that are data: not blank (-2), not below the table (-4).
  const isData = '(err0 IS NULL OR err0 >= -1)';
  if (odd === 0) {
    // Every cell canonical or empty: the table is stage A's, renamed.
    await conn.run(`CREATE TEMP VIEW ${o.table} AS SELECT * FROM (SELECT rowid + 1 AS rn, err0, ${requiredErr} AS err, CASE WHEN err0 IS NOT NULL THEN '' END AS bad_value${parts.length ? `, ${named((p) => `__v${p.k}`).join(', ')}` : ''} FROM ${a}) WHERE ${isData}`);
    return skipped;
  }
  // The rows with an odd cell, their cells as written: the file read again beside stage A's table, row
  // for row (the same reader, so the same rows in the same order).
  const w = ident(`__w${o.seq}`);
  // Only the cells that are not canonical (a canonical one has its value already): an export whose
  // every row has an odd date keeps one string a row, not one a column.
  await conn.run(`CREATE TEMP TABLE ${w} AS SELECT ${a}.rowid AS rid, ${oddParts.map((p) => `CASE WHEN ${a}.__v${p.k} IS NULL THEN r.${p.c} END AS ${p.c}`).join(', ')} FROM ${a} POSITIONAL JOIN (${o.raw}) r WHERE ${a}.err0 = -1`);
  /** Reader p's cell as written, in a row with an odd cell (NULL or '' when it is empty). */
  const rawOf = (p: (typeof parts)[number]) => `${w}.${p.c}`;
  const oddCell = (p: (typeof parts)[number]) => `(__v${p.k} IS NULL AND ${rawOf(p)} IS NOT NULL AND ${rawOf(p)} <> '')`;
  const distinct = await all(conn, `SELECT k, r FROM (${oddParts.map((p) => `SELECT ${p.k} AS k, ${rawOf(p)} AS r FROM ${a} JOIN ${w} ON ${w}.rid = ${a}.rowid WHERE ${oddCell(p)}`).join(' UNION ALL ')}) GROUP BY k, r`);
  // The odd cells, each distinct one read once by the in-process reader.
  const d = ident(`__d${o.seq}`);
  await conn.run(`CREATE TEMP TABLE ${d} (k INTEGER, raw VARCHAR, val VARCHAR, err VARCHAR)`);
  const appender = await conn.createAppender(`__d${o.seq}`);
  const withOdd = new Set<number>();
  for (const row of distinct) {
    const k = Number(row.k);
    const raw = String(row.r);
    const got = parts[k]!.odd!.read(raw);
    withOdd.add(k);
    appender.appendInteger(k);
    appender.appendVarchar(raw);
    if ('failure' in got) {
      let m = o.failures.get(k);
      if (!m) o.failures.set(k, (m = new Map()));
      m.set(raw, got.failure);
      appender.appendNull();
      appender.appendVarchar(got.failure.code);
    } else {
      if (got.value === null) appender.appendNull();
      else appender.appendVarchar(got.value);
      appender.appendNull();
    }
    appender.endRow();
  }
  appender.closeSync();
  const joined = parts.filter((p) => withOdd.has(p.k));
  const errArms = parts.flatMap((p) => [
    ...(p.r.required ? [`WHEN __v${p.k} IS NULL${p.odd ? ` AND (${rawOf(p)} IS NULL OR ${rawOf(p)} = '')` : ''} THEN 'ROW_REQUIRED:${p.k}'`] : []),
    ...(withOdd.has(p.k) ? [`WHEN __d${p.k}.err IS NOT NULL THEN __d${p.k}.err || ':${p.k}'`] : []),
  ]);
  const err = `CASE WHEN err0 = -1 THEN CASE ${errArms.join(' ')} END ELSE ${requiredErr} END`;
  const values = named((p) => (withOdd.has(p.k) ? `COALESCE(__v${p.k}, CAST(__d${p.k}.val AS ${p.type}))` : `__v${p.k}`));
  const joins = [`LEFT JOIN ${w} ON ${w}.rid = ${a}.rowid`, ...joined.map((p) => `LEFT JOIN ${d} __d${p.k} ON __d${p.k}.k = ${p.k} AND __d${p.k}.raw = ${rawOf(p)}`)].join(' ');
  const badValue = `CASE WHEN err IS NOT NULL THEN COALESCE(CASE split_part(err, ':', 2) ${oddParts.map((p) => `WHEN '${p.k}' THEN ${p.c}`).join(' ')} END, '') END`;
  await conn.run(
    `CREATE TEMP TABLE ${o.table} AS SELECT rn, err, ${badValue} AS bad_value, ${parts.map((p) => ident(p.r.col.name)).join(', ')} FROM (SELECT ${a}.rowid + 1 AS rn, ${err} AS err, ${oddParts.map((p) => `${rawOf(p)} AS ${p.c}`).join(', ')}, ${values.join(', ')} FROM ${a} ${joins} WHERE ${isData})`,
  );
  await conn.run(`DROP TABLE ${a}`);
  await conn.run(`DROP TABLE ${w}`);
  await conn.run(`DROP TABLE ${d}`);
  return skipped;
}
