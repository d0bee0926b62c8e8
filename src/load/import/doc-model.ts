// What plan import reads from a Word document: its paragraphs and tables in body order.

/** A paragraph outside any table; `text` has "\n" where the document breaks the line (w:br). */
export interface DocParagraph {
  kind: 'p';
  text: string;
}

/** One cell as the document stores it: its paragraphs, how many grid columns it spans, vertical merging. */
export interface DocCell {
  /** One entry per paragraph; a line break inside a paragraph is "\n". */
  paragraphs: string[];
  /** w:gridSpan: grid columns covered (1 unless merged across). */
  span: number;
  /** w:vMerge: "restart" opens a cell merged downwards, "continue" is covered by the cell above. */
  vmerge: 'restart' | 'continue' | null;
}

export interface DocRow {
  /** w:gridBefore: grid columns left empty before the first cell. */
  before: number;
  cells: DocCell[];
}

export interface DocTable {
  kind: 'table';
  rows: DocRow[];
}

export type DocBlock = DocParagraph | DocTable;

/** Why a file could not be read as a Word document: one sentence for the user, no bytes of the file. */
export interface NotADocument {
  problem: string;
}
