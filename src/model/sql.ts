// The SQL the measures compile to: how literals and names are written, and the shape of its result
// rows (what an engine or a warehouse returns). Every value from a plan
// file reaches SQL through these functions only: quoted by the standard rules (a quote doubled, no
// backslash escapes), never spliced in as written.

export const DIALECTS = ['duckdb', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** A text literal: 'it''s'. Null when the text holds a NUL, which no SQL text value can (the caller matches nothing). */
export function textLiteral(s: string): string | null {
  if (s.includes('\u0000')) return null;
  return `'${s.replace(/'/g, "''")}'`;
}

/** A name: "coverage", "staff-2024" (quoted, so ids with hyphens and names such as year or date read as names). */
export function ident(s: string): string {
  return `"${s.replace(/\u0000/g, '').replace(/"/g, '""')}"`;
}

/** A date literal from an ISO day already checked to be one. */
export function dateLiteral(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO day: ${iso}`);
  return `DATE '${iso}'`;
}

/** A number literal from a finite number (integers as digits). */
export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** Columns of every result row: what --from-sql-results reads back. */
export const RESULT_COLUMNS = ['target', 'unit', 'year', 'numerator', 'denominator'] as const;

/** One result row: a target's counts for one unit (and, for totals, one year). */
export interface ResultRow {
  target: string;
  unit: string | null;
  year: number | null;
  numerator: bigint | null;
  denominator: bigint | null;
}

/** The key a target's rows carry in the results: "decision-key#target-id". */
export function targetKey(decisionKey: string, targetId: string): string {
  return `${decisionKey}#${targetId}`;
}

/** The key of the row that tells a training dataset's row count (numerator) and last day (unit). */
export function eventsKey(datasetId: string): string {
  return `events:${datasetId}`;
}
