// --format xlsx read back by an independent reader (the sheet XML through fflate, not exceljs):
// numbers are numeric cells equal to the JSON figures, days are date cells shown dd/mm/yyyy,
// percentages percentage cells holding the exact share, formula-like text stays a text cell.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { readWorkbook, serialToIso, type Sheet, type SheetCell } from '../helpers/ooxml.js';
import { planWords } from '../helpers/plan-words.js';

const dir = mkdtempSync(join(tmpdir(), 'plan-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(args: string[]): Promise<Sheet[]> {
  const out = join(dir, `${args.join('-').replace(/[^\w-]/g, '_')}.xlsx`);
  const r = await runMain([...args, '--format', 'xlsx', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  return readWorkbook(readFileSync(out));
}

/** The fields of the JSON outputs these tests compare against (README, JSON). */
type Count = number | string | null;
interface TargetJson {
  id: string;
  numerator: Count;
  denominator: Count;
  needed: Count;
  threshold: number | null;
  value: number;
  from: string | null;
  to: string | null;
  by: number | null;
}
interface TaskJson {
  kind?: 'task' | 'reporting';
  decision?: string;
  id: string;
  content: string;
  state: string;
  due: { to: string | null } | null;
  daysLate: number | null;
}
interface TableJson {
  label: string;
  title: string;
  note: string;
  columns: { header: string }[];
  groups: { rows: unknown[] }[];
  total: { label: string | null };
}
interface DecisionJson {
  decision: string;
  tasks: number;
  counts: { overdue: number };
  overdue: unknown[];
  duties: unknown[];
}
interface Json {
  targets: TargetJson[];
  tasks: TaskJson[];
  tables: TableJson[];
  decisions: DecisionJson[];
}

async function json(args: string[]): Promise<Json> {
  const r = await runMain([...args, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

/** The data rows of a sheet (after its header row) as cells keyed by header. */
function records(s: Sheet): Map<string, SheetCell | undefined>[] {
  const headerAt = s.frozenRows;
  const header = s.rows.get(headerAt)!.map((c) => String(c?.value ?? ''));
  const out: Map<string, SheetCell | undefined>[] = [];
  for (const [n, row] of [...s.rows].sort((a, b) => a[0] - b[0])) if (n > headerAt) out.push(new Map(header.map((h, i) => [h, row[i]])));
  return out;
}

function expectHeaderRow(s: Sheet, columns: number): void {
  expect(s.frozenRows).toBeGreaterThanOrEqual(1);
  const header = s.rows.get(s.frozenRows)!;
  expect(header.filter(Boolean)).toHaveLength(columns);
  expect(header.every((c) => c!.bold && c!.type === 's')).toBe(true);
  expect(s.autoFilter).toMatch(new RegExp(`^A${s.frozenRows}:[A-Z]+\\d+$`));
  expect(s.widths.size).toBe(columns);
}

describe('plan attainment --format xlsx', () => {
  const args = ['attainment', '--as-of', '2025-12-31'];
  it('numbers are numeric cells equal to the JSON figures; the value is a percentage cell holding numerator / denominator', async () => {
    const [sheets, j] = await Promise.all([workbook(args), json(args)]);
    const s = sheets[0]!;
    expect(s.name).toBe('Kết quả chỉ tiêu');
    expectHeaderRow(s, 14);
    const rows = records(s);
    expect(rows).toHaveLength(j.targets.length);
    expect(j.targets.length).toBeGreaterThan(10);
    let measured = 0;
    j.targets.forEach((t, i) => {
      const r = rows[i]!;
      expect(r.get('Chỉ tiêu')?.value ?? null).not.toBeNull();
      expect(r.get('Mã chỉ tiêu')!.value).toBe(t.id);
      for (const [header, key] of [['Tử số', 'numerator'], ['Mẫu số', 'denominator'], ['Còn thiếu', 'needed']] as const) {
        const cell = r.get(header);
        if (t[key] === null) expect(cell).toBeUndefined();
        else {
          expect(cell!.type).toBe('n');
          expect(cell!.value).toBe(Number(t[key]));
        }
      }
      if (t.threshold !== null) {
        const th = r.get('Mục tiêu')!;
        expect(th.type).toBe('n');
        expect(th.value).toBeCloseTo(t.threshold / 100, 12);
        expect(th.format).toMatch(/%$/);
      }
      if (t.numerator !== null && t.denominator !== null && Number(t.denominator) > 0) {
        measured++;
        const v = r.get('Kết quả')!;
        expect(v.type).toBe('n');
        expect(v.format).toMatch(/%$/);
        // The exact share, not the value rounded for display (which JSON gives to one decimal).
        expect(v.value).toBe(Number(t.numerator) / Number(t.denominator));
        expect(Math.abs((v.value as number) * 100 - t.value)).toBeLessThan(0.051);
      }
      if (t.from !== null) {
        const from = r.get('Từ ngày')!;
        expect(from.type).toBe('n');
        expect(from.format).toBe('dd/mm/yyyy');
        expect(serialToIso(from.value as number)).toBe(t.from);
        expect(serialToIso(r.get('Đến ngày')!.value as number)).toBe(t.to);
      }
    });
    expect(measured).toBeGreaterThan(5);
    // No cell of the workbook is a formula.
    for (const sh of sheets) for (const c of sh.cells.values()) expect(c.formula).toBeNull();
  });

  it('a breakdown is a sheet of its own, with suppressed groups holding no figures', async () => {
    const sheets = await workbook([...args, '--by', 'unit', '--decision', '456']);
    const b = sheets.find((s) => s.name === 'Chi tiết')!;
    expect(b).toBeDefined();
    const rows = records(b);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      if (r.get('Ẩn')) expect(r.get('Tử số')).toBeUndefined();
      else expect(r.get('Tử số')!.type).toBe('n');
    }
  });
});

describe('plan tasks --format xlsx', () => {
  it('every task a row; days as date cells; state days as numbers', async () => {
    const args = ['tasks', '--as-of', '2024-07-01', '--decision', '88/QĐ-BHXH'];
    const [sheets, j] = await Promise.all([workbook(args), json(args)]);
    expect(sheets).toHaveLength(1);
    const s = sheets[0]!;
    expectHeaderRow(s, 15);
    const rows = records(s);
    expect(rows).toHaveLength(40);
    expect(j.tasks).toHaveLength(40);
    j.tasks.forEach((t, i) => {
      const r = rows[i]!;
      // "1.1" is a task number, not the number 1.1.
      expect(r.get('Số thứ tự')).toMatchObject({ type: 's', value: t.id });
      expect(r.get('Nội dung')).toMatchObject({ type: 's', value: t.content });
      expect(r.get('Mã tình trạng')!.value).toBe(t.state);
      if (t.due?.to) {
        const due = r.get('Hạn hoàn thành')!;
        expect(due).toMatchObject({ type: 'n', format: 'dd/mm/yyyy' });
        expect(serialToIso(due.value as number)).toBe(t.due.to);
      } else expect(r.get('Hạn hoàn thành')).toBeUndefined();
      if (t.daysLate !== null) expect(r.get('Số ngày quá hạn')).toMatchObject({ type: 'n', value: t.daysLate });
    });
    // Long content wraps instead of widening the column without bound.
    const contentCol = s.rows.get(s.frozenRows)!.findIndex((c) => c?.value === 'Nội dung');
    expect(s.widths.get(contentCol)).toBeLessThanOrEqual(62);
  });

  it('a =HYPERLINK(…) task content, and +…, -…, @… text, are text cells, never formulas', async () => {
    const args = ['tasks', '--plans', 'test/fixtures/render/plans', '--as-of', '2024-07-01'];
    const [s] = await workbook(args);
    const contents = records(s!).map((r) => r.get('Nội dung')!);
    const link = contents.find((c) => String(c.value).startsWith('=HYPERLINK'))!;
    expect(link).toMatchObject({ type: 's', value: '=HYPERLINK("http://x","y")', formula: null });
    expect(contents.find((c) => String(c.value).startsWith('+SUM'))).toMatchObject({ type: 's', formula: null });
    for (const c of s!.cells.values()) expect(c.formula).toBeNull();
  });
});

describe('the other commands as workbooks', () => {
  it('plan render: one sheet per appendix, the heading block above a frozen header, count cells numeric, total computed', async () => {
    const sheets = await workbook(['render', '456/QĐ-BHXH']);
    expect(sheets.map((s) => s.name)).toEqual(['PHỤ LỤC I', 'PHỤ LỤC II']);
    const j = await json(['render', '456/QĐ-BHXH']);
    sheets.forEach((s, i) => {
      const t = j.tables[i]!;
      expect(String(s.rows.get(1)![0]!.value)).toBe(t.label);
      expect(String(s.rows.get(2)![0]!.value)).toBe(t.title);
      expect(String(s.rows.get(3)![0]!.value)).toBe(t.note);
      expectHeaderRow(s, t.columns.length);
      expect(s.rows.get(s.frozenRows)!.map((c) => c!.value)).toEqual(t.columns.map((c) => c.header));
      const rows = records(s);
      const items = t.groups.reduce((n, g) => n + g.rows.length, 0);
      expect(rows).toHaveLength(t.groups.length + items + (t.total.label ? 1 : 0));
      const groupRows = rows.filter((r) => r.get(t.columns[0]!.header)?.bold);
      expect(groupRows.length).toBe(t.groups.length + (t.total.label ? 1 : 0));
    });
    const r88 = await workbook(['render', '88']);
    const rows = records(r88[0]!);
    const total = rows[rows.length - 1]!;
    expect(total.get('Tổng số nhiệm vụ')).toMatchObject({ type: 'n', value: 40, bold: true });
    expect(total.get('Nội dung nhiệm vụ')!.value).toBe('TỔNG SỐ');
    expect(rows.filter((r) => r.get('Tổng số nhiệm vụ')?.bold && r.get('Tổng số nhiệm vụ')?.type === 'n').length).toBe(18);
  });

  it('plan status: a sheet per section; counts numeric and equal to the JSON', async () => {
    const args = ['status', '--as-of', '2025-11-20'];
    const [sheets, j] = await Promise.all([workbook(args), json(args)]);
    expect(sheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Quá hạn', 'Sắp đến hạn', 'Chờ sự kiện', 'Chưa cập nhật', 'Chế độ báo cáo', 'Tổng hợp chỉ tiêu', 'Chỉ tiêu chưa đạt']);
    const summary = records(sheets[0]!);
    j.decisions.forEach((d, i) => {
      expect(summary[i]!.get('Quyết định')!.value).toBe(d.decision);
      expect(summary[i]!.get('Số nhiệm vụ')).toMatchObject({ type: 'n', value: d.tasks });
      expect(summary[i]!.get('Quá hạn')).toMatchObject({ type: 'n', value: d.counts.overdue });
    });
    expect(records(sheets[1]!)).toHaveLength(j.decisions.reduce((n, d) => n + d.overdue.length, 0));
    expect(records(sheets[5]!)).toHaveLength(j.decisions.reduce((n, d) => n + d.duties.length, 0));
  });

  it('years are whole numbers without separators; a number column is wide enough for its widest figure with separators (no ###)', async () => {
    const status = await workbook(['status', '--as-of', '2025-11-20']);
    const duty = records(status[5]!)[0]!;
    const from = [...duty.entries()].find(([h]) => h === 'Từ năm')?.[1];
    expect(from).toMatchObject({ type: 'n', format: '0' });
    expect(from!.value).toBeGreaterThan(2000);
    const [att] = await workbook(['attainment', '--as-of', '2025-12-31']);
    const header = att!.rows.get(1)!;
    for (const name of ['Tử số', 'Mẫu số']) {
      const col = header.findIndex((c) => c?.value === name);
      const widest = Math.max(...[...att!.rows.values()].slice(1).map((r) => (typeof r[col]?.value === 'number' ? (r[col]!.value as number).toLocaleString('en').length : 0)));
      expect(widest).toBeGreaterThan(14);
      expect(att!.widths.get(col)).toBeGreaterThanOrEqual(widest);
    }
  });

  it('plan overdue and plan targets', async () => {
    const args = ['overdue', '--as-of', '2024-07-01', '--within', '30'];
    const [sheets, j] = await Promise.all([workbook(args), json(args)]);
    expect(sheets.map((s) => s.name)).toEqual(['Quá hạn', 'Sắp đến hạn']);
    const over = records(sheets[0]!);
    const items = j.tasks.filter((i) => i.state === 'overdue');
    expect(items.length).toBeGreaterThan(0);
    expect(over).toHaveLength(items.length);
    items.forEach((it, i) => expect(over[i]!.get('Số ngày quá hạn')).toMatchObject({ type: 'n', value: it.daysLate }));

    const [t] = await workbook(['targets']);
    const tj = await json(['targets']);
    const rows = records(t!);
    expect(rows).toHaveLength(tj.targets.length);
    tj.targets.forEach((x, i) => {
      if (x.threshold !== null) expect(rows[i]!.get('Mục tiêu')!.value).toBeCloseTo(x.threshold / 100, 12);
      if (x.by !== null) expect(rows[i]!.get('Đến năm')).toMatchObject({ type: 'n', value: x.by });
    });
  });
});

describe('plan overdue --format xlsx: a reporting duty\'s receiving body is not a leader', () => {
  const words = planWords();

  /** Each row's leader and recipient cells beside the item it is (JSON, same order), and the sheet's header. */
  async function pairs(args: string[]) {
    const [sheets, j] = await Promise.all([workbook(args), json(args)]);
    const rows = sheets.flatMap(records);
    expect(rows).toHaveLength(j.tasks.length);
    return { sheets, rows: rows.map((r, i) => ({ r, item: j.tasks[i]! })) };
  }

  it('a duty row: the body it reports to, as the plan file writes it, under "Nơi nhận báo cáo", the leader cell empty; a task row: its leader under "Lãnh đạo phụ trách"', async () => {
    const { sheets, rows } = await pairs(['overdue', '--as-of', '2025-12-31', '--within', '30']);
    for (const s of sheets) {
      const header = s.rows.get(s.frozenRows)!.map((c) => c?.value);
      // Beside each other, the recipient right after the leader.
      expect(header.indexOf('Nơi nhận báo cáo')).toBe(header.indexOf('Lãnh đạo phụ trách') + 1);
      expectHeaderRow(s, 13);
    }
    const duties = rows.filter((x) => x.item.kind === 'reporting');
    const tasks = rows.filter((x) => x.item.kind === 'task' && words.leader.has(`${x.item.decision} ${x.item.id}`));
    expect(duties.length).toBeGreaterThan(5);
    expect(tasks.length).toBeGreaterThan(5);
    // The duties of at least two decisions, to different bodies (146: Thủ tướng Chính phủ, 1320: Vụ Kế hoạch và Đầu tư …).
    expect(new Set(duties.map((x) => words.recipient.get(`${x.item.decision} ${x.item.id}`))).size).toBeGreaterThan(1);
    for (const { r, item } of duties) {
      const to = words.recipient.get(`${item.decision} ${item.id}`);
      expect(to, `${item.decision} ${item.id}`).toBeDefined();
      expect(r.get('Nơi nhận báo cáo')).toMatchObject({ type: 's', value: to });
      expect(r.get('Lãnh đạo phụ trách')).toBeUndefined();
    }
    for (const { r, item } of tasks) {
      expect(r.get('Lãnh đạo phụ trách')).toMatchObject({ type: 's', value: words.leader.get(`${item.decision} ${item.id}`) });
      expect(r.get('Nơi nhận báo cáo')).toBeUndefined();
    }
    // No cell anywhere holds the old "→ recipient" in place of a leader.
    for (const s of sheets) for (const c of s.cells.values()) expect(String(c.value)).not.toMatch(/^→ /);
  });

  it('--lang en: "Responsible leader" and "Reports to"', async () => {
    const { rows } = await pairs(['overdue', '--as-of', '2025-12-31', '--lang', 'en']);
    const duty = rows.find((x) => x.item.kind === 'reporting')!;
    expect(duty.r.get('Reports to')!.value).toBe(words.recipient.get(`${duty.item.decision} ${duty.item.id}`));
    expect(duty.r.get('Responsible leader')).toBeUndefined();
    const task = rows.find((x) => x.item.kind === 'task' && words.leader.has(`${x.item.decision} ${x.item.id}`))!;
    expect(task.r.get('Responsible leader')!.value).toBe(words.leader.get(`${task.item.decision} ${task.item.id}`));
    expect(task.r.has('Reports to')).toBe(true);
    expect(task.r.get('Reports to')).toBeUndefined();
  });

  it('plan status lists only tasks on its overdue sheets: no recipient column there (its duties have their own sheet, with "Nơi nhận")', async () => {
    const sheets = await workbook(['status', '--as-of', '2025-12-31']);
    for (const name of ['Quá hạn', 'Sắp đến hạn']) {
      const s = sheets.find((x) => x.name === name)!;
      const header = s.rows.get(s.frozenRows)!.map((c) => c?.value);
      expect(header).toContain('Lãnh đạo phụ trách');
      expect(header).not.toContain('Nơi nhận báo cáo');
    }
    const duties = sheets.find((x) => x.name === 'Chế độ báo cáo')!;
    expect(duties.rows.get(duties.frozenRows)!.map((c) => c?.value)).toContain('Nơi nhận');
  });
});
