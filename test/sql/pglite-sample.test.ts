// `plan attainment --emit-sql --dialect postgres` run by a real PostgreSQL (PGlite) over the
// bundled sample, its rows read back with --from-sql-results: the same report as the in-process
// engine, target by target, every breakdown cell. And a plan file's hostile filter value stays a value.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { datasetDefs, pgWith, rowsAsCsv } from '../helpers/pglite.js';
import { tempPlans, type TempPlans } from '../helpers/temp-plans.js';

const COLUMNS = ['target', 'unit', 'year', 'numerator', 'denominator'];
const SAMPLE = ['staff', 'trainings', 'coverage', 'budget'];

/** The report's targets without what only the file-reading path knows (which file was read). */
function targets(json: string): unknown[] {
  const r = JSON.parse(json);
  return r.targets.map((t: { measure: { file: unknown } }) => ({ ...t, measure: { ...t.measure, file: null, files: [], synthetic: false } }));
}

let pg: PGlite;
let work: TempPlans;
beforeAll(async () => {
  const defs = datasetDefs();
  pg = await pgWith(SAMPLE.map((id) => ({ def: defs.find((d) => d.id === id)!, csv: readFileSync(`data/sample/${id}.csv`, 'utf8') })));
  work = tempPlans('plans');
}, 120_000);
afterAll(async () => {
  await pg?.close();
  work?.remove();
});

async function viaPostgres(args: string[], env: Record<string, string>, cwd?: string): Promise<{ sql: string; out: string; rows: Record<string, unknown>[] }> {
  const emitted = await runMain(['attainment', '--emit-sql', '--dialect', 'postgres', ...args.filter((a, i) => a !== '--by' && args[i - 1] !== '--by')], { env, ...(cwd ? { cwd } : {}) });
  expect(emitted.code, emitted.stderr).toBe(0);
  const res = await pg.query<Record<string, unknown>>(emitted.stdout);
  const file = join(work.dir, `results-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, rowsAsCsv(res.rows, COLUMNS));
  const back = await runMain(['attainment', '--from-sql-results', file, '--format', 'json', ...args], { env, ...(cwd ? { cwd } : {}) });
  expect(back.code, back.stderr).toBe(0);
  return { sql: emitted.stdout, out: back.stdout, rows: res.rows };
}

describe('--emit-sql --dialect postgres on PostgreSQL (PGlite) over the sample', () => {
  it.each([
    ['2025-12-31', []],
    ['2025-12-31', ['--by', 'unit']],
    ['2025-12-31', ['--by', 'province', '--min-cell', '3']],
    ['2024-06-30', ['--by', 'level']],
    ['2024-06-30', ['--year', '2023', '--by', 'unit-kind']],
    ['2021-03-01', ['--by', 'unit']],
  ])('as of %s %j: the same report as the in-process engine', async (asOf, args) => {
    const env = { PLAN_AS_OF: asOf };
    const js = await runMain(['attainment', '--format', 'json', ...args], { env });
    expect(js.code, js.stderr).toBe(0);
    const { out } = await viaPostgres(args, env);
    const a = targets(js.stdout);
    const b = targets(out);
    expect(b).toEqual(a);
    // Not vacuous: targets with figures and with breakdown cells were compared.
    const withFigures = (a as { numerator: unknown }[]).filter((t) => t.numerator !== null);
    expect(withFigures.length).toBeGreaterThan(5);
    expect(JSON.parse(out).summary).toEqual(JSON.parse(js.stdout).summary);
  }, 60_000);

  it('names the tables and their columns in the header, and ends the statement', async () => {
    const r = await runMain(['attainment', '--emit-sql'], { env: { PLAN_AS_OF: '2025-12-31' } });
    expect(r.stdout).toMatch(/^-- table staff \(people\): id VARCHAR, unit VARCHAR \(unit id\), .*category VARCHAR/m);
    expect(r.stdout).toMatch(/^-- table trainings \(events\): staff_id VARCHAR, topic VARCHAR, date DATE, abroad BOOLEAN/m);
    expect(r.stdout.trimEnd().endsWith(';')).toBe(true);
  });

  it('a filter value written to break out of its quotes is matched as a value, and no table is dropped', async () => {
    const hostile = "x'; DROP TABLE staff; --";
    // A free-text position column (no list of values), and a target whose population is that position.
    const ds = readFileSync(join(work.dir, 'plans/datasets.yaml'), 'utf8');
    const freed = ds.replace(/        # Free codes;[^\n]*\n        values: \[thu-truong[^\n]*\n/, '').replace(/(      - name: position\n(?:        (?!value_aliases)[^\n]*\n)*)        # thu-truong[^\n]*\n        value_aliases:\n(?:          [^\n]*\n)+/, '$1');
    expect(freed).not.toContain('thu-truong: [');
    writeFileSync(join(work.dir, 'plans/datasets.yaml'), freed);
    const dec = readFileSync(join(work.dir, 'plans/qd-185-bhxh-2025.yaml'), 'utf8');
    const patched = dec.replace('      population: { category: [cong-chuc, vien-chuc] }\n      achieved:\n        trained: { topic: ky-nang-so }', `      population: { position: ${JSON.stringify(hostile)} }\n      achieved:\n        trained: { topic: ky-nang-so }`);
    expect(patched).not.toBe(dec);
    writeFileSync(join(work.dir, 'plans/qd-185-bhxh-2025.yaml'), patched);
    const emitted = await runMain(['attainment', '--emit-sql', '--dialect', 'postgres'], { cwd: work.dir, env: { PLAN_AS_OF: '2025-12-31' } });
    expect(emitted.code, emitted.stderr).toBe(0);
    expect(emitted.stdout).toContain("'x''; DROP TABLE staff; --'");
    // Three people hold that position, one of them trained in the year.
    await pg.exec(`INSERT INTO staff (id, unit, category, position, active_from) VALUES ('H1', 'van-phong', 'cong-chuc', 'x''; DROP TABLE staff; --', '2020-01-01'), ('H2', 'van-phong', 'cong-chuc', 'x''; DROP TABLE staff; --', '2020-01-01'), ('H3', 'van-phong', 'vien-chuc', 'x''; DROP TABLE staff; --', '2020-01-01')`);
    await pg.exec(`INSERT INTO trainings (staff_id, topic, date) VALUES ('H1', 'ky-nang-so', '2025-03-01')`);
    try {
      const res = await pg.query<Record<string, unknown>>(emitted.stdout);
      const rows = res.rows.filter((r) => String(r.target).endsWith('#boi-duong-ky-nang-so'));
      expect(rows.length).toBeGreaterThan(0);
      const den = rows.reduce((a, r) => a + Number(r.denominator), 0);
      const num = rows.reduce((a, r) => a + Number(r.numerator), 0);
      expect([num, den]).toEqual([1, 3]);
      expect((await pg.query('SELECT count(*)::int AS n FROM staff')).rows).toEqual([{ n: 2003 }]);
    } finally {
      await pg.exec(`DELETE FROM trainings WHERE staff_id = 'H1'; DELETE FROM staff WHERE id IN ('H1', 'H2', 'H3')`);
    }
  }, 60_000);
});
