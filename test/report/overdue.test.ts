import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanSet } from '../../src/model/plan-set.js';
import { buildOverdueReport } from '../../src/report/overdue.js';
import { loadFixturePlans, STATUS_PLANS } from '../helpers/plans.js';

let plans: PlanSet;
beforeAll(async () => {
  plans = await loadFixturePlans(STATUS_PLANS);
});

describe('the overdue list', () => {
  it('holds tasks and duty instances of every decision, most late first', () => {
    const r = buildOverdueReport(plans, '2025-11-20', {}, null);
    expect(r.items.map((i) => [i.kind, i.decision, i.id, i.period, i.daysLate])).toEqual([
      ['task', '900/QĐ-TEST', '2.8', null, 324],
      ['task', '900/QĐ-TEST', '2.9', null, 51],
      ['task', '901/QĐ-TEST', '1.1', null, 20],
      // occurred 2025-08-01 + 3 tháng: due 2025-11-01 (the day after the event counts first).
      ['task', '900/QĐ-TEST', '1.5', null, 19],
      ['reporting', '900/QĐ-TEST', 'bao-cao-nam', '2025', 6],
      ['reporting', '900/QĐ-TEST', 'bao-cao-6-thang', '2025-H2', 6],
    ]);
    expect(r.counts).toEqual({ overdue: 6, dueSoon: 0 });
    expect(r.within).toBeNull();
  });

  it('adds what is due soon, soonest first, after everything overdue', () => {
    const r = buildOverdueReport(plans, '2025-11-20', {}, 45);
    const soon = r.items.filter((i) => i.state === 'due-soon');
    expect(soon.map((i) => [i.kind, i.id, i.period, i.daysLeft])).toEqual([
      ['task', '2.5', null, 20],
      ['task', '2.4', null, 41],
      ['task', '2.6', '2025', 41],
      ['reporting', 'bao-cao-hang-nam', '2025', 41],
    ]);
    expect(r.items.slice(0, 6).every((i) => i.state === 'overdue')).toBe(true);
  });

  it('is empty before anything falls due', () => {
    expect(buildOverdueReport(plans, '2023-02-01', {}, null).items).toEqual([]);
  });
});
