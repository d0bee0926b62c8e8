import { describe, expect, it } from 'vitest';
import { bar, formatCount, formatPercent, neededLabel, thresholdLabel } from '../../src/render/attainment.js';
import { attainmentSummaryAsText } from '../../src/render/attainment-summary.js';
import { PLAIN } from '../../src/render/context.js';
import { summariseAttainment } from '../../src/report/attainment/summary.js';
import type { AttainmentReport, TargetAttainment } from '../../src/report/attainment/attainment.js';

describe('formatPercent', () => {
  it.each([
    [80, 80, true, '80.0%'],
    [66.6667, 50, true, '66.7%'],
    // One decimal would read 80.0% for a share that misses 80%: show enough to tell.
    [79.9999, 80, false, '79.9999%'],
    [79.96, 80, false, '79.96%'],
    [80.04, 80, true, '80.04%'],
    [2.004, 2, false, '2.004%'],
  ])('%s against %s (met %s) → %s', (value, threshold, met, out) => {
    expect(formatPercent(value, threshold, met, 'en')).toBe(out);
  });
});

describe('labels', () => {
  it.each([
    ['at_least', 80, '≥ 80%'],
    ['more_than', 80, '> 80%'],
    ['at_most', 2, '≤ 2%'],
  ] as const)('%s %s', (comparator, threshold, out) => {
    expect(thresholdLabel({ comparator, threshold }, 'en')).toBe(out);
  });

  it('counts, needs and bars', () => {
    expect(formatCount(12345678901234567890n, 'en')).toBe('12,345,678,901,234,567,890');
    expect(neededLabel({ comparator: 'at_least', needed: 1234n, met: false, status: 'not-met' }, 'en')).toBe('+1,234');
    expect(neededLabel({ comparator: 'at_most', needed: 5n, met: false, status: 'not-met' }, 'en')).toBe('5 over');
    expect(neededLabel({ comparator: 'more_than', needed: null, met: false, status: 'not-met' }, 'en')).toBe('unreachable');
    expect(neededLabel({ comparator: 'at_least', needed: 0n, met: true, status: 'met' }, 'en')).toBe('—');
    expect(bar(50)).toBe('████░░░░');
    expect(bar(0)).toBe('░░░░░░░░');
  });
});

describe('summariseAttainment', () => {
  const t = (decision: string, status: TargetAttainment['status']) => ({ decision, status, needed: null }) as TargetAttainment;
  const report = {
    asOf: '2025-12-31',
    year: null,
    targets: [t('456/QĐ-BHXH', 'met'), t('456/QĐ-BHXH', 'not-met'), t('456/QĐ-BHXH', 'no-data'), t('146/QĐ-TTg', 'in-progress'), t('146/QĐ-TTg', 'met')],
    data: { reads: [], issues: [], issueCounts: [] },
  } as unknown as AttainmentReport;

  it('counts targets by status, overall and per decision', () => {
    expect(summariseAttainment(report)).toMatchObject({
      asOf: '2025-12-31',
      total: 5,
      met: 2,
      notMet: 1,
      inProgress: 1,
      noData: 1,
      decisions: [
        { decision: '456/QĐ-BHXH', total: 3, met: 1, notMet: 1, inProgress: 0, noData: 1 },
        { decision: '146/QĐ-TTg', total: 2, met: 1, notMet: 0, inProgress: 1, noData: 0 },
      ],
    });
  });

  it('lists the targets not met with their gap as a JSON count (exact beyond 2^53), and the files not read', () => {
    const unmet = (id: string, needed: bigint | null) =>
      ({ ...t('146/QĐ-TTg', 'not-met'), id, text: `text ${id}`, subject: null, period: '2020', comparator: 'at_least', threshold: 50, value: 32.5, needed }) as TargetAttainment;
    const read = (dataset: string, failed: string | null) => ({ dataset, file: `${dataset}.csv`, given: false, encoding: null, rowsRead: 0, rowsKept: 0, rowsExcluded: 0, failed });
    const s = summariseAttainment({
      ...report,
      targets: [unmet('a', 12n), t('146/QĐ-TTg', 'met'), unmet('b', 2n ** 60n), unmet('c', null)],
      data: { reads: [read('staff', 'the file staff.csv does not exist'), read('coverage', null)], issues: [], issueCounts: [] },
    });
    expect(s.unmet.map((u) => [u.id, u.needed])).toEqual([
      ['a', 12],
      ['b', '1152921504606846976'],
      ['c', null],
    ]);
    expect(s.unmet[0]).toEqual({ decision: '146/QĐ-TTg', id: 'a', text: 'text a', subject: null, period: '2020', comparator: 'at_least', threshold: 50, value: 32.5, needed: 12 });
    expect(s.unread).toEqual([{ dataset: 'staff', file: 'staff.csv', reason: 'the file staff.csv does not exist' }]);
  });

  it('renders as text', () => {
    expect(attainmentSummaryAsText(summariseAttainment(report), { ...PLAIN, lang: 'en' })).toBe(
      ['Targets (5, as of 2025-12-31): 2 met, 1 not met, 1 in progress, 1 no data', '  456/QĐ-BHXH: 1 met, 1 not met, 0 in progress, 1 no data', '  146/QĐ-TTg: 1 met, 0 not met, 1 in progress, 0 no data', ''].join('\n'),
    );
  });
});
