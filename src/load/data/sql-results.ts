// A warehouse's result rows of `plan attainment --emit-sql`, saved as CSV: target, unit, year,
// numerator, denominator (header names matched ignoring case). Every cell is checked; a bad one is a
// finding with file, row, column and value, since a wrong count would be a wrong verdict.

import type { Diagnostic } from '../../model/diagnostic.js';
import { RESULT_COLUMNS, type ResultRow } from '../../model/sql.js';
import { readCsvRows } from './csv-rows.js';
import { DataFileError, openText } from './text-stream.js';

export interface SqlResults {
  rows: ResultRow[];
  issues: Diagnostic[];
}

const MAX_FINDINGS = 50;

/**
 * `known` tells the targets of the plan files (and the training datasets' summary rows): a row of any
 * other was counted by a query of other plan files, or of an older version of them, and is a finding
 * (read as nothing, it would leave its target "no data" without a word). So is a row given twice (its
 * counts would be added twice).
 */
export async function readSqlResults(path: string, display: string, known: (target: string) => boolean = () => true): Promise<SqlResults> {
  const rows: ResultRow[] = [];
  const issues: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const bad = (row: number, column: number, message: string, value?: string, hint?: string, code: Diagnostic['code'] = 'ROW_NOT_A_NUMBER') => {
    if (issues.length >= MAX_FINDINGS) return;
    const d: Diagnostic = { code, severity: 'error', message, file: display, line: row, column, row };
    const field = column > 0 ? RESULT_COLUMNS[at.indexOf(column - 1)] : undefined;
    if (field) {
      d.field = field;
      d.header = field;
    }
    if (value !== undefined) d.value = value;
    if (hint) d.hint = hint;
    issues.push(d);
  };
  let source;
  try {
    source = await openText(path, display);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { rows, issues: [{ code: 'DATA_FILE_MISSING', severity: 'error', message: `cannot read the file: ${err.code ?? err.message}`, file: display, line: 0, column: 0 }] };
  }
  let at: number[] = [];
  let width = 0;
  try {
    let seenHeader = false;
    await readCsvRows(source.chunks, {
      row(cells, row) {
        if (cells.length === 0) return;
        if (!seenHeader) {
          seenHeader = true;
          return header(cells);
        }
        return dataRow(cells, row);
      },
      quoteError(row, message) {
        bad(row, 0, message, undefined, undefined, 'ROW_QUOTE');
      },
    });
    function header(cells: string[]): boolean {
        const names = cells.map((c) => c.trim().toLowerCase());
        at = RESULT_COLUMNS.map((c) => names.indexOf(c));
        width = cells.length;
        const lacking = RESULT_COLUMNS.filter((_c, i) => at[i]! < 0);
        if (lacking.length > 0) {
          issues.push({ code: 'DATA_COLUMN_MISSING', severity: 'error', message: `the results lack the column${lacking.length > 1 ? 's' : ''} ${lacking.join(', ')}`, file: display, line: 1, column: 0, row: 1, hint: `the query of --emit-sql returns ${RESULT_COLUMNS.join(', ')}` });
          return false;
        }
        return true;
    }
    function dataRow(cells: string[], row: number): void {
        if (cells.length !== width) return bad(row, 0, `the row has ${cells.length} cells, the header ${width}`, undefined, undefined, 'ROW_FIELD_COUNT');
        const [t, u, y, n, d] = at.map((i) => cells[i]!.trim());
        const count = (v: string, i: number): bigint | null | undefined => {
          if (v === '') return null;
          // A count is a whole number; an engine may write 12 as 12.0 or 12.000 for a decimal column.
          const m = /^(\d+)(?:\.0+)?$/.exec(v);
          if (!m) {
            bad(row, at[i]! + 1, `${RESULT_COLUMNS[i]} "${v}" is not a whole number`, v);
            return undefined;
          }
          return BigInt(m[1]!);
        };
        if (t === '') return bad(row, at[0]! + 1, 'target is empty', undefined, undefined, 'ROW_REQUIRED');
        const year = y === '' ? null : /^\d{4}$/.test(y!) ? Number(y) : undefined;
        if (year === undefined) return bad(row, at[2]! + 1, `year "${y}" is not a year`, y);
        const num = count(n!, 3);
        const den = count(d!, 4);
        if (num === undefined || den === undefined) return;
        const shown = t!.length > 120 ? `${t!.slice(0, 120)}…` : t!;
        if (!known(t!)) return bad(row, at[0]! + 1, `target "${shown}" is none of the plan files' targets`, t, 'the results come from the query of other plan files, or of an earlier version of them: run --emit-sql again and the query it prints', 'ROW_VALUE_UNKNOWN');
        const key = JSON.stringify([t, u, year]);
        const first = seen.get(key);
        if (first !== undefined) return bad(row, 0, `the row of target "${shown}"${u ? `, unit ${u}` : ''}${year !== null ? `, year ${year}` : ''} is given twice (first on row ${first})`, undefined, 'the query returns one row per target, unit and year: save its result once', 'ROW_ID_DUPLICATE');
        seen.set(key, row);
        rows.push({ target: t!, unit: u === '' ? null : u!, year, numerator: num, denominator: den });
    }
  } catch (e) {
    if (e instanceof DataFileError) return { rows, issues: [e.diagnostic] };
    throw e;
  }
  // An empty file is no results (every target would read as "no data", and nothing would say why).
  if (width === 0 && issues.length === 0) issues.push({ code: 'DATA_EMPTY', severity: 'error', message: 'the file is empty: no header, no result rows', file: display, line: 0, column: 0, hint: `save the query's result with its header: ${RESULT_COLUMNS.join(', ')}` });
  return { rows, issues };
}
