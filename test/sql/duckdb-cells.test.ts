// The DuckDB engine's fast path (duckdb-cells.ts): a cell its SQL test lets through must be one the
// in-process reader reads, and to the same value. Table-first: tricky cells for each column type,
// each run through DuckDB's test and cast and through the in-process reader; the two must agree
// wherever the fast path is taken, and the fast path must still be taken for canonical cells.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Dataset, DatasetColumn } from '../../src/model/datasets.js';
import { textLiteral } from '../../src/model/sql.js';
import { cellSql, OddCellReader } from '../../src/load/data/duckdb-cells.js';

const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');

const units = { ids: new Set(['van-phong', 'bhxh-ha-noi']), byName: new Map([['văn phòng', 'van-phong']]) };

const col = (c: Partial<DatasetColumn> & Pick<DatasetColumn, 'name' | 'type'>): DatasetColumn => c as DatasetColumn;
const dataset = (c: DatasetColumn): Dataset => ({ id: 'd', title: 'd', kind: 'people', file: 'x.csv', key: 'id', columns: [col({ name: 'id', type: 'text' }), c] }) as unknown as Dataset;

const CASES: { column: DatasetColumn; canonical: string[]; tricky: string[] }[] = [
  {
    column: col({ name: 'day', type: 'date' }),
    canonical: ['2024-01-05', '1999-12-31', '0001-01-01', '9999-12-31', '2024-02-29'],
    tricky: ['2024-1-5', '2024-01-05 ', ' 2024-01-05', '10000-01-01', '2023-02-29', '2024-13-01', '+2024-01-01', '2024-01-05T00:00:00', '2024-01-05 00:00:00', '05/01/2024', '2024/01/05', '20240105', '0000-01-01', '2024-01-05 (BC)', 'epoch', 'infinity'],
  },
  {
    column: col({ name: 'level', type: 'integer', min: 0, max: 6, value_aliases: { '4': ['Bậc 4', 'B2'] } }),
    canonical: ['0', '4', '6'],
    tricky: ['7', '-1', '007', '-0', '+5', '1e0', '1_0', ' 4', '4 ', '٤', '４', '4.0', 'Bậc 4', 'B2', '0x4', '1234567890123'],
  },
  {
    column: col({ name: 'year', type: 'integer' }),
    canonical: ['1987', '0', '123456789'],
    tricky: ['1234567890', '-5', '99999999999999999999', '1.987', '1 987', '01987'],
  },
  { column: col({ name: 'flag', type: 'boolean' }), canonical: ['true', 'false'], tricky: ['TRUE', 'True', 'true ', '1', '0', 'x', 'Có', 't', 'yes', 'on'] },
  {
    column: col({ name: 'category', type: 'enum', values: ['cong-chuc', 'vien-chuc', ' padded'], value_aliases: { 'cong-chuc': ['Công chức'] } }),
    canonical: ['cong-chuc', 'vien-chuc'],
    tricky: ['Cong-chuc', ' cong-chuc', 'cong-chuc ', 'Công chức', 'cong chuc', ' padded', 'padded', 'CONG-CHUC'],
  },
  { column: col({ name: 'unit', type: 'unit' }), canonical: ['van-phong', 'bhxh-ha-noi'], tricky: [' van-phong', 'Văn phòng', 'VAN-PHONG', 'van_phong', 'nowhere'] },
  {
    column: col({ name: 'tags', type: 'list', values: ['a', 'b-c'] }),
    canonical: ['a', 'b-c', 'a;b-c', 'b-c;a'],
    tricky: ['a; b-c', 'a;;b-c', ';a', 'a;', 'A', 'a;x', ' a', 'a ;b-c'],
  },
  { column: col({ name: 'free', type: 'list' }), canonical: ['x', 'x;y', 'x-1;y_2'], tricky: ['x; y', 'x;;y', ';x', 'x ', 'dân tộc', 'x;\u3000y'] },
  {
    column: col({ name: 'position', type: 'text', values: ['giam-doc', 'truong-phong'], value_aliases: { 'giam-doc': ['Giám đốc', 'GĐ'] } }),
    canonical: ['giam-doc', 'truong-phong'],
    tricky: ['Giám đốc', 'GĐ', 'giam doc', 'Giam-doc', ' giam-doc', 'other'],
  },
  { column: col({ name: 'note', type: 'text' }), canonical: ['abc', 'a b', 'A-1'], tricky: ['abc ', ' abc', 'a\u3000', '\u3000a', 'Cộng', 'Co\u0302\u0323ng', 'a\tb', '\u00a0a'] },
];

async function sqlRead(rows: string[], c: DatasetColumn): Promise<{ cell: string; fast: boolean; value: string | null }[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    await conn.run(`CREATE TYPE unit_t AS ENUM (${[...units.ids].map((u) => textLiteral(u)).join(', ')})`);
    const s = cellSql(dataset(c), c, 'cell', { isKey: false, exact: false, unitType: 'unit_t' });
    const value = c.type === 'integer' ? `CAST(CAST(${s.value} AS BIGINT) AS VARCHAR)` : `CAST(${s.value} AS VARCHAR)`;
    const values = rows.map((r, i) => `(${i}, ${textLiteral(r)})`).join(', ');
    const out = (await conn.runAndReadAll(`SELECT i, cell, COALESCE(${s.fast}, FALSE) AS fast, CASE WHEN COALESCE(${s.fast}, FALSE) THEN ${value} END AS value FROM (VALUES ${values}) v(i, cell) ORDER BY i`)).getRowObjects();
    return out.map((r) => ({ cell: String(r.cell), fast: r.fast === true, value: r.value === null ? null : String(r.value) }));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe('the DuckDB fast path reads a cell only as the in-process reader does', () => {
  it.each(CASES.map((c) => [c.column.name, c] as const))('%s', async (_name, c) => {
    const reader = new OddCellReader(dataset(c.column), c.column, false, units, false);
    const got = await sqlRead([...c.canonical, ...c.tricky], c.column);
    for (const g of got) {
      if (!g.fast) continue;
      const js = reader.read(g.cell);
      expect('value' in js ? js.value : `refused: ${js.failure.code}`, `cell ${JSON.stringify(g.cell)}`).toBe(g.value);
    }
    // Canonical cells take the fast path (else every cell would cost a round trip through JavaScript).
    expect(got.filter((g) => c.canonical.includes(g.cell) && !g.fast).map((g) => g.cell)).toEqual([]);
  });
});
