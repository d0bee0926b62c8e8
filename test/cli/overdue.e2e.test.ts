// plan overdue end to end through the built bin/plan.js.

import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';
import { mdTables } from '../helpers/md-table.js';
import { planWords } from '../helpers/plan-words.js';

const FIXTURE = ['--plans', 'test/fixtures/status/plans'];
const DAY_MS = 86_400_000;

/**
 * The last day of a finish period, worked out here from the document's phrases with Date.UTC (day 0
 * of the next month is the last of this one), independently of src/period; null for "Sau khi …".
 */
function periodEnd(phrase: string): number | null {
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
  let m = /^Tháng (\d{1,2})\/(\d{4})$/i.exec(phrase);
  if (m) return Date.UTC(Number(m[2]), Number(m[1]), 0);
  m = /^Quý ([IV]+|\d{1,2})\/(\d{4})$/i.exec(phrase);
  if (m) return Date.UTC(Number(m[2]), 3 * (roman[m[1]!.toLowerCase()] ?? Number(m[1])), 0);
  m = /^Năm (\d{4})$/i.exec(phrase);
  if (m) return Date.UTC(Number(m[1]), 12, 0);
  if (/^(Sau khi|Theo) /.test(phrase)) return null;
  throw new Error(`the test does not read "${phrase}"`);
}

interface Expected {
  id: string;
  daysLate: number;
}

/** The 88/QĐ-BHXH tasks overdue as of a day, from the YAML itself. */
function expectedOverdue(asOf: string): Expected[] {
  const doc = parse(readFileSync(`${ROOT}/plans/qd-88-bhxh-2024.yaml`, 'utf8')) as {
    decision: { term: string };
    appendices: { groups: { tasks: { id: string; due?: string; when?: string; status?: unknown }[] }[] }[];
  };
  const day = Date.parse(`${asOf}T00:00:00Z`);
  const out: Expected[] = [];
  for (const a of doc.appendices)
    for (const g of a.groups)
      for (const t of g.tasks) {
        expect(t.status, 'the bundled plans record no progress').toBeUndefined();
        const end = periodEnd((t.due ?? t.when ?? doc.decision.term).replace(/\s+/g, ' ').trim());
        if (end !== null && end < day) out.push({ id: t.id, daysLate: (day - end) / DAY_MS });
      }
  return out;
}

interface Item {
  kind: string;
  id: string;
  state: string;
  daysLate: number | null;
  daysLeft: number | null;
  decision: string;
  period: string | null;
  due: { to: string };
  file: string;
  line: number;
}

async function json(args: string[]): Promise<{ tasks: Item[]; asOf: string; within: number | null; schemaVersion: number }> {
  const r = await runMain(['overdue', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as never;
}

describe('plan overdue on the bundled plans', () => {
  it('lists exactly the 88/QĐ-BHXH tasks whose finish period ended before 1 July 2024, with their days late', async () => {
    const want = expectedOverdue('2024-07-01');
    expect(want.length).toBeGreaterThan(5);
    const got = await json(['--decision', '88/QĐ-BHXH', '--as-of', '2024-07-01']);
    expect(got.schemaVersion).toBe(1);
    expect(got.asOf).toBe('2024-07-01');
    expect(got.tasks.every((t) => t.kind === 'task' && t.state === 'overdue' && t.decision === '88/QĐ-BHXH')).toBe(true);
    const byId = (xs: Expected[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(got.tasks.map((t) => ({ id: t.id, daysLate: t.daysLate! })))).toEqual(byId(want));
    // Most late first.
    const late = got.tasks.map((t) => t.daysLate!);
    expect(late).toEqual([...late].sort((a, b) => b - a));
  });

  it('lists none as of 31 January 2024, the first due day itself', async () => {
    expect(expectedOverdue('2024-01-31')).toEqual([]);
    expect((await json(['--decision', '88/QĐ-BHXH', '--as-of', '2024-01-31'])).tasks).toEqual([]);
  });

  it('a day later lists the January tasks, one day late', async () => {
    const want = expectedOverdue('2024-02-01');
    expect(want.length).toBeGreaterThan(0);
    expect((await json(['--decision', '88', '--as-of', '2024-02-01'])).tasks.map((t) => [t.id, t.daysLate])).toEqual(want.map((w) => [w.id, 1]));
  });

  it('--within adds what falls due within the window', async () => {
    const got = await json(['--decision', '88/QĐ-BHXH', '--as-of', '2024-06-15', '--within', '20']);
    expect(got.within).toBe(20);
    const soon = got.tasks.filter((t) => t.state === 'due-soon');
    expect(soon.length).toBeGreaterThan(0);
    expect(soon.every((t) => t.daysLeft! <= 20 && t.due.to === '2024-06-30')).toBe(true);
    expect(got.tasks.slice(0, got.tasks.length - soon.length).every((t) => t.state === 'overdue')).toBe(true);
  });

  it('includes reporting-duty instances with their own kind', async () => {
    const got = await json(['--decision', '1320/QĐ-BHXH', '--as-of', '2025-11-20']);
    expect(got.tasks.map((t) => [t.kind, t.id, t.period, t.due.to, t.daysLate])).toEqual([
      ['reporting', 'bao-cao-danh-gia-hang-nam', '2021', '2021-11-14', 1467],
      ['reporting', 'bao-cao-danh-gia-hang-nam', '2022', '2022-11-14', 1102],
      ['reporting', 'bao-cao-danh-gia-hang-nam', '2023', '2023-11-14', 737],
      ['reporting', 'bao-cao-danh-gia-hang-nam', '2024', '2024-11-14', 371],
      ['reporting', 'bao-cao-danh-gia-hang-nam', '2025', '2025-11-14', 6],
    ]);
  });
});

describe('plan overdue filters, formats and exit codes', () => {
  it('--unit finds tasks the unit supports and duties it reports or receives', async () => {
    const got = await json([...FIXTURE, '--unit', 'TTC', '--as-of', '2025-11-20']);
    expect(got.tasks.map((t) => `${t.kind}:${t.id}`)).toEqual(['task:2.9', 'reporting:bao-cao-6-thang']);
    const hn = await json([...FIXTURE, '--unit', 'BHXH thành phố Hà Nội', '--as-of', '2025-11-20']);
    expect(hn.tasks.map((t) => `${t.kind}:${t.id}`)).toEqual(['task:2.9', 'reporting:bao-cao-6-thang']);
  });

  it('--leader keeps that leader\'s tasks and no duties', async () => {
    expect((await json([...FIXTURE, '--leader', 'ld-hai', '--as-of', '2025-11-20'])).tasks.map((t) => `${t.decision} ${t.id}`)).toEqual(['900/QĐ-TEST 2.8', '901/QĐ-TEST 1.1']);
  });

  it('--fail-on overdue exits 1 when anything is overdue, 0 when nothing is', async () => {
    const late = await runMain(['overdue', ...FIXTURE, '--as-of', '2025-11-20', '--fail-on', 'overdue', '--lang', 'en']);
    expect(late.code).toBe(1);
    expect(late.stdout).toContain('6 overdue (2 of them reports), as of 2025-11-20');
    const none = await runMain(['overdue', ...FIXTURE, '--as-of', '2023-02-01', '--fail-on', 'overdue', '--lang', 'en']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('Nothing overdue, as of 2023-02-01.\n');
    expect((await runMain(['overdue', ...FIXTURE, '--as-of', '2025-11-20'])).code).toBe(0);
  });

  it.each([
    ['table', (out: string) => expect(out).toMatch(/│ 900\/QĐ-TEST +│/)],
    ['md', (out: string) => expect(out).toContain('| Decision | Item | Task | Lead | Leader | Reports to | Due | State |')],
    ['csv', (out: string) => expect(out.startsWith('\uFEFFkind,decision,id,period,')).toBe(true)],
    ['json', (out: string) => expect(JSON.parse(out)).toHaveProperty('tasks')],
    ['github', (out: string) => expect(out).toMatch(/^::warning file=test\/fixtures\/status\/plans\/qd-900-test-2023\.yaml,line=\d+,/)],
  ])('--format %s', async (format, check) => {
    const r = await runMain(['overdue', ...FIXTURE, '--as-of', '2025-11-20', '--format', format, '--lang', 'en']);
    expect(r.code).toBe(0);
    check(r.stdout);
  });

  it('--format md: a duty\'s receiving body, as its plan file writes it, under its own header; the leader column a task\'s leader only', async () => {
    const items = (await json(['--as-of', '2025-12-31'])).tasks;
    const r = await runMain(['overdue', '--as-of', '2025-12-31', '--format', 'md']);
    expect(r.code).toBe(0);
    const tables = mdTables(r.stdout);
    expect(tables).toHaveLength(1);
    const { header, rows } = tables[0]!;
    expect(header).toEqual(['Quyết định', 'Mục', 'Nội dung', 'Chủ trì', 'Lãnh đạo phụ trách', 'Nơi nhận báo cáo', 'Hạn', 'Tình trạng']);
    expect(rows).toHaveLength(items.length);
    const words = planWords();
    const duties = items.flatMap((it, i) => (it.kind === 'reporting' ? [{ it, row: rows[i]! }] : []));
    const tasks = items.flatMap((it, i) => (it.kind === 'task' && words.leader.has(`${it.decision} ${it.id}`) ? [{ it, row: rows[i]! }] : []));
    expect(duties.length).toBeGreaterThan(5);
    expect(tasks.length).toBeGreaterThan(5);
    for (const { it, row } of duties) {
      expect(row.get('Nơi nhận báo cáo')).toBe(words.recipient.get(`${it.decision} ${it.id}`));
      expect(row.get('Lãnh đạo phụ trách')).toBe('');
    }
    for (const { it, row } of tasks) {
      expect(row.get('Lãnh đạo phụ trách')).toBe(words.leader.get(`${it.decision} ${it.id}`));
      expect(row.get('Nơi nhận báo cáo')).toBe('');
    }
  });

  it('github annotations point at the task line in its plan file', async () => {
    const r = await runMain(['overdue', ...FIXTURE, '--as-of', '2025-11-20', '--format', 'github', '--decision', '900']);
    const first = /^::warning file=([^,]+),line=(\d+),/.exec(r.stdout)!;
    const lines = readFileSync(`${ROOT}/${first[1]}`, 'utf8').split('\n');
    expect(lines[Number(first[2]) - 1]).toMatch(/- id: "2\.8"/);
  });

  it('fits an 80-column terminal', async () => {
    const r = await runMain(['overdue', '--as-of', '2025-11-20'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });

  it.each([
    [['--decision', '88/QĐ-BHXX'], /no decision "88\/QĐ-BHXX"; did you mean "88\/QĐ-BHXH/],
    [['--unit', 'vu-tcktt'], /no unit "vu-tcktt" in the registry; did you mean "vu-tckt"\?/],
    [['--within', 'soon'], /--within takes a whole number of days; got "soon"/],
    [['--fail-on', 'unmet'], /argument 'unmet' is invalid/],
    [['--format', 'html'], /argument 'html' is invalid/],
    [['--as-of', '2024-02-30'], /--as-of takes a calendar day/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await runMain(['overdue', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('plans that do not validate: exit 1, findings on stderr', async () => {
    const r = await runMain(['overdue', '--plans', 'test/fixtures/status/invalid-plans', '--as-of', '2025-11-20']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/qd-950-invalid\.yaml:\d+:\d+: error/);
    expect(r.stderr).toContain('nothing reported');
    expect(r.stdout).toBe('');
  });
});
