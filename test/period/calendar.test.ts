import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumber, daysBetween, daysInMonth, fromDayNumber, isIsoDay } from '../../src/period/calendar.js';
import { endOfSpan, parseDuration } from '../../src/period/duration.js';

describe('calendar days', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('%i-%i has %i days', (y, m, n) => expect(daysInMonth(y, m)).toBe(n));

  it.each(['2024-02-29', '2000-02-29', '1970-01-01', '2100-12-31'])('%s is a day', (d) => expect(isIsoDay(d)).toBe(true));
  it.each(['2023-02-29', '2100-02-29', '2024-13-01', '2024-00-10', '2024-1-1', '24-01-01', '2024-04-31'])('%s is not', (d) =>
    expect(isIsoDay(d)).toBe(false),
  );

  it('round-trips day numbers over four centuries', () => {
    for (let n = dayNumber('1900-01-01'); n <= dayNumber('2300-12-31'); n += 37) expect(dayNumber(fromDayNumber(n))).toBe(n);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-10', -10, '2024-02-29'],
  ])('%s + %i days = %s', (d, n, want) => expect(addDays(d, n)).toBe(want));

  it('counts days across a DST change as whole days, whatever TZ is', () => {
    // 2024-03-10 is a spring-forward day in Los Angeles; calendar days ignore it.
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2024-07-01', '2024-06-30')).toBe(-1);
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2024-05-31', -3, '2024-02-29'],
  ])('%s + %i months = %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));
});

describe('durations', () => {
  // Bộ luật Dân sự 2015, Điều 147: the day of the event is not counted; Điều 148: a period of months
  // or years ends on the same day of the last month, or that month's last day when it has none.
  it.each([
    ['30 ngày', '2024-01-15', '2024-02-14'],
    ['30 ngày', '2024-05-15', '2024-06-14'],
    ['1 ngày', '2024-05-15', '2024-05-16'],
    ['3 tháng', '2024-01-15', '2024-04-15'],
    ['1 tháng', '2024-01-31', '2024-02-29'],
    ['1 tháng', '2023-01-31', '2023-02-28'],
    ['1 năm', '2024-02-29', '2025-02-28'],
    ['1 năm', '2023-03-01', '2024-03-01'],
    ['2 months', '2024-12-01', '2025-02-01'],
    // Past the calendar's last day: its last day, not a day that cannot be written.
    ['100 ngày', '9999-12-01', '9999-12-31'],
    ['30 ngày', '9999-12-01', '9999-12-31'],
    ['1 tháng', '9999-12-01', '9999-12-31'],
    ['1 tháng', '9999-11-30', '9999-12-30'],
    ['99999 năm', '2024-12-01', '9999-12-31'],
    ['99999999999999999999 ngày', '2024-12-01', '9999-12-31'],
  ])('%s after %s ends on %s', (text, from, end) => {
    const d = parseDuration(text);
    expect(d).toBeDefined();
    expect(endOfSpan(from, d!)).toBe(end);
  });

  it('rejects what is not a duration', () => {
    expect(parseDuration('ba tháng')).toBeUndefined();
    expect(parseDuration('3 weeks')).toBeUndefined();
  });
});
