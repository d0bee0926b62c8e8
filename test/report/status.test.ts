import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanSet } from '../../src/model/plan-set.js';
import { buildStatusReport, type DecisionStatus } from '../../src/report/status.js';
import { findLeader, findUnit, unitMatchSet } from '../../src/report/select.js';
import { loadFixturePlans, STATUS_PLANS } from '../helpers/plans.js';

let plans: PlanSet;
beforeAll(async () => {
  plans = await loadFixturePlans(STATUS_PLANS);
});

function decision(r: ReturnType<typeof buildStatusReport>, number: string): DecisionStatus {
  const d = r.decisions.find((x) => x.decision === number);
  if (!d) throw new Error(`no ${number} in the report`);
  return d;
}

describe('status of the fixture decision as of 2025-11-20', () => {
  const asOf = '2025-11-20';

  it('counts every task once, by state', () => {
    const d = decision(buildStatusReport(plans, asOf, {}), '900/QĐ-TEST');
    expect(d.tasks).toBe(15);
    expect(Object.values(d.counts).reduce((a, b) => a + b, 0)).toBe(15);
    expect(d.counts).toMatchObject({ overdue: 3, 'due-soon': 1, open: 2, ongoing: 4, waiting: 2, done: 2, cancelled: 1 });
    expect(d.doneLate).toBe(1);
  });

  it('lists overdue tasks most late first with their days late', () => {
    const d = decision(buildStatusReport(plans, asOf, {}), '900/QĐ-TEST');
    expect(d.overdue.map((t) => [t.id, t.daysLate, t.due?.to])).toEqual([
      ['2.8', 324, '2024-12-31'],
      ['2.9', 51, '2025-09-30'],
      ['1.5', 19, '2025-11-01'], // occurred 2025-08-01 + 3 tháng (the day after the event counts first)
    ]);
    expect(d.overdue[0]).toMatchObject({ kind: 'task', leadAsWritten: 'Vụ B', leader: 'PTGĐ Trần Thị Hai' });
  });

  it('lists what falls due within the window', () => {
    expect(decision(buildStatusReport(plans, asOf, {}), '900/QĐ-TEST').dueSoon.map((t) => [t.id, t.daysLeft])).toEqual([['2.5', 20]]);
    // The yearly task's 2025 instance (due 31 December) comes into a 45-day window too.
    expect(decision(buildStatusReport(plans, asOf, {}, { within: 45 }), '900/QĐ-TEST').dueSoon.map((t) => [t.id, t.period, t.daysLeft])).toEqual([
      ['2.5', null, 20],
      ['2.4', null, 41],
      ['2.6', '2025', 41],
    ]);
  });

  it('names what waiting tasks wait on', () => {
    const d = decision(buildStatusReport(plans, asOf, {}), '900/QĐ-TEST');
    expect(d.waiting.map((t) => [t.id, t.waitingOn])).toEqual([
      ['1.4', 'Sau khi Chính phủ ban hành Nghị định về cơ chế tài chính'],
      ['2.7', 'task 2.8'],
    ]);
  });

  it('flags ongoing tasks without a note in six months as stale', () => {
    const r = buildStatusReport(plans, asOf, {});
    expect(r.staleSince).toBe('2025-05-20');
    expect(decision(r, '900/QĐ-TEST').stale.map((t) => [t.id, t.lastNote])).toEqual([
      ['2.1', null],
      ['2.3', '2025-01-15'],
    ]);
  });

  it('gives each reporting duty its overdue and next instances', () => {
    const [yearly, half] = decision(buildStatusReport(plans, asOf, {}), '900/QĐ-TEST').duties;
    expect(yearly!.instances.map((i) => [i.period, i.due, i.state, i.daysLate])).toEqual([
      ['2023', '2023-11-14', 'done', null],
      ['2024', '2024-11-14', 'done', 6],
      ['2025', '2025-11-14', 'overdue', 6],
    ]);
    expect(yearly!.next).toBeNull();
    expect(half!.instances.map((i) => [i.period, i.due, i.state])).toEqual([
      ['2025-H1', '2025-05-31', 'done'],
      ['2025-H2', '2025-11-14', 'overdue'],
    ]);
    expect(half!.overdue[0]).toMatchObject({ kind: 'reporting', id: 'bao-cao-6-thang', period: '2025-H2', daysLate: 6, due: { to: '2025-11-14', text: 'trước ngày 15 tháng 11' } });
  });

  it('runs an open-ended duty to the year after asOf', () => {
    const [duty] = decision(buildStatusReport(plans, asOf, {}), '901/QĐ-TEST').duties;
    expect(duty!.instances.map((i) => i.period)).toEqual(['2025', '2026']);
    expect(duty!.next).toMatchObject({ period: '2025', due: { to: '2025-12-31' }, state: 'open', daysLeft: 41 });
  });

  it('sums the decisions', () => {
    const r = buildStatusReport(plans, asOf, {});
    expect(r.totals).toMatchObject({ tasks: 16, overdue: 4, doneLate: 1, dutiesOverdue: 2 });
  });
});

describe('states move with the day', () => {
  it('a yearly task is overdue once an instance passes unrecorded', () => {
    const d = decision(buildStatusReport(plans, '2026-01-02', {}), '900/QĐ-TEST');
    expect(d.overdue.find((t) => t.id === '2.6')).toMatchObject({ period: '2025', daysLate: 2, due: { to: '2025-12-31' } });
    expect(d.counts.overdue).toBeGreaterThan(0);
  });

  it('a record dated after the day does not count yet', () => {
    const [yearly] = decision(buildStatusReport(plans, '2024-11-18', {}), '900/QĐ-TEST').duties;
    expect(yearly!.instances[1]).toMatchObject({ period: '2024', state: 'overdue', daysLate: 4, on: null });
  });
});

describe('filters', () => {
  const asOf = '2025-11-20';
  const unit = (q: string) => {
    const u = findUnit(plans, q);
    if (!u.ok) throw new Error(u.message);
    return unitMatchSet(plans, u.value);
  };

  it('a unit finds the tasks it leads or supports and the duties it reports or receives', () => {
    const r = buildStatusReport(plans, asOf, { units: unit('tt-c') });
    const d = decision(r, '900/QĐ-TEST');
    expect(d.tasks).toBe(1);
    expect(d.overdue.map((t) => t.id)).toEqual(['2.9']);
    expect(d.duties.map((x) => x.id)).toEqual(['bao-cao-6-thang']); // receives it
    expect(decision(r, '901/QĐ-TEST').duties.map((x) => x.id)).toEqual(['bao-cao-hang-nam']); // reports it
  });

  it('a province finds the tasks of the group that stands for it', () => {
    const d = decision(buildStatusReport(plans, asOf, { units: unit('BHXH thành phố Hà Nội') }), '900/QĐ-TEST');
    expect(d.tasks).toBe(3); // 2.9 (supports), 2.2 and 2.4 (bhxh-tinh supports)
    expect(d.duties.map((x) => x.id)).toEqual(['bao-cao-6-thang']);
  });

  it('a leader filter keeps their tasks and no duties, and leaves out decisions with none', () => {
    const l = findLeader(plans, 'PTGĐ Nguyễn Văn Một');
    if (!l.ok) throw new Error(l.message);
    const r = buildStatusReport(plans, asOf, { leaders: new Set([l.value.id]) });
    expect(r.decisions.map((d) => d.decision)).toEqual(['900/QĐ-TEST']);
    expect(r.decisions[0]!.tasks).toBe(3);
    expect(r.decisions[0]!.duties).toEqual([]);
  });

  it('a decision filter keeps that decision only', () => {
    const r = buildStatusReport(plans, asOf, { decisions: new Set(['qd-901-test-2025']) });
    expect(r.decisions.map((d) => d.decision)).toEqual(['901/QĐ-TEST']);
  });
});
