// The embedded engine for large inputs: each data file (CSV or Parquet) read by DuckDB into a table
// of the dataset's canonical columns, every cell checked by its column's type as the in-process
// reader checks it (same rules, same findings: file, row, column, value, reason), bad rows kept out
// and reported, never dropped unseen; then the measures' SQL (src/report/attainment/sql) run over
// those tables. DuckDB is loaded only here, and this module only when the engine is asked for.

import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttainmentData, DatasetRead } from '../../model/data.js';
import type { Dataset } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { PlanSet } from '../../model/plan-set.js';
import { eventsKey, ident, textLiteral, type ResultRow } from '../../model/sql.js';
import { readCsvRows } from './csv-rows.js';
import { mapHeader, roleColumns } from './columns.js';
import { cellDiagnostic, readCells, type Failure, type Reader } from './duckdb-cells.js';
import { all, int, str, traced, type Conn } from './duckdb-conn.js';
import { printable } from './sniff.js';
import { duckdbInput, type DuckdbInput } from './duckdb-input.js';
import { hasFooterText, isBlankRow, isFooterText } from './non-data-rows.js';
import { unitLookup, type DataFile } from './load-data.js';
import { MAX_ISSUES_PER_FILE, plural, type UnitLookup } from './read-dataset.js';
import { DataFileError, openText } from './text-stream.js';

export interface SqlEngineRequest {
  plans: PlanSet;
  files: Map<string, DataFile>;
  encoding?: string;
  /** DuckDB's memory limit (duckdbMemory). */
  memory: string;
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
  try {
    await readCsvRows(firstChunks(), {
      // The header is the first record (this engine reads canonical files: no title rows above it).
      row(h) {
        if (h.length === 0) return;
        cells = h;
        return false;
      },
      quoteError() {},
    });
  } catch (e) {
    // Bytes that are not UTF-8 in the first lines: the in-process reader's own finding.
    if (e instanceof DataFileError) return { failed: e.diagnostic };
    throw e;
  }
  return { cells, encoding: source.encoding, ...(source.warning ? { warning: source.warning } : {}) };
}

let tableSeq = 0;

async function loadTable(conn: Conn, ds: Dataset, file: DataFile, units: UnitLookup, opts: { exact: boolean; unitType: string | null; input: Promise<DuckdbInput>; prefetch?: () => void; wanted?: Set<string>; staff?: { table: string; key: string; display: string }; encoding?: string }): Promise<Loaded> {
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
  // A file that cannot be checked (gone, a directory) is reported below, by the reading that fails.
  const input: DuckdbInput = await opts.input.catch(() => ({ ok: true as const, parquet: false, emptyLines: [] }));
  opts.prefetch?.();
  if (!input.ok) return fail(input.finding);
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
      return fail({ code: 'DATA_FILE_MISSING', severity: 'error', message: `cannot read the Parquet file: ${printable(String((e as Error).message).split('\n')[0]!)}`, file: file.display, line: 0, column: 0 });
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
    // As the in-process reader: a header row that does not map is no header found.
    read.headerRow = null;
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
    ? `SELECT ${header.map((h, i) => `CAST(${ident(h)} AS VARCHAR) AS __c${i}`).join(', ')} FROM read_parquet(${pathLit})`
    : `SELECT * FROM read_csv(${pathLit}, header = false, skip = 1, columns = {${header.map((_h, i) => `'__c${i}': 'VARCHAR'`).join(', ')}}, delim = ',', quote = '"', escape = '"', auto_detect = false, ignore_errors = true, store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan')`;
  const failures = new Map<number, Map<string, Failure>>();
  // Records DuckDB could not split into the header's cells (too few or too many, an open quote),
  // read once DuckDB has read the file.
  let rejected: { line: number; type: string; text: string; msg: string }[] = [];
  // The file's lines that are no row of DuckDB's: records it could not split, and empty lines (skipped, as the in-process reader skips blank rows).
  let lines: number[] = [...input.emptyLines];
  /** A row's record number: its place among DuckDB's rows, plus the header, plus the lines before it that are no row of DuckDB's. */
  const rowOf = (rn: number): number => {
    if (parquet) return rn;
    let j = 0;
    while (j < lines.length && lines[j]! <= rn + 1 + j) j++;
    return rn + 1 + j;
  };
  // Rows that are no data, as read-dataset.ts skips them: blank rows, and below the table the rows
  // whose key is empty (or a mark) from the first that holds a mark ("Tổng cộng", "Người lập biểu").
  const keyIndex = ds.key !== undefined || ds.person !== undefined ? (map.index.get(ds.key ?? ds.person!) ?? -1) : -1;
  const skippedLines = new Set<number>();
  let blankLines = 0;
  let footer: { row: number; text: string } | undefined;
  const nonData = async (maybe: { rn: number; cells: string[] }[]) => {
    rejected = parquet
      ? []
      : (await all(conn, `SELECT DISTINCT ON (line) line, error_type, left(csv_line, 2000) AS csv_line, left(error_message, 300) AS msg FROM ${ident(rejects)} ORDER BY line`)).map((r) => ({ line: int(r.line), type: String(r.error_type), text: String(r.csv_line ?? ''), msg: String(r.msg ?? '') }));
    lines = [...new Set([...rejected.map((x) => x.line), ...input.emptyLines])].sort((a, b) => a - b);
    // The rows in file order: DuckDB's that may be no data, and the records it could not split by their cell count (the in-process reader decides blank and footer rows before it counts cells).
    const rows: { row: number; cells: string[]; rn?: number; line?: number }[] = maybe.map((m) => ({ row: rowOf(m.rn), cells: m.cells, rn: m.rn }));
    for (const x of rejected) if (x.type === 'TOO MANY COLUMNS' || x.type === 'MISSING COLUMNS') rows.push({ row: x.line, cells: await recordCells(x.text), line: x.line });
    rows.sort((a, b) => a.row - b.row);
    const blank = new Set<number>();
    const below = new Set<number>();
    let inFooter = false;
    for (const r of rows) {
      const cell = keyIndex < 0 ? '' : (r.cells[keyIndex] ?? '');
      const keyEmpty = cell.trim() === '' || isFooterText(cell);
      const kind = isBlankRow(r.cells) ? 'blank' : keyEmpty && (inFooter || hasFooterText(r.cells)) ? 'footer' : null;
      if (kind === 'footer' && !inFooter) {
        footer = { row: r.row, text: r.cells.find((c) => c.trim() !== '')!.trim() };
        inFooter = true;
      }
      if (kind === null) continue;
      if (r.rn !== undefined) (kind === 'blank' ? blank : below).add(r.rn);
      else {
        skippedLines.add(r.line!);
        if (kind === 'blank') blankLines++;
      }
    }
    return { blank, footer: below };
  };
  // A row that may be no data: its key empty or not a plain id (for a file without a key, every row).
  const keyAt = readers.findIndex((r) => r.isKey);
  const candidate = keyAt >= 0 ? `(__e${keyAt} OR NOT __p${keyAt})` : 'TRUE';
  let skippedRows = { blank: 0, footer: 0 };
  try {
    skippedRows = await readCells(conn, { ds, raw, readers, units, exact: opts.exact, table: n, seq, unitType: opts.unitType, failures, width: header.length, candidate, nonData });
  } catch (e) {
    return fail({ code: 'DATA_FILE_MISSING', severity: 'error', message: `DuckDB could not read the file: ${printable(String((e as Error).message).split('\n')[0]!)}`, file: file.display, line: 0, column: 0 });
  }
  // Records DuckDB could not split that are no data are skipped, not bad rows.
  rejected = rejected.filter((x) => !skippedLines.has(x.line));

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
      detail.push({ code, severity: 'error', message: `the row could not be read: ${printable(x.msg)}`, file: file.display, line: x.line, column: 0, row: x.line });
    } else {
      detail.push({ code, severity: 'error', message: /unterminated/i.test(x.msg) ? 'a quoted cell is never closed: the rest of the file is inside its quotes' : 'a quote inside a cell is not doubled ("")', file: file.display, line: x.line, column: 0, row: x.line, hint: 'a quote inside a cell is written twice (""), and the whole cell is quoted' });
    }
  }

  const totalsRow = (await all(conn, `SELECT count(*) AS rows, count(err) AS bad FROM ${n}`))[0]!;
  read.rowsRead = int(totalsRow.rows) + rejected.length;
  for (const r of await all(conn, `SELECT split_part(err, ':', 1) AS code, count(*) AS n, min(rn) AS first FROM ${n} WHERE err IS NOT NULL GROUP BY 1`)) f.count(String(r.code), int(r.n), rowOf(int(r.first)));
  if (int(totalsRow.bad) > 0) {
    const bad = await all(conn, `SELECT rn, err, bad_value FROM ${n} WHERE err IS NOT NULL ORDER BY rn LIMIT ${MAX_ISSUES_PER_FILE}`);
    // A key left empty is not kept as written (" " reads as empty): the few such rows read again.
    const blankKeys = bad.filter((r) => str(r.bad_value) === '' && readers[Number(String(r.err).split(':')[1])]!.isKey);
    const written = await cellsAsWritten(conn, raw, blankKeys.map((r) => int(r.rn)), [...new Set(blankKeys.map((r) => readers[Number(String(r.err).split(':')[1])]!.index))]);
    for (const r of bad) {
      const [code, k] = String(r.err).split(':');
      const reader = readers[Number(k)]!;
      const value = (reader.isKey ? written.get(int(r.rn))?.get(reader.index) : undefined) ?? str(r.bad_value) ?? '';
      const failure = failures.get(Number(k))?.get(value) ?? { ok: false as const, code: code as Failure['code'], message: `${reader.col.name} is empty`, hint: `every row needs a ${reader.col.name}` };
      const row = rowOf(int(r.rn));
      detail.push(cellDiagnostic(failure, { file: file.display, row, column: reader.index + 1, field: reader.col.name, header: reader.header, value }, printable));
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
    // The common case first: every good row a person of its own, its dates the right way round. Then
    // the good rows are the table, with no window over them (a third of the load's time on 1M rows).
    const clean = (await all(conn, `SELECT count(*) AS n, count(DISTINCT ${key}) AS keys, count(*) FILTER (WHERE NOT (${rangeOk})) AS bad FROM ${n} WHERE err IS NULL`))[0]!;
    if (int(clean.n) === int(clean.keys) && int(clean.bad) === 0) {
      await conn.run(`CREATE TEMP VIEW ${table} AS SELECT ${cols} FROM ${n} WHERE err IS NULL`);
      read.rowsKept = int(clean.n);
    } else {
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
        // The cells as written, for the findings' values (the in-process reader shows the cell, not its value).
        const written = await cellsAsWritten(
          conn,
          raw,
          rows.map((r) => int(r.rn)),
          [keyReader.index, ...(toReader ? [toReader.index] : [])],
        );
        for (const r of rows) {
          const row = rowOf(int(r.rn));
          const id = String(r.k);
          const cells = written.get(int(r.rn));
          if (r.krn !== null && int(r.rn) > int(r.krn)) {
            detail.push({ code: 'ROW_ID_DUPLICATE', severity: 'error', message: `${ds.key} "${id}" is already used by an earlier row; the first row is kept`, file: file.display, line: row, column: keyReader.index + 1, row, field: keyReader.col.name, header: keyReader.header, value: printable(cells?.get(keyReader.index) ?? id), hint: 'each person has one row' });
          } else {
            detail.push({ code: 'ROW_ACTIVE_RANGE', severity: 'error', message: `${ds.active_to} ${r.t} is before ${ds.active_from} ${r.f}`, file: file.display, line: row, column: toReader!.index + 1, row, field: toReader!.col.name, header: toReader!.header, value: printable(cells?.get(toReader!.index) ?? String(r.t)) });
          }
        }
      }
      await conn.run(`DROP TABLE ${ident(`__k${seq}`)}`);
      read.rowsKept = int((await all(conn, `SELECT count(*) AS n FROM ${table}`))[0]!.n);
    }
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
          message: `${ds.person} "${id}" is not in ${opts.staff.display} (or its row there was excluded)${rows > 1 ? `; ${rows} rows from here on name this person` : ''}`,
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
  // Empty lines, blank rows and rows below the table, skipped as read-dataset.ts skips them, and said
  // so as it says it: after the rows' findings; for a training file, every finding in row order (as
  // the in-process join sorts them), the first MAX_ISSUES_PER_FILE errors in full.
  const blank = input.emptyLines.length + skippedRows.blank + blankLines;
  const skippedCount = blank + skippedRows.footer + (skippedLines.size - blankLines);
  read.rowsSkipped = skippedCount;
  let warning: Diagnostic | undefined;
  if (skippedCount > 0) {
    const parts = [...(blank > 0 ? [plural(blank, 'blank row')] : []), ...(footer ? [`${plural(skippedCount - blank, 'row')} below the table from row ${footer.row} ("${printable(footer.text.slice(0, 40))}")`] : [])];
    warning = { code: 'DATA_ROWS_SKIPPED', severity: 'warning', message: `${plural(skippedCount, 'row')} skipped as no data: ${parts.join(', ')}`, file: file.display, line: footer?.row ?? 0, column: 0, ...(footer ? { row: footer.row } : {}) };
  }
  const skipped = (): void => {
    if (!warning) return;
    f.count('DATA_ROWS_SKIPPED', 1, Number.MAX_SAFE_INTEGER);
    f.issues.push(warning);
  };
  if (ds.kind === 'events') {
    // Counted by the fold, before the join adds the unknown persons.
    if (warning) f.count('DATA_ROWS_SKIPPED', 1, Number.MAX_SAFE_INTEGER - 1);
    const all = [...f.issues, ...(warning ? [warning] : []), ...detail].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    let errors = 0;
    f.issues.length = 0;
    f.issues.push(...all.filter((d) => d.severity === 'warning' || errors++ < MAX_ISSUES_PER_FILE));
  } else f.issues.push(...detail.slice(0, MAX_ISSUES_PER_FILE));
  if (read.rowsRead === 0) {
    const empty = fail({ code: 'DATA_EMPTY', severity: 'error', message: 'the file has a header but no data rows', file: file.display, line: 1, column: 0, row: 1, hint: 'export the rows too, or point the flag at another file' });
    if (ds.kind !== 'events') skipped();
    return { ...empty, counts: f.counts };
  }
  if (ds.kind !== 'events') skipped();
  // The in-process reader learns the columns from the first row that fits them: with none, the table has none.
  const cellsOk = int(totalsRow.rows) - int(totalsRow.bad);
  return { read, issues: f.issues, counts: f.counts, present: cellsOk > 0 ? present : new Set(), ok: true, ...(events ? { events } : {}) };
}

/** The cells of one CSV record as written (a record DuckDB could not split). */
async function recordCells(text: string): Promise<string[]> {
  let cells: string[] = [];
  await readCsvRows(
    (async function* () {
      yield `${text}\n`;
    })(),
    { row: (c) => ((cells = c), false), quoteError() {} },
  );
  return cells;
}

/**
 * Some cells of some rows (by DuckDB's row number, from 1) as the file writes them: the file read
 * again in the same order, for the few rows a finding names.
 */
async function cellsAsWritten(conn: Conn, raw: string, rns: number[], indexes: number[]): Promise<Map<number, Map<number, string>>> {
  const out = new Map<number, Map<number, string>>();
  if (rns.length === 0) return out;
  const rows = await all(conn, `SELECT rn, ${indexes.map((i) => `__c${i}`).join(', ')} FROM (SELECT row_number() OVER () AS rn, * FROM (${raw})) WHERE rn IN (${[...new Set(rns)].join(', ')})`);
  for (const r of rows) out.set(int(r.rn), new Map(indexes.map((i) => [i, str(r[`__c${i}`]) ?? ''])));
  return out;
}

/** DuckDB's memory limit: PLAN_DUCKDB_MEMORY of the command's environment (a size such as 512MB or 2GB), else 1 GB. */
export function duckdbMemory(env: Record<string, string | undefined>): string {
  return env['PLAN_DUCKDB_MEMORY'] ?? '1GB';
}

/** Whether a memory limit is a size DuckDB takes (its own refusal is an exception from deep inside it). */
export function isDuckdbSize(s: string): boolean {
  return /^\s*\d+(\.\d+)?\s*(B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)\s*$/i.test(s);
}

/**
 * Reads the data files into DuckDB, then runs the query `sqlFor` writes for the tables read (rows of
 * target, unit, year, numerator, denominator); the measures' SQL is the report layer's to write.
 */
export async function runDuckdb(req: SqlEngineRequest, sqlFor: (tables: DuckdbTables) => string | null): Promise<SqlEngineResult> {
  // require(), not import(): the package is CommonJS, and import() has Node scan every file it
  // re-exports for names (some 70 ms of a run).
  const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');
  // A database file of its own in a temporary directory: tables past the memory limit spill there.
  const dir = mkdtempSync(join(tmpdir(), 'plan-duckdb-'));
  const instance = await DuckDBInstance.create(join(dir, 'db.duckdb'), { memory_limit: req.memory, temp_directory: join(dir, 'tmp'), preserve_insertion_order: 'true' });
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
  // The registry's ids as an enum type: a unit cell that is an id is recognised by a cast (names, aliases and codes take the exact path).
  const ids = [...units.ids].map(textLiteral).filter((x): x is string => x !== null);
  const unitType = ids.length ? '__unit_t' : null;
  if (unitType) await conn.run(`CREATE TYPE ${unitType} AS ENUM (${ids.join(', ')})`);

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
  // Whether each file reads as it is (duckdb-input.ts): the first file's check alone (DuckDB waits
  // on it), then every other file's, run while DuckDB reads the first.
  const inputs = new Map<string, Promise<DuckdbInput>>();
  const inputOf = (id: string): Promise<DuckdbInput> => {
    let p = inputs.get(id);
    if (!p) {
      const file = req.files.get(id)!;
      const t0 = Date.now();
      const checked = duckdbInput(byId.get(id)!, file.path, file.display, req.encoding);
      // A rejection is the reader's to report, when it awaits it.
      checked.catch(() => {});
      p = process.env.PLAN_DUCKDB_TRACE ? checked.then((r) => (process.stderr.write(`checked in ${Date.now() - t0} ms: ${file.display} reads as it is: ${r.ok}\n`), r)) : checked;
      inputs.set(id, p);
    }
    return p;
  };
  const prefetch = () => {
    for (const id of req.files.keys()) if (byId.has(id)) void inputOf(id).catch(() => {});
  };
  for (const [id, file] of req.files) {
    const ds = byId.get(id);
    if (!ds || ds.kind !== 'people') continue;
    const l = await loadTable(conn, ds, file, units, { exact: false, unitType, input: inputOf(id), prefetch, ...enc });
    take(l, ds);
    if (!l.ok) continue;
    for (const [eid, efile] of req.files) {
      const eds = byId.get(eid);
      if (!eds || eds.kind !== 'events' || eds.of !== id) continue;
      const wanted = new Set([eds.person, eds.date, eds.topic, eds.abroad].filter((c): c is string => c !== undefined));
      const staff = { table: ds.id, key: ds.key!, display: file.display };
      take(await loadTable(conn, eds, efile, units, { exact: false, unitType, input: inputOf(eid), wanted, staff, ...enc }), eds);
    }
  }
  for (const [id, file] of req.files) {
    const ds = byId.get(id);
    if (!ds || ds.kind !== 'totals') continue;
    take(await loadTable(conn, ds, file, units, { exact: true, unitType, input: inputOf(id), ...enc }), ds);
  }
  const tables: DuckdbTables = { data: { reads, issues, issueCounts }, available, present };
  if (process.env.PLAN_DUCKDB_TRACE) for (const r of await all(conn, "SELECT tag, memory_usage_bytes // 1000000 AS mb, temporary_storage_bytes // 1000000 AS tmp FROM duckdb_memory() WHERE memory_usage_bytes > 1000000")) process.stderr.write(`duckdb memory ${r.tag} ${r.mb} MB (${r.tmp} MB on disk)\n`);
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
