// Bad data on the DuckDB path: each fixture gives the same findings (code, file, row, column,
// field, header, value, message, hint), the same rows excluded and the same report as the
// in-process reader; --strict is fatal the same way. Parquet input reads as its CSV twin does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';

const PLANS = 'test/fixtures/attainment/hand/plans';
const BAD = 'test/fixtures/attainment/bad';
const HAND = 'test/fixtures/attainment/hand';

async function both(args: string[]) {
  const base = ['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--format', 'json', ...args];
  const js = await runMain(base);
  const duck = await runMain([...base, '--engine', 'duckdb']);
  return { js, duck, jsJson: js.stdout ? JSON.parse(js.stdout) : null, duckJson: duck.stdout ? JSON.parse(duck.stdout) : null };
}

const STAFF_FILES = ['bad-date.csv', 'missing-column.csv', 'unknown-unit.csv', 'duplicate-id.csv', 'not-a-number.csv', 'out-of-range.csv', 'unknown-value.csv', 'field-count.csv', 'open-quote.csv', 'vietnamese-headers.csv', 'header-only.csv'];

describe('the DuckDB engine reports bad rows as the in-process reader does', () => {
  it.each(STAFF_FILES.map((f) => ['--staff', f]).concat([['--trainings', 'trainings-unknown-staff.csv']]))('%s %s', async (flag, file) => {
    const r = await both([flag, `${BAD}/${file}`, '--by', 'unit']);
    expect(r.duck.code).toBe(r.js.code);
    expect(r.duck.stderr).toBe(r.js.stderr);
    expect(r.duckJson.data).toEqual(r.jsJson.data);
    expect(r.duckJson.targets).toEqual(r.jsJson.targets);
    // Not vacuous: the fixture has findings.
    expect(r.jsJson.data.issues.length).toBeGreaterThan(0);
  });

  it.each(['duplicate-id.csv', 'unknown-unit.csv', 'field-count.csv'])('--strict with %s: exit 1 and the same message', async (file) => {
    const r = await both(['--staff', `${BAD}/${file}`, '--strict']);
    expect(r.js.code).toBe(1);
    expect(r.duck.code).toBe(1);
    expect(r.duck.stdout).toBe('');
    expect(r.duck.stderr).toBe(r.js.stderr);
  });

  it('the hand fixture: every target, by unit', async () => {
    const r = await both(['--by', 'unit']);
    expect(r.duck.code).toBe(0);
    expect(r.duckJson).toEqual(r.jsJson);
    expect(r.jsJson.targets.filter((t: { numerator: unknown }) => t.numerator !== null).length).toBeGreaterThan(3);
  });

  it('a file not in UTF-8 is named, with the engine that reads it', async () => {
    const r = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--staff', `${BAD}/windows-1258.csv`, '--engine', 'duckdb']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATA_ENCODING the file is in windows-1258; the DuckDB engine reads UTF-8 only');
    expect(r.stderr).toContain('--engine js');
  });
});

describe('Parquet input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-parquet-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a Parquet staff file (written by DuckDB from the CSV) gives the CSV\'s report', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const out = join(dir, 'staff.parquet');
    // Typed columns as a warehouse export has them (dates as DATE, years as integers).
    await c.run(`COPY (SELECT * FROM read_csv('${HAND}/staff.csv', header = true)) TO '${out}' (FORMAT parquet)`);
    c.closeSync();
    const csv = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--format', 'json', '--by', 'unit']);
    const pq = await runMain(['attainment', '--plans', PLANS, '--as-of', '2024-12-31', '--format', 'json', '--by', 'unit', '--staff', out, '--engine', 'auto']);
    expect(pq.code, pq.stderr).toBe(0);
    expect(JSON.parse(pq.stdout).targets.map((t: { measure: object }) => ({ ...t, measure: { ...t.measure, file: null, files: [], synthetic: false } }))).toEqual(JSON.parse(csv.stdout).targets.map((t: { measure: object }) => ({ ...t, measure: { ...t.measure, file: null, files: [], synthetic: false } })));
  });
});
