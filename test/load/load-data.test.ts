// load/data/load-data.ts, load/data/read-dataset.ts and report/attainment/compile.ts on their own:
// the hand fixture's twelve people read into a table, checked cell by cell against the CSV as
// csv-parse reads it, then conditions compiled over that table, each with the people it must
// select worked out by hand from the file.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadData, unitLookup } from '../../src/load/data/load-data.js';
import { readDataset } from '../../src/load/data/read-dataset.js';
import type { AttainmentData, PeopleTable } from '../../src/model/data.js';
import type { Condition } from '../../src/model/measure.js';
import type { PlanSet } from '../../src/model/plan-set.js';
import { compileCondition, UnitIndex } from '../../src/report/attainment/compile.js';
import { loadPlanSet, ROOT } from '../helpers/plans.js';

const HAND = 'test/fixtures/attainment/hand';
let plans: PlanSet;
let data: AttainmentData;
let staff: PeopleTable;
const csv = parseCsv(readFileSync(join(ROOT, HAND, 'staff.csv')), { columns: true }) as Record<string, string>[];
const work = mkdtempSync(join(tmpdir(), 'plan-load-data-'));

beforeAll(async () => {
  plans = await loadPlanSet(`${HAND}/plans`);
  const file = (name: string) => ({ path: join(ROOT, HAND, name), display: `${HAND}/${name}`, given: true });
  data = await loadData({ plans, files: new Map([['staff', file('staff.csv')]]), filters: new Map() });
  staff = data.people.get('staff')!;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('loadData', () => {
  it('reads every row of the staff file, and says so', () => {
    expect(staff.rows).toBe(csv.length);
    expect(data.reads).toEqual([expect.objectContaining({ dataset: 'staff', rowsRead: 12, rowsKept: 12, rowsExcluded: 0, failed: null })]);
    expect(data.issues).toEqual([]);
  });

  it.each(['unit', 'category', 'position'])('the %s column: each row decodes to its cell', (name) => {
    const col = staff.columns.get(name)!;
    const cells = Array.from({ length: staff.rows }, (_, i) => (col.codes![i]! < 0 ? '' : col.dict![col.codes![i]!]));
    expect(cells).toEqual(csv.map((r) => r[name]));
  });

  it('integers are numbers, empty cells NaN', () => {
    const col = staff.columns.get('english_level')!;
    const cells = Array.from(col.nums!, (n) => (Number.isNaN(n) ? '' : String(n)));
    expect(cells).toEqual(csv.map((r) => r['english_level']));
  });

  it('unitLookup finds a unit by id, name and code', () => {
    const u = unitLookup(plans);
    expect(u.ids.has('vu-a')).toBe(true);
    const first = plans.units[0]!;
    expect([...u.byName.values()]).toContain(first.id);
  });
});

describe('readDataset: one bad cell per file, reported by row and column', () => {
  it.each([
    ['an unknown unit', 'S01,vu-zz,cong-chuc,,false,1970,5,,,', 'ROW_UNIT_UNKNOWN', 'unit'],
    ['a level out of range', 'S01,vu-a,cong-chuc,,false,1970,9,,,', 'ROW_OUT_OF_RANGE', 'english_level'],
    ['a category not in the list', 'S01,vu-a,congchuc,,false,1970,5,,,', 'ROW_VALUE_UNKNOWN', 'category'],
    ['a date that is no day', 'S01,vu-a,cong-chuc,,false,1970,5,,2024-02-30,', 'ROW_DATE_INVALID', 'active_from'],
    ['too few cells', 'S01,vu-a', 'ROW_FIELD_COUNT', undefined],
  ])('%s', async (_name, line, code, field) => {
    const header = 'id,unit,category,position,manager,birth_year,english_level,tags,active_from,active_to';
    const path = join(work, `${code}.csv`);
    writeFileSync(path, `${header}\nS00,vu-a,cong-chuc,,false,1980,3,,,\n${line}\n`);
    const kept: number[] = [];
    const r = await readDataset(plans.datasets.find((d) => d.id === 'staff')!, path, 'bad.csv', unitLookup(plans), { row: (ctx) => kept.push(ctx.row) });
    expect(r).toMatchObject({ rowsRead: 2, rowsExcluded: 1, failed: null });
    expect(kept).toEqual([2]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code, row: 3, file: 'bad.csv', ...(field ? { field } : {}) });
  });
});

describe('compileCondition over the twelve people', () => {
  const window = { year: 2024, from: '2024-01-01', to: '2024-12-31', final: true, termFrom: null, label: '2024' };
  // Each expectation is read off staff.csv by hand.
  it.each<[name: string, condition: Condition, ids: string[]]>([
    ['category equal', { category: 'vien-chuc' }, ['S03', 'S06', 'S07', 'S10', 'S12']],
    ['a list of values', { category: ['other', 'vien-chuc'] }, ['S03', 'S06', 'S07', 'S09', 'S10', 'S12']],
    ['a comparison', { english_level: '>= 4' }, ['S01', 'S02', 'S05', 'S08', 'S10']],
    ['a boolean', { manager: true }, ['S01', 'S02', 'S04', 'S05', 'S07', 'S08', 'S11']],
    ['a tag', { has: 'tiep-xuc-dtts' }, ['S06', 'S07']],
    ['all', { all: [{ manager: true }, { english_level: '>= 4' }] }, ['S01', 'S02', 'S05', 'S08']],
    ['any', { any: [{ has: 'hoi-nhap-quoc-te' }, { position: 'giam-doc' }] }, ['S01', 'S04', 'S08', 'S12']],
    ['not', { not: { category: 'cong-chuc' } }, ['S03', 'S06', 'S07', 'S09', 'S10', 'S12']],
    ['no condition holds for everyone', {}, ['S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07', 'S08', 'S09', 'S10', 'S11', 'S12']],
  ])('%s', (_name, condition, ids) => {
    const ds = plans.datasets.find((d) => d.id === 'staff')!;
    const p = compileCondition(condition, { table: staff, ds, units: new UnitIndex(plans.units), window });
    // The key column is not kept in the table; rows are in file order (none was excluded).
    const idOf = (i: number) => csv[i]!['id'];
    const selected = Array.from({ length: staff.rows }, (_, i) => i).filter(p).map(idOf);
    expect(selected).toEqual(ids);
  });
});
