// The flags of the SQL side: usage errors (exit 2), a results file that does not fit (exit 1, the
// finding names file, row, column and value), and --engine duckdb end to end through bin/plan.js.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, runMain } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plan-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { PLAN_AS_OF: '2025-12-31', PLAN_LANG: 'en' };

describe('usage', () => {
  it.each([
    [['--engine', 'spark'], '--engine takes js, duckdb, auto, not "spark"'],
    [['--emit-sql', '--dialect', 'oracle'], '--dialect takes duckdb, postgres, not "oracle"'],
    [['--dialect', 'postgres'], '--dialect goes with --emit-sql'],
    [['--emit-sql', '--from-sql-results', 'x.csv'], 'give one of them'],
    [['--from-sql-results', 'no-such.csv'], '--from-sql-results: file not found: no-such.csv'],
  ])('%j', async (args, message) => {
    const r = await runMain(['attainment', ...args], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('--from-sql-results with rows that do not fit', () => {
  it.each([
    ['target,unit,year,numerator\nx,,,1\n', 'the results lack the column denominator', 1],
    ['target,unit,year,numerator,denominator\nqd-88-bhxh-2024#a,vu-a,,12,1.5\n', 'row 2, column 5', 2],
    ['target,unit,year,numerator,denominator\nqd-88-bhxh-2024#a,vu-a,20x5,12,15\n', 'year "20x5" is not a year', 2],
    ['', 'DATA_EMPTY the file is empty: no header, no result rows', 0],
  ])('%j', async (csv, message, row) => {
    const file = join(dir, `bad-${row}-${message.length}.csv`);
    writeFileSync(file, csv);
    const r = await runMain(['attainment', '--from-sql-results', file], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('nothing reported');
  });

  // A row of a target the plan files do not have (a query of other plan files, or of an older version)
  // would be dropped without a word; a row given twice would be counted twice.
  it.each([
    ['target,unit,year,numerator,denominator\nqd-456-bhxh-2022#cc-phap-luat-dao-duc,vu-tccb,,3,4\nqd-456-bhxh-2022#renamed-target,vu-tccb,,3,4\n', 'row 3, column 1', 'ROW_VALUE_UNKNOWN target "qd-456-bhxh-2022#renamed-target" is none of the plan files\' targets'],
    ['target,unit,year,numerator,denominator\nqd-456-bhxh-2022#cc-phap-luat-dao-duc,vu-tccb,,3,4\nevents:trainings,2025-12-30,,10,\nqd-456-bhxh-2022#cc-phap-luat-dao-duc,vu-tccb,,3,4\n', 'row 4', 'ROW_ID_DUPLICATE the row of target "qd-456-bhxh-2022#cc-phap-luat-dao-duc", unit vu-tccb is given twice (first on row 2)'],
    ['target,unit,year,numerator,denominator\n"a\u001b[31mb",,,1,1\n', 'row 2, column 1', 'target "a\\x1b[31mb"'],
  ])('%j', async (csv, where, message) => {
    const file = join(dir, `unknown-${where.length}-${message.length}.csv`);
    writeFileSync(file, csv);
    const r = await runMain(['attainment', '--from-sql-results', file], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(where);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('\u001b');
  });

  it('rows of targets outside --target are no finding (the whole query\'s results, read for one target)', async () => {
    const file = join(dir, 'whole.csv');
    writeFileSync(file, 'target,unit,year,numerator,denominator\nqd-456-bhxh-2022#cc-phap-luat-dao-duc,vu-tccb,,3,4\nqd-456-bhxh-2022#cc-phap-luat-dao-duc,vu-pc,,1,4\nevents:trainings,2025-12-30,,10,\n');
    const r = await runMain(['attainment', '--from-sql-results', file, '--format', 'json', '--target', 'cc-phap-luat-dao-duc'], { env });
    expect(r.stderr).toBe('');
    const t = JSON.parse(r.stdout).targets;
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ numerator: 4, denominator: 8 });
  });

  it('a target the results do not have shows as no data, not as 0%', async () => {
    const file = join(dir, 'empty.csv');
    writeFileSync(file, 'target,unit,year,numerator,denominator\n');
    const r = await runMain(['attainment', '--from-sql-results', file, '--format', 'json', '--target', 'cc-phap-luat-dao-duc'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).targets[0]).toMatchObject({ status: 'no-data', numerator: null });
  });
});

describe('--engine duckdb through bin/plan.js', () => {
  it('the bundled sample: the same table as the in-process engine', () => {
    const js = runBin(['attainment', '--by', 'province'], { env });
    const duck = runBin(['attainment', '--by', 'province', '--engine', 'duckdb'], { env });
    expect(duck.code).toBe(0);
    expect(duck.stderr).toBe('');
    expect(duck.stdout).toBe(js.stdout);
    expect(js.stdout).toMatch(/35 targets as of 2025-12-31/);
  });

  it('auto keeps the in-process engine for the small sample (same output, no DuckDB start)', () => {
    const r = runBin(['attainment', '--engine', 'auto', '--format', 'json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).targets.length).toBe(35);
  });
});
