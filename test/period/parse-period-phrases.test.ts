import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/period/parse-period.js';

type Case = [phrase: string, kind: string, from: string | null, to: string | null, extra?: Record<string, unknown>];

// The phrases real decisions use beyond the five bundled ones (issue 12), with their days worked
// out by hand from the calendar: README's period table states each meaning.
const PHRASES: Case[] = [
  // "Trước …" is due the day before the named day, as "trước ngày 15 tháng 11" is in 1320 and 185.
  ['Trước ngày 30/6/2026', 'day', '2026-06-29', '2026-06-29'],
  ['Trước 31/3/2026', 'day', '2026-03-30', '2026-03-30'],
  ['trước ngày 01/01/2026', 'day', '2025-12-31', '2025-12-31'],
  ['Trước ngày 1 tháng 3 năm 2024', 'day', '2024-02-29', '2024-02-29'],
  ['Trước tháng 7/2026', 'day', '2026-06-30', '2026-06-30'],
  ['Trước Quý III/2026', 'day', '2026-06-30', '2026-06-30'],
  ['Hoàn thành trước ngày 30/6/2026', 'day', '2026-06-29', '2026-06-29'],
  // Without a year it is a deadline each year, as in the reporting duties.
  ['Trước 15/11', 'annual-deadline', null, null, { before: { month: 11, day: 15 } }],
  // "Chậm nhất …" is due on the day itself.
  ['Chậm nhất ngày 30/6/2026', 'day', '2026-06-30', '2026-06-30'],
  ['Chậm nhất trong Quý II/2026', 'day', '2026-06-30', '2026-06-30'],
  // Parts of a year.
  ['Đầu năm 2026', 'quarter', '2026-01-01', '2026-03-31'],
  ['Giữa năm 2026', 'range', '2026-06-01', '2026-07-31'],
  ['Cuối năm 2026', 'quarter', '2026-10-01', '2026-12-31'],
  ['Trong năm 2026', 'year', '2026-01-01', '2026-12-31'],
  ['Cả năm 2026', 'year', '2026-01-01', '2026-12-31'],
  ['Trong cả năm 2026', 'year', '2026-01-01', '2026-12-31'],
  ['6 tháng cuối năm 2026', 'half', '2026-07-01', '2026-12-31'],
  ['6 tháng đầu năm 2026', 'half', '2026-01-01', '2026-06-30'],
  ['9 tháng đầu năm 2026', 'range', '2026-01-01', '2026-09-30'],
  ['3 tháng cuối năm 2026', 'quarter', '2026-10-01', '2026-12-31'],
  ['2 tháng đầu năm 2024', 'range', '2024-01-01', '2024-02-29'],
  // Several quarters.
  ['Quý I, II/2026', 'half', '2026-01-01', '2026-06-30'],
  ['Quý I-II/2026', 'half', '2026-01-01', '2026-06-30'],
  ['Quý I - Quý III/2026', 'range', '2026-01-01', '2026-09-30'],
  ['Quý II, III/2026', 'range', '2026-04-01', '2026-09-30'],
  ['Quý III - IV/2025', 'half', '2025-07-01', '2025-12-31'],
  ['Quý I/2026 - Quý III/2026', 'range', '2026-01-01', '2026-09-30'],
  ['Quý IV/2025 - Quý I/2026', 'range', '2025-10-01', '2026-03-31'],
  // Several months.
  ['Tháng 3-4/2026', 'range', '2026-03-01', '2026-04-30'],
  ['Tháng 3, 4/2026', 'range', '2026-03-01', '2026-04-30'],
  ['Tháng 3/2026 - Tháng 6/2026', 'range', '2026-03-01', '2026-06-30'],
  ['Tháng 1-2/2024', 'range', '2024-01-01', '2024-02-29'],
  ['Tháng 11/2025 - Tháng 2/2026', 'range', '2025-11-01', '2026-02-28'],
  ['từ tháng 3/2026 đến tháng 6/2026', 'range', '2026-03-01', '2026-06-30'],
  ['Tháng 3 và tháng 4 năm 2026', 'range', '2026-03-01', '2026-04-30'],
  ['Tháng 4-6/2026', 'quarter', '2026-04-01', '2026-06-30'],
  // Recurring and open-ended.
  ['Hằng tháng', 'recurring', null, null, { every: 'month' }],
  ['Hằng quý', 'recurring', null, null, { every: 'quarter' }],
  ['Hàng quý', 'recurring', null, null, { every: 'quarter' }],
  ['Định kỳ 6 tháng', 'recurring', null, null, { every: 'half' }],
  ['Định kỳ hằng quý', 'recurring', null, null, { every: 'quarter' }],
  ['Từ năm 2026', 'ongoing', '2026-01-01', null],
  ['Từ năm 2026 trở đi', 'ongoing', '2026-01-01', null],
  ['Từ tháng 3/2026', 'ongoing', '2026-03-01', null],
  ['Năm 2026 và các năm tiếp theo', 'ongoing', '2026-01-01', null],
  ['Hoàn thành trong Quý II/2026', 'quarter', '2026-04-01', '2026-06-30'],
  ['Hoàn thành trong năm 2026', 'year', '2026-01-01', '2026-12-31'],
  ['Thực hiện trong tháng 9/2026', 'month', '2026-09-01', '2026-09-30'],
];

// Case, diacritic form (NFD, old tone placement, none at all) and spacing variants of the same phrases.
const VARIANTS: Case[] = [
  ['TRƯỚC NGÀY 30/6/2026', 'day', '2026-06-29', '2026-06-29'],
  ['truoc ngay 30/6/2026', 'day', '2026-06-29', '2026-06-29'],
  ['Trước   ngày  30 / 6 / 2026', 'day', '2026-06-29', '2026-06-29'],
  ['Tru\u031bo\u031b\u0301c 31/3/2026', 'day', '2026-03-30', '2026-03-30'],
  ['ĐẦU NĂM 2026', 'quarter', '2026-01-01', '2026-03-31'],
  ['dau nam 2026', 'quarter', '2026-01-01', '2026-03-31'],
  ['Giữa  năm 2026.', 'range', '2026-06-01', '2026-07-31'],
  ['cuoi nam 2026', 'quarter', '2026-10-01', '2026-12-31'],
  ['Quí I, II/2026', 'half', '2026-01-01', '2026-06-30'],
  ['Qúy I,II/2026', 'half', '2026-01-01', '2026-06-30'],
  ['quy i–ii/2026', 'half', '2026-01-01', '2026-06-30'],
  ['Quý I – Quý III/2026', 'range', '2026-01-01', '2026-09-30'],
  ['tháng 3 - 4 / 2026', 'range', '2026-03-01', '2026-04-30'],
  ['Tháng 3,4/2026', 'range', '2026-03-01', '2026-04-30'],
  ['Tháng 3/2026-Tháng 6/2026', 'range', '2026-03-01', '2026-06-30'],
  ['Tháng 3/2026 – tháng 6/2026', 'range', '2026-03-01', '2026-06-30'],
  ['chín tháng đầu năm 2026'.replace('chín', '9'), 'range', '2026-01-01', '2026-09-30'],
  ['sáu tháng cuối năm 2026', 'half', '2026-07-01', '2026-12-31'],
  ['HẰNG THÁNG', 'recurring', null, null, { every: 'month' }],
  ['hang quy', 'recurring', null, null, { every: 'quarter' }],
  ['định kỳ 06 tháng', 'recurring', null, null, { every: 'half' }],
  ['Ca nam 2026', 'year', '2026-01-01', '2026-12-31'],
  ['từ  năm 2026', 'ongoing', '2026-01-01', null],
  ['năm 2026 và những năm tiếp theo', 'ongoing', '2026-01-01', null],
  ['hoàn thành trong quý 2/2026', 'quarter', '2026-04-01', '2026-06-30'],
  ['Hoa\u0300n tha\u0300nh trong Quy\u0301 II/2026', 'quarter', '2026-04-01', '2026-06-30'],
];

describe('parsePeriod: the phrases real decisions use', () => {
  it('covers every phrase the issue lists', () => {
    const listed = [
      'Trước ngày 30/6/2026', 'Trước 31/3/2026', 'Đầu năm 2026', 'Giữa năm 2026', 'Cuối năm 2026', 'Trong năm 2026', 'Cả năm 2026',
      'Quý I, II/2026', 'Quý I-II/2026', 'Quý I - Quý III/2026', 'Tháng 3-4/2026', 'Tháng 3, 4/2026', 'Tháng 3/2026 - Tháng 6/2026',
      '6 tháng cuối năm 2026', '9 tháng đầu năm 2026', 'Hằng tháng', 'Hằng quý', 'Định kỳ 6 tháng', 'Từ năm 2026',
      'Năm 2026 và các năm tiếp theo', 'Hoàn thành trong Quý II/2026',
    ];
    const have = new Set(PHRASES.map((c) => c[0]));
    expect(listed.filter((p) => !have.has(p))).toEqual([]);
    expect(listed).toHaveLength(21);
  });

  it.each(PHRASES)('reads %j as %s %s – %s', (phrase, kind, from, to, extra) => {
    expect(parsePeriod(phrase)).toMatchObject({ ok: true, period: { kind, from, to, ...(extra ?? {}) } });
  });

  it.each(VARIANTS)('reads the variant %j as %s %s – %s', (phrase, kind, from, to, extra) => {
    expect(parsePeriod(phrase)).toMatchObject({ ok: true, period: { kind, from, to, ...(extra ?? {}) } });
  });

  it('keeps the phrase as written (NFC, spaces folded), diacritics and all', () => {
    const r = parsePeriod('  Quy\u0301 I,  II/2026 ');
    expect(r.ok && r.period.text).toBe('Quý I, II/2026');
  });

  const INVALID: [phrase: string, message: string][] = [
    ['Tháng 4-3/2026', '"Tháng 4-3/2026" is not a period: the months are not in order (4 then 3)'],
    ['Tháng 3-13/2026', '"Tháng 3-13/2026" is not a period: month 13 is not 1–12'],
    ['Quý III - I/2026', '"Quý III - I/2026" is not a period: the quarters are not in order (3 then 1)'],
    ['Quý I - V/2026', '"Quý I - V/2026" is not a period: quarter V is not I–IV (or 1–4)'],
    ['Tháng 6/2026 - Tháng 3/2026', '"Tháng 6/2026 - Tháng 3/2026" is not a period: the range ends (2026-03-31) before it starts (2026-06-01)'],
    ['Trước ngày 31/6/2026', '"Trước ngày 31/6/2026" is not a period: June 2026 has 30 days, not 31'],
    ['13 tháng đầu năm 2026', '"13 tháng đầu năm 2026" is not a period: a year has 12 months, not 13'],
  ];
  it.each(INVALID)('rejects %j with a precise reason', (phrase, message) => {
    expect(parsePeriod(phrase)).toEqual({ ok: false, code: 'PERIOD_INVALID', message });
  });

  // An unreadable phrase names the accepted forms nearest to it first, then lists them all in the hint.
  const NEAREST: [phrase: string, first: string][] = [
    ['cuối năm', 'Cuối năm 2026'],
    ['Tháng 6', 'Tháng 01/2024'],
    ['Quý II', 'Quý III/2023'],
    ['trước 30/6/', 'Trước ngày 30/6/2026'],
    ['Đầu năm', 'Đầu năm 2026'],
    ['hằng tuần', 'Hằng tháng'],
  ];
  it.each(NEAREST)('for %j suggests %j first', (phrase, first) => {
    const r = parsePeriod(phrase);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('PERIOD_UNKNOWN');
    expect(r.message.startsWith(`cannot read the period "${phrase}"; nearest accepted forms: "${first}", `)).toBe(true);
    expect(r.message.match(/"[^"]+"/g)).toHaveLength(4);
    expect(r.hint).toMatch(/^accepted forms: Tháng 01\/2024/);
  });

  it('stays cheap on a very long unreadable phrase', () => {
    const r = parsePeriod('x'.repeat(64_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeLessThan(64_200);
  });
});
