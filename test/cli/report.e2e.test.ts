// plan report end to end through the built bin/plan.js: every section of the document, each one
// checked against the command that reports the same thing on its own (plan overdue, plan
// attainment) and the appendix rows against the plan files; escaping; data that cannot be read;
// exit codes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin, type RunResult } from '../helpers/cli.js';
import { mdCells as cells, mdTables } from '../helpers/md-table.js';
import { planWords } from '../helpers/plan-words.js';

const AS_OF = ['--as-of', '2025-12-31'];
const HOSTILE = ['--plans', 'test/fixtures/render/plans', '--as-of', '2024-12-01'];

/** The text from one heading to the next heading of the same or a higher level. */
function section(md: string, heading: RegExp): string {
  const lines = md.split('\n');
  const at = lines.findIndex((l) => heading.test(l));
  expect(at, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const level = /^#+/.exec(lines[at]!)![0].length;
  const end = lines.findIndex((l, i) => i > at && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(at, end < 0 ? undefined : end).join('\n');
}

/** The body rows of every table in a piece of Markdown (header and rule left out). */
function tableRows(md: string): string[][] {
  const out: string[][] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !/^\|[\s:|-]+\|$/.test(lines[i + 1] ?? '')) continue;
    i += 2;
    while (i < lines.length && lines[i]!.startsWith('|')) out.push(cells(lines[i++]!));
  }
  return out;
}

function ok(r: RunResult): string {
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

interface OverdueJson {
  tasks: { kind: 'task' | 'reporting'; decision: string; id: string; period: string | null; state: string; due: { to: string | null } | null }[];
}

interface AttainmentJson {
  targets: { decision: string; id: string; status: string; breakdown: { suppressedSmall: number; suppressedComplementary: number } | null }[];
}

/** How each row of the overdue and due-soon tables names its item: decision, item cell, due day. */
function itemKey(i: OverdueJson['tasks'][number]): string[] {
  const item = i.kind === 'reporting' ? i.period! : i.period ? `${i.id} [${i.period}]` : i.id;
  // The Vietnamese document writes days dd/mm/yyyy.
  return [i.decision, item, i.due?.to ? i.due.to.split('-').reverse().join('/') : ''];
}

const STATUS_VI: Record<string, string> = { Đạt: 'met', 'Chưa đạt': 'not-met', 'Chưa hết kỳ': 'in-progress', 'Không có dữ liệu': 'no-data' };

/** The rows of a decision's appendix tables in its plan file: tasks and content rows. */
function appendixRows(file: string): { tasks: number; contents: number } {
  const doc = parse(readFileSync(join(ROOT, 'plans', file), 'utf8')) as { appendices?: { groups: { tasks?: unknown[]; contents?: unknown[] }[] }[] };
  const groups = (doc.appendices ?? []).flatMap((a) => a.groups);
  return { tasks: groups.reduce((n, g) => n + (g.tasks?.length ?? 0), 0), contents: groups.reduce((n, g) => n + (g.contents?.length ?? 0), 0) };
}

describe('plan report --format md on the bundled plans and sample data', () => {
  let md: string;
  beforeAll(() => {
    const r = runBin(['report', ...AS_OF, '--format', 'md']);
    expect(r.stderr).toBe('');
    md = ok(r);
  });

  it('has a title, the as-of day and every section, in order', () => {
    expect(md.startsWith('# Báo cáo tình hình thực hiện kế hoạch\n\n_Tính đến ngày 31/12/2025 · sắp đến hạn: trong 30 ngày tới_\n')).toBe(true);
    const headings = md.split('\n').filter((l) => /^## /.test(l));
    expect(headings.map((l) => l.replace(/ \(\d+\)$/, ''))).toEqual([
      '## 1. Tổng hợp theo quyết định',
      '## 2. Nhiệm vụ và báo cáo quá hạn',
      '## 3. Sắp đến hạn (trong 30 ngày tới)',
      '## 4. Chế độ báo cáo định kỳ',
      '## 5. Kết quả thực hiện chỉ tiêu',
      '## 6. Phụ lục kèm tình trạng thực hiện',
    ]);
  });

  it('the summary counts tasks by state per decision as plan status does', () => {
    const status = JSON.parse(ok(runBin(['status', ...AS_OF, '--format', 'json', '--no-attainment']))) as { decisions: { decision: string; tasks: number; counts: Record<string, number> }[] };
    const rows = tableRows(section(md, /^## 1\./));
    for (const d of status.decisions) {
      const row = rows.find((r) => r[0] === d.decision)!;
      expect(row[2]).toBe(String(d.tasks));
      expect(row[3]).toBe(String(d.counts['overdue']));
    }
    expect(rows.at(-1)![0]).toBe('**Tổng cộng**');
  });

  it('the overdue list is plan overdue for the same day, most late first', () => {
    const expected = (JSON.parse(ok(runBin(['overdue', ...AS_OF, '--format', 'json']))) as OverdueJson).tasks;
    const part = section(md, /^## 2\./);
    expect(part.split('\n')[0]).toBe(`## 2. Nhiệm vụ và báo cáo quá hạn (${expected.length})`);
    const rows = tableRows(part);
    expect(rows.map((r) => [r[0], r[1], r[6]])).toEqual(expected.map(itemKey));
    // Lead unit; a task's leader under "Lãnh đạo phụ trách"; a duty's receiving body, as its plan
    // file writes it, under "Nơi nhận báo cáo" (a duty names no leader).
    const [table] = mdTables(part);
    expect(table!.header).toEqual(['Quyết định', 'Mục', 'Nội dung', 'Đơn vị chủ trì', 'Lãnh đạo phụ trách', 'Nơi nhận báo cáo', 'Hạn', 'Tình trạng']);
    const first = expected.find((t) => t.kind === 'task')!;
    expect(table!.rows[expected.indexOf(first)]!.get('Đơn vị chủ trì')).not.toBe('');
    const words = planWords();
    let duties = 0;
    let leaders = 0;
    expected.forEach((t, i) => {
      const row = table!.rows[i]!;
      if (t.kind === 'reporting') {
        duties++;
        expect(row.get('Nơi nhận báo cáo'), `${t.decision} ${t.id}`).toBe(words.recipient.get(`${t.decision} ${t.id}`));
        expect(row.get('Lãnh đạo phụ trách')).toBe('');
      } else {
        expect(row.get('Nơi nhận báo cáo')).toBe('');
        const leader = words.leader.get(`${t.decision} ${t.id}`);
        if (leader !== undefined) leaders++;
        expect(row.get('Lãnh đạo phụ trách')).toBe(leader ?? '');
      }
    });
    expect(duties).toBeGreaterThan(5);
    expect(leaders).toBeGreaterThan(5);
  });

  it('the due-soon list is what plan overdue --within 30 adds', () => {
    const expected = (JSON.parse(ok(runBin(['overdue', ...AS_OF, '--within', '30', '--format', 'json']))) as OverdueJson).tasks.filter((t) => t.state === 'due-soon');
    expect(expected.length).toBeGreaterThan(0);
    expect(tableRows(section(md, /^## 3\./)).map((r) => [r[0], r[1], r[6]])).toEqual(expected.map(itemKey));
  });

  it('the reporting duties: one row per duty with its overdue periods and the next', () => {
    const status = JSON.parse(ok(runBin(['status', ...AS_OF, '--format', 'json', '--no-attainment']))) as { decisions: { decision: string; duties: { id: string; overdue: { period: string }[]; next: { period: string } | null }[] }[] };
    const duties = status.decisions.flatMap((d) => d.duties.map((x) => ({ decision: d.decision, ...x })));
    const rows = tableRows(section(md, /^## 4\./));
    expect(rows.map((r) => [r[0], r[1]!.split(':')[0]])).toEqual(duties.map((d) => [d.decision, d.id]));
    for (const [i, d] of duties.entries()) {
      expect(rows[i]![6]).toBe(d.overdue.length > 0 ? `${d.overdue.length} kỳ: ${d.overdue.map((o) => o.period).join(', ')}` : '');
      if (d.next) expect(rows[i]![7]!.startsWith(`${d.next.period}: `)).toBe(true);
    }
  });

  it('target attainment is plan attainment for the same day: same targets, same statuses', () => {
    const expected = (JSON.parse(ok(runBin(['attainment', ...AS_OF, '--format', 'json']))) as AttainmentJson).targets;
    const part = section(md, /^## 5\./);
    const rows = tableRows(part).filter((r) => r.length === 8);
    expect(rows.map((r) => [r[0], r[1]!.split(':')[0], STATUS_VI[r[5]!]])).toEqual(expected.map((t) => [t.decision, t.id, t.status]));
    // The data read, and a target without data says why.
    expect(part).toContain('| staff | data/sample/staff.csv | 2.000 dòng |');
    const noData = rows.find((r) => r[5] === 'Không có dữ liệu')!;
    expect(noData[7]).not.toBe('');
  });

  it.each([
    ['88/QĐ-BHXH', 'qd-88-bhxh-2024.yaml'],
    ['456/QĐ-BHXH', 'qd-456-bhxh-2022.yaml'],
    ['185/QĐ-BHXH', 'qd-185-bhxh-2025.yaml'],
  ])('the appendices of %s hold every task and content row of its plan file, each task with its state', (number, file) => {
    const expected = appendixRows(file);
    expect(expected.tasks).toBeGreaterThan(0);
    const part = section(section(md, /^## 6\./), new RegExp(`^### ${number.replace(/\//g, '\\/')}: `));
    const rows = tableRows(part).filter((r) => !r.some((c) => c.startsWith('**')));
    // A task table has a state column; a table of training contents (456 Phụ lục I) has none.
    const headerCounts = part.split('\n').filter((l, i, ls) => l.startsWith('|') && /^\|[\s:|-]+\|$/.test(ls[i + 1] ?? '')).map((l) => cells(l));
    const withState = headerCounts.filter((h) => h.at(-1) === 'Tình trạng').length;
    expect(withState).toBeGreaterThan(0);
    const taskRows = rows.filter((r) => r.at(-1) !== '' && /^(Quá hạn|Còn|Đến hạn|Trong thời hạn|Thường xuyên|Chờ sự kiện|Hoàn thành|Đã hủy|Chưa đến|Đang thực hiện)/.test(r.at(-1)!));
    expect(taskRows.length).toBe(expected.tasks);
    expect(rows.length).toBe(expected.tasks + expected.contents);
  });

  it('--lang en: the same document with English headings and labels', () => {
    const en = ok(runBin(['report', ...AS_OF, '--lang', 'en']));
    expect(en.split('\n').filter((l) => /^## /.test(l)).map((l) => l.replace(/ \(\d+\)$/, ''))).toEqual([
      '## 1. Summary by decision',
      '## 2. Overdue tasks and reports',
      '## 3. Due within 30 days',
      '## 4. Reporting duties',
      '## 5. Target attainment',
      '## 6. Appendices with state',
    ]);
    expect(tableRows(section(en, /^## 2\./)).length).toBe(tableRows(section(md, /^## 2\./)).length);
    expect(mdTables(section(en, /^## 2\./))[0]!.header).toEqual(['Decision', 'Item', 'Task', 'Lead unit', 'Leader', 'Reports to', 'Due', 'State']);
    expect(en).toContain('| No. | Content |');
  });
});

describe('plan report options', () => {
  it('--decision narrows every section to that decision', () => {
    const md = ok(runBin(['report', ...AS_OF, '--decision', '456']));
    expect(md).toContain('**456/QĐ-BHXH**: Phê duyệt Kế hoạch đào tạo');
    const decisions = new Set(tableRows(section(md, /^## 2\./)).map((r) => r[0]));
    expect([...decisions]).toEqual(['456/QĐ-BHXH']);
    expect(section(md, /^## 6\./).split('\n').filter((l) => l.startsWith('### '))).toEqual([expect.stringMatching(/^### 456\/QĐ-BHXH: /)]);
    const targets = tableRows(section(md, /^## 5\./)).filter((r) => r.length === 8);
    expect(new Set(targets.map((r) => r[0]))).toEqual(new Set(['456/QĐ-BHXH']));
  });

  it('--by unit: a breakdown per target, and how many cells were suppressed (--min-cell)', () => {
    const args = [...AS_OF, '--decision', '456', '--by', 'unit', '--min-cell', '10'];
    const json = JSON.parse(ok(runBin(['attainment', ...args, '--format', 'json']))) as AttainmentJson;
    const broken = json.targets.filter((t) => t.breakdown);
    const suppressed = broken.reduce((n, t) => n + t.breakdown!.suppressedSmall + t.breakdown!.suppressedComplementary, 0);
    expect(suppressed).toBeGreaterThan(0);
    const md = ok(runBin(['report', ...args, '--lang', 'en']));
    expect(md).toContain(`In all, ${suppressed} cells suppressed across ${broken.length} breakdowns (disclosure threshold: 10 people).`);
    expect(md.split('\n').filter((l) => /^#### 456\/QĐ-BHXH .* by unit$/.test(l)).length).toBe(broken.length);
    expect(md).toContain('| suppressed (&lt; 10) |');
  });

  it('--within widens the due-soon window as plan overdue --within does', () => {
    const expected = (JSON.parse(ok(runBin(['overdue', ...AS_OF, '--within', '90', '--format', 'json']))) as OverdueJson).tasks.filter((t) => t.state === 'due-soon');
    const md = ok(runBin(['report', ...AS_OF, '--within', '90', '--lang', 'en']));
    expect(md).toContain(`## 3. Due within 90 days (${expected.length})`);
  });

  it('--year evaluates yearly targets for that year', () => {
    const expected = (JSON.parse(ok(runBin(['attainment', ...AS_OF, '--year', '2024', '--format', 'json']))) as AttainmentJson).targets;
    const rows = tableRows(section(ok(runBin(['report', ...AS_OF, '--year', '2024'])), /^## 5\./)).filter((r) => r.length === 8);
    expect(rows.map((r) => STATUS_VI[r[5]!])).toEqual(expected.map((t) => t.status));
  });
});

describe('plan report when data is missing or unreadable', () => {
  it('a data file that does not exist: the report still renders, says so in the attainment section, exit 0', () => {
    const r = runBin(['report', ...AS_OF, '--staff', 'missing.csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('error DATA_FILE_MISSING no file for dataset staff: missing.csv does not exist');
    const part = section(r.stdout, /^## 5\./);
    expect(part).toContain('| staff | missing.csv | the file missing.csv does not exist |');
    expect(part).toContain('_Không có dữ liệu staff: the file missing.csv does not exist_');
    // Everything else is there.
    expect(r.stdout).toMatch(/^## 6\. /m);
    expect(tableRows(section(r.stdout, /^## 2\./)).length).toBeGreaterThan(0);
  });

  it('no data at all: "no target could be measured", with the reasons', () => {
    const r = runBin(['report', ...AS_OF, '--lang', 'en', '--decision', '1320', '--data', 'coverage=nowhere.csv']);
    expect(r.code).toBe(0);
    expect(section(r.stdout, /^## 5\./)).toContain('**No target could be measured: no data (coverage: the file nowhere.csv does not exist).**');
  });

  it('a file that cannot be read (not a CSV of the dataset): its targets have no data, exit 0, findings on stderr', () => {
    const r = runBin(['report', ...AS_OF, '--lang', 'en', '--staff', 'test/fixtures/attainment/bad/missing-column.csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/error DATA_COLUMN_MISSING/);
    expect(section(r.stdout, /^## 5\./)).toMatch(/No data from staff: /);
  });

  it('plans without datasets: every target without data, with why', () => {
    const r = runBin(['report', ...HOSTILE, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = tableRows(section(r.stdout, /^## 5\./));
    // One row per target of the fixture's decision files, read here with the yaml library.
    const targets = ['qd-1-test-2024.yaml', 'qd-2-hostile-2024.yaml'].flatMap((f) => (parse(readFileSync(`test/fixtures/render/plans/${f}`, 'utf8')) as { targets?: unknown[] }).targets ?? []);
    expect(targets.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(targets.length);
    for (const row of rows) expect([row[5], row[7]]).toEqual(['no data', 'no measure is encoded for this target']);
  });
});

describe('plan report keeps what the plan files contain inert', () => {
  it('Markdown: no markup, no links, no emphasis, no broken tables', () => {
    const md = ok(runBin(['report', ...HOSTILE]));
    expect(md.replace(/<br>/g, '')).not.toContain('<');
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" \\| pipe \\[x\\](javascript:alert(8))');
    expect(md).toContain('Vụ &lt;b&gt;C&lt;/b&gt; &amp; "đơn vị"');
    expect(md).toContain('ti-le-svg: Tỷ lệ &lt;/svg&gt;&lt;script&gt;alert(7)&lt;/script&gt; đạt 80%');
    // Every row of a table has as many cells as its header.
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]!.startsWith('|') || !/^\|[\s:|-]+\|$/.test(lines[i + 1] ?? '')) continue;
      const width = cells(lines[i]!).length;
      for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) expect(cells(lines[j]!).length, lines[j]).toBe(width);
    }
  });

  it('HTML: every element is ours; the hostile words are text', () => {
    const html = ok(runBin(['report', ...HOSTILE, '--format', 'html']));
    expect(html).not.toMatch(/<(script|img|b|i|u)[\s>]/i);
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    const count = (re: RegExp) => (html.match(re) ?? []).length;
    // The states chart, and a targets chart for each of the two decisions with numeric targets.
    expect(count(/<svg[\s>]/g)).toBe(3);
    expect(count(/<\/svg>/g)).toBe(3);
    expect(count(/<title[\s>]/g)).toBe(count(/<\/title>/g));
    expect(count(/<table[\s>]/g)).toBe(count(/<\/table>/g));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; | pipe [x](javascript:alert(8))');
    expect(html).toContain('Vụ &lt;b&gt;C&lt;/b&gt; &amp; &quot;đơn vị&quot;');
    expect(html).toContain('Tỷ lệ &lt;/svg&gt;&lt;script&gt;alert(7)&lt;/script&gt; đạt 80%');
    expect(html).toContain('<title>Báo cáo tình hình thực hiện kế hoạch (01/12/2024)</title>');
  });
});

describe('plan report exit codes', () => {
  it('exit 1 when the plans do not validate, with the findings on stderr', () => {
    const r = runBin(['report', '--plans', 'test/fixtures/status/invalid-plans', ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/the plan files have \d+ errors?; nothing reported/);
  });

  it.each([
    [['--format', 'pdf'], /argument 'pdf' is invalid/],
    [['--format', 'table'], /argument 'table' is invalid/],
    [['--by', 'unitt'], /--by takes unit, level, province, unit-kind, not "unitt"; did you mean "unit"\?/],
    [['--as-of', '2025-13-01'], /--as-of takes a calendar day written YYYY-MM-DD/],
    [['--lang', 'fr'], /argument 'fr' is invalid/],
    [['--min-cell', '0'], /--min-cell takes a whole number from 1/],
    [['--within', 'soon'], /--within takes a whole number of days/],
    [['--decision', '999'], /no decision "999"/],
    [['--data', 'coverage'], /--data takes NAME=FILE/],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const r = runBin(['report', ...AS_OF, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('--help ends with examples', () => {
    const r = runBin(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd()).toMatch(/Examples:\n(?: +\$ plan report.*\n?)+$/);
  });
});
