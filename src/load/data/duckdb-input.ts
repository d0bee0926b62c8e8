// Whether the DuckDB engine reads a file as the in-process reader does, decided before DuckDB is
// loaded (so `--engine auto` can ask too). DuckDB reads comma-separated UTF-8 with the header on
// the first line, or Parquet; the in-process reader also finds the delimiter, skips title rows above
// the header and the block below the table, and reads workbooks. A file only that reader reads as
// meant is refused here with the reason (never read differently), and auto gives it to that reader.
// Empty lines are DuckDB's to skip: their line numbers are found here, so every finding still
// names the file's own row. (Blank rows and the block below the table are skipped by the engine,
// as the in-process reader skips them.)

import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import type { Dataset } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { mapHeader, roleColumns } from './columns.js';
import { DELIMITER_NAMES, sampleRecords, sniffDelimiter } from './csv-dialect.js';
import { notDataMessage, sniffFile } from './sniff.js';
import { DataFileError, openText } from './text-stream.js';

export type DuckdbInput = { ok: true; parquet: boolean; emptyLines: number[] } | { ok: false; finding: Diagnostic };

const SAMPLE = 1 << 16;
/** More empty lines than this and the file is left to the in-process reader (their rows are counted one by one). */
const MAX_EMPTY_LINES = 10_000;

const refuse = (display: string, message: string, hint = 'read it with --engine js, which does'): DuckdbInput => ({ ok: false, finding: { code: 'DATA_ENGINE_UNSUPPORTED', severity: 'error', message, file: display, line: 0, column: 0, hint } });

export async function duckdbInput(ds: Dataset, path: string, display: string, encoding?: string): Promise<DuckdbInput> {
  if (/\.parquet$/i.test(path)) return { ok: true, parquet: true, emptyLines: [] };
  let sniffed;
  try {
    sniffed = sniffFile(path);
  } catch {
    // A file that cannot be opened is reported by the reader, with its error.
    return { ok: true, parquet: false, emptyLines: [] };
  }
  if (sniffed.kind === 'empty') return { ok: true, parquet: false, emptyLines: [] };
  if (sniffed.kind === 'xlsx') return { ok: false, finding: { code: 'DATA_NOT_DATA', severity: 'error', message: `${display} is an Excel workbook: the DuckDB engine reads CSV and Parquet`, file: display, line: 0, column: 0, hint: 'read it with --engine js, or export the sheet as CSV UTF-8' } };
  const notData = notDataMessage(sniffed);
  if (notData) return { ok: false, finding: { code: 'DATA_NOT_DATA', severity: 'error', message: `${display} ${notData.message}`, file: display, line: 0, column: 0, hint: notData.hint } };

  let head = '';
  let complete = false;
  try {
    const source = await openText(path, display, encoding);
    if (source.encoding !== 'utf-8') return { ok: false, finding: { code: 'DATA_ENCODING', severity: 'error', message: `the file is in ${source.encoding}; the DuckDB engine reads UTF-8 only`, file: display, line: 0, column: 0, hint: 'read it with --engine js, or save it as UTF-8' } };
    complete = true;
    for await (const chunk of source.chunks) {
      head += chunk;
      if (head.length > SAMPLE) {
        complete = false;
        break;
      }
    }
  } catch {
    return { ok: true, parquet: false, emptyLines: [] };
  }
  const sample = head.slice(0, SAMPLE);
  if (/^\r?\n/.test(sample)) return refuse(display, 'the file begins with an empty line: the DuckDB engine reads the header from the first line');
  const roles = roleColumns(ds);
  const required = ds.columns.filter((c) => c.required || roles.has(c.name)).length;
  const score = (cells: string[]) => {
    const m = mapHeader(ds, cells, display);
    return m.index.size + (m.findings.some((f) => f.severity === 'error') ? 0 : required);
  };
  const whole = complete && head.length <= SAMPLE;
  const fits = (cells: string[]) => !mapHeader(ds, cells, display).findings.some((f) => f.severity === 'error');
  // The common case, decided on the first line alone: split by commas it is the header, and no
  // other delimiter maps more of it (the in-process reader's choice would be the same).
  const firstLine = sample.slice(0, sample.indexOf('\n') + 1 || sample.length);
  const first = sampleRecords(firstLine, ',', 1, true)[0];
  const commaFirst = first !== undefined && fits(first) && (['\t', ';', '|'] as const).every((d) => score(sampleRecords(firstLine, d, 1, true)[0] ?? []) <= score(first));
  const delimiter = commaFirst ? ',' : sniffDelimiter(sample, whole, score).delimiter;
  if (delimiter !== ',') return refuse(display, `the file's cells are separated by ${DELIMITER_NAMES[delimiter]}s: the DuckDB engine reads comma-separated files`);
  const records = commaFirst ? [first] : sampleRecords(sample, ',', 30, whole);
  const header = records[0];
  if (header && !fits(header)) {
    const at = records.findIndex(fits);
    // No row fits: the reader reports the missing columns, as the in-process one does.
    if (at > 0) return refuse(display, `the header is on record ${at + 1}, below ${at === 1 ? 'a title row' : `${at} title rows`}: the DuckDB engine reads the header from the first line`);
  }
  const scan = await scanLines(path);
  if (!scan.utf8) return { ok: false, finding: await encodingFinding(path, display, encoding) };
  const emptyLines = scan.empty;
  if (emptyLines === null) return refuse(display, `the file has more than ${MAX_EMPTY_LINES.toLocaleString('en')} empty lines`);
  return { ok: true, parquet: false, emptyLines };
}

const EMPTY_LINE = [Buffer.from('\n\n'), Buffer.from('\n\r\n')];

/**
 * The record numbers (from 1) of the file's empty lines, which DuckDB's reader skips without a trace;
 * null past MAX_EMPTY_LINES. A search for "\n\n" and "\n\r\n" (none, in an export without them, at
 * memchr speed); the lines are counted only when some are found. Asynchronous, so it runs while
 * DuckDB reads the file before.
 */
export async function findEmptyLines(path: string): Promise<number[] | null> {
  return (await scanLines(path)).empty;
}

/** The bytes of a UTF-8 character cut by the end of a read, carried to the next (0 if the read ends on a whole character). */
function cutTail(view: Buffer): number {
  for (let back = 1; back <= Math.min(3, view.length); back++) {
    const b = view[view.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * The file's empty lines (as findEmptyLines), and whether all of it is UTF-8: DuckDB reads bytes that
 * are not without a word, where the in-process reader stops at the first one and says where.
 */
async function scanLines(path: string): Promise<{ empty: number[] | null; utf8: boolean }> {
  const fh = await open(path, 'r');
  const buf = Buffer.alloc(1 << 22);
  const found: number[] = [];
  let utf8 = true;
  let carry = Buffer.alloc(0);
  try {
    // Pass 1: is there any? Byte offsets of the line breaks that end an empty line.
    const offsets: number[] = [];
    let base = 0;
    let prev = -1;
    let prev2 = -1;
    for (;;) {
      const { bytesRead: n } = await fh.read(buf, 0, buf.length, base);
      if (n <= 0) break;
      const view = buf.subarray(0, n);
      // A pattern across the chunk boundary.
      if (prev === 0x0a && view[0] === 0x0a) offsets.push(base);
      if (prev === 0x0a && view[0] === 0x0d && view[1] === 0x0a) offsets.push(base + 1);
      if (prev2 === 0x0a && prev === 0x0d && view[0] === 0x0a) offsets.push(base);
      if (utf8) {
        // Whole characters only: a character cut by the read's end is checked with the next read.
        const cut = cutTail(view);
        const whole = carry.length ? Buffer.concat([carry, view.subarray(0, n - cut)]) : view.subarray(0, n - cut);
        if (!isUtf8(whole)) utf8 = false;
        carry = Buffer.from(view.subarray(n - cut));
      }
      for (const pat of EMPTY_LINE) {
        for (let at = view.indexOf(pat); at >= 0; at = view.indexOf(pat, at + 1)) {
          offsets.push(base + at + pat.length - 1);
          if (offsets.length > MAX_EMPTY_LINES) return { empty: null, utf8 };
        }
      }
      prev2 = n > 1 ? view[n - 2]! : prev;
      prev = view[n - 1]!;
      base += n;
    }
    if (carry.length) utf8 = false;
    if (offsets.length === 0 || !utf8) return { empty: found, utf8 };
    // Pass 2: the record number of each (the line breaks before it outside quotes, plus one: a cell
    // in quotes may hold line breaks, and an empty line inside one is no record).
    const want = [...new Set(offsets)].sort((a, b) => a - b);
    let line = 1;
    let next = 0;
    let quoted = false;
    base = 0;
    for (;;) {
      const { bytesRead: n } = await fh.read(buf, 0, buf.length, base);
      if (n <= 0 || next >= want.length) break;
      for (let i = 0; i < n && next < want.length; i++) {
        const b = buf[i]!;
        if (base + i === want[next]) {
          if (!quoted) found.push(line);
          next++;
        }
        if (b === 0x22) quoted = !quoted;
        else if (b === 0x0a && !quoted) line++;
      }
      base += n;
    }
    return { empty: found, utf8 };
  } finally {
    await fh.close();
  }
}

/** The in-process reader's own finding for a file that is not UTF-8 throughout (where, which byte, a guess). */
async function encodingFinding(path: string, display: string, encoding?: string): Promise<Diagnostic> {
  try {
    const source = await openText(path, display, encoding);
    for await (const chunk of source.chunks) void chunk;
  } catch (e) {
    if (e instanceof DataFileError) return e.diagnostic;
  }
  return { code: 'DATA_ENCODING', severity: 'error', message: 'the file is not UTF-8 throughout', file: display, line: 0, column: 0, hint: 'read it with --engine js, or save it as UTF-8' };
}
