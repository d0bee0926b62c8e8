import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/period/parse-period.js';

type Case = [phrase: string, kind: string, from: string | null, to: string | null, extra?: Record<string, unknown>];

// Every time phrase of the five source decisions (../shared/seeds), with what it means.
const FROM_THE_DOCUMENTS: Case[] = [
  // 88/QĐ-BHXH: the start and finish cells.
  ['Tháng 01/2024', 'month', '2024-01-01', '2024-01-31'],
  ['Tháng 02/2024', 'month', '2024-02-01', '2024-02-29'],
  ['Tháng 03/2024', 'month', '2024-03-01', '2024-03-31'],
  ['Tháng 3/2024', 'month', '2024-03-01', '2024-03-31'],
  ['Tháng 04/2024', 'month', '2024-04-01', '2024-04-30'],
  ['Tháng 6/2024', 'month', '2024-06-01', '2024-06-30'],
  ['Tháng 9/2024', 'month', '2024-09-01', '2024-09-30'],
  ['Tháng 12/2024', 'month', '2024-12-01', '2024-12-31'],
  ['Tháng 12/2023', 'month', '2023-12-01', '2023-12-31'],
  ['Quý III/2023', 'quarter', '2023-07-01', '2023-09-30'],
  ['Quý I/2024', 'quarter', '2024-01-01', '2024-03-31'],
  ['Quý II/2024', 'quarter', '2024-04-01', '2024-06-30'],
  ['Quý III/2024', 'quarter', '2024-07-01', '2024-09-30'],
  ['Quý IV/2024', 'quarter', '2024-10-01', '2024-12-31'],
  ['Quý 01/2024', 'quarter', '2024-01-01', '2024-03-31'],
  ['Quý 03/2024', 'quarter', '2024-07-01', '2024-09-30'],
  ['Quý 04/2024', 'quarter', '2024-10-01', '2024-12-31'],
  ['Năm 2023', 'year', '2023-01-01', '2023-12-31'],
  ['Năm 2025', 'year', '2025-01-01', '2025-12-31'],
  [
    'Sau khi Chính phủ ban hành Nghị định về cơ chế quản lý tài chính BHXH, BHTN, BHYT và chi phí quản lý BHXH, BHTN, BHYT',
    'waiting',
    null,
    null,
    { event: 'Sau khi Chính phủ ban hành Nghị định về cơ chế quản lý tài chính BHXH, BHTN, BHYT và chi phí quản lý BHXH, BHTN, BHYT' },
  ],
  ['Theo Hướng dẫn của Ban Thi đua - Khen thưởng TW', 'waiting', null, null, { event: 'Theo Hướng dẫn của Ban Thi đua - Khen thưởng TW' }],
  // 88: periods inside task contents.
  ['giai đoạn 2022-2024', 'year-range', '2022-01-01', '2024-12-31'],
  ['giai đoạn 2025-2027', 'year-range', '2025-01-01', '2027-12-31'],
  ['2025- 2027', 'year-range', '2025-01-01', '2027-12-31'],
  ['giai đoạn 2021 - 2025', 'year-range', '2021-01-01', '2025-12-31'],
  ['năm 2024', 'year', '2024-01-01', '2024-12-31'],
  // Dates of signing and of legal references, in both ways the documents write them.
  ['ngày 30 tháng 01 năm 2024', 'day', '2024-01-30', '2024-01-30'],
  ['ngày 09 tháng 3 năm 2022', 'day', '2022-03-09', '2022-03-09'],
  ['ngày 24 tháng 01 năm 2025', 'day', '2025-01-24', '2025-01-24'],
  ['ngày 23 tháng 10 năm 2020', 'day', '2020-10-23', '2020-10-23'],
  ['ngày 20 tháng 01 năm 2016', 'day', '2016-01-20', '2016-01-20'],
  ['ngày 22 tháng 12 năm 2024', 'day', '2024-12-22', '2024-12-22'],
  ['ngày 04/8/2020', 'day', '2020-08-04', '2020-08-04'],
  ['4/8/2020', 'day', '2020-08-04', '2020-08-04'],
  ['28/10/2021', 'day', '2021-10-28', '2021-10-28'],
  ['ngày 11/1/2024', 'day', '2024-01-11', '2024-01-11'],
  ['ngày 01/10/2020', 'day', '2020-10-01', '2020-10-01'],
  ['09/01/2025', 'day', '2025-01-09', '2025-01-09'],
  // 456/QĐ-BHXH: "Thời gian thực hiện" and the targets.
  ['2022 - 2025', 'year-range', '2022-01-01', '2025-12-31'],
  ['2022 - 2023', 'year-range', '2022-01-01', '2023-12-31'],
  ['2022', 'year', '2022-01-01', '2022-12-31'],
  ['2023', 'year', '2023-01-01', '2023-12-31'],
  ['Hàng năm', 'recurring', null, null, { every: 'year' }],
  ['Hằng năm', 'recurring', null, null, { every: 'year' }],
  ['Đến năm 2025', 'year', '2025-01-01', '2025-12-31'],
  ['Đến hết năm 2025', 'year', '2025-01-01', '2025-12-31'],
  ['giai đoạn 2016 - 2025', 'year-range', '2016-01-01', '2025-12-31'],
  ['giai đoạn 2019 - 2030', 'year-range', '2019-01-01', '2030-12-31'],
  // 185/QĐ-BHXH: deadlines and the six-monthly reports.
  ['Thường xuyên', 'ongoing', null, null],
  ['Tháng 6/2025', 'month', '2025-06-01', '2025-06-30'],
  ['Tháng 4/2025', 'month', '2025-04-01', '2025-04-30'],
  ['Năm 2025 và các năm tiếp theo', 'ongoing', '2025-01-01', null],
  ['Theo Kế hoạch kiểm tra, giám sát', 'waiting', null, null, { event: 'Theo Kế hoạch kiểm tra, giám sát' }],
  ['trước ngày 01 tháng 6', 'annual-deadline', null, null, { before: { month: 6, day: 1 } }],
  ['trước ngày 15 tháng 11', 'annual-deadline', null, null, { before: { month: 11, day: 15 } }],
  ['định kỳ 06 tháng', 'recurring', null, null, { every: 'half' }],
  // 1320/QĐ-BHXH.
  ['5 năm 2021-2025', 'year-range', '2021-01-01', '2025-12-31'],
  ['Định kỳ hàng năm', 'recurring', null, null, { every: 'year' }],
  ['hằng tháng', 'recurring', null, null, { every: 'month' }],
  ['đến năm 2025', 'year', '2025-01-01', '2025-12-31'],
  ['năm 2020', 'year', '2020-01-01', '2020-12-31'],
  // 146/QĐ-TTg.
  ['Đến năm 2020', 'year', '2020-01-01', '2020-12-31'],
  ['Đến năm 2030', 'year', '2030-01-01', '2030-12-31'],
  ['vào năm 2020', 'year', '2020-01-01', '2020-12-31'],
  ['vào năm 2030', 'year', '2030-01-01', '2030-12-31'],
  ['Năm 2016', 'year', '2016-01-01', '2016-12-31'],
  ['giai đoạn 2016-2020', 'year-range', '2016-01-01', '2020-12-31'],
  ['2016 - 2030', 'year-range', '2016-01-01', '2030-12-31'],
  ['ngày 19 tháng 6 năm 2015', 'day', '2015-06-19', '2015-06-19'],
];

const ISO_AND_TOLERANCE: Case[] = [
  ['2024-01', 'month', '2024-01-01', '2024-01-31'],
  ['2023-Q3', 'quarter', '2023-07-01', '2023-09-30'],
  ['2023-q4', 'quarter', '2023-10-01', '2023-12-31'],
  ['2024-H1', 'half', '2024-01-01', '2024-06-30'],
  ['2024-H2', 'half', '2024-07-01', '2024-12-31'],
  ['6 tháng đầu năm 2024', 'half', '2024-01-01', '2024-06-30'],
  ['6 tháng cuối năm 2024', 'half', '2024-07-01', '2024-12-31'],
  ['2025', 'year', '2025-01-01', '2025-12-31'],
  ['2022..2025', 'year-range', '2022-01-01', '2025-12-31'],
  ['2024-06-30', 'day', '2024-06-30', '2024-06-30'],
  ['30/6/2024', 'day', '2024-06-30', '2024-06-30'],
  ['29/02/2024', 'day', '2024-02-29', '2024-02-29'],
  ['2000-02-29', 'day', '2000-02-29', '2000-02-29'],
  // case, spacing, dashes and a trailing full stop
  ['  tháng   6 / 2025 ', 'month', '2025-06-01', '2025-06-30'],
  ['THÁNG 12/2024', 'month', '2024-12-01', '2024-12-31'],
  ['quý iv/2024', 'quarter', '2024-10-01', '2024-12-31'],
  ['Quý 2/2024', 'quarter', '2024-04-01', '2024-06-30'],
  ['Quý II năm 2024', 'quarter', '2024-04-01', '2024-06-30'],
  ['tháng 12 năm 2024', 'month', '2024-12-01', '2024-12-31'],
  ['2022 – 2025', 'year-range', '2022-01-01', '2025-12-31'],
  ['từ năm 2022 đến năm 2025', 'year-range', '2022-01-01', '2025-12-31'],
  ['Năm 2025.', 'year', '2025-01-01', '2025-12-31'],
  ['THƯỜNG XUYÊN', 'ongoing', null, null],
  ['trước ngày 15/11', 'annual-deadline', null, null, { before: { month: 11, day: 15 } }],
  // decomposed (NFD) input reads like NFC
  ['Tha\u0301ng 01/2024', 'month', '2024-01-01', '2024-01-31'],
  ['Thu\u031bo\u031b\u0300ng xuyên', 'ongoing', null, null],
];

describe('parsePeriod', () => {
  it.each(FROM_THE_DOCUMENTS)('reads %j from the documents', (phrase, kind, from, to, extra) => {
    const r = parsePeriod(phrase);
    expect(r).toMatchObject({ ok: true, period: { kind, from, to, ...(extra ?? {}) } });
  });

  it.each(ISO_AND_TOLERANCE)('reads %j', (phrase, kind, from, to, extra) => {
    const r = parsePeriod(phrase);
    expect(r).toMatchObject({ ok: true, period: { kind, from, to, ...(extra ?? {}) } });
  });

  it('keeps the phrase as written (NFC, spaces folded) in text', () => {
    const r = parsePeriod('  Quý   III/2023 ');
    expect(r.ok && r.period.text).toBe('Quý III/2023');
  });

  const INVALID: [phrase: string, code: string, message: string][] = [
    ['Quý V/2024', 'PERIOD_INVALID', '"Quý V/2024" is not a period: quarter V is not I–IV (or 1–4)'],
    ['Quý 0/2024', 'PERIOD_INVALID', '"Quý 0/2024" is not a period: quarter 0 is not I–IV (or 1–4)'],
    ['Quý 05/2024', 'PERIOD_INVALID', '"Quý 05/2024" is not a period: quarter 05 is not I–IV (or 1–4)'],
    ['Tháng 13/2024', 'PERIOD_INVALID', '"Tháng 13/2024" is not a period: month 13 is not 1–12'],
    ['Tháng 0/2024', 'PERIOD_INVALID', '"Tháng 0/2024" is not a period: month 0 is not 1–12'],
    ['30/02/2024', 'PERIOD_INVALID', '"30/02/2024" is not a period: February 2024 has 29 days, not 30'],
    ['29/02/2023', 'PERIOD_INVALID', '"29/02/2023" is not a period: February 2023 has 28 days, not 29'],
    ['31/04/2024', 'PERIOD_INVALID', '"31/04/2024" is not a period: April 2024 has 30 days, not 31'],
    ['2024-02-30', 'PERIOD_INVALID', '"2024-02-30" is not a period: February 2024 has 29 days, not 30'],
    ['2024-Q5', 'PERIOD_INVALID', '"2024-Q5" is not a period: quarter 5 is not I–IV (or 1–4)'],
    ['2024-H3', 'PERIOD_INVALID', '"2024-H3" is not a period: half 3 is not 1 or 2'],
    ['2025 - 2022', 'PERIOD_INVALID', '"2025 - 2022" is not a period: the range ends (2022) before it starts (2025)'],
    ['trước ngày 31 tháng 2', 'PERIOD_INVALID', '"trước ngày 31 tháng 2" is not a period: month 2 has no day 31'],
    ['Năm 1800', 'PERIOD_INVALID', '"Năm 1800" is not a period: year 1800 is out of range (1900–2200)'],
  ];

  it.each(INVALID)('rejects %j', (phrase, code, message) => {
    expect(parsePeriod(phrase)).toEqual({ ok: false, code, message });
  });

  it.each(['sometime soon', 'Quý /2024', 'Tháng 6', 'cuối năm', '12/2024/01'])('does not read %j and lists the accepted forms', (phrase) => {
    const r = parsePeriod(phrase);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('PERIOD_UNKNOWN');
      expect(r.message).toContain(`cannot read the period "${phrase}"; nearest accepted forms: `);
      expect(r.hint).toContain('Tháng 01/2024');
      expect(r.hint).toContain('Quý III/2023');
      expect(r.hint).toContain('Thường xuyên');
    }
  });

  it('rejects an empty phrase', () => {
    expect(parsePeriod('   ')).toEqual({ ok: false, code: 'PERIOD_UNKNOWN', message: 'the period is empty' });
  });
});
