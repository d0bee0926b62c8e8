// CSV data once read: columnar tables (typed arrays, dictionary-encoded text) that measures are
// evaluated over, and what was read from each file. Produced by src/load/data, used by src/report.

import type { ColumnType } from './datasets.js';
import type { Diagnostic } from './diagnostic.js';

/** Marks an empty date cell in a day-number column. */
export const NO_DAY = -2147483648;

/** One column of a table. Text-like columns are dictionary-encoded: code per row, -1 when empty. */
export interface ColumnData {
  name: string;
  type: ColumnType;
  /** text, enum, unit, list: dictionary code of each row's cell (-1: empty). */
  codes?: Int32Array;
  dict?: string[];
  /** integer: the value (NaN: empty). */
  nums?: Float64Array;
  /** integer columns of totals datasets: exact values (null: empty). */
  bigs?: (bigint | null)[];
  /** boolean: 1, 0, or -1 when empty. */
  bools?: Int8Array;
  /** date: day number since 1970-01-01 (NO_DAY: empty). */
  days?: Int32Array;
}

/**
 * What `trained` asks of the training records, resolved to days: a topic set (null: any), the
 * window (inclusive ISO days; from null: no lower bound) and abroad (null: either).
 */
export interface TrainedFilter {
  topics: string[] | null;
  from: string | null;
  to: string;
  abroad: boolean | null;
}

export interface Table {
  dataset: string;
  /** The file as shown to the user. */
  file: string;
  /** Rows kept (bad rows excluded). */
  rows: number;
  columns: Map<string, ColumnData>;
}

/** A people table with, per person, one bit per TrainedFilter (words per person = ceil(filters / 32)). */
export interface PeopleTable extends Table {
  trained: Uint32Array;
  words: number;
}

/** The last training date seen, so a period after it reads as "no data" rather than 0%. */
export interface EventsSummary {
  dataset: string;
  file: string;
  rows: number;
  firstDay: string | null;
  lastDay: string | null;
}

export interface DatasetRead {
  dataset: string;
  file: string;
  /** The file was given on the command line (not the dataset's default). */
  given: boolean;
  /** The encoding the file was read as ("utf-8", "windows-1258" …); null if unread or a workbook. */
  encoding: string | null;
  /** What the file was read as: csv (any delimiter) or xlsx; null if unread. */
  format?: 'csv' | 'xlsx' | null;
  delimiter?: string | null;
  sheet?: string | null;
  /** The header's row number (above it: title rows). */
  headerRow?: number | null;
  rowsRead: number;
  rowsKept: number;
  rowsExcluded: number;
  /** Blank rows and rows below the table that are no data. */
  rowsSkipped?: number;
  /** The dataset's default file, marked in plans/datasets.yaml as synthetic sample data: figures from it are not real. */
  synthetic?: boolean;
  /** Why the file could not be read at all (then its targets have no data). */
  failed: string | null;
  /** The finding's code when the file could not be read (DATA_NOT_DATA: not a data file at all). */
  failedCode?: string | null;
}

export interface AttainmentData {
  people: Map<string, PeopleTable>;
  events: Map<string, EventsSummary>;
  totals: Map<string, Table>;
  /** Each dataset's read, in the order read. */
  reads: DatasetRead[];
  /** Findings about the data: file-level problems and bad rows (capped per file; counts are in `issueCounts`). */
  issues: Diagnostic[];
  /** Every finding counted by file and code, including those past the cap. */
  issueCounts: { file: string; code: string; count: number }[];
}
