// A workbook as plain data — sheets, typed columns, rows — built by the pure sheet builders and
// written by `workbook.ts` (the only module that loads the xlsx library).

/** How a column's cells are typed: text stays text (even "=…"), numbers numeric, days as date cells, shares as percentage cells. */
/** `year`: a whole number written without separators (2016, not 2.016). */
export type CellKind = 'text' | 'int' | 'year' | 'date' | 'percent';

export interface SheetColumn {
  header: string;
  kind: CellKind;
}

/** A date is an ISO day ("2024-01-31"); a percentage a fraction (0.8 for 80%); text is written as text. */
export type CellValue = string | number | null;

export interface SheetRow {
  cells: CellValue[];
  /** Group and total rows are bold. */
  bold?: boolean;
  /** The first cell spans the row (a group title in a render). */
}

export interface SheetSpec {
  name: string;
  /** Lines above the header row (an appendix's heading block), each merged across the columns. */
  heading?: string[];
  columns: SheetColumn[];
  rows: SheetRow[];
}

export interface WorkbookSpec {
  title: string;
  sheets: SheetSpec[];
}

/** A count as a number cell (counts of people and tasks are far below 2^53). */
export function int(n: bigint | number | null | undefined): number | null {
  if (n === null || n === undefined) return null;
  return Number(n);
}

/** numerator / denominator as the exact share, or null. */
export function share(num: bigint | null, den: bigint | null): number | null {
  if (num === null || den === null || den === 0n) return null;
  return Number(num) / Number(den);
}

/** A percentage given in percent (80) as a fraction (0.8). */
export function percent(p: number | null | undefined): number | null {
  return p === null || p === undefined ? null : p / 100;
}

const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;

/** Sheet names: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
export function uniqueSheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = (raw.replace(BAD_SHEET_CHARS, '-').replace(/^'+|'+$/g, '').trim() || 'Sheet').slice(0, 31);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}
