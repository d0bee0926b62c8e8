// Diagnostics are values: every finding names its file, line, column and a stable code.

export const DIAGNOSTIC_CODES = [
  // reading files
  'FILE_READ',
  'FILE_TOO_LARGE',
  'NOT_UTF8',
  'EMPTY_FILE',
  'NO_PLANS',
  'FILE_KIND_UNKNOWN',
  'LINK_NOT_FOLLOWED',
  // YAML
  'YAML_SYNTAX',
  'TAB_INDENT',
  'DUPLICATE_KEY',
  'ALIAS_LIMIT',
  // schema
  'KEY_UNKNOWN',
  'KEY_MISSING',
  'TYPE_MISMATCH',
  'VALUE_INVALID',
  'DATE_INVALID',
  // references and meaning
  'ID_DUPLICATE',
  'NAME_DUPLICATE',
  'DECISION_DUPLICATE',
  'UNIT_UNKNOWN',
  'LEADER_UNKNOWN',
  'TASK_UNKNOWN',
  'LEAD_MISSING',
  'DEPENDENCY_CYCLE',
  'COUNT_MISMATCH',
  'PERIOD_UNKNOWN',
  'PERIOD_INVALID',
  'PERIOD_CONFLICT',
  'PERIOD_KIND',
  'START_AFTER_DUE',
  'STATUS_INVALID',
  'RECORD_PERIOD_INVALID',
  // measures and dataset definitions
  'DATASET_UNKNOWN',
  'DATASET_INVALID',
  'MEASURE_INVALID',
  'FIELD_UNKNOWN',
  'VALUE_UNKNOWN',
  'OPERATOR_INVALID',
  'TOPIC_UNKNOWN',
  'UNIT_TAG_UNKNOWN',
  // CSV data (plan attainment): file-level problems
  'DATA_FILE_MISSING',
  'DATA_ENCODING',
  'DATA_EMPTY',
  'DATA_COLUMN_MISSING',
  'DATA_HEADER_DUPLICATE',
  'DATA_NOT_DATA',
  'DATA_SHEET_UNKNOWN',
  'DATA_ENGINE_UNSUPPORTED',
  // CSV data: bad rows (excluded, or fatal with --strict)
  'ROW_FIELD_COUNT',
  'ROW_QUOTE',
  'ROW_REQUIRED',
  'ROW_NOT_A_NUMBER',
  'ROW_OUT_OF_RANGE',
  'ROW_DATE_INVALID',
  'ROW_VALUE_UNKNOWN',
  'ROW_UNIT_UNKNOWN',
  'ROW_ID_DUPLICATE',
  'ROW_PERSON_UNKNOWN',
  'ROW_ACTIVE_RANGE',
  // warnings
  'DUE_BEFORE_SIGNED',
  'DUE_AFTER_TERM',
  'START_BEFORE_SIGNED',
  'TEXT_CUT_BY_COMMENT',
  'OCCURRED_UNUSED',
  'MEASURE_MISSING',
  'DATA_DECODED',
  'DATA_UNUSED_COLUMN',
  'TEXT_CONTROL_CHAR',
  'DATA_ROWS_SKIPPED',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Path as given or relative to the working directory. */
  file: string;
  /** 1-based; 0 when the finding concerns the file (or directory) as a whole. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A one-line suggested fix. */
  hint?: string;
  /** The source line the finding points into, for the caret excerpt. */
  excerpt?: string;
  /** CSV data: the record number (the header is row 1), the column's canonical name and header, and the cell. */
  row?: number;
  field?: string;
  header?: string;
  value?: string;
  /** Workbook data: the cell as a spreadsheet names it, `Sheet1!C7`. */
  cell?: string;
}

export function countErrors(diagnostics: readonly Diagnostic[], strict = false): number {
  return diagnostics.filter((d) => d.severity === 'error' || strict).length;
}
