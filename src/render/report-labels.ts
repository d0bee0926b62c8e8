// The fixed words of `plan report` in Vietnamese (default, as `plan render`) and English: headings,
// column headers, statuses, sentences. Content from the plan files and the data stays as written.

import type { AttainmentStatus } from '../report/attainment/attainment.js';
import type { Breakdown } from '../report/attainment/breakdown.js';
import type { StatusCounts } from '../report/attainment/summary.js';
import type { DerivedState } from '../report/task-state.js';
import { STATE_VI } from './appendix-labels.js';
import { formatCount } from './attainment-labels.js';
import { STATE_WORDS } from './labels.js';
import { dayPhrase } from './i18n/format.js';
import { formatInt } from './i18n/format.js';

export interface ReportWords {
  title: string;
  asOf: (day: string) => string;
  window: (days: number) => string;
  decisionLine: string;
  contents: string;
  sections: { summary: string; overdue: string; dueSoon: (days: number) => string; duties: string; attainment: string; appendices: string };
  col: {
    decision: string;
    title: string;
    tasks: string;
    reportsOverdue: string;
    item: string;
    task: string;
    lead: string;
    leader: string;
    /** The body a reporting duty reports to (a task has none). */
    recipient: string;
    due: string;
    state: string;
    duty: string;
    fromTo: string;
    deadlines: string;
    years: string;
    submitted: string;
    overduePeriods: string;
    next: string;
    target: string;
    period: string;
    value: string;
    threshold: string;
    status: string;
    needed: string;
    note: string;
    count: string;
    dataset: string;
    file: string;
    rows: string;
  };
  total: string;
  state: Record<DerivedState, string>;
  status: Record<AttainmentStatus, string>;
  by: Record<Breakdown, string>;
  nothingOverdue: string;
  nothingDueSoon: string;
  noDuties: string;
  noTargets: string;
  noneLeft: (last: number) => string;
  nextIn: (days: number) => string;
  submittedOf: (done: number, all: number) => string;
  reportOf: (period: string) => string;
  periodsOverdue: (periods: string[]) => string;
  counts: (c: StatusCounts) => string;
  noDataAtAll: (reasons: string) => string;
  unread: (dataset: string, reason: string) => string;
  dataRead: (rows: number, excluded: number) => string;
  synthetic: string;
  syntheticNotice: (files: string) => string;
  over: (amount: bigint) => string;
  unreachable: string;
  suppressedCell: (minCell: number) => string;
  protectsAnother: string;
  suppressedNote: (n: number, groups: number, small: number, minCell: number, complementary: number) => string;
  suppressedTotal: (cells: number, breakdowns: number, minCell: number) => string;
  noneSuppressed: (breakdowns: number, minCell: number) => string;
  breakdownTitle: (target: string, by: Breakdown) => string;
  chartStates: string;
  chartTargets: string;
  chartTargetsNote: string;
  made: (asOf: string) => string;
}

const VI: ReportWords = {
  title: 'Báo cáo tình hình thực hiện kế hoạch',
  asOf: (d) => `Tính đến ${dayPhrase(d, 'vi')}`,
  window: (n) => `sắp đến hạn: trong ${formatInt(n, 'vi')} ngày tới`,
  decisionLine: 'Quyết định',
  contents: 'Mục lục',
  sections: {
    summary: 'Tổng hợp theo quyết định',
    overdue: 'Nhiệm vụ và báo cáo quá hạn',
    dueSoon: (n) => `Sắp đến hạn (trong ${formatInt(n, 'vi')} ngày tới)`,
    duties: 'Chế độ báo cáo định kỳ',
    attainment: 'Kết quả thực hiện chỉ tiêu',
    appendices: 'Phụ lục kèm tình trạng thực hiện',
  },
  col: {
    decision: 'Quyết định',
    title: 'Trích yếu',
    tasks: 'Số nhiệm vụ',
    reportsOverdue: 'Báo cáo quá hạn',
    item: 'Mục',
    task: 'Nội dung',
    lead: 'Đơn vị chủ trì',
    leader: 'Lãnh đạo phụ trách',
    recipient: 'Nơi nhận báo cáo',
    due: 'Hạn',
    state: 'Tình trạng',
    duty: 'Báo cáo',
    fromTo: 'Đơn vị báo cáo → nơi nhận',
    deadlines: 'Thời hạn',
    years: 'Các năm',
    submitted: 'Đã nộp',
    overduePeriods: 'Kỳ quá hạn',
    next: 'Kỳ tiếp theo',
    target: 'Chỉ tiêu',
    period: 'Kỳ đánh giá',
    value: 'Kết quả',
    threshold: 'Mục tiêu',
    status: 'Đánh giá',
    needed: 'Còn thiếu',
    note: 'Ghi chú',
    count: 'Số người',
    dataset: 'Dữ liệu',
    file: 'Tệp',
    rows: 'Số dòng',
  },
  total: 'Tổng cộng',
  state: STATE_VI,
  status: { met: 'Đạt', 'not-met': 'Chưa đạt', 'in-progress': 'Chưa hết kỳ', 'no-data': 'Không có dữ liệu' },
  by: { unit: 'Đơn vị', level: 'Cấp', province: 'Tỉnh, thành phố', 'unit-kind': 'Loại đơn vị' },
  nothingOverdue: 'Không có nhiệm vụ hoặc báo cáo nào quá hạn.',
  nothingDueSoon: 'Không có nhiệm vụ hoặc báo cáo nào sắp đến hạn.',
  noDuties: 'Không có chế độ báo cáo định kỳ.',
  noTargets: 'Không có chỉ tiêu.',
  noneLeft: (last) => `không còn kỳ nào (đến năm ${last})`,
  nextIn: (d) => (d === 0 ? 'đến hạn hôm nay' : `còn ${d} ngày`),
  submittedOf: (done, all) => `${done}/${all} kỳ`,
  reportOf: (p) => `Báo cáo kỳ ${p}`,
  periodsOverdue: (ps) => `${ps.length} kỳ: ${ps.join(', ')}`,
  counts: (c) => `${c.total} chỉ tiêu: ${c.met} đạt, ${c.notMet} chưa đạt, ${c.inProgress} chưa hết kỳ, ${c.noData} không có dữ liệu`,
  noDataAtAll: (reasons) => `Không đánh giá được chỉ tiêu nào: không có dữ liệu (${reasons}).`,
  unread: (ds, reason) => `Không có dữ liệu ${ds}: ${reason}`,
  dataRead: (rows, excluded) => `${formatCount(BigInt(rows), 'vi')} dòng${excluded > 0 ? `, loại ${formatCount(BigInt(excluded), 'vi')} dòng lỗi` : ''}`,
  synthetic: 'dữ liệu mẫu tổng hợp, không phải số liệu thật',
  syntheticNotice: (files) => `Lưu ý: ${files} là dữ liệu mẫu tổng hợp đi kèm công cụ; các số liệu tính từ đó không phải số liệu thật.`,
  over: (n) => `vượt ${formatCount(n, 'vi')}`,
  unreachable: 'không thể đạt',
  suppressedCell: (m) => `ẩn (dưới ${m} người)`,
  protectsAnother: 'ẩn (bảo vệ nhóm khác)',
  suppressedNote: (n, groups, small, m, comp) => `${n}/${groups} nhóm bị ẩn: ${small} nhóm dưới ${m} người, ${comp} nhóm ẩn thêm để tổng số không làm lộ các nhóm đó.`,
  suppressedTotal: (cells, b, m) => `Tổng cộng ${cells} ô bị ẩn trong ${b} bảng phân tổ (ngưỡng công bố: ${m} người).`,
  noneSuppressed: (b, m) => `Không ô nào bị ẩn trong ${b} bảng phân tổ (ngưỡng công bố: ${m} người).`,
  breakdownTitle: (t, by) => `${t} theo ${VI_BY_LOWER[by]}`,
  chartStates: 'Nhiệm vụ theo tình trạng, từng quyết định',
  chartTargets: 'Kết quả so với mục tiêu, từng chỉ tiêu',
  chartTargetsNote: 'Các chỉ tiêu có ngưỡng bằng số; vạch đen là mục tiêu.',
  made: (d) => `Lập bằng plan từ các tệp kế hoạch, tính đến ${dayPhrase(d, 'vi')}.`,
};

const VI_BY_LOWER: Record<Breakdown, string> = { unit: 'đơn vị', level: 'cấp', province: 'tỉnh, thành phố', 'unit-kind': 'loại đơn vị' };

const EN: ReportWords = {
  title: 'Plan implementation report',
  asOf: (d) => `As of ${d}`,
  window: (n) => `due soon: within ${formatInt(n, 'en')} days`,
  decisionLine: 'Decision',
  contents: 'Contents',
  sections: {
    summary: 'Summary by decision',
    overdue: 'Overdue tasks and reports',
    dueSoon: (n) => `Due within ${n} days`,
    duties: 'Reporting duties',
    attainment: 'Target attainment',
    appendices: 'Appendices with state',
  },
  col: {
    decision: 'Decision',
    title: 'Title',
    tasks: 'Tasks',
    reportsOverdue: 'Reports overdue',
    item: 'Item',
    task: 'Task',
    lead: 'Lead unit',
    leader: 'Leader',
    recipient: 'Reports to',
    due: 'Due',
    state: 'State',
    duty: 'Duty',
    fromTo: 'From → to',
    deadlines: 'Deadlines',
    years: 'Years',
    submitted: 'Submitted',
    overduePeriods: 'Overdue periods',
    next: 'Next',
    target: 'Target',
    period: 'Period',
    value: 'Value',
    threshold: 'Threshold',
    status: 'Status',
    needed: 'Needed',
    note: 'Note',
    count: 'People',
    dataset: 'Dataset',
    file: 'File',
    rows: 'Rows',
  },
  total: 'Total',
  state: STATE_WORDS,
  status: { met: 'met', 'not-met': 'not met', 'in-progress': 'in progress', 'no-data': 'no data' },
  by: { unit: 'Unit', level: 'Level', province: 'Province', 'unit-kind': 'Unit kind' },
  nothingOverdue: 'Nothing is overdue.',
  nothingDueSoon: 'Nothing falls due in the window.',
  noDuties: 'No reporting duties.',
  noTargets: 'No targets.',
  noneLeft: (last) => `none left (runs to ${last})`,
  nextIn: (d) => (d === 0 ? 'due today' : `in ${d}d`),
  submittedOf: (done, all) => `${done} of ${all}`,
  reportOf: (p) => `Report ${p}`,
  periodsOverdue: (ps) => `${ps.length}: ${ps.join(', ')}`,
  counts: (c) => `${c.total} target${c.total === 1 ? '' : 's'}: ${c.met} met, ${c.notMet} not met, ${c.inProgress} in progress, ${c.noData} no data`,
  noDataAtAll: (reasons) => `No target could be measured: no data (${reasons}).`,
  unread: (ds, reason) => `No data from ${ds}: ${reason}`,
  dataRead: (rows, excluded) => `${formatCount(BigInt(rows), 'en')} rows${excluded > 0 ? `, ${formatCount(BigInt(excluded), 'en')} bad rows excluded` : ''}`,
  synthetic: 'synthetic sample data, not real figures',
  syntheticNotice: (files) => `Note: ${files} is the bundled synthetic sample; figures measured on it are not real.`,
  over: (n) => `${formatCount(n, 'en')} over`,
  unreachable: 'unreachable',
  suppressedCell: (m) => `suppressed (< ${m})`,
  protectsAnother: 'suppressed (protects another)',
  suppressedNote: (n, groups, small, m, comp) => `${n} of ${groups} groups suppressed: ${small} with fewer than ${m} people, ${comp} more so that a total cannot reveal them.`,
  suppressedTotal: (cells, b, m) => `In all, ${cells} cell${cells === 1 ? '' : 's'} suppressed across ${b} breakdown${b === 1 ? '' : 's'} (disclosure threshold: ${m} people).`,
  noneSuppressed: (b, m) => `No cell suppressed in ${b} breakdown${b === 1 ? '' : 's'} (disclosure threshold: ${m} people).`,
  breakdownTitle: (t, by) => `${t} by ${by}`,
  chartStates: 'Tasks by state per decision',
  chartTargets: 'Value against threshold per target',
  chartTargetsNote: 'Targets with a numeric threshold; the black mark is the threshold.',
  made: (d) => `Made with plan from the plan files, as of ${d}.`,
};

export function reportWords(lang: 'vi' | 'en'): ReportWords {
  return lang === 'en' ? EN : VI;
}
