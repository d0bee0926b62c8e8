// Differential: the in-process engine, DuckDB (--engine duckdb) and PostgreSQL (PGlite running
// --emit-sql, read back with --from-sql-results) agree exactly — every numerator, denominator,
// verdict, `needed`, breakdown cell and suppression — on 300 random measures over random datasets
// from fixed seeds: empty cells, empty groups, ages on the boundary, trainings on the first and
// last day of the period (and the days just outside), staff active for part of it, bad rows.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';
import { datasetDefs, pgWith, rowsAsCsv } from '../helpers/pglite.js';

/** mulberry32: a small seeded generator, so every run draws the same datasets and measures. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  const some = <T>(xs: readonly T[], max = xs.length): T[] => {
    const n = int(1, Math.min(max, xs.length));
    return [...xs].sort(() => next() - 0.5).slice(0, n);
  };
  return { next, int, pick, chance, some };
}
type Rng = ReturnType<typeof rng>;

const UNITS = ['bhxh-vn', 'vu-a', 'bhxh-p1', 'bhxh-p1-huyen', 'bhxh-p2', 'bhxh-p2-huyen'];
// Units of the registry that the data sometimes leaves empty (an empty group).
const DATA_UNITS = ['vu-a', 'bhxh-p1', 'bhxh-p1-huyen', 'bhxh-p2', 'bhxh-p2-huyen'];
const CATEGORIES = ['cong-chuc', 'vien-chuc', 'other'];
const POSITIONS = ['thu-truong', 'pho-thu-truong', 'giam-doc', 'pho-giam-doc', 'truong-phong'];
const TAGS = ['hoi-nhap-quoc-te', 'cong-tac-dan-toc', 'tiep-xuc-dtts'];
const TOPICS = ['phap-luat', 'dao-duc-cong-vu', 'ky-nang-so', 'ngoai-ngu', 'hoi-nhap-quoc-te'];
// Days on and around the edges of 2024 and of the term (2022 – 2025), and some inside.
const EDGE_DAYS = ['2021-12-31', '2022-01-01', '2023-12-31', '2024-01-01', '2024-06-30', '2024-07-01', '2024-12-31', '2025-01-01', '2025-06-30', '2025-12-31', '2026-01-01'];
const OPS = ['>=', '<=', '>', '<', '=', '!='];

function day(r: Rng): string {
  if (r.chance(0.5)) return r.pick(EDGE_DAYS);
  const y = r.int(2020, 2026);
  return `${y}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

interface Data {
  staffCsv: string;
  staffClean: string;
  trainingsCsv: string;
  trainingsClean: string;
  countsCsv: string;
}

function data(r: Rng, people: number): Data {
  const staff: string[][] = [];
  for (let i = 0; i < people; i++) {
    const from = r.chance(0.3) ? '' : day(r);
    let to = r.chance(0.6) ? '' : day(r);
    if (from && to && to < from) to = '';
    // Birth years that put people on the age boundaries of 2024 and 2025 (40, 55).
    const birth = r.chance(0.1) ? '' : r.chance(0.4) ? String(r.pick([1984, 1985, 1969, 1970, 1986])) : String(r.int(1950, 2002));
    staff.push([
      `P${String(i).padStart(4, '0')}`,
      r.pick(DATA_UNITS.slice(0, r.int(3, DATA_UNITS.length))),
      r.pick(CATEGORIES),
      r.chance(0.5) ? '' : r.pick(POSITIONS),
      r.chance(0.15) ? '' : String(r.chance(0.4)),
      birth,
      r.chance(0.15) ? '' : String(r.int(0, 6)),
      r.chance(0.5) ? '' : r.some(TAGS, 2).join(';'),
      from,
      to,
    ]);
  }
  const header = 'id,unit,category,position,manager,birth_year,english_level,tags,active_from,active_to';
  const rows = staff.map((c) => c.join(','));
  const trainings: string[] = [];
  for (const s of staff) {
    const n = r.chance(0.3) ? 0 : r.int(1, 4);
    for (let k = 0; k < n; k++) trainings.push([s[0], r.pick(TOPICS), day(r), r.chance(0.2) ? '' : String(r.chance(0.3)), String(r.int(1, 40))].join(','));
  }
  // People the staff file does not have: bad rows on the file-reading paths, left out by the join in SQL.
  for (let k = 0; k < 3; k++) trainings.push([`X${k}`, r.pick(TOPICS), day(r), 'false', '8'].join(','));
  const theader = 'staff_id,topic,date,abroad,hours';
  // Bad rows the file-reading engines exclude (and report); the warehouse's tables hold good rows only.
  const badStaff = ['P0000,vu-a,cong-chuc,,true,1980,4,,,', 'Q1,vu-a,congchuc,,true,1980,4,,,', 'Q2,bhxh-p9,other,,,1980,4,,,', 'Q3,vu-a,other,,,1980,9,,,', 'Q4,vu-a,other,,,1980,4,,2024-02-30,'];
  const badTrainings = ['P0001,phap-luat,2024-13-01,false,8', 'P0002,unknown-topic,2024-05-01,false,8'];
  const counts: string[] = ['unit,year,done,total'];
  for (const u of ['bhxh-p1', 'bhxh-p2', 'vu-a', '']) {
    for (let y = 2021; y <= 2025; y++) {
      if (r.chance(0.2)) continue;
      const total = r.int(0, 3) === 0 ? 0 : r.int(1, 9) * 10 ** r.int(0, 15);
      counts.push([u, y, total === 0 ? 0 : Math.floor(total * r.next()), total].join(','));
    }
  }
  return {
    staffCsv: [header, ...rows.slice(0, 5), ...badStaff, ...rows.slice(5)].join('\n') + '\n',
    staffClean: [header, ...rows].join('\n') + '\n',
    trainingsCsv: [theader, ...trainings.slice(0, 4), ...badTrainings, ...trainings.slice(4)].join('\n') + '\n',
    trainingsClean: [theader, ...trainings].join('\n') + '\n',
    countsCsv: counts.join('\n') + '\n',
  };
}

function leaf(r: Rng): Record<string, unknown> {
  switch (r.int(0, 11)) {
    case 0:
      return { category: r.chance(0.5) ? r.pick(CATEGORIES) : r.some(CATEGORIES, 2) };
    case 1:
      return { category: `!= ${r.pick(CATEGORIES)}` };
    case 2:
      return { position: r.chance(0.5) ? r.pick(POSITIONS) : r.some(POSITIONS, 3) };
    case 3:
      return { manager: r.chance(0.5) };
    case 4:
      return { english_level: r.chance(0.3) ? r.int(0, 6) : r.chance(0.3) ? r.some([0, 1, 2, 3, 4, 5, 6], 3) : `${r.pick(OPS)} ${r.int(0, 6)}` };
    case 5:
      return { age: r.chance(0.2) ? r.pick([39, 40, 55]) : r.chance(0.2) ? [39, 40] : `${r.pick(OPS)} ${r.pick([30, 39, 40, 41, 54, 55, 56])}` };
    case 6:
      return { has: r.chance(0.6) ? r.pick(TAGS) : r.some(TAGS, 2) };
    case 7:
      return { tags: r.pick(TAGS) };
    case 8:
      return { unit: r.pick<unknown>([r.pick(UNITS), { level: r.pick(['central', 'province', 'district']) }, { kind: r.pick(['province', 'district', 'central']) }, { tag: 'dong-dtts' }, { in: r.pick(['bhxh-p1', 'bhxh-p2']) }, r.some(DATA_UNITS, 2)]) };
    case 9:
      return { active_from: `${r.pick(['>=', '<', '<=', '>'])} ${r.pick(EDGE_DAYS)}` };
    case 10:
      return { birth_year: `${r.pick(OPS)} ${r.pick([1970, 1984, 1985, 1990])}` };
    default: {
      const t: Record<string, unknown> = {};
      if (r.chance(0.7)) t.topic = r.chance(0.6) ? r.pick(TOPICS) : r.some(TOPICS, 2);
      if (r.chance(0.5)) t.in = r.pick(['period', 'term', 'ever', '2023', '2023 - 2024']);
      if (r.chance(0.3)) t.abroad = r.chance(0.5);
      return { trained: t };
    }
  }
}

function condition(r: Rng, depth: number): Record<string, unknown> {
  if (depth <= 0 || r.chance(0.5)) {
    const c = leaf(r);
    // Two keys in one mapping: both must hold.
    if (r.chance(0.2)) {
      const d = leaf(r);
      for (const [k, v] of Object.entries(d)) if (!(k in c)) c[k] = v;
    }
    return c;
  }
  const k = r.int(0, 2);
  if (k === 0) return { all: [condition(r, depth - 1), condition(r, depth - 1)] };
  if (k === 1) return { any: [condition(r, depth - 1), condition(r, depth - 1)] };
  return { not: condition(r, depth - 1) };
}

function target(r: Rng, i: number): Record<string, unknown> {
  const comparator = r.pick(['at_least', 'more_than', 'at_most']);
  const threshold = r.pick([0, 10, 12.5, 33.3, 50, 66.67, 80, 99.99, 100]);
  const when = r.chance(0.7) ? { every: 'year' } : { by: r.pick([2024, 2025]) };
  const t: Record<string, unknown> = { id: `t${i}`, text: `Mục tiêu ${i}.`, section: '1', comparator, threshold, ...when };
  if (r.chance(0.15)) {
    t.measure = { totals: 'counts', numerator: 'done', denominator: 'total', ...(r.chance(0.5) ? { where: { unit: r.pick<unknown>(['bhxh-p1', { level: 'province' }, ['vu-a', 'bhxh-p2']]) } } : {}) };
  } else {
    t.measure = { people: 'staff', ...(r.chance(0.7) ? { population: condition(r, 1) } : {}), achieved: condition(r, 2) };
  }
  return t;
}

const SEEDS = [20241231, 7, 1320];
const PER_SEED = 100;
const COLUMNS = ['target', 'unit', 'year', 'numerator', 'denominator'];

/** Targets without what only a file-reading engine knows: the file read (a warehouse has tables). */
const strip = (json: string) =>
  JSON.parse(json).targets.map((t: { measure: object; reason: string | null }) => ({ ...t, measure: { ...t.measure, file: null, files: [], synthetic: false }, reason: t.reason?.replace(/^(counts|trainings)\.csv /, 'table $1 ') ?? null }));

describe.each(SEEDS)('seed %i: 100 random measures, three engines', (seed) => {
  let dir: string;
  let pg: PGlite;
  beforeAll(async () => {
    const r = rng(seed);
    dir = mkdtempSync(join(tmpdir(), 'plan-diff-'));
    cpSync(join(ROOT, 'test/fixtures/attainment/hand/plans'), join(dir, 'plans'), { recursive: true });
    const d = data(r, r.int(150, 400));
    writeFileSync(join(dir, 'staff.csv'), d.staffCsv);
    writeFileSync(join(dir, 'trainings.csv'), d.trainingsCsv);
    writeFileSync(join(dir, 'counts.csv'), d.countsCsv);
    const decision = {
      decision: { number: '1/QĐ-TEST', title: 'Quyết định thử', issuer: 'Bảo hiểm xã hội Việt Nam', signed: '2022-01-05', signer: 'Nguyễn Văn A', term: '2022 - 2025' },
      appendices: [{ id: 'pl', title: 'Phụ lục', columns: [{ field: 'content', header: 'Nội dung' }], groups: [{ no: '1', lead: 'vu-a', tasks: [{ id: '1.1', content: 'Một nhiệm vụ' }] }] }],
      targets: Array.from({ length: PER_SEED }, (_x, i) => target(r, i)),
    };
    writeFileSync(join(dir, 'plans/qd-1-test-2024.yaml'), stringify(decision));
    const defs = datasetDefs(join(dir, 'plans/datasets.yaml'));
    const def = (id: string) => defs.find((x) => x.id === id)!;
    pg = await pgWith([
      { def: def('staff'), csv: d.staffClean },
      { def: def('trainings'), csv: d.trainingsClean },
      { def: def('counts'), csv: d.countsCsv },
    ]);
  }, 120_000);
  afterAll(async () => {
    await pg?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['2024-12-31', ['--by', 'unit', '--min-cell', '3']],
    ['2025-08-15', ['--by', 'province', '--min-cell', '4']],
    ['2026-01-01', ['--year', '2025', '--by', 'level']],
  ])('as of %s %j', async (asOf, by) => {
    const base = ['attainment', '--plans', 'plans', '--as-of', asOf, '--format', 'json'];
    const js = await runMain([...base, ...by], { cwd: dir });
    expect(js.code, js.stderr.slice(0, 2000)).toBe(0);
    const duck = await runMain([...base, ...by, '--engine', 'duckdb'], { cwd: dir });
    expect(duck.code, duck.stderr.slice(0, 2000)).toBe(0);
    expect(duck.stderr).toBe(js.stderr);
    expect(JSON.parse(duck.stdout)).toEqual(JSON.parse(js.stdout));

    const year = by.includes('--year') ? ['--year', by[by.indexOf('--year') + 1]!] : [];
    const emitted = await runMain(['attainment', '--plans', 'plans', '--as-of', asOf, ...year, '--emit-sql', '--dialect', 'postgres'], { cwd: dir });
    expect(emitted.code, emitted.stderr).toBe(0);
    const res = await pg.query<Record<string, unknown>>(emitted.stdout);
    writeFileSync(join(dir, 'results.csv'), rowsAsCsv(res.rows, COLUMNS));
    const back = await runMain([...base, ...by, '--from-sql-results', 'results.csv'], { cwd: dir });
    expect(back.code, back.stderr).toBe(0);
    expect(strip(back.stdout)).toEqual(strip(js.stdout));

    // Not vacuous: most targets were counted, verdicts of every kind, and cells suppressed.
    const ts = JSON.parse(js.stdout).targets as { numerator: number | null; status: string; by: { suppressed: string | null }[] }[];
    expect(ts.filter((t) => t.numerator !== null).length).toBeGreaterThan(PER_SEED / 2);
    expect(new Set(ts.map((t) => t.status)).size).toBeGreaterThanOrEqual(2);
    const cells = ts.flatMap((t) => t.by ?? []);
    expect(cells.length).toBeGreaterThan(PER_SEED);
    if (by.includes('unit')) expect(cells.filter((c) => c.suppressed !== null).length).toBeGreaterThan(0);
  }, 120_000);
});
