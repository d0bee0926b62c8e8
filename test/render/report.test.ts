import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanSet } from '../../src/model/plan-set.js';
import type { AttainmentReport, TargetAttainment } from '../../src/report/attainment/attainment.js';
import { buildReportDocument, type ReportDocument } from '../../src/report/report.js';
import { reportAsHtml } from '../../src/render/report-html.js';
import { reportAsMarkdown } from '../../src/render/report-md.js';
import { neededText, suppressionTotal, targetsTable } from '../../src/render/report-view.js';
import { reportWords } from '../../src/render/report-labels.js';
import { loadFixturePlans } from '../helpers/plans.js';

const ctx = (lang: 'vi' | 'en') => ({ color: false, width: 100, lang });

function target(over: Partial<TargetAttainment>): TargetAttainment {
  return {
    decision: '1/QĐ-TEST', decisionKey: 'qd-1-test-2024', id: 't', text: 'Tỷ lệ', subject: null, short: null, section: '1', kind: 'numeric', comparator: 'at_least', threshold: 80, every: 'year', by: null,
    period: '2024', from: '2024-01-01', to: '2024-12-31', final: true, measure: { kind: 'people', dataset: 'staff', file: 'staff.csv', note: null },
    numerator: 70n, denominator: 100n, value: 70, met: false, needed: 10n, status: 'not-met', reason: null, dataYear: null, breakdown: null, trajectory: null, ...over,
  };
}

let plans: PlanSet;
let doc: ReportDocument;
beforeAll(async () => {
  plans = await loadFixturePlans('test/fixtures/render/plans');
  const a: AttainmentReport = {
    asOf: '2024-12-01', year: null, by: 'unit', minCell: 5, data: { reads: [], issues: [], issueCounts: [] },
    targets: [
      target({ id: 'a', breakdown: { by: 'unit', minCell: 5, suppressedSmall: 1, suppressedComplementary: 1, groups: [
        { key: 'vu-a', label: 'Vụ <b>A</b>', numerator: 40n, denominator: 50n, value: 80, met: true, needed: 0n, suppressed: null },
        { key: 'vu-b', label: 'Vụ B', numerator: null, denominator: null, value: null, met: null, needed: null, suppressed: 'small' },
        { key: 'vu-c', label: 'Vụ C', numerator: null, denominator: null, value: null, met: null, needed: null, suppressed: 'complementary' },
      ] } }),
      target({ id: 'b', comparator: 'at_most', threshold: 2, value: 3, needed: 2_500_000n }),
      target({ id: 'c', status: 'in-progress', final: false, met: true, needed: 0n, value: 90, reason: { code: 'running', until: '2024-12-31' } }),
      target({ id: 'd', status: 'no-data', value: null, met: null, needed: null, numerator: null, denominator: null, reason: { code: 'no-measure' } }),
    ],
  };
  doc = buildReportDocument(plans, { asOf: '2024-12-01', within: 30, sel: {}, attainment: a });
});

describe('the report table view', () => {
  it.each([
    ['vi', ['+10', 'vượt 2.500.000', '—', '']],
    ['en', ['+10', '2,500,000 over', '—', '']],
  ] as const)('what is needed reads in %s', (lang, expected) => {
    expect(doc.attainment.targets.map((t) => neededText(t, reportWords(lang)))).toEqual(expected);
  });

  it('statuses and reasons in the chosen language', () => {
    const vi = targetsTable(doc.attainment, ctx('vi'));
    expect(vi.rows.map((r) => r.cells[5]!.text)).toEqual(['Chưa đạt', 'Chưa đạt', 'Chưa hết kỳ', 'Không có dữ liệu']);
    expect(vi.rows[3]!.cells[7]).toEqual({ text: 'chưa mã hóa cách đo chỉ tiêu này' });
    expect(targetsTable(doc.attainment, ctx('en')).rows[3]!.cells[7]).toEqual({ text: 'no measure is encoded for this target', lang: 'en' });
  });

  it('counts the suppressed cells of every breakdown', () => {
    expect(suppressionTotal(doc.attainment, ctx('en'))).toBe('In all, 2 cells suppressed across 1 breakdown (disclosure threshold: 5 people).');
  });
});

describe('reportAsMarkdown and reportAsHtml', () => {
  it('Markdown: a breakdown per target, suppressed groups marked, labels escaped', () => {
    const md = reportAsMarkdown(doc, ctx('en'));
    expect(md).toContain('#### 1/QĐ-TEST a by unit');
    expect(md).toContain('| Vụ &lt;b&gt;A&lt;/b&gt; | 80.0% | 40 / 50 | met | — |');
    expect(md).toContain('| Vụ B | suppressed (&lt; 5) |  |  |  |');
    expect(md).toContain('| Vụ C | suppressed (protects another) |  |  |  |');
    expect(md).toContain('_2 of 3 groups suppressed: 1 with fewer than 5 people, 1 more so that a total cannot reveal them._');
  });

  it('HTML: the same rows as Markdown, in tables of their own kind', () => {
    const html = reportAsHtml(doc, ctx('en'));
    const rows = (kind: string) => (new RegExp(`<table class="report report-${kind}">([\\s\\S]*?)</table>`).exec(html)?.[1]?.match(/<tr[\s>]/g)?.length ?? 0) - 1;
    expect(rows('targets')).toBe(4);
    expect(rows('breakdown')).toBe(3);
    expect(rows('overdue')).toBe(doc.overdue.items.filter((i) => i.state === 'overdue').length);
    expect(html).toContain('<td class="group">Vụ &lt;b&gt;A&lt;/b&gt;</td>');
    // Fixed words in English are marked so; the page's content language stays Vietnamese.
    expect(html).toMatch(/<html lang="vi">/);
    expect(html).toContain('<h1 lang="en">Plan implementation report</h1>');
  });

  it('in-progress targets are drawn in their own colour in the chart; no-data rows have no bar', () => {
    const html = reportAsHtml(doc, ctx('vi'));
    expect(html).toContain('class="target target-in-progress"');
    expect(html.match(/<rect class="value"/g)).toHaveLength(3);
  });
});
