import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOverdueReport, type OverdueReport } from '../../src/report/overdue.js';
import { overdueAsCsv, overdueAsGithub, overdueAsJson, overdueAsTable } from '../../src/render/overdue.js';
import { loadFixturePlans, STATUS_PLANS } from '../helpers/plans.js';

let report: OverdueReport;
beforeAll(async () => {
  report = buildOverdueReport(await loadFixturePlans(STATUS_PLANS), '2025-11-20', {}, 30);
});

// The English words; Vietnamese has its own tests (test/render/lang.test.ts).
const ctx = { width: 80, color: false, lang: 'en' as const };

describe('overdue renderers', () => {
  it('the table fits 80 columns and ends with a summary', () => {
    const out = overdueAsTable(report, ctx);
    for (const line of out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(out.trimEnd().split('\n').at(-1)).toBe('6 overdue (2 of them reports), 1 due within 30 days, as of 2025-11-20');
  });

  it('GitHub annotations point at each item in its plan file', () => {
    const lines = overdueAsGithub(report, ctx).trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatch(/^::warning file=test\/fixtures\/status\/plans\/qd-900-test-2023\.yaml,line=\d+,title=900\/QĐ-TEST task 2\.8%3A overdue 324d::overdue 324d \(due 2024-12-31\): Xây dựng Kế hoạch kiểm tra$/);
    expect(lines.find((l) => l.includes('bao-cao-6-thang'))).toMatch(/^::warning file=.*,line=\d+,title=900\/QĐ-TEST report bao-cao-6-thang 2025-H2%3A overdue 6d::report 2025-H2 to Trung tâm C overdue 6d \(due 2025-11-14\)$/);
    expect(lines.at(-1)).toMatch(/^::notice .*task 2\.5%3A due in 20d/);
  });

  it('CSV has one row per item with its kind', () => {
    const rows = overdueAsCsv(report, ctx).replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(rows[0]).toBe('kind,decision,id,period,content,lead,lead_as_written,leader,to,to_as_written,due_text,due,state,days_late,days_left,file,line');
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.startsWith('reporting,'))).toHaveLength(2);
  });

  it('JSON keeps the tasks key of plan tasks, with a kind on every item', () => {
    const json = JSON.parse(overdueAsJson(report, ctx)) as { tasks: { kind: string }[]; counts: unknown; within: number };
    expect(json.tasks.map((t) => t.kind)).toEqual(['task', 'task', 'task', 'task', 'reporting', 'reporting', 'task']);
    expect(json.counts).toEqual({ overdue: 6, dueSoon: 1 });
    expect(json.within).toBe(30);
  });

  it('says so when nothing is overdue', () => {
    const empty = { ...report, items: [], counts: { overdue: 0, dueSoon: 0 }, within: null };
    expect(overdueAsTable(empty, ctx)).toBe('Nothing overdue, as of 2025-11-20.\n');
    expect(overdueAsGithub(empty, ctx)).toBe('');
  });
});
