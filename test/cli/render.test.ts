// plan render end to end through the built bin/plan.js, checked against the plan files themselves.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runMain, type RunResult } from '../helpers/cli.js';

interface YTask {
  id: string;
  no?: string;
  content: string;
  product?: string;
}
interface YGroup {
  no: string;
  title?: string;
  tasks?: YTask[];
  contents?: YTask[];
}
interface YAppendix {
  id: string;
  label?: string;
  columns: { field: string; header: string }[];
  groups: YGroup[];
  total_label?: string;
}

function appendices(file: string): YAppendix[] {
  return (parse(readFileSync(join(ROOT, 'plans', file), 'utf8')) as { appendices: YAppendix[] }).appendices;
}

interface MdTable {
  heading: string;
  header: string[];
  rows: { strong: boolean; cells: string[] }[];
}

/** Splits `plan render --format md` output into its tables. */
function mdTables(md: string): MdTable[] {
  const out: MdTable[] = [];
  let current: MdTable | undefined;
  for (const line of md.split('\n')) {
    if (line.startsWith('### ')) {
      current = { heading: line.slice(4), header: [], rows: [] };
      out.push(current);
    } else if (line.startsWith('|') && current) {
      const cells = line
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((c) => c.trim());
      if (current.header.length === 0) current.header = cells;
      else if (!/^:?-+:?$/.test(cells[0]!)) current.rows.push({ strong: cells.some((c) => c.startsWith('**')), cells: cells.map((c) => c.replace(/^\*\*(.*)\*\*$/, '$1')) });
    }
  }
  return out;
}

const ENV = { PLAN_AS_OF: '2024-07-01' };

describe('plan render 88/QĐ-BHXH --format md', () => {
  let r!: RunResult;
  beforeAll(async () => {
    r = await runMain(['render', '88/QĐ-BHXH', '--format', 'md'], { env: ENV });
  });
  const [appendix] = appendices('qd-88-bhxh-2024.yaml');

  it('exits 0 with one table', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(mdTables(r.stdout)).toHaveLength(1);
  });

  it("uses the document's column headers", () => {
    expect(mdTables(r.stdout)[0]!.header).toEqual(appendix!.columns.map((c) => c.header));
  });

  it('holds every task in document order under its lead unit, and TỔNG SỐ with the computed total', () => {
    const t = mdTables(r.stdout)[0]!;
    const shown: string[] = [];
    let group = '';
    for (const row of t.rows) {
      if (row.cells[1] === 'TỔNG SỐ') continue;
      if (row.strong) group = `${row.cells[0]} ${row.cells[1]} (${row.cells[2]})`;
      else shown.push(`${group} / ${row.cells[0]}`);
    }
    const expected = appendix!.groups.flatMap((g) => g.tasks!.map((x) => `${g.no} ${g.title} (${g.tasks!.length}) / ${x.no ?? x.id}`));
    expect(shown).toEqual(expected);
    expect(shown).toHaveLength(40);
    expect(new Set(t.rows.filter((x) => x.strong && x.cells[1] !== 'TỔNG SỐ').map((x) => x.cells[1])).size).toBe(17);
    const total = t.rows.at(-1)!;
    expect(total.strong).toBe(true);
    expect(total.cells.slice(1, 3)).toEqual(['TỔNG SỐ', '40']);
  });
});

describe('plan render 456/QĐ-BHXH', () => {
  const [pl1, pl2] = appendices('qd-456-bhxh-2022.yaml');

  it('renders both appendices one after the other: 35 contents in 9 groups, 15 tasks in 6 groups', async () => {
    const r = await runMain(['render', '456/QĐ-BHXH', '--format', 'md'], { env: ENV });
    expect(r.code).toBe(0);
    const [a, b] = mdTables(r.stdout);
    expect(a!.heading).toMatch(/^PHỤ LỤC I: /);
    expect(b!.heading).toMatch(/^PHỤ LỤC II: /);
    const count = (t: MdTable) => ({ groups: t.rows.filter((x) => x.strong).length, rows: t.rows.filter((x) => !x.strong).length });
    expect(count(a!)).toEqual({ groups: 9, rows: 35 });
    expect(count(b!)).toEqual({ groups: 6, rows: 15 });
    expect(count(a!)).toEqual({ groups: pl1!.groups.length, rows: pl1!.groups.flatMap((g) => g.contents!).length });
    expect(count(b!)).toEqual({ groups: pl2!.groups.length, rows: pl2!.groups.flatMap((g) => g.tasks!).length });
    expect(a!.header).toEqual(['TT', 'Nội dung bồi dưỡng', 'Phương thức bồi dưỡng']);
    expect(b!.header).toEqual(['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện']);
  });

  it('in the terminal too (the default format)', async () => {
    const r = await runMain(['render', '456'], { env: { ...ENV, COLUMNS: '120' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PHỤ LỤC I\n');
    expect(r.stdout).toContain('PHỤ LỤC II\n');
    expect(r.stdout).toContain('35 nội dung trong 9 nhóm');
    expect(r.stdout).toContain('15 nhiệm vụ trong 6 nhóm');
  });

  it('--appendix picks one', async () => {
    const r = await runMain(['render', '456', '--appendix', 'phu-luc-2', '--format', 'json'], { env: ENV });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.tables.map((t: { id: string }) => t.id)).toEqual(['phu-luc-2']);
    expect(j.tables[0].total.value).toBe(15);
  });

  it('an unknown --appendix is a usage error that lists the appendices', async () => {
    const r = await runMain(['render', '456', '--appendix', 'phu-luc-3'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('456/QĐ-BHXH has no appendix "phu-luc-3"; its appendices: phu-luc-1, phu-luc-2');
  });
});

describe('plan render 185/QĐ-BHXH', () => {
  it('renders its six groups with their products', async () => {
    const [appendix] = appendices('qd-185-bhxh-2025.yaml');
    const r = await runMain(['render', '185', '--format', 'md'], { env: ENV });
    expect(r.code).toBe(0);
    const [t] = mdTables(r.stdout);
    expect(t!.header.at(-1)).toBe('Sản phẩm');
    expect(t!.rows.filter((x) => x.strong).map((x) => x.cells[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    const tasks = t!.rows.filter((x) => !x.strong);
    const expected = appendix!.groups.flatMap((g) => g.tasks!);
    expect(tasks).toHaveLength(expected.length);
    // Products as written (Markdown escaping aside).
    const unescape = (s: string) => s.replace(/\\([\\`*_[\]#|])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/<br>/g, '\n');
    expect(tasks.map((x) => unescape(x.cells.at(-1)!))).toEqual(expected.map((x) => x.product ?? ''));
    expect(tasks.every((x) => x.cells.at(-1) !== '')).toBe(true);
  });
});

describe('decisions without an appendix', () => {
  it.each(['1320/QĐ-BHXH', '146/QĐ-TTg'])('%s renders its body sections under generic headers, and says so', async (d) => {
    const r = await runMain(['render', d, '--format', 'md'], { env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Không phải phụ lục của văn bản');
    expect(mdTables(r.stdout)[0]!.header.slice(0, 2)).toEqual(['TT', 'Nội dung nhiệm vụ']);
  });

  it('--appendix on one is a usage error', async () => {
    const r = await runMain(['render', '1320', '--appendix', 'x'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1320/QĐ-BHXH has no appendix');
  });
});

describe('options', () => {
  it('--lang en switches headers and fixed labels, content stays as written', async () => {
    const r = await runMain(['render', '88', '--format', 'md', '--lang', 'en'], { env: ENV });
    expect(r.code).toBe(0);
    const [t] = mdTables(r.stdout);
    expect(t!.header).toEqual(['No.', 'Content', 'Tasks', 'Supporting units', 'Start', 'Finish', 'Responsible leader']);
    expect(t!.rows.at(-1)!.cells[1]).toBe('TOTAL');
    expect(t!.rows[1]!.cells[1]).toMatch(/^Đẩy mạnh thực hiện chi trả/);
  });

  it('--with-status --as-of adds a state column', async () => {
    const r = await runMain(['render', '88', '--format', 'json', '--with-status', '--as-of', '2025-01-01'], { env: ENV });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.asOf).toBe('2025-01-01');
    expect(j.tables[0].columns.at(-1)).toEqual({ field: 'state', header: 'Tình trạng' });
    const task = j.tables[0].groups[0].rows[0];
    expect(task).toMatchObject({ id: '1.1', state: { state: 'overdue', daysLate: 1 } });
  });

  it('--format csv: BOM, one row per table row with its kind', async () => {
    const r = await runMain(['render', '88', '--format', 'csv'], { env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    const kinds = r.stdout.split('\r\n').slice(1, -1).map((l) => l.split(',')[2]);
    expect(kinds.filter((k) => k === 'task')).toHaveLength(40);
    expect(kinds.filter((k) => k === 'group')).toHaveLength(17);
    expect(kinds.at(-1)).toBe('total');
  });

  it('--format html: one task row per task, a group row per lead unit', async () => {
    const r = await runMain(['render', '88', '--format', 'html'], { env: ENV });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/<tr class="task"/g)).toHaveLength(40);
    expect(r.stdout.match(/<tr class="group"/g)).toHaveLength(17);
    expect(r.stdout).toContain('<th scope="row" colspan="2">TỔNG SỐ</th><td class="count">40</td>');
  });

  it('an unknown decision is a usage error', async () => {
    const r = await runMain(['render', '999'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no decision "999"');
  });

  it('--sections with --appendix is a usage error', async () => {
    const r = await runMain(['render', '456', '--sections', '--appendix', 'phu-luc-1'], { env: ENV });
    expect(r.code).toBe(2);
  });

  it('an unknown format is a usage error', async () => {
    const r = await runMain(['render', '88', '--format', 'pdf'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('table, md, html, csv, json');
  });

  it('--help ends with examples', async () => {
    const r = await runMain(['render', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd()).toMatch(/Examples:\n(?: {2}\$ .+\n?)+$/);
  });
});
