import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/period/parse-period.js';
import { instanceStatus, yearSpan } from '../../src/report/recurring.js';

function term(text: string) {
  const r = parsePeriod(text);
  if (!r.ok) throw new Error(r.message);
  return r.period;
}

describe('the years a duty runs', () => {
  it.each([
    ['as written', 2021, 2025, term('2016 - 2030'), { first: 2021, last: 2025 }],
    ["the decision's term", null, null, term('2021 - 2025'), { first: 2021, last: 2025 }],
    ['a one-year term', null, null, term('Năm 2024'), { first: 2024, last: 2024 }],
    ['an open-ended term runs to the year after asOf', null, null, term('Năm 2025 và các năm tiếp theo'), { first: 2025, last: 2026 }],
    ['a first year with an open-ended term', 2025, null, term('Năm 2025 và các năm tiếp theo'), { first: 2025, last: 2026 }],
  ] as const)('%s', (_name, first, last, t, want) => expect(yearSpan(first, last, t, '2020-01-01', '2025-11-20')).toEqual(want));

  it('no term: from the year of signing', () => expect(yearSpan(null, null, null, '2019-05-01', '2025-11-20')).toEqual({ first: 2019, last: 2026 }));
  // The calendar ends with 9999: "the year after" an as-of day in 9999 would be a day that cannot be written.
  it('an open term as of a day in 9999 ends with 9999', () => expect(yearSpan(null, null, null, '2019-05-01', '9999-12-31')).toEqual({ first: 2019, last: 9999 }));
});

describe('one instance', () => {
  const d = { period: '2025', from: '2025-01-01', to: '2025-12-31', due: '2025-11-14' };
  it.each([
    ['the due day itself is not overdue', undefined, '2025-11-14', 'due-soon', null, 0],
    ['the day after is', undefined, '2025-11-15', 'overdue', 1, null],
    ['31 days ahead is open', undefined, '2025-10-14', 'open', null, 31],
    ['30 days ahead is due soon', undefined, '2025-10-15', 'due-soon', null, 30],
    ['submitted on the due day is on time', { period: '2025', on: '2025-11-14' }, '2025-12-01', 'done', null, null],
    ['submitted the day after is late', { period: '2025', on: '2025-11-15' }, '2025-12-01', 'done', 1, null],
    ['a submission after asOf does not count yet', { period: '2025', on: '2025-11-20' }, '2025-11-16', 'overdue', 2, null],
  ] as const)('%s', (_name, record, asOf, state, daysLate, daysLeft) => {
    const s = instanceStatus(d, record, asOf, 30);
    expect([s.state, s.daysLate, s.daysLeft]).toEqual([state, daysLate, daysLeft]);
  });
});
