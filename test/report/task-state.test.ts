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
  ['event + 3 months is the due day', { when: 'Sau khi Chính phủ ban hành Nghị định', occurred: '2024-01-15', within: '3 tháng' }, '2024-04-14', 'due-soon', null, 0],
  ['… and overdue the day after', { when: 'Sau khi Chính phủ ban hành Nghị định', occurred: '2024-01-15', within: '3 tháng' }, '2024-04-15', 'overdue', 1],
  ['done on time', { due: 'Tháng 6/2024', state: 'done', on: '2024-06-30' }, '2024-12-01', 'done', null],
  ['done late keeps the days late', { due: 'Tháng 6/2024', state: 'done', on: '2024-07-10' }, '2024-12-01', 'done', 10],
  ['a done record after asOf does not count yet', { due: 'Tháng 6/2024', state: 'done', on: '2024-07-10' }, '2024-07-05', 'overdue', 5],
  ['cancelled is never overdue', { due: 'Tháng 6/2024', state: 'cancelled', on: '2024-05-01' }, '2024-12-01', 'cancelled', null],
  ['in progress with a note', { start: 'Tháng 01/2024', due: 'Tháng 12/2024', notes: [{ on: '2024-03-01', note: 'bắt đầu' }] }, '2024-07-01', 'in-progress', null, 183],
  ['overdue wins over a waiting start', { start: 'Theo Hướng dẫn của Ban Thi đua', due: 'Tháng 12/2024' }, '2025-01-01', 'overdue', 1],
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
