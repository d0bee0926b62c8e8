// A real PostgreSQL with no server (PGlite, PostgreSQL compiled to WASM) holding data files as
// tables named as the datasets: created from plans/datasets.yaml read here with `yaml` (not the
// project's loader), filled by PostgreSQL's own CSV reader (COPY), so the SQL under test meets
// data that no code of the project prepared.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { parse } from 'yaml';

const PG_TYPES: Record<string, string> = { text: 'TEXT', enum: 'TEXT', unit: 'TEXT', list: 'TEXT', integer: 'BIGINT', boolean: 'BOOLEAN', date: 'DATE' };

interface Def {
  id: string;
  columns: { name: string; type: string }[];
}

export function datasetDefs(file = 'plans/datasets.yaml'): Def[] {
  return (parse(readFileSync(file, 'utf8')) as { datasets: Def[] }).datasets;
}

/** Loads CSV text (canonical header, a subset of the columns allowed) into a table per dataset. */
export async function pgWith(tables: { def: Def; csv: string }[]): Promise<PGlite> {
  const pg = new PGlite();
  for (const { def, csv } of tables) {
    const header = csv.slice(0, csv.indexOf('\n')).replace(/^\uFEFF/, '').trim().split(',');
    const cols = header.map((h) => {
      const c = def.columns.find((x) => x.name === h);
      if (!c) throw new Error(`${def.id}: no column ${h}`);
      return `"${h}" ${PG_TYPES[c.type]}`;
    });
    await pg.exec(`CREATE TABLE "${def.id}" (${cols.join(', ')})`);
    await pg.query(`COPY "${def.id}" FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob: new Blob([csv]) });
  }
  return pg;
}

/** Result rows as the CSV a data team would save (RFC 4180, empty for NULL). */
export function rowsAsCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
