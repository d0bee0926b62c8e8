import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlanContents } from '../../src/load/load-plans.js';
import type { PlanSet } from '../../src/model/plan-set.js';
import { diffPlans, summarizeDiff, type PlanDiff } from '../../src/report/diff.js';
import { ROOT } from '../helpers/plans.js';

const DIR = join(ROOT, 'test/fixtures/render/plans');
const FILES = ['units.yaml', 'leaders.yaml', 'qd-1-test-2024.yaml'];
const BASE = Object.fromEntries(FILES.map((f) => [f, readFileSync(join(DIR, f), 'utf8')]));

/** Checks a plan set given as file texts, in memory; the test fails if it does not validate. */
async function planSet(texts: Record<string, string>): Promise<PlanSet> {
  const r = await checkPlanContents(Object.entries(texts).map(([path, text]) => ({ path: `plans/${path}`, bytes: Buffer.from(text) })));
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.plans || errors.length > 0) throw new Error(errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
  return r.plans;
}

/** The base decision file with each [from, to] replacement applied (each must match). */
function edit(...pairs: [string, string][]): Record<string, string> {
  let text = BASE['qd-1-test-2024.yaml']!;
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`fixture has no "${from}"`);
    text = text.replace(from, to);
  }
  return { ...BASE, 'qd-1-test-2024.yaml': text };
}

let base: PlanSet;
beforeAll(async () => {
  base = await planSet(BASE);
});

async function diffWith(...pairs: [string, string][]): Promise<PlanDiff> {
  return diffPlans(base, await planSet(edit(...pairs)));
}

describe('diffPlans', () => {
  it('the same plans: no changes', async () => {
    const d = diffPlans(base, await planSet(BASE));
    expect(summarizeDiff(d).total).toBe(0);
  });

  type MoveCase = [name: string, edits: [string, string][], field: 'deadlines' | 'starts', expected: Record<string, unknown>];
  const MOVES: MoveCase[] = [
    ['a later due month is a postponement, counted on due days', [['due: Tháng 6/2024', 'due: Tháng 8/2024']], 'deadlines', { id: '1.1', fromDay: '2024-06-30', toDay: '2024-08-31', days: 62, direction: 'postponed' }],
    ['an earlier due day is an advance', [['due: 30/9/2024', 'due: 15/9/2024']], 'deadlines', { id: '2.1', days: -15, direction: 'advanced' }],
    ['the same day written another way is a rewording', [['due: 30/9/2024', 'due: 2024-09-30']], 'deadlines', { id: '2.1', days: 0, direction: 'same-day' }],
    ['a waiting task that gets a month is now dated', [['when: Sau khi Chính phủ ban hành Nghị định', 'when: Tháng 10/2024']], 'deadlines', { id: '1.2', fromDay: null, toDay: '2024-10-31', days: null, direction: 'dated' }],
    ['a dated task that now waits has no fixed day', [['due: 30/9/2024', 'due: Sau khi có hướng dẫn']], 'deadlines', { id: '2.1', fromDay: '2024-09-30', toDay: null, direction: 'undated' }],
    ['a later start month moves the start', [['start: Tháng 02/2024', 'start: Tháng 03/2024']], 'starts', { id: '1.3', days: 29, direction: 'postponed' }],
  ];
  it.each(MOVES)('%s', async (_name, edits, field, expected) => {
    const d = await diffWith(...edits);
    expect(d[field]).toHaveLength(1);
    expect(d[field][0]).toMatchObject({ decision: '1/QĐ-TEST', ...expected });
  });

  it('a merged "when" cell whose end moves is a deadline change, not a start change too', async () => {
    const a = await planSet(edit(['when: Sau khi Chính phủ ban hành Nghị định', 'when: 2024 - 2025']));
    const b = await planSet(edit(['when: Sau khi Chính phủ ban hành Nghị định', 'when: 2024 - 2026']));
    const d = diffPlans(a, b);
    expect(d.deadlines).toMatchObject([{ id: '1.2', fromDay: '2025-12-31', toDay: '2026-12-31', days: 365, direction: 'postponed' }]);
    expect(d.starts).toEqual([]);
  });

  it('an added and a removed task', async () => {
    const d = await diffWith(
      ['declared_total: 4', 'declared_total: 4'],
      ['          - id: "2.1"', '          - id: "2.2"'],
    );
    expect(d.tasks.added.map((t) => t.id)).toEqual(['2.2']);
    expect(d.tasks.removed.map((t) => t.id)).toEqual(['2.1']);
    expect(d.tasks.added[0]).toMatchObject({ lead: 'Vụ B', due: '30/9/2024', content: '+SUM(A1:A2) and @cmd' });
    expect(d.deadlines).toEqual([]);
  });

  it('a changed supporting unit names the ids added and removed', async () => {
    const d = await diffWith(['support: bhxh-tinh', 'support: vu-b']);
    expect(d.owners).toEqual([
      { decision: '1/QĐ-TEST', id: '1.1', content: '<script>alert(1)</script> & "quotes"', field: 'support', from: 'BHXH các tỉnh, thành phố', to: 'Vụ B', added: ['vu-b'], removed: ['bhxh-tinh'] },
    ]);
  });

  it('a task given its own lead instead of its group’s is an owner change', async () => {
    const d = await diffWith(['            due: 30/9/2024\n', '            due: 30/9/2024\n            lead: vu-a\n']);
    expect(d.owners).toMatchObject([{ id: '2.1', field: 'lead', from: 'Vụ B', to: 'Vụ A', added: ['vu-a'], removed: ['vu-b'] }]);
  });

  it('a new leader', async () => {
    const d = await diffWith(['            due: 30/9/2024\n            leader: ptgd-b', '            due: 30/9/2024\n            leader: ptgd-a']);
    expect(d.leaders).toMatchObject([{ id: '2.1', field: 'leader', from: 'PTGĐ Trần Thị B', to: 'PTGĐ Nguyễn Văn A' }]);
  });

  it('a task marked done', async () => {
    const d = await diffWith(['            due: 30/9/2024\n', '            due: 30/9/2024\n            status: { state: done, on: 2024-09-01 }\n']);
    expect(d.status).toMatchObject([{ id: '2.1', from: { state: 'not-started', on: null }, to: { state: 'done', on: '2024-09-01' } }]);
  });

  it('reworded content', async () => {
    const d = await diffWith(['content: +SUM(A1:A2) and @cmd', 'content: Tổng hợp số liệu']);
    expect(d.texts).toMatchObject([{ id: '2.1', field: 'content', from: '+SUM(A1:A2) and @cmd', to: 'Tổng hợp số liệu' }]);
  });

  it('a target threshold changed', async () => {
    const d = await diffWith(['threshold: 80', 'threshold: 85']);
    expect(d.targets.changed).toEqual([{ decision: '1/QĐ-TEST', id: 'ti-le-a', text: 'Tối thiểu 80% công chức được bồi dưỡng hằng năm', changes: [{ field: 'threshold', from: '80', to: '85' }] }]);
  });

  it('a reporting deadline changed', async () => {
    const d = await diffWith(['due: [trước ngày 15 tháng 11]', 'due: [trước ngày 01 tháng 6, trước ngày 15 tháng 11]']);
    expect(d.reporting.changed).toMatchObject([{ id: 'bao-cao-nam', changes: [{ field: 'due', from: 'trước ngày 15 tháng 11', to: 'trước ngày 01 tháng 6; trước ngày 15 tháng 11' }] }]);
  });

  it('a decision renumbered is one removed and one added, not task by task', async () => {
    const d = await diffWith(['number: 1/QĐ-TEST', 'number: 2/QĐ-TEST']);
    expect(d.decisions.removed).toMatchObject([{ number: '1/QĐ-TEST', tasks: 4, targets: 1, reporting: 1 }]);
    expect(d.decisions.added).toMatchObject([{ number: '2/QĐ-TEST', tasks: 4 }]);
    expect(d.tasks.added).toEqual([]);
  });

  it('summarizeDiff counts every kind', async () => {
    const d = await diffWith(['due: Tháng 6/2024', 'due: Tháng 8/2024'], ['due: 30/9/2024', 'due: 15/9/2024'], ['support: bhxh-tinh', 'support: vu-b']);
    expect(summarizeDiff(d)).toMatchObject({ total: 3, deadlinesMoved: 2, postponed: 1, advanced: 1, ownerChanges: 1 });
  });
});
