import { describe, expect, it } from 'vitest';
import { deriveState } from '../../src/report/task-state.js';
import { task, type TaskSpec } from '../helpers/build-task.js';

type Case = [name: string, spec: TaskSpec, asOf: string, state: string, daysLate: number | null, daysLeft?: number | null];

const CASES: Case[] = [
  ['the due day itself is not overdue', { start: 'Tháng 01/2024', due: 'Tháng 6/2024' }, '2024-06-30', 'due-soon', null, 0],
  ['the day after the due day is', { start: 'Tháng 01/2024', due: 'Tháng 6/2024' }, '2024-07-01', 'overdue', 1],
  ['a quarter ends on its last day', { due: 'Quý I/2024' }, '2024-03-31', 'due-soon', null, 0],
  ['the day after a quarter', { due: 'Quý I/2024' }, '2024-04-01', 'overdue', 1],
  ['February of a leap year has 29 days', { due: 'Tháng 02/2024' }, '2024-02-29', 'due-soon', null, 0],
  ['… and then it is overdue', { due: 'Tháng 02/2024' }, '2024-03-01', 'overdue', 1],
  ['February of a common year has 28', { due: 'Tháng 02/2023' }, '2023-03-01', 'overdue', 1],
  ['days late count across a year end', { due: 'Tháng 12/2024' }, '2025-01-31', 'overdue', 31],
  ['31 days ahead is outside the 30-day window', { start: 'Tháng 01/2024', due: 'Tháng 12/2024' }, '2024-11-30', 'open', null, 31],
  ['30 days ahead is inside it', { start: 'Tháng 01/2024', due: 'Tháng 12/2024' }, '2024-12-01', 'due-soon', null, 30],
  ['a start in the future', { start: 'Quý III/2024', due: 'Quý IV/2024' }, '2024-06-30', 'not-started-yet', null, 184],
  ['"Thường xuyên" is never overdue', { due: 'Thường xuyên' }, '2030-01-01', 'ongoing', null],
  ['an open-ended duty from 2025 is not started in 2024', { when: 'Năm 2025 và các năm tiếp theo' }, '2024-12-31', 'not-started-yet', null],
  ['… and ongoing from 2025', { when: 'Năm 2025 và các năm tiếp theo' }, '2026-06-01', 'ongoing', null],
  ['a waiting task waits', { when: 'Sau khi Chính phủ ban hành Nghị định' }, '2024-07-01', 'waiting', null],
  ['a recorded event without allowed time makes it open', { when: 'Sau khi Chính phủ ban hành Nghị định', occurred: '2024-05-01' }, '2024-07-01', 'open', null],
  ['an event recorded after asOf does not count yet', { when: 'Sau khi Chính phủ ban hành Nghị định', occurred: '2024-08-01' }, '2024-07-01', 'waiting', null],
  // The time allowed after an event counts from the day after it (Bộ luật Dân sự 2015, Điều 147–148): 3 months after 15 January ends on 15 April.
  ['event + 3 months is the due day', { when: 'Sau khi Chính phủ ban hành Nghị định', occurred: '2024-01-15', within: '3 tháng' }, '2024-04-15', 'due-soon', null, 0],
  ['… and overdue the day after', { when: 'Sau khi Chính phủ ban hành Nghị định', occurred: '2024-01-15', within: '3 tháng' }, '2024-04-16', 'overdue', 1],
  ['done on time', { due: 'Tháng 6/2024', state: 'done', on: '2024-06-30' }, '2024-12-01', 'done', null],
  ['done late keeps the days late', { due: 'Tháng 6/2024', state: 'done', on: '2024-07-10' }, '2024-12-01', 'done', 10],
  ['a done record after asOf does not count yet', { due: 'Tháng 6/2024', state: 'done', on: '2024-07-10' }, '2024-07-05', 'overdue', 5],
  ['cancelled is never overdue', { due: 'Tháng 6/2024', state: 'cancelled', on: '2024-05-01' }, '2024-12-01', 'cancelled', null],
  ['in progress with a note', { start: 'Tháng 01/2024', due: 'Tháng 12/2024', notes: [{ on: '2024-03-01', note: 'bắt đầu' }] }, '2024-07-01', 'in-progress', null, 183],
  // Issue 9, defect 12: an in-progress record counts from its day.
  ['in progress from 10 April is open on 5 January', { start: 'Tháng 01/2024', due: 'Tháng 12/2024', state: 'in-progress', on: '2024-04-10', notes: [{ on: '2024-04-10', note: 'a' }] }, '2024-01-05', 'open', null, 361],
  ['… and in progress from that day', { start: 'Tháng 01/2024', due: 'Tháng 12/2024', state: 'in-progress', on: '2024-04-10' }, '2024-04-10', 'in-progress', null, 265],
  ['undated in progress with a later note is open before the note', { start: 'Tháng 01/2024', due: 'Tháng 12/2024', state: 'in-progress', notes: [{ on: '2024-04-10', note: 'a' }] }, '2024-01-05', 'open', null, 361],
  ['undated in progress with no note to date it counts', { start: 'Tháng 01/2024', due: 'Tháng 12/2024', state: 'in-progress' }, '2024-01-05', 'in-progress', null, 361],
  ['overdue wins over a waiting start', { start: 'Theo Hướng dẫn của Ban Thi đua', due: 'Tháng 12/2024' }, '2025-01-01', 'overdue', 1],
  // Quarter and month ends.
  ['Quý II ends on 30 June', { due: 'Quý II/2024' }, '2024-06-30', 'due-soon', null, 0],
  ['… overdue on 1 July', { due: 'Quý II/2024' }, '2024-07-01', 'overdue', 1],
  ['Quý III ends on 30 September', { due: 'Quý III/2024' }, '2024-10-01', 'overdue', 1],
  ['Quý IV ends on 31 December', { due: 'Quý IV/2024' }, '2024-12-31', 'due-soon', null, 0],
  ['… overdue across the year end', { due: 'Quý IV/2024' }, '2025-01-01', 'overdue', 1],
  ['April has 30 days', { due: 'Tháng 4/2024' }, '2024-04-30', 'due-soon', null, 0],
  ['… overdue on 1 May', { due: 'Tháng 4/2024' }, '2024-05-01', 'overdue', 1],
  ['November has 30 days', { due: 'Tháng 11/2024' }, '2024-12-01', 'overdue', 1],
  ['a year ends on 31 December', { due: 'Năm 2024' }, '2025-01-01', 'overdue', 1],
  // Leap years.
  ['2100 is not a leap year', { due: 'Tháng 02/2100' }, '2100-03-01', 'overdue', 1],
  ['2000 is', { due: 'Tháng 02/2000' }, '2000-03-01', 'overdue', 1],
  ['days late count 29 February', { due: 'Tháng 01/2024' }, '2024-03-01', 'overdue', 30],
  ['… and not in a common year', { due: 'Tháng 01/2023' }, '2023-03-01', 'overdue', 29],
  ['a year late across a leap day is 366 days', { due: 'Tháng 02/2024' }, '2025-02-28', 'overdue', 365],
  ['a day-exact due', { due: '30/6/2024' }, '2024-07-01', 'overdue', 1],
  // Done and cancelled.
  ['done on the due day is on time', { due: 'Tháng 6/2024', state: 'done', on: '2024-06-30' }, '2024-07-01', 'done', null],
  ['done the day after is done late', { due: 'Tháng 6/2024', state: 'done', on: '2024-07-01' }, '2024-07-01', 'done', 1],
  ['done late across a leap February', { due: 'Tháng 01/2024', state: 'done', on: '2024-03-01' }, '2024-12-01', 'done', 30],
  ['done before it was to start', { start: 'Tháng 6/2024', due: 'Tháng 9/2024', state: 'done', on: '2024-05-15' }, '2024-05-20', 'done', null],
  ['a cancellation after asOf does not count yet', { due: 'Tháng 6/2024', state: 'cancelled', on: '2024-08-01' }, '2024-07-05', 'overdue', 5],
  ['a done record without its day is not done', { due: 'Tháng 6/2024', state: 'done' }, '2024-07-05', 'overdue', 5],
  // Waiting on an event.
  ['event + 30 days', { when: 'Sau khi Bộ ban hành Thông tư', occurred: '2024-01-31', within: '30 ngày' }, '2024-03-02', 'overdue', 1],
  ['event + 30 days counts 29 February', { when: 'Sau khi Bộ ban hành Thông tư', occurred: '2024-02-01', within: '30 ngày' }, '2024-03-02', 'due-soon', null, 0],
  ['… and not in a common year', { when: 'Sau khi Bộ ban hành Thông tư', occurred: '2023-02-01', within: '30 ngày' }, '2023-03-04', 'overdue', 1],
  ['event + 1 month from 31 January ends on 29 February in a leap year', { when: 'Sau khi Bộ ban hành Thông tư', occurred: '2024-01-31', within: '1 tháng' }, '2024-02-29', 'due-soon', null, 0],
  ['a waiting task done after its event', { when: 'Sau khi Bộ ban hành Thông tư', occurred: '2024-01-15', within: '3 tháng', state: 'done', on: '2024-04-20' }, '2024-05-01', 'done', 5],
];

describe('deriveState', () => {
  it.each(CASES)('%s', (_name, spec, asOf, state, daysLate, daysLeft) => {
    const s = deriveState(task(spec), asOf);
    expect(s.state).toBe(state);
    expect(s.daysLate).toBe(daysLate);
    if (daysLeft !== undefined) expect(s.daysLeft).toBe(daysLeft);
  });

  it('marks a done-late task as late', () => {
    expect(deriveState(task({ due: 'Tháng 6/2024', state: 'done', on: '2024-07-10' }), '2024-12-01').late).toBe(true);
    expect(deriveState(task({ due: 'Tháng 6/2024', state: 'done', on: '2024-06-10' }), '2024-12-01').late).toBe(false);
  });

  it('honours a custom warning window', () => {
    expect(deriveState(task({ start: 'Tháng 01/2024', due: 'Tháng 12/2024' }), '2024-12-01', { within: 7 }).state).toBe('open');
    expect(deriveState(task({ start: 'Tháng 01/2024', due: 'Tháng 12/2024' }), '2024-12-24', { within: 7 }).state).toBe('due-soon');
  });

  it('waits on a task it depends on until that task is done', () => {
    const t = task({ id: '1.6', due: 'Theo Kế hoạch kiểm tra, giám sát', dependsOn: ['1.5'] });
    expect(deriveState(t, '2025-05-01', { isDone: () => false })).toMatchObject({ state: 'waiting', waitingOn: 'task 1.5' });
    expect(deriveState(t, '2025-05-01', { isDone: () => true }).state).toBe('open');
  });
});

describe('waiting on other tasks', () => {
  const inspect = task({ id: '1.6', due: 'Theo Kế hoạch kiểm tra, giám sát', dependsOn: ['1.5'], within: '3 tháng' });

  it('waits while the task it names is not done', () => {
    expect(deriveState(inspect, '2025-05-01', { doneOn: () => null })).toMatchObject({ state: 'waiting', waitingOn: 'task 1.5', due: null });
  });

  it('is due its allowed time after that task is done', () => {
    const s = deriveState(inspect, '2025-05-01', { doneOn: () => '2025-04-20' });
    expect(s).toMatchObject({ state: 'open', due: '2025-07-20', daysLeft: 80 });
    expect(deriveState(inspect, '2025-07-20', { doneOn: () => '2025-04-20' })).toMatchObject({ state: 'due-soon', daysLeft: 0 });
    expect(deriveState(inspect, '2025-07-21', { doneOn: () => '2025-04-20' })).toMatchObject({ state: 'overdue', daysLate: 1 });
  });

  it('names every task still pending', () => {
    const t = task({ due: 'Theo Kế hoạch', dependsOn: ['1.4', '1.5'] });
    expect(deriveState(t, '2025-05-01', { doneOn: (id) => (id === '1.4' ? '2025-01-01' : null) }).waitingOn).toBe('task 1.5');
  });

  it('a recorded event ends the wait even if the task it names is not recorded done', () => {
    const t = task({ due: 'Theo Kế hoạch kiểm tra, giám sát', dependsOn: ['1.5'], occurred: '2025-03-01' });
    expect(deriveState(t, '2025-05-01', { doneOn: () => null }).state).toBe('open');
  });
});

type StaleCase = [name: string, spec: TaskSpec, asOf: string, since: string | undefined, stale: boolean];

const STALE: StaleCase[] = [
  ['no notes, began more than six months ago', { due: 'Thường xuyên' }, '2025-11-20', '2025-01-24', true],
  ['no notes, began exactly six months ago', { due: 'Thường xuyên' }, '2025-11-20', '2025-05-20', false],
  ['no notes, began six months and a day ago', { due: 'Thường xuyên' }, '2025-11-20', '2025-05-19', true],
  ['no notes and no known start', { due: 'Thường xuyên' }, '2025-11-20', undefined, false],
  ['a note inside the six months', { due: 'Thường xuyên', notes: [{ on: '2025-09-01', note: 'x' }] }, '2025-11-20', '2020-01-01', false],
  ['a note on the first day of the six months', { due: 'Thường xuyên', notes: [{ on: '2025-05-20', note: 'x' }] }, '2025-11-20', '2020-01-01', false],
  ['the last note the day before', { due: 'Thường xuyên', notes: [{ on: '2025-05-19', note: 'x' }] }, '2025-11-20', '2020-01-01', true],
  ['a note after asOf does not count', { due: 'Thường xuyên', notes: [{ on: '2025-12-01', note: 'x' }] }, '2025-11-20', '2020-01-01', true],
  ['six months before 31 August is 28 February', { due: 'Thường xuyên', notes: [{ on: '2025-02-28', note: 'x' }] }, '2025-08-31', '2020-01-01', false],
  ['… in a leap year 29 February', { due: 'Thường xuyên', notes: [{ on: '2024-02-28', note: 'x' }] }, '2024-08-31', '2020-01-01', true],
  ['an open-ended duty uses its own start', { when: 'Năm 2025 và các năm tiếp theo' }, '2025-07-01', '2020-01-01', false],
  ['… stale once it is six months old', { when: 'Năm 2025 và các năm tiếp theo' }, '2025-07-02', '2020-01-01', true],
  ['a dated task is never stale', { start: 'Tháng 01/2024', due: 'Tháng 12/2025' }, '2025-11-20', '2020-01-01', false],
];

describe('stale ongoing tasks', () => {
  it.each(STALE)('%s', (_name, spec, asOf, since, stale) => {
    const s = deriveState(task(spec), asOf, since ? { since } : {});
    expect(s.stale).toBe(stale);
  });

  it('an ongoing task is never overdue', () => {
    expect(deriveState(task({ due: 'Thường xuyên' }), '2040-01-01', { since: '2020-01-01' })).toMatchObject({ state: 'ongoing', daysLate: null });
  });
});

describe('recurring tasks', () => {
  const yearly = (spec: TaskSpec = {}) => task({ when: 'Hằng năm', ...spec });
  const span = { first: 2022, last: 2025 };

  it('are only ongoing without the years they run', () => {
    expect(deriveState(yearly(), '2024-03-01').state).toBe('ongoing');
  });

  it('have one instance a year, each due on 31 December', () => {
    const s = deriveState(yearly(), '2024-03-01', { span });
    expect(s.instances!.map((i) => [i.period, i.due, i.state, i.daysLate])).toEqual([
      ['2022', '2022-12-31', 'overdue', 426],
      ['2023', '2023-12-31', 'overdue', 61],
      ['2024', '2024-12-31', 'open', null],
      ['2025', '2025-12-31', 'open', null],
    ]);
    expect(s).toMatchObject({ state: 'overdue', daysLate: 426 });
  });

  it('each instance is done on its own', () => {
    const periodsDone = [
      { period: '2022', on: '2022-12-20' },
      { period: '2023', on: '2024-01-10' },
    ];
    const s = deriveState(yearly({ periodsDone }), '2024-03-01', { span });
    expect(s.instances!.slice(0, 2).map((i) => [i.state, i.late, i.daysLate])).toEqual([
      ['done', false, null],
      ['done', true, 10],
    ]);
    expect(s.state).toBe('ongoing');
  });

  it('is due soon when the current instance is', () => {
    expect(deriveState(yearly({ periodsDone: [{ period: '2022', on: '2022-12-01' }, { period: '2023', on: '2023-12-01' }] }), '2024-12-10', { span })).toMatchObject({
      state: 'due-soon',
      daysLeft: 21,
    });
  });

  it('is done when every instance is', () => {
    const periodsDone = ['2022', '2023', '2024', '2025'].map((period) => ({ period, on: `${period}-12-01` }));
    expect(deriveState(yearly({ periodsDone }), '2026-01-01', { span }).state).toBe('done');
  });

  it('has not started before its first period', () => {
    expect(deriveState(yearly(), '2021-06-01', { span }).state).toBe('not-started-yet');
  });

  it('quarterly ones have four instances a year', () => {
    const s = deriveState(task({ due: 'Hằng quý' }), '2024-04-01', { span: { first: 2024, last: 2024 } });
    expect(s.instances!.map((i) => [i.period, i.due, i.state])).toEqual([
      ['2024-Q1', '2024-03-31', 'overdue'],
      ['2024-Q2', '2024-06-30', 'open'],
      ['2024-Q3', '2024-09-30', 'open'],
      ['2024-Q4', '2024-12-31', 'open'],
    ]);
  });

  it('start from their own start year when it is later', () => {
    const s = deriveState(yearly({ when: undefined, start: 'Năm 2024', due: 'Hằng năm' }), '2024-03-01', { span });
    expect(s.instances!.map((i) => i.period)).toEqual(['2024', '2025']);
  });
});
