// The fixed words of `plan status` in Vietnamese and English. Content from the plan files (titles,
// units as written, deadline phrases) stays as written; days and numbers go through i18n/format.

import type { Lang } from './i18n/lang.js';
import { formatDay } from './i18n/format.js';
import { formatInt } from './i18n/format.js';

export interface StatusWords {
  head: (asOf: string) => string;
  window: (days: number) => string;
  filter: { decision: string; unit: string; leader: string };
  nothing: string;
  /** Decisions signed after the as-of day, left out. */
  notYetIssued: (asOf: string, ds: { decision: string; signed: string }[]) => string;
  all: (decisions: number) => string;
  tasks: (n: number) => string;
  doneLate: (n: number) => string;
  reportsOverdue: (n: number) => string;
  overdue: (n: number) => string;
  overdueFull: (n: number) => string;
  dueSoon: (n: number, within: number) => string;
  waiting: (n: number) => string;
  waitingOn: string;
  stale: (n: number, since: string) => string;
  /** The same on one summary line, with the day. */
  staleShort: (n: number, since: string) => string;
  lastNote: (day: string) => string;
  noNote: string;
  duties: string;
  more: (n: number) => string;
  due: (day: string) => string;
  /** A duty by its deadline phrase: "báo cáo hàng năm" / "report hàng năm". */
  duty: (deadlines: string) => string;
  runOverdue: (periods: string, n: number) => string;
  nextDueIn: (days: number) => string;
  /** The next instance in the full list, not yet due soon. */
  nextIn: (days: number) => string;
  nextOpen: (day: string, days: number) => string;
  noneLeft: (last: number) => string;
  submitted: (done: number, all: number) => string;
  targets: string;
  targetsHead: (n: number, asOf: string, year: number | null) => string;
  noDataAt: string;
  notMet: (n: number) => string;
  noValue: string;
  against: string;
  needed: (gap: string) => string;
  noDataFrom: (dataset: string, reason: string) => string;
  measuredOn: (files: string) => string;
  synthetic: string;
  syntheticWarning: string;
  syntheticShort: string;
  md: {
    id: string;
    task: string;
    lead: string;
    leader: string;
    due: string;
    state: string;
    waitingOn: string;
    lastNote: string;
    duty: string;
    to: string;
    period: string;
    decision: string;
    targets: string;
    met: string;
    notMet: string;
    inProgress: string;
    noData: string;
    target: string;
    value: string;
    threshold: string;
    needed: string;
    windowLine: (days: number) => string;
    filterLine: (f: string) => string;
  };
}

const VI: StatusWords = {
  head: (d) => `Tình hình thực hiện tính đến ngày ${formatDay(d, 'vi')}`,
  window: (n) => `sắp đến hạn: trong ${formatInt(n, 'vi')} ngày tới`,
  filter: { decision: 'quyết định', unit: 'đơn vị', leader: 'lãnh đạo' },
  nothing: 'Không có gì phù hợp.',
  notYetIssued: (asOf, ds) => `Chưa ban hành tại ngày ${formatDay(asOf, 'vi')}, không tính: ${ds.map((d) => `${d.decision} (ký ngày ${formatDay(d.signed, 'vi')})`).join(', ')}`,
  all: (n) => `Tổng cộng ${n} quyết định`,
  tasks: (n) => `${n} nhiệm vụ`,
  doneLate: (n) => `${n} trễ hạn`,
  reportsOverdue: (n) => `${n} kỳ báo cáo quá hạn`,
  overdue: (n) => `Quá hạn (${n}), trễ nhất trước`,
  overdueFull: (n) => `Quá hạn (${n}), trễ nhất trước`,
  dueSoon: (n, w) => `Đến hạn trong ${formatInt(w, 'vi')} ngày tới (${n})`,
  waiting: (n) => `Chờ sự kiện (${n})`,
  waitingOn: 'chờ',
  stale: (n, since) => `Lâu chưa cập nhật (${n}): thường xuyên, không có ghi nhận tiến độ từ ngày ${formatDay(since, 'vi')}`,
  staleShort: (n, since) => `Không cập nhật từ ${formatDay(since, 'vi')} (${n})`,
  lastNote: (d) => `ghi nhận gần nhất ${formatDay(d, 'vi')}`,
  noNote: 'chưa có',
  duties: 'Báo cáo định kỳ',
  more: (n) => `… và ${n} mục khác (xem plan status --full)`,
  due: (d) => `hạn ${formatDay(d, 'vi')}`,
  duty: (p) => `báo cáo ${p}`,
  runOverdue: (ps, n) => (n === 1 ? `${ps} quá hạn` : `${ps} quá hạn (${n} kỳ)`),
  nextDueIn: (d) => (d === 0 ? 'đến hạn hôm nay' : `đến hạn sau ${d} ngày`),
  nextOpen: (day, d) => `hạn ${formatDay(day, 'vi')} (còn ${d} ngày)`,
  nextIn: (d) => `kỳ tới, còn ${d} ngày`,
  noneLeft: (last) => `không còn kỳ nào (đến năm ${last})`,
  submitted: (done, all) => `đã nộp ${done}/${all} kỳ`,
  targets: 'Chỉ tiêu',
  targetsHead: (n, asOf, year) => `${n} chỉ tiêu (tính đến ngày ${formatDay(asOf, 'vi')}${year !== null ? `, năm ${year}` : ''})`,
  noDataAt: 'không có dữ liệu',
  notMet: (n) => `Chưa đạt (${n})`,
  noValue: 'không có số liệu',
  against: 'so với',
  needed: (gap) => (gap.startsWith('+') ? `còn thiếu ${gap.slice(1)}` : gap),
  noDataFrom: (ds, reason) => `không có dữ liệu ${ds}: ${reason}`,
  measuredOn: (files) => `tính trên: ${files}`,
  synthetic: 'mẫu tổng hợp',
  syntheticShort: 'tính trên dữ liệu mẫu TỔNG HỢP: không phải số liệu thật',
  syntheticWarning: 'dữ liệu mẫu TỔNG HỢP đi kèm công cụ: các số liệu này không phải số liệu thật (dùng --staff, --trainings hoặc --data để có số liệu thật)',
  md: {
    id: 'Mục',
    task: 'Nội dung',
    lead: 'Chủ trì',
    leader: 'Lãnh đạo phụ trách',
    due: 'Hạn',
    state: 'Tình trạng',
    waitingOn: 'Chờ',
    lastNote: 'Ghi nhận gần nhất',
    duty: 'Báo cáo',
    to: 'Nơi nhận',
    period: 'Kỳ',
    decision: 'Quyết định',
    targets: 'Số chỉ tiêu',
    met: 'Đạt',
    notMet: 'Chưa đạt',
    inProgress: 'Chưa hết kỳ',
    noData: 'Không có dữ liệu',
    target: 'Chỉ tiêu',
    value: 'Kết quả',
    threshold: 'Mục tiêu',
    needed: 'Còn thiếu',
    windowLine: (n) => `Sắp đến hạn: trong ${formatInt(n, 'vi')} ngày tới.`,
    filterLine: (f) => `Lọc: ${f}.`,
  },
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const EN: StatusWords = {
  head: (d) => `Status as of ${d}`,
  window: (n) => `due soon: within ${formatInt(n, 'en')} days`,
  filter: { decision: 'decision', unit: 'unit', leader: 'leader' },
  nothing: 'Nothing matches.',
  notYetIssued: (asOf, ds) => `Not yet issued on ${asOf}, left out: ${ds.map((d) => `${d.decision} (signed ${d.signed})`).join(', ')}`,
  all: (n) => `All ${plural(n, 'decision')}`,
  tasks: (n) => plural(n, 'task'),
  doneLate: (n) => `${n} late`,
  reportsOverdue: (n) => `${plural(n, 'report')} overdue`,
  overdue: (n) => `Overdue (${n}), most late first`,
  overdueFull: (n) => `Overdue (${n}), most late first`,
  dueSoon: (n, w) => `Due within ${formatInt(w, 'en')} days (${n})`,
  waiting: (n) => `Waiting (${n})`,
  waitingOn: 'on',
  stale: (n, since) => `Stale (${n}): ongoing, no progress note since ${since}`,
  staleShort: (n, since) => `No note since ${since} (${n})`,
  lastNote: (d) => `last note ${d}`,
  noNote: 'none',
  duties: 'Reporting duties',
  more: (n) => `… and ${n} more (see plan status --full)`,
  due: (d) => `due ${d}`,
  duty: (p) => `report ${p}`,
  runOverdue: (ps, n) => (n === 1 ? `${ps} overdue` : `${ps} overdue (${n} periods)`),
  nextDueIn: (d) => (d === 0 ? 'due today' : `due in ${d} days`),
  nextOpen: (day, d) => `due ${day} (in ${d} days)`,
  nextIn: (d) => `next, in ${d}d`,
  noneLeft: (last) => `none left (the duty runs to ${last})`,
  submitted: (done, all) => `${done} of ${all} submitted`,
  targets: 'Targets',
  targetsHead: (n, asOf, year) => `${plural(n, 'target')} (as of ${asOf}${year !== null ? `, year ${year}` : ''})`,
  noDataAt: 'no data',
  notMet: (n) => `Not met (${n})`,
  noValue: 'no value',
  against: 'against',
  needed: (gap) => (gap.startsWith('+') ? `${gap} needed` : gap),
  noDataFrom: (ds, reason) => `no data from ${ds}: ${reason}`,
  measuredOn: (files) => `measured on: ${files}`,
  synthetic: 'synthetic',
  syntheticShort: 'measured on the SYNTHETIC sample: not real figures',
  syntheticWarning: 'the bundled SYNTHETIC sample data: these figures are not real (give --staff, --trainings or --data for real ones)',
  md: {
    id: 'ID',
    task: 'Task',
    lead: 'Lead',
    leader: 'Leader',
    due: 'Due',
    state: 'State',
    waitingOn: 'Waiting on',
    lastNote: 'Last note',
    duty: 'Duty',
    to: 'To',
    period: 'Period',
    decision: 'Decision',
    targets: 'Targets',
    met: 'Met',
    notMet: 'Not met',
    inProgress: 'In progress',
    noData: 'No data',
    target: 'Target',
    value: 'Value',
    threshold: 'Threshold',
    needed: 'Needed',
    windowLine: (n) => `Due soon: within ${formatInt(n, 'en')} days.`,
    filterLine: (f) => `Filter: ${f}.`,
  },
};

export function statusWords(lang: Lang): StatusWords {
  return lang === 'en' ? EN : VI;
}
