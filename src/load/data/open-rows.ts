// A data file → its records, whatever it is: CSV or text in any of the dialects Excel writes
// (delimiter detected, encoding decoded), or a sheet of an .xlsx workbook. Every record comes with
// the row number a spreadsheet shows; workbook cells also with their reference (Sheet1!C7).

import type { Diagnostic } from '../../model/diagnostic.js';
import { readCsvRows } from './csv-rows.js';
import { DELIMITER_NAMES, sniffDelimiter, type Delimiter } from './csv-dialect.js';
import { notDataMessage, printable, sniffFile } from './sniff.js';
import { DataFileError, openText } from './text-stream.js';
import { cellRef, readWorkbookRows, workbookSheets } from './workbook-rows.js';
import { verifyZipEntry } from './zip-directory.js';

export interface RowsOptions {
  encoding?: string;
  /** Forces the CSV delimiter. */
  delimiter?: string;
  /** The sheet of a workbook (default: the first). */
  sheet?: string;
}

export interface RecordSink {
  /** A record and its row number. Return false to stop. */
  row(cells: string[], row: number): boolean | void;
  /** A CSV record with broken quoting. */
  quoteError(row: number, message: string, cells: string[]): void;
}

export interface OpenedRows {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: Delimiter | null;
  sheet: string | null;
  sheets: string[];
  warning?: Diagnostic;
  /** The reference of a cell (1-based column) in a workbook; undefined for CSV. */
  cellRef(row: number, column: number): string | undefined;
  /** Reads every record; resolves with the number of records. */
  read(sink: RecordSink): Promise<number>;
}

const fileIssue = (code: Diagnostic['code'], file: string, message: string, hint?: string): Diagnostic => ({ code, severity: 'error', message, file, line: 0, column: 0, ...(hint ? { hint } : {}) });

/** The first chunk of a stream, and the stream with it put back. */
async function peek(chunks: AsyncIterable<string>): Promise<{ first: string; complete: boolean; all: AsyncIterable<string> }> {
  const it = chunks[Symbol.asyncIterator]();
  const head = await it.next();
  const first = head.done ? '' : head.value;
  let second = head.done ? undefined : await it.next();
  const complete = head.done === true || second?.done === true;
  return {
    first,
    complete,
    all: (async function* () {
      if (first) yield first;
      while (second && !second.done) {
        yield second.value;
        second = await it.next();
      }
    })(),
  };
}

/**
 * Opens a data file by what its bytes are. A file that is not data (PDF, Word, a plain zip …) or a
 * sheet that is not there throws a DataFileError whose finding says what it is and what to do.
 * `score` rates a record as the expected header, for choosing the delimiter.
 */
export async function openRows(path: string, display: string, opts: RowsOptions, score?: (cells: string[]) => number): Promise<OpenedRows> {
  const sniffed = sniffFile(path);
  const notData = notDataMessage(sniffed);
  if (notData) throw new DataFileError(fileIssue('DATA_NOT_DATA', display, `${display} ${notData.message}`, notData.hint));
  if (sniffed.kind === 'xlsx') {
    const sheets = workbookSheets(path, sniffed.entries!);
    if (!sheets || sheets.length === 0) throw new DataFileError(fileIssue('DATA_NOT_DATA', display, `${display} is an Excel workbook (.xlsx) whose list of sheets cannot be read`, 'open it in Excel and save it again, or export the sheet as CSV UTF-8'));
    const want = opts.sheet?.normalize('NFC');
    const sheet = want === undefined ? (sheets.find((s) => !s.hidden) ?? sheets[0]!) : sheets.find((s) => s.name === want) ?? sheets.find((s) => s.name.toLowerCase().trim() === want.toLowerCase().trim());
    if (!sheet) {
      throw new DataFileError(fileIssue('DATA_SHEET_UNKNOWN', display, `${display} has no sheet "${printable(want!)}"`, `its sheets: ${sheets.map((s) => `"${printable(s.name)}"`).join(', ')} (name one with FILE.xlsx#Sheet or --sheet)`));
    }
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(sheet.part);
    if (!m || !sniffed.entries!.some((e) => e.name === sheet.part)) {
      throw new DataFileError(fileIssue('DATA_NOT_DATA', display, `the sheet "${printable(sheet.name)}" of ${display} is stored in a way that is not read (${printable(sheet.part) || 'no part'})`, 'open the workbook in Excel and save it again'));
    }
    const number = Number(m[1]);
    // exceljs stops without a word on some damaged zips: every part it reads is checked first.
    const parts = sniffed.entries!.filter((e) => e.name === sheet.part || e.name === 'xl/sharedStrings.xml' || e.name === 'xl/styles.xml' || e.name === 'xl/workbook.xml');
    for (const part of parts) {
      const problem = await verifyZipEntry(path, part);
      if (problem) throw new DataFileError(fileIssue('DATA_NOT_DATA', display, `${display} is an Excel workbook (.xlsx) that cannot be read: ${printable(problem)}`, 'open it in Excel and save it again, or export the sheet as CSV UTF-8'));
    }
    return {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: sheet.name,
      sheets: sheets.map((s) => s.name),
      cellRef: (row, column) => cellRef(sheet.name, row, column),
      read: async (sink) => {
        try {
          return await readWorkbookRows(path, number, sink);
        } catch (e) {
          if (e instanceof DataFileError) throw e;
          throw new DataFileError(fileIssue('DATA_NOT_DATA', display, `${display} is an Excel workbook that cannot be read: ${printable(e instanceof Error ? e.message : String(e))}`, 'open it in Excel and save it again, or export the sheet as CSV UTF-8'));
        }
      },
    };
  }
  const source = await openText(path, display, opts.encoding);
  const { first, complete, all } = await peek(source.chunks);
  const forced = opts.delimiter as Delimiter | undefined;
  const delimiter = forced ?? sniffDelimiter(first.slice(0, 1 << 16), complete && first.length <= 1 << 16, score).delimiter;
  return {
    format: 'csv',
    encoding: source.encoding,
    delimiter,
    sheet: null,
    sheets: [],
    ...(source.warning ? { warning: source.warning } : {}),
    cellRef: () => undefined,
    read: (sink) => readCsvRows(all, sink, delimiter),
  };
}

export { DELIMITER_NAMES };
