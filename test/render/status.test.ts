import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanSet } from '../../src/model/plan-set.js';
import { buildStatusReport, type AttainmentSummary, type StatusReport } from '../../src/report/status.js';
import { STATUS_FORMATS, statusAsCsv, statusAsJson, statusAsMarkdown, statusAsFullText as statusAsText } from '../../src/render/status.js';
import { loadFixturePlans, STATUS_PLANS } from '../helpers/plans.js';

const ANSI = /\u001b\[[0-9;]*m/g;
let report: StatusReport;
let plans: PlanSet;
beforeAll(async () => {
  plans = await loadFixturePlans(STATUS_PLANS);
  report = buildStatusReport(plans, '2025-11-20', {});
});

// These tests read the English words of the whole list (--full); the Vietnamese summary has its own tests.
const ctx = (width: number, color = false) => ({ width, color, lang: 'en' as const });

describe('status as text', () => {
  it.each([40, 60, 80, 120])('fits %i columns', (width) => {
    for (const line of statusAsText(report, ctx(width)).split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
  });

  it('uses colour only when the context allows it, and colour changes nothing else', () => {
    const plain = statusAsText(report, ctx(80));
    const coloured = statusAsText(report, ctx(80, true));
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(/\u001b\[31m/); // overdue in red
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  it('shows each part of a decision', () => {
    const text = statusAsText(report, ctx(80));
    expect(text).toContain('900/QĐ-TEST  Kế hoạch thử nghiệm giai đoạn 2023 - 2025');
    expect(text).toMatch(/15 tasks: 3 overdue · 1 due soon · 2 open · 4 ongoing ·\s+2 waiting ·\s+2 done \(1 late\) · 1 cancelled/);
    expect(text).toMatch(/2\.8 +overdue 324d +due 2024-12-31 +Vụ B · PTGĐ Trần Thị Hai/);
    expect(text).toMatch(/2\.7 +on task 2\.8/);
    expect(text).toContain('Stale (2): ongoing, no progress note since 2025-05-20');
    expect(text).toMatch(/2025-H2 +overdue 6d +due 2025-11-14/);
    expect(text).toMatch(/2025 +next, in 41d +due 2025-12-31/);
  });

  it('says so when nothing matches', () => {
    expect(statusAsText({ ...report, decisions: [] }, ctx(80))).toContain('Nothing matches.');
  });
});

describe('the attainment section', () => {
  const attainment: AttainmentSummary = {
    asOf: '2025-11-20',
    year: null,
    total: 3,
    met: 1,
    notMet: 1,
    inProgress: 0,
    noData: 1,
    decisions: [{ decision: '900/QĐ-TEST', total: 3, met: 1, notMet: 1, inProgress: 0, noData: 1 }],
    unmet: [{ decision: '900/QĐ-TEST', id: 'ti-le-dao-tao', text: 'Đạt 80% | "tối thiểu" <b>', subject: null, period: '2025', comparator: 'at_least', threshold: 80, value: 75, needed: 12 }],
    unread: [{ dataset: 'coverage', file: 'stats/coverage.csv', reason: 'the file stats/coverage.csv does not exist' }],
  };

  // The text formats (the workbook has its own test, test/cli/xlsx.test.ts).
  const TEXT = (Object.keys(STATUS_FORMATS) as (keyof typeof STATUS_FORMATS)[]).filter((f) => f !== 'xlsx');
  it.each(TEXT)('%s shows it only when present', (format) => {
    // The table's whole list (--full) gives each target not met with its figures; the summary names them only.
    const render = format === 'table' ? statusAsText : STATUS_FORMATS[format];
    expect(render(report, ctx(80))).not.toContain('ti-le-dao-tao');
    const out = render({ ...report, attainment }, ctx(80));
    expect(out).toContain('ti-le-dao-tao');
    // The 12 more people the hand-built summary says are needed, as each format writes it.
    const needed = { table: '· +12 needed', md: '| 75.0% | ≥ 80% | +12 |', csv: 'target,900/QĐ-TEST,target,ti-le-dao-tao,2025,not-met,12,', json: '"needed": 12' }[format];
    expect(out).toContain(needed);
    expect(out).toContain('stats/coverage.csv does not exist');
  });

  it('text: the counts, each target not met with its value, threshold and gap, and unread files', () => {
    const text = statusAsText({ ...report, attainment }, ctx(100));
    expect(text).toContain('3 targets (as of 2025-11-20): 1 met · 1 not met · 0 in progress · 1 no data');
    expect(text).toMatch(/900\/QĐ-TEST ti-le-dao-tao {2}75\.0% against ≥ 80% · 2025 · \+12 needed/);
    expect(text).toContain('no data from coverage: the file stats/coverage.csv does not exist');
  });

  it.each([40, 60, 80])('text with targets fits %i columns', (width) => {
    for (const line of statusAsText({ ...report, attainment }, ctx(width)).split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
  });

  it('text: nothing measured reads "no data" with the reason, not a row of zeros', () => {
    const none = { ...attainment, met: 0, notMet: 0, noData: 3, unmet: [] };
    expect(statusAsText({ ...report, attainment: none }, ctx(100))).toContain('3 targets (as of 2025-11-20): no data (coverage: the file stats/coverage.csv does not exist)');
  });

  it('Markdown escapes the target text', () => {
    const md = statusAsMarkdown({ ...report, attainment }, ctx(80));
    expect(md).toContain('| 900/QĐ-TEST | ti-le-dao-tao: Đạt 80% \\| "tối thiểu" &lt;b&gt; | 2025 | 75.0% | ≥ 80% | +12 |');
  });

  it('CSV: counts per decision and status, targets not met with what they need, unread files', () => {
    const csv = statusAsCsv({ ...report, attainment }, ctx(80));
    expect(csv).toContain('target-count,900/QĐ-TEST,target,,,not-met,1,');
    expect(csv).toContain('target,900/QĐ-TEST,target,ti-le-dao-tao,2025,not-met,12,');
    expect(csv).toContain('data,,data,coverage,,no-data,');
  });

  it('the JSON is the report itself', () => {
    const json = JSON.parse(statusAsJson({ ...report, attainment }, ctx(80))) as Record<string, unknown>;
    expect(json['schemaVersion']).toBe(1);
    expect(json['attainment']).toEqual(attainment);
  });
});

describe('status as Markdown and CSV', () => {
  it('escapes table cells', () => {
    const md = statusAsMarkdown(report, ctx(80));
    expect(md).toContain('## 900/QĐ-TEST: Kế hoạch thử nghiệm giai đoạn 2023 - 2025');
    expect(md).toContain('| 2.8 | Xây dựng Kế hoạch kiểm tra | Vụ B | PTGĐ Trần Thị Hai | 2024-12-31 | overdue 324d |');
  });

  it('is one table with a section column', () => {
    const csv = statusAsCsv(report, ctx(80));
    expect(csv.startsWith('\uFEFFsection,decision,kind,id,period,state,count,')).toBe(true);
    expect(csv).toContain('count,900/QĐ-TEST,task,,,overdue,3,');
    expect(csv).toContain('overdue,900/QĐ-TEST,task,2.8,,overdue,,324,');
    expect(csv).toContain('reporting,900/QĐ-TEST,reporting,bao-cao-6-thang,2025-H2,overdue,,6,');
    expect(csv.split('\r\n').filter(Boolean).every((l) => l.split(',').length >= 15)).toBe(true);
  });
});
