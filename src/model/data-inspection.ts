// What `plan data inspect` makes of a data file (src/load/data/inspect-file.ts builds it, src/render/data-inspect.ts renders it).

import type { Diagnostic } from './diagnostic.js';

export interface InspectedColumn {
  /** 1-based position in the header. */
  position: number;
  header: string;
  /** The dataset column it maps to; null: not used. */
  column: string | null;
  type: string | null;
  required: boolean;
  /** A few distinct cells and what each reads as. */
  samples: { text: string; value: string | number | boolean | null }[];
}

export interface BadRowGroup {
  code: Diagnostic['code'];
  count: number;
  first: { row: number; cell: string | null; column: string | null; value: string | null; message: string }[];
}

export interface Suggestion {
  kind: 'header' | 'value';
  /** The dataset column the alias goes under. */
  column: string;
  /** The text that did not map. */
  text: string;
  /** For a value: the value it most likely means. */
  value: string | null;
}

export interface FileInspection {
  file: string;
  dataset: string;
  format: 'csv' | 'xlsx' | null;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  sheets: string[];
  headerRow: number | null;
  rowsRead: number;
  rowsGood: number;
  rowsExcluded: number;
  rowsSkipped: number;
  columns: InspectedColumn[];
  missing: { column: string; aliases: string[] }[];
  badRows: BadRowGroup[];
  findings: Diagnostic[];
  /**
   * A file of events: its person column and the people dataset it names persons of. Inspecting has
   * no staff file, so a row whose person the staff file lacks counts good here; `plan attainment`
   * excludes it (ROW_PERSON_UNKNOWN).
   */
  personsUnchecked: { column: string; dataset: string } | null;
  suggestions: Suggestion[];
  /** The file cannot be used for this dataset (why). */
  failed: string | null;
}

