// What `plan import` makes of a document: the decision model a draft plan file is written from.

import type { ColumnField } from '../../model/decision.js';
import type { Leader } from '../../model/leaders.js';
import type { Unit } from '../../model/units.js';

/** Where a cell stands, for the TODO and the summary. */
export interface CellPlace {
  appendix: string;
  /** 1-based row of the table, header rows included. */
  row: number;
  column: string;
}

/** A value to write, and when set, what the reader must check (becomes a `# TODO:` comment). */
export interface Checked<T> {
  value: T;
  todo?: string;
  place?: CellPlace;
}

export interface RefCell {
  ids: string[];
  unresolved: string[];
  asWritten: string;
  /** Write the bare id: the cell is the registry's own spelling. */
  bare: boolean;
}

export interface ImportedTask {
  id: Checked<string>;
  no?: string;
  content: string;
  /** Set when the row has no content: what to check. */
  contentTodo?: Checked<string>;
  lead?: Checked<RefCell>;
  support?: Checked<RefCell>;
  leader?: Checked<RefCell>;
  start?: Checked<string>;
  due?: Checked<string>;
  when?: Checked<string>;
  product?: string;
  note?: string;
}

export interface ImportedContent {
  id: string;
  no?: string;
  content: string;
  contentTodo?: Checked<string>;
  mode: string;
}

export interface ImportedGroup {
  no: string;
  title?: string;
  lead?: Checked<RefCell>;
  declaredCount?: number;
  tasks: ImportedTask[];
  contents: ImportedContent[];
}

export interface ImportedAppendix {
  id: string;
  label?: string;
  title: string;
  note?: string;
  columns: { field: ColumnField; header: string }[];
  /** Headers of columns no field holds (kept as a comment). */
  otherColumns: string[];
  declaredTotal?: number;
  totalLabel?: string;
  groups: ImportedGroup[];
}

export interface ImportedMeta {
  number?: string;
  title?: string;
  issuer?: string;
  signed?: string;
  signer?: string;
  signerTitle?: string;
  place?: string;
  legalBasis: string[];
}

export interface ImportedDecision {
  meta: ImportedMeta;
  /** Required decision fields the document did not show (number, title, signed, signer, issuer). */
  missing: string[];
  /** The title is printed in capitals in the document (kept so; a comment says it). */
  titleInCapitals: boolean;
  appendices: ImportedAppendix[];
  /** Tables that are not appendix tables (the heading, the signature block). */
  otherTables: number;
}

export interface Registries {
  units: readonly Unit[];
  leaders: readonly Leader[];
}
