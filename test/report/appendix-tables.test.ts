import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanSet } from '../../src/model/plan-set.js';
import { buildAppendixReport, type AppendixReport } from '../../src/report/appendix-tables.js';
import { findDecision } from '../../src/report/select.js';
import { eachTask } from '../../src/load/walk.js';
import { loadPlanSet } from '../helpers/plans.js';

let plans: PlanSet;
let fixture: PlanSet;

beforeAll(async () => {
  plans = await loadPlanSet('plans');
  fixture = await loadPlanSet('test/fixtures/render/plans');
});

function build(set: PlanSet, decision: string, opts: Parameters<typeof buildAppendixReport>[2] = {}): AppendixReport {
  const d = findDecision(set, decision);
  if (!d.ok) throw new Error(d.message);
  const r = buildAppendixReport(set, d.value, opts);
  if (!r.ok) throw new Error(r.message);
  return r.report;
}

describe('appendix tables of the bundled decisions', () => {
  // Expected shapes are read from the plan files themselves, never typed in.
  it.each(['88/QĐ-BHXH', '456/QĐ-BHXH', '185/QĐ-BHXH'])('%s: one table per appendix, every row in document order, totals from the rows', (number) => {
    const d = plans.decisions.find((x) => x.number === number)!;
    const r = build(plans, number);
    expect(r.tables.map((t) => t.id)).toEqual(d.data.appendices!.map((a) => a.id));
    for (const [i, a] of d.data.appendices!.entries()) {
      const t = r.tables[i]!;
      expect(t.columns).toEqual(a.columns.map((c) => ({ field: c.field, header: c.header })));
      expect(t.groups.map((g) => g.row.no)).toEqual(a.groups.map((g) => g.no));
      const rows = a.groups.flatMap((g) => [...(g.tasks ?? []), ...(g.contents ?? [])]);
      expect(t.groups.flatMap((g) => g.rows.map((x) => x.id))).toEqual(rows.map((x) => x.id));
      expect(t.total.value).toBe(rows.length);
      for (const [gi, g] of a.groups.entries()) expect(t.groups[gi]!.row.count).toBe((g.tasks?.length ?? 0) + (g.contents?.length ?? 0));
      expect(t.total.shown).toBe(a.total_label !== undefined);
    }
  });

  it('88/QĐ-BHXH: a group row names its lead unit and shows its task count in "Tổng số nhiệm vụ"', () => {
    const t = build(plans, '88/QĐ-BHXH').tables[0]!;
    expect(t.groups[0]!.row.cells).toMatchObject({ no: '1', content: 'Vụ Tài chính - Kế toán', count: '4' });
    expect(t.total).toMatchObject({ label: 'TỔNG SỐ', value: 40, shown: true });
  });

  it('88/QĐ-BHXH 1.3: the merged "Sau khi …" cell fills both period columns', () => {
    const row = build(plans, '88').tables[0]!.groups[0]!.rows.find((x) => x.id === '1.3')!;
    expect(row.mergedPeriod).toBe(true);
    expect(row.cells.start).toMatch(/^Sau khi Chính phủ ban hành Nghị định/);
    expect(row.cells.due).toBe(row.cells.start);
  });

  it('456/QĐ-BHXH Phụ lục I: content rows with TT, content and mode', () => {
    const t = build(plans, '456', { appendix: 'phu-luc-1' }).tables;
    expect(t).toHaveLength(1);
    const first = t[0]!.groups[0]!.rows[0]!;
    expect(first.kind).toBe('content');
    expect(first.cells).toMatchObject({ no: '1', mode: 'Trong nước và quốc tế' });
  });

  it('456/QĐ-BHXH Phụ lục II: "when" fills the single "Thời gian thực hiện" column; an unnumbered row shows no number', () => {
    const t = build(plans, '456', { appendix: 'phu-luc-2' }).tables[0]!;
    expect(t.groups[0]!.rows[0]!.cells.when).toBe('2022 - 2025');
    expect(t.groups[0]!.rows[0]!.mergedPeriod).toBe(false);
    const unnumbered = t.groups.flatMap((g) => g.rows).find((x) => x.id === '6.1')!;
    expect(unnumbered.no).toBe('');
    expect(unnumbered.cells.no).toBe('');
  });

  it('an unknown appendix lists the ones there are', () => {
    const d = findDecision(plans, '456');
    if (!d.ok) throw new Error();
    const r = buildAppendixReport(plans, d.value, { appendix: 'phu-luc-3' });
    expect(r).toMatchObject({ ok: false, candidates: ['phu-luc-1', 'phu-luc-2'] });
  });

  it.each(['1320/QĐ-BHXH', '146/QĐ-TTg'])('%s has no appendix: its body sections, with generic headers', (number) => {
    const d = plans.decisions.find((x) => x.number === number)!;
    const r = build(plans, number);
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect(t.source).toBe('sections');
    expect(t.columns.slice(0, 2).map((c) => c.header)).toEqual(['TT', 'Nội dung nhiệm vụ']);
    expect(t.groups.flatMap((g) => g.rows.map((x) => x.id))).toEqual([...eachTask(d.data)].map((x) => x.task.id));
  });

  it('1320/QĐ-BHXH: a section whose lead differs from its title shows the lead in the group row', () => {
    const t = build(plans, '1320').tables[0]!;
    expect(t.columns.map((c) => c.field)).toContain('lead');
    expect(t.groups[0]!.row.cells.lead).toMatch(/^Thủ trưởng các đơn vị trực thuộc/);
  });

  it('--sections renders the body tasks of a decision that has appendices too', () => {
    const r = build(plans, '456', { sections: true });
    expect(r.tables.map((t) => t.source)).toEqual(['sections']);
  });
});

describe('--with-status', () => {
  it('adds a state column to task tables, with each task state as of the day', () => {
    const r = build(fixture, '1/QĐ-TEST', { asOf: '2024-07-01' });
    const t = r.tables[0]!;
    expect(t.columns.at(-1)).toEqual({ field: 'state', header: 'Tình trạng' });
    const states = Object.fromEntries(t.groups.flatMap((g) => g.rows).map((x) => [x.id, x.state?.state]));
    expect(states).toEqual({ '1.1': 'overdue', '1.2': 'waiting', '1.3': 'open', '2.1': 'open' });
    expect(t.groups[0]!.rows[0]!.state).toMatchObject({ daysLate: 1 });
  });

  it('adds none to a table of training contents, which has no tasks', () => {
    const r = build(plans, '456', { asOf: '2024-07-01' });
    expect(r.tables[0]!.columns.map((c) => c.field)).not.toContain('state');
    expect(r.tables[1]!.columns.map((c) => c.field)).toContain('state');
  });

  it('without it there is no state at all', () => {
    const r = build(fixture, '1');
    expect(r.withStatus).toBe(false);
    expect(r.tables[0]!.groups[0]!.rows[0]!.state).toBeNull();
  });
});
