// Days and numbers in each language, the message catalogue, and a duty's instances collapsed into runs.

import { describe, expect, it } from 'vitest';
import type { Reason } from '../../src/report/attainment/reasons.js';
import type { InstanceStatus } from '../../src/report/recurring.js';
import type { DutyStatus } from '../../src/report/status.js';
import { formatPercent, gapLabel, thresholdLabel } from '../../src/render/attainment-labels.js';
import { dayPhrase, formatDay, formatInt, formatNumber, localiseDecimal } from '../../src/render/i18n/format.js';
import { periodText, reasonText } from '../../src/render/i18n/messages.js';
import { stateLabel } from '../../src/render/labels.js';
import { dutyLine, instanceRuns } from '../../src/render/status.js';
import { fit } from '../../src/render/html/svg-charts.js';

describe('days', () => {
  it.each([
    ['2024-01-30', 'vi', '30/01/2024'],
    ['2024-01-30', 'en', '2024-01-30'],
    ['2025-12-31', 'vi', '31/12/2025'],
    ['Tháng 01/2024', 'vi', 'Tháng 01/2024'],
  ] as const)('%s in %s → %s', (iso, lang, out) => expect(formatDay(iso, lang)).toBe(out));

  it('in a sentence', () => {
    expect(dayPhrase('2024-01-30', 'vi')).toBe('ngày 30/01/2024');
    expect(dayPhrase('2024-01-30', 'en')).toBe('2024-01-30');
  });
});

describe('numbers', () => {
  it.each([
    [1234567, 'vi', '1.234.567'],
    [1234567, 'en', '1,234,567'],
    [999, 'vi', '999'],
    [0, 'vi', '0'],
    [-2500000n, 'vi', '−2.500.000'],
    [12345678901234567890n, 'vi', '12.345.678.901.234.567.890'],
  ] as const)('%s in %s → %s', (n, lang, out) => expect(formatInt(n, lang)).toBe(out));

  it('decimals', () => {
    expect(localiseDecimal('12.5', 'vi')).toBe('12,5');
    expect(localiseDecimal('1234.25', 'vi')).toBe('1.234,25');
    expect(localiseDecimal('1234.25', 'en')).toBe('1,234.25');
    expect(formatNumber(12.5, 'vi')).toBe('12,5');
    expect(formatNumber(12, 'vi')).toBe('12');
  });

  it('percentages keep the verdict they stand for, in Vietnamese too', () => {
    expect(formatPercent(12.5, null, null, 'vi')).toBe('12,5%');
    expect(formatPercent(79.96, 80, false, 'vi')).toBe('79,96%');
    expect(formatPercent(79.96, 80, false, 'en')).toBe('79.96%');
    expect(thresholdLabel({ comparator: 'at_least', threshold: 12.5 }, 'vi')).toBe('≥ 12,5%');
    expect(gapLabel({ comparator: 'at_least', needed: 6754936 }, 'vi')).toBe('+6.754.936');
    expect(gapLabel({ comparator: 'at_most', needed: 2500000 }, 'vi')).toBe('vượt 2.500.000');
    expect(gapLabel({ comparator: 'at_most', needed: 2500000 }, 'en')).toBe('2,500,000 over');
    expect(gapLabel({ comparator: 'at_least', needed: null }, 'vi')).toBe('không thể đạt');
  });
});

describe('the message catalogue', () => {
  const cases: [Reason, string, string][] = [
    [{ code: 'running', until: '2025-12-31' }, 'kỳ đánh giá kéo dài đến ngày 31/12/2025: kết quả tính đến nay', 'the period runs until 2025-12-31: the value so far'],
    [{ code: 'outside-term', year: 2026, term: '2022 - 2025' }, 'năm 2026 nằm ngoài thời hạn của quyết định (2022 - 2025)', "2026 is outside the decision's term (2022 - 2025)"],
    [{ code: 'no-figures', file: 'cov.csv', year: 2024, orBefore: false, first: 2019, last: 2022 }, 'tệp cov.csv không có số liệu năm 2024 (tệp có: 2019–2022)', 'cov.csv has no figures for 2024 (it holds 2019–2022)'],
    [{ code: 'events-end', file: 't.csv', lastDay: '2023-06-30', year: 2024 }, 'dữ liệu đào tạo trong tệp t.csv chỉ đến ngày 30/06/2023, trước năm 2024', 'the training records in t.csv end on 2023-06-30, before 2024'],
    [{ code: 'missing-columns', file: 's.csv', columns: ['unit', 'tags'] }, 'tệp s.csv không có cột "unit", "tags"', 's.csv has no column "unit", "tags"'],
    [{ code: 'empty-denominator', column: null, period: '2024' }, 'không có ai trong đối tượng năm 2024: không tính được tỷ lệ', 'no one in the population in 2024: the share is undefined'],
    [{ code: 'measure-none', text: 'Chưa có bộ dữ liệu' }, 'Chưa có bộ dữ liệu', 'Chưa có bộ dữ liệu'],
  ];
  it.each(cases)('%o', (r, vi, en) => {
    expect(reasonText(r, 'vi')).toBe(vi);
    expect(reasonText(r, 'en')).toBe(en);
  });

  it('a period still running says so in either language', () => {
    expect(periodText({ period: '2026', final: false }, 'vi')).toBe('2026 (đến nay)');
    expect(periodText({ period: '2026', final: false }, 'en')).toBe('2026 so far');
    expect(periodText({ period: '2025', final: true }, 'vi')).toBe('2025');
  });

  it('state labels', () => {
    expect(stateLabel({ state: 'overdue', daysLate: 12, daysLeft: null, late: null }, 'vi')).toBe('quá hạn 12 ngày');
    expect(stateLabel({ state: 'due-soon', daysLeft: 0, daysLate: null, late: null }, 'vi')).toBe('đến hạn hôm nay');
    expect(stateLabel({ state: 'done', daysLate: 2, daysLeft: null, late: true }, 'vi')).toBe('hoàn thành, trễ 2 ngày');
    expect(stateLabel({ state: 'overdue', daysLate: 12, daysLeft: null, late: null }, 'en')).toBe('overdue 12d');
  });
});

function instance(period: string, state: InstanceStatus['state'], daysLeft: number | null = null): InstanceStatus {
  return { period, from: `${period}-01-01`, to: `${period}-12-31`, due: `${period}-12-31`, state, daysLate: state === 'overdue' ? 1 : null, daysLeft, on: state === 'done' ? `${period}-12-01` : null, late: state === 'done' ? false : null };
}

describe('a duty on one line', () => {
  const instances = [instance('2016', 'overdue'), instance('2017', 'overdue'), instance('2018', 'done'), instance('2019', 'overdue'), instance('2020', 'overdue'), instance('2021', 'overdue'), instance('2022', 'due-soon', 30), instance('2023', 'open', 395)];
  it('consecutive instances in one state form a run; a done one breaks it', () => {
    expect(instanceRuns(instances).map((r) => [r.state, r.first, r.last, r.count])).toEqual([
      ['overdue', '2016', '2017', 2],
      ['done', '2018', '2018', 1],
      ['overdue', '2019', '2021', 3],
      ['due-soon', '2022', '2022', 1],
      ['open', '2023', '2023', 1],
    ]);
  });

  it('reads as the runs, then the next', () => {
    const next = { period: '2022', state: 'due-soon', daysLeft: 30, due: { text: 'hàng năm', kind: 'day', from: '2022-12-31', to: '2022-12-31' } };
    const duty = { deadlines: ['hàng năm'], toAsWritten: 'Thủ tướng Chính phủ', instances, next, last: 2023 } as unknown as DutyStatus;
    expect(dutyLine(duty, 'vi')).toBe('báo cáo hàng năm → Thủ tướng Chính phủ: đã nộp 1/8 kỳ, 2016–2017 quá hạn (2 kỳ), 2019–2021 quá hạn (3 kỳ), 2022 đến hạn sau 30 ngày');
    expect(dutyLine(duty, 'en')).toBe('report hàng năm → Thủ tướng Chính phủ: 1 of 8 submitted, 2016–2017 overdue (2 periods), 2019–2021 overdue (3 periods), 2022 due in 30 days');
    expect(dutyLine({ ...duty, next: null, instances: instances.slice(0, 1) } as DutyStatus, 'vi')).toBe('báo cáo hàng năm → Thủ tướng Chính phủ: 2016 quá hạn, không còn kỳ nào (đến năm 2023)');
  });
});

describe('chart labels', () => {
  it('are cut after a whole word, never inside one', () => {
    // 16 characters fit in 112 px at 7 px a character.
    expect(fit('Kinh phí đào tạo ở nước ngoài', 112)).toBe('Kinh phí đào…');
    expect(fit('Tham gia BHXH', 112)).toBe('Tham gia BHXH');
    expect(fit('kinh-phi-dao-tao-nuoc-ngoai-20', 112)).toBe('kinh-phi-dao…');
  });
});
