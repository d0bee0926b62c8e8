// Text chunks → CSV records with their record numbers (the first record is row 1), by PapaParse's
// incremental parser: RFC 4180 quoting, CRLF or LF, a quote left open reported at its row.

import Papa from 'papaparse';

export interface CsvSink {
  /** A record; `row` is its record number (the first is 1). Return false to stop reading. */
  row(cells: string[], row: number): boolean | void;
  /** A record PapaParse could not read (a quote left open or malformed); reading goes on after it when it can. */
  quoteError(row: number, message: string, cells: string[]): void;
}

/** Reads every record; returns the number of records seen. */
export async function readCsvRows(chunks: AsyncIterable<string>, sink: CsvSink, delimiter = ','): Promise<number> {
  const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
  let rest = '';
  let record = 0;
  let stopped = false;
  const feed = (text: string, last: boolean): string => {
    const r = parser.parse(text, 0, !last);
    const bad = r.errors.length > 0 ? new Map<number, string>() : undefined;
    for (const e of r.errors) if (e.row !== undefined && !bad!.has(e.row)) bad!.set(e.row, e.code === 'MissingQuotes' ? 'a quoted cell is never closed: the rest of the file is inside its quotes' : 'a quote inside a cell is not doubled ("")');
    const rows = r.data;
    for (let i = 0; i < rows.length && !stopped; i++) {
      const cells = rows[i]!;
      // A blank line is a row a spreadsheet shows (numbered, then skipped as blank); the newline that ends the file is none.
      if (cells.length === 1 && (cells[0] === '' || cells[0] === '\r')) {
        if (last && i === rows.length - 1) continue;
        record++;
        if (sink.row([], record) === false) stopped = true;
        continue;
      }
      // LF-split CRLF lines keep their CR on the last cell.
      const lastCell = cells[cells.length - 1]!;
      if (lastCell.endsWith('\r')) cells[cells.length - 1] = lastCell.slice(0, -1);
      record++;
      const problem = bad?.get(i);
      if (problem !== undefined) sink.quoteError(record, problem, cells);
      else if (sink.row(cells, record) === false) stopped = true;
    }
    return last ? '' : text.slice(r.meta.cursor);
  };
  for await (const chunk of chunks) {
    if (stopped) break;
    rest = feed(rest + chunk, false);
  }
  if (!stopped) feed(rest, true);
  return record;
}
