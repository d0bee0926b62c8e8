// The embedded engine for large inputs: each data file (CSV or Parquet) read by DuckDB into a table
// of the dataset's canonical columns, every cell checked by its column's type as the in-process
// reader checks it (same rules, same findings: file, row, column, value, reason), bad rows kept out
// and reported, never dropped unseen; then the measures' SQL (src/report/attainment/sql) run over
// those tables. DuckDB is loaded only here, and this module only when the engine is asked for.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttainmentData, DatasetRead } from '../../model/data.js';
import type { Dataset, DatasetColumn } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { PlanSet } from '../../model/plan-set.js';
import { eventsKey, ident, textLiteral, type ResultRow } from '../../model/sql.js';
import { readCsvRows } from './csv-rows.js';
import { mapHeader, readBoolean, readDate, readEnum, readInteger, readList, readUnit, roleColumns } from './columns.js';
import { unitLookup, type DataFile } from './load-data.js';
import { MAX_ISSUES_PER_FILE, type UnitLookup } from './read-dataset.js';
import { openText } from './text-stream.js';
import { lookUpValue, valueLookup } from './values.js';

export interface SqlEngineRequest {
  plans: PlanSet;
  files: Map<string, DataFile>;
  encoding?: string;
}

/** What was read into DuckDB: the findings, and which tables (with which columns) are there to query. */
export interface DuckdbTables {
  data: Pick<AttainmentData, 'reads' | 'issues' | 'issueCounts'>;
  /** Datasets whose table was read (named as the dataset id). */
  available: Set<string>;
  /** The dataset columns each read file has. */
  present: Map<string, Set<string>>;
}

export interface SqlEngineResult extends DuckdbTables {
  /** The query's rows, and each training file's row (its kept rows and last day, counted while it was checked). */
  rows: ResultRow[];
}

/** The characters JavaScript's String.prototype.trim removes, for DuckDB's trim(text, characters). */
const WS = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const WS_LIT = textLiteral(WS)!;
const TRUE_WORDS = ['true', '1', 'yes', 'y', 'x', 'có', 'co', 'đúng'];
const FALSE_WORDS = ['false', '0', 'no', 'n', 'không', 'khong', 'sai'];

const lits = (xs: string[]): string => xs.map((x) => textLiteral(x) ?? "''").join(', ');

interface Reader {
  col: DatasetColumn;
  /** Index of the cell in the file's row. */
  index: number;
  header: string;
  required: boolean;
  isKey: boolean;
}

/** A cell that begins or ends with a space, tab or no-break space (cheap to test: prefix and suffix). */
function paddedSql(c: string): string {
  return `(${[' ', '\t', '\u00a0'].flatMap((ch) => [`${c} LIKE ${textLiteral(`${ch}%`)}`, `${c} LIKE ${textLiteral(`%${ch}`)}`]).join(' OR ')})`;
}

interface ColumnSql {
  /** Stage 1: the cell is in its canonical form already (no trimming or folding needed); null: no fast path. */
  fast: string | null;
  /** Stage 2: the cell trimmed as String.prototype.trim does (only computed off the fast path). */
  trimmed: string;
  /** Stage 3, over __c (cell), __f (fast), __t (trimmed): empty, the checks in order, the value. */
  empty: string;
  checks: [cond: string, code: string][];
  value: string;
}

/**
 * SQL for one column, in stages so each costly step runs only for the cells that need it: a cell
 * in canonical form (most of an export) passes on a cast's round trip; the rest are trimmed and
 * read as read-dataset.ts reads them (the same rules, so the same rows pass).
 */
function columnSql(r: Reader, k: number, exact: boolean): ColumnSql {
  const c = `__c${r.index}`;
  const f = `__f${r.index}`;
  const t = `__t${r.index}`;
  const slowTrim = `trim(${c}, ${WS_LIT})`;
  // As read-dataset.ts: empty is '' or, when the cell starts or ends with a space, blank once trimmed.
  // Computed once in stage 3's input (see emptySql); the checks and the value refer to it.
  const empty = `__e${r.index}`;
  const notFast = `NOT COALESCE(${f}, FALSE)`;
  const col = r.col;
  // Text and keys take any value: trimmed when they look padded (other Unicode spaces at the ends stay).
  const textTrim = `CASE WHEN ${paddedSql(c)} THEN ${slowTrim} ELSE ${c} END`;
  if (r.isKey) return { fast: null, trimmed: textTrim, empty, checks: [], value: t };
  switch (col.type) {
    case 'integer': {
      const range = [col.min !== undefined ? `TRY_CAST(${t} AS DOUBLE) >= ${col.min}` : null, col.max !== undefined ? `TRY_CAST(${t} AS DOUBLE) <= ${col.max}` : null].filter(Boolean);
      const checks: [string, string][] = [[`${notFast} AND NOT regexp_full_match(${t}, '-?[0-9]+')`, 'ROW_NOT_A_NUMBER']];
      if (range.length) checks.push([`NOT (${range.join(' AND ')})`, 'ROW_OUT_OF_RANGE']);
      return { fast: `CAST(TRY_CAST(${c} AS BIGINT) AS VARCHAR) = ${c}`, trimmed: `CASE WHEN ${f} THEN ${c} ELSE ${slowTrim} END`, empty, checks, value: exact ? `TRY_CAST(${t} AS HUGEINT)` : `TRY_CAST(${t} AS DOUBLE)` };
    }
    case 'date': {
      const ok = `(regexp_full_match(${t}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND substr(${t}, 1, 4) <> '0000' AND TRY_CAST(${t} AS DATE) IS NOT NULL)`;
      return { fast: `CAST(TRY_CAST(${c} AS DATE) AS VARCHAR) = ${c}`, trimmed: `CASE WHEN ${f} THEN ${c} ELSE ${slowTrim} END`, empty, checks: [[`${notFast} AND NOT ${ok}`, 'ROW_DATE_INVALID']], value: `TRY_CAST(${t} AS DATE)` };
    }
    case 'boolean': {
      const l = `lower(${t})`;
      return {
        fast: `${c} IN ('true', 'false')`,
        trimmed: `CASE WHEN ${f} THEN ${c} ELSE ${slowTrim} END`,
        empty,
        checks: [[`${notFast} AND NOT (${l} IN (${lits([...TRUE_WORDS, ...FALSE_WORDS])}))`, 'ROW_VALUE_UNKNOWN']],
        value: `CASE WHEN ${f} THEN ${c} = 'true' ELSE ${l} IN (${lits(TRUE_WORDS)}) END`,
      };
    }
    case 'enum': {
      const vs = lits(col.values ?? []);
      if (!col.values?.length) return { fast: null, trimmed: slowTrim, empty, checks: [['TRUE', 'ROW_VALUE_UNKNOWN']], value: 'CAST(NULL AS VARCHAR)' };
      const value = `CASE WHEN ${f} THEN ${c} WHEN ${t} IN (${vs}) THEN ${t} WHEN lower(${t}) IN (${vs}) THEN lower(${t}) END`;
      return { fast: `${c} IN (${vs})`, trimmed: `CASE WHEN ${f} THEN ${c} ELSE ${slowTrim} END`, empty, checks: [[`(${value}) IS NULL`, 'ROW_VALUE_UNKNOWN']], value };
    }
    case 'list': {
      // The cell's values, trimmed (a padded one only), empties dropped; computed once as __t.
      const parts = `list_filter(list_transform(string_split(${c}, ';'), lambda x: CASE WHEN ${paddedSql('x')} THEN trim(x, ${WS_LIT}) ELSE x END), lambda x: x <> '')`;
      const checks: [string, string][] = col.values ? [[`len(list_filter(${t}, lambda x: x NOT IN (${lits(col.values)}))) > 0`, 'ROW_VALUE_UNKNOWN']] : [];
      return { fast: null, trimmed: parts, empty, checks, value: `NULLIF(array_to_string(${t}, ';'), '')` };
    }
    case 'unit':
      // As readUnit: a registry id as written, else a name, alias or code folded as headers are (joined in loadTable).
      return { fast: null, trimmed: `CASE WHEN ${c} IN (SELECT id FROM __unit_ids) THEN ${c} ELSE ${slowTrim} END`, empty, checks: [[`COALESCE(__ui${k}.id, __un${k}.id) IS NULL`, 'ROW_UNIT_UNKNOWN']], value: `COALESCE(__ui${k}.id, __un${k}.id)` };
    default:
      return { fast: null, trimmed: textTrim, empty, checks: [], value: `nfc_normalize(${t})` };
  }
}

/** A name as foldHeader folds it (NFC, lower case, "_" as a space, runs of spaces as one, trimmed). */
function foldSql(cell: string): string {
  return `trim(regexp_replace(lower(nfc_normalize(replace(trim(${cell}, ${WS_LIT}), '_', ' '))), '[\\s\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]+', ' ', 'g'), ' ')`;
}

type Conn = {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjects(): Record<string, unknown>[] }>;
};

async function all(conn: Conn, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjects();
}

/** PLAN_DUCKDB_TRACE=1: each statement's time on stderr (for profiling the engine). */
function traced(conn: Conn): Conn {
  if (!process.env.PLAN_DUCKDB_TRACE) return conn;
  const time = async <T>(sql: string, f: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const r = await f();
    process.stderr.write(`duckdb ${Date.now() - t0} ms: ${sql.replace(/\s+/g, ' ').slice(0, 160)}\n`);
    return r;
  };
  return { run: (sql) => time(sql, () => conn.run(sql)), runAndReadAll: (sql) => time(sql, () => conn.runAndReadAll(sql)) };
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const int = (v: unknown): number => Number(v ?? 0);

/** Text from a file shown in a finding: control characters as their code, never raw. */
function shown(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface Loaded {
  read: DatasetRead;
  issues: Diagnostic[];
  counts: Map<string, number>;
  present: Set<string>;
  ok: boolean;
  /** Events: the rows kept (their person is in the staff table) and the last day among them. */
  events?: { kept: number; last: string | null };
}

class Findings {
  readonly issues: Diagnostic[] = [];
  private readonly byCode = new Map<string, { n: number; first: number }>();
  /** Counts a finding; `first` is the row it first occurs at (the in-process reader lists codes in that order). */
  count(code: string, n = 1, first = 0): void {
    if (n <= 0) return;
    const c = this.byCode.get(code);
    if (c) {
      c.n += n;
      c.first = Math.min(c.first, first);
    } else this.byCode.set(code, { n, first });
  }
  get counts(): Map<string, number> {
    return new Map([...this.byCode].sort((a, b) => a[1].first - b[1].first).map(([code, c]) => [code, c.n]));
  }
}

/** The header row of a CSV file (and its encoding), or a finding. */
async function csvHeader(path: string, display: string, encoding?: string): Promise<{ cells: string[] | null; encoding: string; warning?: Diagnostic } | { failed: Diagnostic }> {
  let source;
  try {
    source = await openText(path, display, encoding);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { failed: { code: 'DATA_FILE_MISSING', severity: 'error', message: `cannot read the file: ${err.code ?? err.message}`, file: display, line: 0, column: 0 } };
  }
  if (source.encoding !== 'utf-8') {
    return {
      failed: {
        code: 'DATA_ENCODING',
        severity: 'error',
        message: `the file is in ${source.encoding}; the DuckDB engine reads UTF-8 only`,
        file: display,
        line: 0,
        column: 0,
        hint: 'read it with --engine js, or save it as UTF-8',
      },
    };
  }
  let cells: string[] | null = null;
  async function* firstChunks(): AsyncIterable<string> {
    for await (const chunk of source!.chunks) {
      yield chunk;
      if (cells) return;
    }
  }
  await readCsvRows(firstChunks(), {
    // The header is the first record (this engine reads canonical files: no title rows above it).
    row(h) {
      if (h.length === 0) return;
      cells = h;
      return false;
    },
    quoteError() {},
  });
  return { cells, encoding: source.encoding, ...(source.warning ? { warning: source.warning } : {}) };
}

let tableSeq = 0;

async function loadTable(conn: Conn, ds: Dataset, file: DataFile, units: UnitLookup, opts: { exact: boolean; wanted?: Set<string>; staff?: { table: string; key: string; display: string }; encoding?: string }): Promise<Loaded> {
  const f = new Findings();
  // Field for field as the in-process reader's summary (load-data.ts), so both engines' JSON is the same.
  const read: DatasetRead = { dataset: ds.id, file: file.display, given: file.given, encoding: null, format: null, delimiter: null, sheet: null, headerRow: null, rowsRead: 0, rowsKept: 0, rowsExcluded: 0, rowsSkipped: 0, synthetic: file.synthetic === true, failed: null, failedCode: null };
  const fail = (d: Diagnostic): Loaded => {
    f.count(d.code);
    f.issues.push(d);
    read.failed = d.message;
    read.failedCode = d.code;
    return { read, issues: f.issues, counts: f.counts, present: new Set(), ok: false };
  };
  if (/\.xlsx$/i.test(file.path)) {
    return fail({ code: 'DATA_NOT_DATA', severity: 'error', message: `${file.display} is an Excel workbook: the DuckDB engine reads CSV and Parquet`, file: file.display, line: 0, column: 0, hint: 'read it with --engine js, or export the sheet as CSV UTF-8' });
  }
  const parquet = /\.parquet$/i.test(file.path);
  const seq = tableSeq++;
  const n = ident(`__n${seq}`);
  const rejects = `__rej${seq}`;
  let header: string[];
  const pathLit = textLiteral(file.path);
  if (pathLit === null) return fail({ code: 'DATA_FILE_MISSING', severity: 'error', message: 'the file name holds a NUL character', file: file.display, line: 0, column: 0 });
  if (parquet) {
    try {
      header = (await all(conn, `DESCRIBE SELECT * FROM read_parquet(${pathLit})`)).map((r) => String(r.column_name));
    } catch (e) {
      return fail({ code: 'DATA_FILE_MISSING', severity: 'error', message: `cannot read the Parquet file: ${shown(String((e as Error).message).split('\n')[0]!)}`, file: file.display, line: 0, column: 0 });
    }
    read.encoding = 'parquet';
  } else {
    const h = await csvHeader(file.path, file.display, opts.encoding);
    if ('failed' in h) return fail(h.failed);
    read.encoding = h.encoding;
    read.format = 'csv';
    read.delimiter = ',';
    read.headerRow = 1;
    if (h.warning) {
      f.count(h.warning.code);
      f.issues.push(h.warning);
    }
    if (!h.cells) return fail({ code: 'DATA_EMPTY', severity: 'error', message: 'the file is empty: no header, no rows', file: file.display, line: 0, column: 0, hint: `the first line names the columns: ${ds.columns.map((c) => c.name).join(',')}` });
    header = h.cells;
  }
  const map = mapHeader(ds, header, file.display);
  for (const d of map.findings) {
    f.count(d.code);
    f.issues.push(d);
  }
  const fatal = map.findings.find((d) => d.severity === 'error');
  if (fatal) {
    read.failed = fatal.message;
    read.failedCode = fatal.code;
    return { read, issues: f.issues, counts: f.counts, present: new Set(), ok: false };
  }
  const roles = roleColumns(ds);
  const readers: Reader[] = [];
  for (const col of ds.columns) {
    const i = map.index.get(col.name);
    if (i === undefined || (opts.wanted && !opts.wanted.has(col.name))) continue;
    readers.push({ col, index: i, header: map.written.get(col.name)!, required: Boolean(col.required) || roles.has(col.name), isKey: col.name === ds.key || col.name === ds.person });
  }
  const present = new Set(readers.map((r) => r.col.name));

  // The raw cells as text, with each record's number among those DuckDB could split (file order kept).
  const raw = parquet
    ? `SELECT file_row_number + 1 AS rn, ${header.map((h, i) => `CAST(${ident(h)} AS VARCHAR) AS __c${i}`).join(', ')} FROM read_parquet(${pathLit}, file_row_number = true)`
    : `SELECT row_number() OVER () AS rn, * FROM read_csv(${pathLit}, header = false, skip = 1, columns = {${header.map((_h, i) => `'__c${i}': 'VARCHAR'`).join(', ')}}, delim = ',', quote = '"', escape = '"', auto_detect = false, ignore_errors = true, store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan')`;
  const parts = readers.map((r, k) => ({ r, k, ...columnSql(r, k, opts.exact) }));
  const arms: string[] = [];
  for (const p of parts) {
    if (p.r.required) arms.push(`WHEN ${p.empty} THEN 'ROW_REQUIRED:${p.k}'`);
    for (const [cond, code] of p.checks) arms.push(`WHEN NOT ${p.empty} AND ${cond} THEN '${code}:${p.k}'`);
  }
  const err = arms.length ? `CASE ${arms.join(' ')} END` : 'CAST(NULL AS VARCHAR)';
  const joins = parts
    .filter((p) => p.r.col.type === 'unit' && !p.r.isKey)
    .map((p) => `LEFT JOIN __unit_ids __ui${p.k} ON __ui${p.k}.id = r.__t${p.r.index} LEFT JOIN __unit_names __un${p.k} ON __un${p.k}.name = (CASE WHEN __ui${p.k}.id IS NULL THEN ${foldSql(`r.__c${p.r.index}`)} END)`);
  const values = parts.map((p) => `CASE WHEN ${p.empty} THEN NULL ELSE ${p.value} END AS ${ident(p.r.col.name)}`);
  const badValue = parts.length ? `CASE split_part(err, ':', 2) ${parts.map((p) => `WHEN '${p.k}' THEN __c${p.r.index}`).join(' ')} END` : 'NULL';
  const cells = parts.map((p) => `__c${p.r.index}`);
  const stage1 = `SELECT rn, ${[...cells, ...parts.map((p) => `${p.fast ?? 'FALSE'} AS __f${p.r.index}`)].join(', ') || 'NULL AS __none'} FROM (${raw}) r0`;
  const stage2 = `SELECT *, ${parts.map((p) => `${p.trimmed} AS __t${p.r.index}`).join(', ') || 'NULL AS __none2'} FROM (${stage1}) r1`;
  // Stage 2b: whether each cell is empty (the list column's trimmed form is a list: its emptiness is the cell's).
  const emptySql = (p: (typeof parts)[number]) => {
    const c = `__c${p.r.index}`;
    return p.r.col.type === 'list' ? `(${c} IS NULL OR ${c} = '' OR ((${c} LIKE ' %' OR ${c} LIKE '% ') AND trim(${c}, ${WS_LIT}) = ''))` : `(${c} IS NULL OR ${c} = '' OR ((${c} LIKE ' %' OR ${c} LIKE '% ') AND __t${p.r.index} = ''))`;
  };
  const stage2b = `SELECT *, ${parts.map((p) => `${emptySql(p)} AS __e${p.r.index}`).join(', ') || 'NULL AS __none3'} FROM (${stage2}) r2`;
  const stage3 = `SELECT r.rn, ${err} AS err, ${cells.map((x) => `r.${x}`).join(', ') || 'NULL AS __none'}${values.length ? `, ${values.join(', ')}` : ''} FROM (${stage2b}) r ${joins.join(' ')}`;
  try {
    await conn.run(`CREATE TEMP TABLE ${n} AS SELECT rn, err, CASE WHEN err IS NULL THEN NULL ELSE ${badValue} END AS bad_value, ${parts.map((p) => ident(p.r.col.name)).join(', ') || 'NULL AS __none'} FROM (${stage3})`);
  } catch (e) {
    return fail({ code: 'DATA_FILE_MISSING', severity: 'error', message: `DuckDB could not read the file: ${shown(String((e as Error).message).split('\n')[0]!)}`, file: file.display, line: 0, column: 0 });
  }

  // A free-text column with value aliases ("Giám đốc" for giam-doc): the in-process reader maps each
  // cell through them, this engine does not yet. Rather than count such cells as written (a silently
  // different figure), a file that uses them is refused, naming the column and a value.
  for (const p of parts) {
    const col = p.r.col;
    if (p.r.isKey || !col.value_aliases || ['integer', 'date', 'boolean', 'enum', 'list', 'unit'].includes(col.type)) continue;
    const lookup = valueLookup(col);
    const distinct = await all(conn, `SELECT DISTINCT ${ident(col.name)} AS v FROM ${n} WHERE ${ident(col.name)} IS NOT NULL LIMIT 100000`);
    const aliased = distinct.map((r) => String(r.v)).find((v) => {
      const to = lookUpValue(lookup, v);
      return to !== undefined && to !== v;
    });
    if (aliased !== undefined) {
      return fail({
        code: 'DATA_ENGINE_UNSUPPORTED',
        severity: 'error',
        message: `column ${col.name} ("${shown(p.r.header)}") holds values written as their aliases in plans/datasets.yaml (such as "${shown(aliased)}" for ${lookUpValue(lookup, aliased)}), which the DuckDB engine does not map yet`,
        file: file.display,
        line: 0,
        column: p.r.index + 1,
        hint: 'read this file with --engine js, which maps them',
      });
    }
  }

  // Records DuckDB could not split into the header's cells (too few or too many, an open quote).
  const rejected = parquet
    ? []
    : (await all(conn, `SELECT DISTINCT ON (line) line, error_type, left(csv_line, 2000) AS csv_line, left(error_message, 300) AS msg FROM ${ident(rejects)} ORDER BY line`)).map((r) => ({ line: int(r.line), type: String(r.error_type), text: String(r.csv_line ?? ''), msg: String(r.msg ?? '') }));
  const lines = rejected.map((x) => x.line);
  /** A row's record number: its place among DuckDB's rows, plus the header, plus the records rejected before it. */
  const rowOf = (rn: number): number => {
    if (parquet) return rn;
    let j = 0;
    while (j < lines.length && lines[j]! <= rn + 1 + j) j++;
    return rn + 1 + j;
  };
  const detail: Diagnostic[] = [];
  for (const x of rejected) {
    const many = x.type === 'TOO MANY COLUMNS';
    const few = x.type === 'MISSING COLUMNS';
    const quote = x.type === 'UNQUOTED VALUE';
    const code = quote ? 'ROW_QUOTE' : 'ROW_FIELD_COUNT';
    f.count(code, 1, x.line);
    if (detail.length >= MAX_ISSUES_PER_FILE) continue;
    if (many || few) {
      let cells = 0;
      await readCsvRows(
        (async function* () {
          yield `${x.text}\n`;
        })(),
        {
          row: (c) => ((cells = c.length), false),
          quoteError() {},
        },
      );
      detail.push({ code, severity: 'error', message: `the row has ${cells} cell${cells === 1 ? '' : 's'}, the header ${header.length}`, file: file.display, line: x.line, column: 0, row: x.line, hint: few ? 'a cell is missing, or a line break splits the row' : 'a comma inside a cell needs the cell in double quotes' });
    } else if (!quote) {
      // A record DuckDB could not read for another reason (a line past its size limit, bytes that are not UTF-8).
      detail.push({ code, severity: 'error', message: `the row could not be read: ${shown(x.msg)}`, file: file.display, line: x.line, column: 0, row: x.line });
    } else {
      detail.push({ code, severity: 'error', message: /unterminated/i.test(x.msg) ? 'a quoted cell is never closed: the rest of the file is inside its quotes' : 'a quote inside a cell is not doubled ("")', file: file.display, line: x.line, column: 0, row: x.line, hint: 'a quote inside a cell is written twice (""), and the whole cell is quoted' });
    }
  }

  const totalsRow = (await all(conn, `SELECT count(*) AS rows, count(err) AS bad FROM ${n}`))[0]!;
  read.rowsRead = int(totalsRow.rows) + rejected.length;
  for (const r of await all(conn, `SELECT split_part(err, ':', 1) AS code, count(*) AS n, min(rn) AS first FROM ${n} WHERE err IS NOT NULL GROUP BY 1`)) f.count(String(r.code), int(r.n), rowOf(int(r.first)));
  if (int(totalsRow.bad) > 0) {
    for (const r of await all(conn, `SELECT rn, err, bad_value FROM ${n} WHERE err IS NOT NULL ORDER BY rn LIMIT ${MAX_ISSUES_PER_FILE}`)) {
      const [code, k] = String(r.err).split(':');
      const reader = readers[Number(k)]!;
      const value = str(r.bad_value) ?? '';
      detail.push(cellFinding(code!, reader, value, rowOf(int(r.rn)), file.display, units));
    }
  }

  const table = ident(ds.id);
  let events: Loaded['events'];
  const cols = readers.map((r) => ident(r.col.name)).join(', ') || 'NULL AS __none';
  if (ds.kind === 'people') {
    const key = ident(ds.key!);
    const from = ds.active_from && present.has(ds.active_from) ? ident(ds.active_from) : null;
    const to = ds.active_to && present.has(ds.active_to) ? ident(ds.active_to) : null;
    const rangeOk = from && to ? `NOT (${from} IS NOT NULL AND ${to} IS NOT NULL AND ${from} > ${to})` : 'TRUE';
    // As the in-process reader: the first good row of a person is kept; a later one is a duplicate,
    // and a row whose dates are the wrong way round is out (a later good row of that person is then kept).
    await conn.run(`CREATE TEMP TABLE ${ident(`__k${seq}`)} AS SELECT *, ${rangeOk} AS range_ok, min(CASE WHEN ${rangeOk} THEN rn END) OVER (PARTITION BY ${key}) AS krn FROM ${n} WHERE err IS NULL`);
    await conn.run(`CREATE TEMP TABLE ${table} AS SELECT ${cols} FROM ${ident(`__k${seq}`)} WHERE rn = krn`);
    const out = await all(conn, `SELECT count(*) FILTER (WHERE krn IS NOT NULL AND rn > krn) AS dup, min(rn) FILTER (WHERE krn IS NOT NULL AND rn > krn) AS dup_first, count(*) FILTER (WHERE NOT range_ok AND (krn IS NULL OR rn < krn)) AS rng, min(rn) FILTER (WHERE NOT range_ok AND (krn IS NULL OR rn < krn)) AS rng_first FROM ${ident(`__k${seq}`)}`);
    f.count('ROW_ID_DUPLICATE', int(out[0]!.dup), rowOf(int(out[0]!.dup_first)));
    f.count('ROW_ACTIVE_RANGE', int(out[0]!.rng), rowOf(int(out[0]!.rng_first)));
    if (int(out[0]!.dup) + int(out[0]!.rng) > 0) {
      const keyReader = readers.find((r) => r.col.name === ds.key)!;
      const toReader = readers.find((r) => r.col.name === ds.active_to);
      const rows = await all(
        conn,
        `SELECT rn, ${key} AS k, krn, range_ok, ${from ? `CAST(${from} AS VARCHAR)` : 'NULL'} AS f, ${to ? `CAST(${to} AS VARCHAR)` : 'NULL'} AS t FROM ${ident(`__k${seq}`)} WHERE (krn IS NOT NULL AND rn > krn) OR (NOT range_ok AND (krn IS NULL OR rn < krn)) ORDER BY rn LIMIT ${MAX_ISSUES_PER_FILE}`,
      );
      for (const r of rows) {
        const row = rowOf(int(r.rn));
        const id = String(r.k);
        if (r.krn !== null && int(r.rn) > int(r.krn)) {
          detail.push({ code: 'ROW_ID_DUPLICATE', severity: 'error', message: `${ds.key} "${shown(id)}" is already used by an earlier row; the first row is kept`, file: file.display, line: row, column: keyReader.index + 1, row, field: keyReader.col.name, header: keyReader.header, value: id, hint: 'each person has one row' });
        } else {
          detail.push({ code: 'ROW_ACTIVE_RANGE', severity: 'error', message: `${ds.active_to} ${r.t} is before ${ds.active_from} ${r.f}`, file: file.display, line: row, column: toReader!.index + 1, row, field: toReader!.col.name, header: toReader!.header, value: String(r.t) });
        }
      }
    }
    await conn.run(`DROP TABLE ${ident(`__k${seq}`)}`);
    read.rowsKept = int((await all(conn, `SELECT count(*) AS n FROM ${table}`))[0]!.n);
  } else if (ds.kind === 'events' && opts.staff) {
    const person = ident(ds.person!);
    // Good rows only; a row whose person the staff table lacks is a bad row, one finding per run of them.
    await conn.run(`CREATE TEMP VIEW ${table} AS SELECT ${cols} FROM ${n} WHERE err IS NULL`);
    const known = `${person} IN (SELECT ${ident(opts.staff.key)} FROM ${ident(opts.staff.table)})`;
    const date = ident(ds.date!);
    const c = (await all(conn, `SELECT count(*) FILTER (WHERE known) AS kept, count(*) FILTER (WHERE NOT known) AS unknown, CAST(max(d) FILTER (WHERE known) AS VARCHAR) AS last FROM (SELECT ${known} AS known, ${date} AS d FROM ${n} WHERE err IS NULL)`))[0]!;
    read.rowsKept = int(c.kept);
    events = { kept: int(c.kept), last: str(c.last) };
    const unknown = int(c.unknown);
    // Counted after the rows' own findings, as the in-process join adds them after the fold.
    f.count('ROW_PERSON_UNKNOWN', unknown, Number.MAX_SAFE_INTEGER);
    if (unknown > 0) {
      // A run: consecutive good rows naming one person (as the in-process fold groups them).
      const runs = await all(
        conn,
        `SELECT min(rn) AS rn, any_value(p) AS p, count(*) AS rows FROM (SELECT rn, p, known, sum(CASE WHEN brk THEN 1 ELSE 0 END) OVER (ORDER BY rn) AS g FROM (SELECT rn, ${person} AS p, ${known} AS known, (lag(${person}) OVER (ORDER BY rn)) IS DISTINCT FROM ${person} AS brk FROM ${n} WHERE err IS NULL)) WHERE NOT known GROUP BY g ORDER BY min(rn) LIMIT ${MAX_ISSUES_PER_FILE}`,
      );
      const pr = readers.find((r) => r.col.name === ds.person)!;
      for (const r of runs) {
        const row = rowOf(int(r.rn));
        const rows = int(r.rows);
        const id = String(r.p);
        detail.push({
          code: 'ROW_PERSON_UNKNOWN',
          severity: 'error',
          message: `${ds.person} "${shown(id)}" is not in ${opts.staff.display} (or its row there was excluded)${rows > 1 ? `; ${rows} rows from here on name this person` : ''}`,
          file: file.display,
          line: row,
          column: pr.index + 1,
          row,
          hint: 'a training row names a person of the staff file',
          field: ds.person!,
          header: pr.header,
          value: id,
        });
      }
    }
  } else {
    await conn.run(`CREATE TEMP VIEW ${table} AS SELECT ${cols} FROM ${n} WHERE err IS NULL`);
    read.rowsKept = int(totalsRow.rows) - int(totalsRow.bad);
  }
  read.rowsExcluded = read.rowsRead - read.rowsKept;
  detail.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  f.issues.push(...detail.slice(0, MAX_ISSUES_PER_FILE));
  if (read.rowsRead === 0) return fail({ code: 'DATA_EMPTY', severity: 'error', message: 'the file has a header but no data rows', file: file.display, line: 1, column: 0, row: 1, hint: 'export the rows too, or point the flag at another file' });
  // The in-process reader learns the columns from the first row that fits them: with none, the table has none.
  const cellsOk = int(totalsRow.rows) - int(totalsRow.bad);
  return { read, issues: f.issues, counts: f.counts, present: cellsOk > 0 ? present : new Set(), ok: true, ...(events ? { events } : {}) };
}

/** The finding of a bad cell: the same message and hint the in-process reader gives, from the cell as written. */
function cellFinding(code: string, reader: Reader, value: string, row: number, file: string, units: UnitLookup): Diagnostic {
  const col = reader.col;
  let message = `${col.name}: the value does not fit the column`;
  let hint: string | undefined;
  if (code === 'ROW_REQUIRED') {
    message = `${col.name} is empty`;
    hint = `every row needs a ${col.name}`;
  } else {
    const r =
      col.type === 'integer'
        ? readInteger(col, value)
        : col.type === 'date'
          ? readDate(value)
          : col.type === 'boolean'
            ? readBoolean(value)
            : col.type === 'enum'
              ? readEnum(col, value)
              : col.type === 'list'
                ? readList(col, value)
                : col.type === 'unit'
                  ? readUnit(value, units)
                  : null;
    if (r && !r.ok) {
      message = `${col.name}: ${r.message}`;
      hint = r.hint;
    }
  }
  const d: Diagnostic = { code: code as Diagnostic['code'], severity: 'error', message: shown(message), file, line: row, column: reader.index + 1, row, field: col.name, header: reader.header, value };
  if (hint) d.hint = hint;
  return d;
}

/**
 * Reads the data files into DuckDB, then runs the query `sqlFor` writes for the tables read (rows of
 * target, unit, year, numerator, denominator); the measures' SQL is the report layer's to write.
 */
export async function runDuckdb(req: SqlEngineRequest, sqlFor: (tables: DuckdbTables) => string | null): Promise<SqlEngineResult> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  // A database file of its own in a temporary directory: tables past the memory limit spill there.
  const dir = mkdtempSync(join(tmpdir(), 'plan-duckdb-'));
  const instance = await DuckDBInstance.create(join(dir, 'db.duckdb'), { memory_limit: process.env.PLAN_DUCKDB_MEMORY ?? '1GB', temp_directory: join(dir, 'tmp'), preserve_insertion_order: 'true' });
  const conn = (await instance.connect()) as unknown as Conn & { closeSync?: () => void };
  try {
    return await runIn(traced(conn), req, sqlFor);
  } finally {
    conn.closeSync?.();
    (instance as unknown as { closeSync?: () => void }).closeSync?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runIn(conn: Conn, req: SqlEngineRequest, sqlFor: (tables: DuckdbTables) => string | null): Promise<SqlEngineResult> {
  const units = unitLookup(req.plans);
  // The registry's ids and folded names, for unit columns (a name, alias or code in an export reads as its id).
  const ids = [...units.ids].map((id) => `(${textLiteral(id)})`).filter((x) => x !== '(null)');
  const names = [...units.byName].filter(([name]) => textLiteral(name) !== null).map(([name, id]) => `(${textLiteral(name)}, ${textLiteral(id)})`);
  await conn.run('CREATE TEMP TABLE __unit_ids (id VARCHAR PRIMARY KEY)');
  await conn.run('CREATE TEMP TABLE __unit_names (name VARCHAR PRIMARY KEY, id VARCHAR)');
  if (ids.length) await conn.run(`INSERT INTO __unit_ids VALUES ${ids.join(', ')}`);
  if (names.length) await conn.run(`INSERT INTO __unit_names VALUES ${names.join(', ')}`);

  const byId = new Map(req.plans.datasets.map((d) => [d.id, d]));
  const reads: DatasetRead[] = [];
  const issues: Diagnostic[] = [];
  const issueCounts: AttainmentData['issueCounts'] = [];
  const available = new Set<string>();
  const present = new Map<string, Set<string>>();
  const eventRows: ResultRow[] = [];
  const take = (l: Loaded, ds: Dataset) => {
    // The rows and last day of a training file: counted while it was checked, so the query need not scan it again.
    if (l.ok && l.events) eventRows.push({ target: eventsKey(ds.id), unit: l.events.last, year: null, numerator: BigInt(l.events.kept), denominator: null });
    reads.push(l.read);
    issues.push(...l.issues);
    for (const [code, count] of l.counts) issueCounts.push({ file: l.read.file, code, count });
    if (l.ok) {
      available.add(ds.id);
      present.set(ds.id, l.present);
    }
  };
  const enc = req.encoding !== undefined ? { encoding: req.encoding } : {};
  for (const [id, file] of req.files) {
    const ds = byId.get(id);
    if (!ds || ds.kind !== 'people') continue;
    const l = await loadTable(conn, ds, file, units, { exact: false, ...enc });
    take(l, ds);
    if (!l.ok) continue;
    for (const [eid, efile] of req.files) {
      const eds = byId.get(eid);
      if (!eds || eds.kind !== 'events' || eds.of !== id) continue;
      const wanted = new Set([eds.person, eds.date, eds.topic, eds.abroad].filter((c): c is string => c !== undefined));
      const staff = { table: ds.id, key: ds.key!, display: file.display };
      take(await loadTable(conn, eds, efile, units, { exact: false, wanted, staff, ...enc }), eds);
    }
  }
  for (const [id, file] of req.files) {
    const ds = byId.get(id);
    if (!ds || ds.kind !== 'totals') continue;
    take(await loadTable(conn, ds, file, units, { exact: true, ...enc }), ds);
  }
  const tables: DuckdbTables = { data: { reads, issues, issueCounts }, available, present };
  const sql = sqlFor(tables);
  const rows: ResultRow[] = [...eventRows];
  if (sql) {
    for (const r of await all(conn, sql)) {
      rows.push({
        target: String(r.target),
        unit: str(r.unit),
        year: r.year === null || r.year === undefined ? null : Number(r.year),
        numerator: r.numerator === null || r.numerator === undefined ? null : BigInt(String(r.numerator)),
        denominator: r.denominator === null || r.denominator === undefined ? null : BigInt(String(r.denominator)),
      });
    }
  }
  return { ...tables, rows };
}
