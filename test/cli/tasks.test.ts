import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runMain } from '../helpers/cli.js';
import { seedText } from '../helpers/seeds.js';

interface Period {
  text: string;
  kind: string;
  from: string | null;
  to: string | null;
}
interface Row {
  decision: string;
  id: string;
  content: string;
  lead: string[];
  support: string[];
  leader: string | null;
  start: Period | null;
  due: Period | null;
  state: string;
  daysLate: number | null;
}

async function tasksJson(args: string[]): Promise<Row[]> {
  const r = await runMain(['tasks', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as { schemaVersion: number; asOf: string; tasks: Row[] };
  expect(json.schemaVersion).toBe(1);
  return json.tasks;
}

// An independent reading of 88/QĐ-BHXH's start and finish cells, straight from the source text:
// after each task number "N.M", the first two lines that look like a period are its start and finish.
function periodsFromSeed(): Map<string, [string, string]> {
  const lines = seedText('qd-88-bhxh-2024-key-tasks.txt').split('\n').map((l) => l.trim());
  const out = new Map<string, [string, string]>();
  const isPeriod = (l: string) => /^(Tháng \d{1,2}\/\d{4}|Quý [IV0-9]+\/\d{4}|Năm \d{4})$/.test(l);
  for (let i = 0; i < lines.length; i++) {
    if (!/^\d+\.\d+$/.test(lines[i]!)) continue;
    const found: string[] = [];
    for (let j = i + 1; j < lines.length && found.length < 2 && !/^\d+\.\d+$/.test(lines[j]!); j++) if (isPeriod(lines[j]!)) found.push(lines[j]!);
    if (found.length === 2) out.set(lines[i]!, [found[0]!, found[1]!]);
  }
  return out;
}

// Calendar arithmetic written separately from src/period, to check it.
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
function months(p: string): [year: number, first: number, last: number] {
  const year = Number(/(\d{4})$/.exec(p)![1]);
  if (p.startsWith('Năm')) return [year, 1, 12];
  const n = /^(?:Tháng|Quý) (\S+)\//.exec(p)![1]!;
  if (p.startsWith('Quý')) {
    const q = ROMAN[n] ?? Number(n);
    return [year, (q - 1) * 3 + 1, (q - 1) * 3 + 3];
  }
  return [year, Number(n), Number(n)];
}
const pad = (n: number) => String(n).padStart(2, '0');
function firstDay(p: string): string {
  const [y, first] = months(p);
  return `${y}-${pad(first)}-01`;
}
function lastDay(p: string): string {
  const [y, , last] = months(p);
  return `${y}-${pad(last)}-${pad(new Date(Date.UTC(y, last, 0)).getUTCDate())}`;
}

describe('plan tasks on 88/QĐ-BHXH', () => {
  let tasks!: Row[];
  beforeAll(async () => {
    tasks = await tasksJson(['--decision', '88/QĐ-BHXH', '--as-of', '2024-07-01']);
  });

  it('lists all 40 tasks in document order', () => {
    expect(tasks).toHaveLength(40);
    const plan = parse(readFileSync('plans/qd-88-bhxh-2024.yaml', 'utf8')) as { appendices: { groups: { tasks: { id: string }[] }[] }[] };
    expect(tasks.map((t) => t.id)).toEqual(plan.appendices[0]!.groups.flatMap((g) => g.tasks.map((t) => t.id)));
  });

  it('gives every dated task the first and last day of its start and finish cells, read independently from the source', () => {
    const seed = periodsFromSeed();
    expect(seed.size).toBe(38); // 40 tasks less 1.3 (one merged "Sau khi …" cell) and 17.3 ("Theo Hướng dẫn …")
    for (const t of tasks) {
      const cells = seed.get(t.id);
      if (!cells) continue;
      expect(t.start?.text, t.id).toBe(cells[0]);
      expect(t.due?.text, t.id).toBe(cells[1]);
      expect(t.start?.from, t.id).toBe(firstDay(cells[0]));
      expect(t.due?.to, t.id).toBe(lastDay(cells[1]));
    }
  });

  it('states as of 2024-07-01 follow the due days', () => {
    for (const t of tasks) {
      if (t.due?.to && t.due.to < '2024-07-01') {
        expect(t.state, t.id).toBe('overdue');
        expect(t.daysLate, t.id).toBe(Math.round((Date.parse('2024-07-01') - Date.parse(t.due.to)) / 86400000));
      } else {
        expect(t.state, t.id).not.toBe('overdue');
      }
    }
    expect(tasks.find((t) => t.id === '1.3')).toMatchObject({ state: 'waiting', start: { kind: 'waiting' }, due: { kind: 'waiting' } });
    expect(tasks.find((t) => t.id === '15.3')).toMatchObject({ start: { from: '2023-01-01' }, due: { to: '2025-12-31' }, state: 'open' });
  });

  it('names owners by registry id and keeps the cells as written', () => {
    const t = tasks.find((x) => x.id === '7.3')!;
    expect(t.lead).toEqual(['ban-csyt']);
    expect(t.support).toEqual(['bo-y-te', 'vu-tckt', 'tt-gddt', 'vu-ttkt', 'vu-ktnb', 'vu-pc']);
    expect(t.leader).toBe('PTGĐ Nguyễn Đức Hòa');
  });
});

describe('plan tasks filters', () => {
  it('finds a unit by id, code or name, as lead or supporter, across decisions', async () => {
    const byId = await tasksJson(['--unit', 'vu-tccb', '--direct', '--as-of', '2024-07-01']);
    const byCode = await tasksJson(['--unit', 'TCCB', '--direct', '--as-of', '2024-07-01']);
    const byName = await tasksJson(['--unit', 'Vụ Tổ chức cán bộ', '--direct', '--as-of', '2024-07-01']);
    expect(byCode).toEqual(byId);
    expect(byName).toEqual(byId);
    expect(byId.every((t) => t.lead.includes('vu-tccb') || t.support.includes('vu-tccb'))).toBe(true);
    // 88 writes "Vụ Tổ chức cán bộ" and "TCCB", 456 "Vụ Tổ chức cán bộ", 185 "Vụ TCCB".
    expect(new Set(byId.map((t) => t.decision))).toEqual(new Set(['88/QĐ-BHXH', '456/QĐ-BHXH', '185/QĐ-BHXH']));
  });

  it('finds a unit across the decisions whichever way each wrote its name', async () => {
    // "BHXH các tỉnh, thành phố" (88), "Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương" (456),
    // "Giám đốc BHXH các tỉnh, thành phố" (1320), "BHXH các tỉnh" (185): one unit.
    const t = await tasksJson(['--unit', 'BHXH các tỉnh', '--direct', '--as-of', '2024-07-01']);
    expect(new Set(t.map((x) => x.decision))).toEqual(new Set(['88/QĐ-BHXH', '456/QĐ-BHXH', '1320/QĐ-BHXH', '185/QĐ-BHXH']));
    // 146/QĐ-TTg names the Prime Minister's bodies: Bảo hiểm xã hội Việt Nam as a whole.
    expect(new Set((await tasksJson(['--unit', 'BHXH Việt Nam', '--direct', '--as-of', '2024-07-01'])).map((x) => x.decision))).toEqual(new Set(['146/QĐ-TTg']));
  });

  it('without --direct, also finds the tasks of groups that stand for the unit', async () => {
    const all = await tasksJson(['--unit', 'vu-tccb', '--as-of', '2024-07-01']);
    const direct = await tasksJson(['--unit', 'vu-tccb', '--direct', '--as-of', '2024-07-01']);
    expect(all.length).toBeGreaterThan(direct.length);
    const units = (parse(readFileSync('plans/units.yaml', 'utf8')) as { units: { id: string; kind: string; members?: string[] }[] }).units;
    const groups = new Set(units.filter((u) => u.kind === 'group' && (u.members ?? []).includes('central')).map((u) => u.id));
    for (const t of all) expect([...t.lead, ...t.support].some((id) => id === 'vu-tccb' || groups.has(id)), t.id).toBe(true);
  });

  it('finds a leader by id or by the way the cells name them', async () => {
    const a = await tasksJson(['--leader', 'ptgd-chu-manh-sinh', '--as-of', '2024-07-01']);
    const b = await tasksJson(['--leader', 'Phó TGĐ Chu Mạnh Sinh', '--as-of', '2024-07-01']);
    expect(a.map((t) => t.id)).toEqual(['12.1', '12.2', '12.3', '15.3', '17.1', '17.2', '17.3']);
    expect(b).toEqual(a);
  });

  it('filters by one or several states', async () => {
    const overdue = await tasksJson(['--decision', '88', '--state', 'overdue', '--as-of', '2024-07-01']);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((t) => t.state === 'overdue')).toBe(true);
    const both = await tasksJson(['--decision', '88', '--state', 'overdue,waiting', '--as-of', '2024-07-01']);
    expect(both.length).toBe(overdue.length + 2);
  });

  it('takes the decision by number, bare number or file id', async () => {
    expect(await tasksJson(['--decision', '185', '--as-of', '2025-05-01'])).toEqual(await tasksJson(['--decision', 'qd-185-bhxh-2025', '--as-of', '2025-05-01']));
  });

  it.each([
    [['--decision', '99/QĐ-BHXH'], 'plan: no decision "99/QĐ-BHXH"'],
    [['--unit', 'vu-tcbb'], 'plan: no unit "vu-tcbb" in the registry; did you mean "vu-tccb"?'],
    [['--leader', 'ptgd-le-hung-som'], 'plan: no leader "ptgd-le-hung-som" in the registry; did you mean "ptgd-le-hung-son"?'],
    [['--state', 'late'], 'plan: no state "late"'],
    [['--as-of', '2024-02-30'], 'plan: --as-of takes a calendar day written YYYY-MM-DD, such as 2024-07-01; got "2024-02-30"'],
    [['--within', 'ten'], 'plan: --within takes a whole number of days; got "ten"'],
    [['--format', 'xml'], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are table, md, csv, json, xlsx."],
  ])('exits 2 for %j', async (args, message) => {
    const r = await runMain(['tasks', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('plan tasks formats', () => {
  it('renders a table that fits 80 columns and lines up Vietnamese text', async () => {
    const r = await runMain(['tasks', '--decision', '88', '--as-of', '2024-07-01'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const table = lines.filter((l) => /^[│┌├└]/.test(l));
    expect(table.length).toBeGreaterThan(40);
    const widths = new Set(table.map((l) => [...l.normalize('NFC')].length));
    expect([...widths]).toHaveLength(1);
    expect([...widths][0]).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toContain('\u001b[');
    expect(lines.at(-1)).toBe('40 nhiệm vụ, tính đến ngày 01/07/2024');
  });

  it('colours states only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const tty = await runMain(['tasks', '--decision', '88', '--state', 'overdue', '--as-of', '2024-07-01'], { tty: true });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await runMain(['tasks', '--decision', '88', '--state', 'overdue', '--as-of', '2024-07-01'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const flag = await runMain(['tasks', '--decision', '88', '--state', 'overdue', '--as-of', '2024-07-01', '--no-color'], { tty: true });
    expect(flag.stdout).not.toContain('\u001b[');
  });

  it('writes Markdown with escaped cells', async () => {
    const r = await runMain(['tasks', '--decision', '88', '--as-of', '2024-07-01', '--format', 'md']);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(42); // header, rule, 40 tasks
    // 1.4's supporting cell has two lines in the document.
    expect(r.stdout).toContain('- Cục quản lý giám sát kế toán, kiểm toán của Bộ Tài chính.<br>- Các Vụ, Ban liên quan của BHXH');
  });

  it('writes CSV with a BOM, a header and one row per task, neutralising formula-like cells', async () => {
    const r = await runMain(['tasks', '--decision', '88', '--as-of', '2024-07-01', '--format', 'csv']);
    expect(r.stdout.startsWith('\uFEFFdecision,id,content,')).toBe(true);
    const lines = r.stdout.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(41);
    // "- Cục quản lý …" would start a formula in a spreadsheet.
    expect(r.stdout).toContain(`"'- Cục quản lý giám sát kế toán, kiểm toán của Bộ Tài chính.`);
  });

  it('uses the day from PLAN_AS_OF when --as-of is absent', async () => {
    const a = await runMain(['tasks', '--decision', '88', '--format', 'json'], { env: { PLAN_AS_OF: '2024-07-01' } });
    expect((JSON.parse(a.stdout) as { asOf: string }).asOf).toBe('2024-07-01');
  });

  it('refuses to report on plans that do not validate (exit 1)', async () => {
    const r = await runMain(['tasks', '--plans', 'test/fixtures/invalid/decision-duplicate']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error');
    expect(r.stderr).toContain('nothing reported (run "plan validate" for all findings)');
  });
});
