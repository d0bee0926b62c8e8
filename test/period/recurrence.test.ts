import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/period/parse-period.js';
import { annualDeadlineDay, dutySchedule, periodsOfYear, recurrenceOfLabel, taskDeadlines } from '../../src/period/recurrence.js';

function periods(...phrases: string[]) {
  return phrases.map((p) => {
    const r = parsePeriod(p);
    if (!r.ok) throw new Error(r.message);
    return r.period;
  });
}

describe('annual deadlines', () => {
  it.each([
    [15, 11, 2025, '2025-11-14'],
    [1, 6, 2025, '2025-05-31'],
    [1, 1, 2025, '2024-12-31'],
    [1, 3, 2024, '2024-02-29'], // leap year
    [1, 3, 2023, '2023-02-28'],
    [1, 3, 2100, '2100-02-28'], // a century that is not a leap year
    [1, 3, 2000, '2000-02-29'],
    [29, 2, 2024, '2024-02-28'],
    [29, 2, 2023, '2023-02-28'], // no 29 February: the day before 1 March
  ])('before %i/%i in %i is %s', (day, month, year, want) => expect(annualDeadlineDay({ month, day }, year)).toBe(want));
});

describe('periods of a year', () => {
  it('halves', () =>
    expect(periodsOfYear('half', 2024)).toEqual([
      { period: '2024-H1', from: '2024-01-01', to: '2024-06-30' },
      { period: '2024-H2', from: '2024-07-01', to: '2024-12-31' },
    ]));
  it('quarters end on the last day of their third month', () =>
    expect(periodsOfYear('quarter', 2023).map((p) => p.to)).toEqual(['2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31']));
  it('months follow the calendar, leap years included', () => {
    expect(periodsOfYear('month', 2024)[1]).toEqual({ period: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(periodsOfYear('month', 2100)[1]!.to).toBe('2100-02-28');
    expect(periodsOfYear('month', 2024).map((p) => p.to.slice(8))).toEqual(['31', '29', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31']);
  });
  it('a year', () => expect(taskDeadlines('year', 2025)).toEqual([{ period: '2025', from: '2025-01-01', to: '2025-12-31', due: '2025-12-31' }]));
});

describe('duty schedules', () => {
  it('"trước ngày 15 tháng 11": one instance a year, due 14 November', () => {
    const s = dutySchedule(periods('trước ngày 15 tháng 11'));
    expect(s.ok && s.every).toBe('year');
    expect(s.ok && s.deadlines(2025)).toEqual([{ period: '2025', from: '2025-01-01', to: '2025-12-31', due: '2025-11-14', text: 'trước ngày 15 tháng 11' }]);
  });
  it('two deadlines a year are the two halves, in date order whatever the order written', () => {
    const s = dutySchedule(periods('trước ngày 15 tháng 11', 'trước ngày 01 tháng 6'));
    expect(s.ok && s.every).toBe('half');
    expect(s.ok && s.deadlines(2026).map((d) => [d.period, d.due, d.text])).toEqual([
      ['2026-H1', '2026-05-31', 'trước ngày 01 tháng 6'],
      ['2026-H2', '2026-11-14', 'trước ngày 15 tháng 11'],
    ]);
  });
  it('"Hằng năm" is due on 31 December', () => {
    const s = dutySchedule(periods('Hằng năm'));
    expect(s.ok && s.deadlines(2025).map((d) => d.due)).toEqual(['2025-12-31']);
  });
  it('"Định kỳ 06 tháng" is due at the end of each half', () => {
    const s = dutySchedule(periods('Định kỳ 06 tháng'));
    expect(s.ok && s.deadlines(2024).map((d) => [d.period, d.due])).toEqual([
      ['2024-H1', '2024-06-30'],
      ['2024-H2', '2024-12-31'],
    ]);
  });
  it('three deadlines a year have no period names', () => {
    const s = dutySchedule(periods('trước ngày 01 tháng 3', 'trước ngày 01 tháng 6', 'trước ngày 15 tháng 11'));
    expect(s.ok).toBe(false);
    expect(!s.ok && s.message).toMatch(/3 times a year/);
  });
});

describe('record labels', () => {
  it.each([
    ['2025', { year: 2025, every: 'year' }],
    ['2025-H2', { year: 2025, every: 'half' }],
    ['2025-Q3', { year: 2025, every: 'quarter' }],
    ['2025-07', { year: 2025, every: 'month' }],
    ['2025-H3', undefined],
    ['2025-13', undefined],
    ['25', undefined],
  ])('%s', (label, want) => expect(recurrenceOfLabel(label)).toEqual(want));
});
