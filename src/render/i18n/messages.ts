// The message catalogue: every code a pure report carries (attainment's reasons, a period still
// running), put into words in Vietnamese and English. Parameters that come from files (names,
// phrases, the plan's own words) are inserted as they are; days and numbers are formatted here.

import type { Reason, ReasonCode } from '../../report/attainment/reasons.js';
import { dayPhrase, formatDay } from './format.js';
import type { Lang } from './lang.js';

type Of<C extends ReasonCode> = Extract<Reason, { code: C }>;
type Say = { [C in ReasonCode]: (r: Of<C>) => string };

const quoted = (cols: string[]) => cols.map((c) => `"${c}"`).join(', ');
const span = (r: Of<'no-figures'>, none: string) => (r.first === null ? none : r.first === r.last ? String(r.first) : `${r.first}–${r.last}`);

const VI: Say = {
  milestone: (r) => (r.by === null ? 'mốc cần đạt, không phải tỷ lệ: không có dữ liệu đo' : `mốc cần đạt đến năm ${r.by}, không phải tỷ lệ: không có dữ liệu đo`),
  'standing-aim': () => 'mục tiêu thường xuyên, không có con số: không đo được',
  'outside-term': (r) => `năm ${r.year} nằm ngoài thời hạn của quyết định (${r.term})`,
  'not-begun': (r) => `năm ${r.year} chưa bắt đầu tính đến ${dayPhrase(r.asOf, 'vi')}`,
  running: (r) => `kỳ đánh giá kéo dài đến ${dayPhrase(r.until, 'vi')}: kết quả tính đến nay`,
  'latest-figures': (r) => `số liệu mới nhất là của năm ${r.year}`,
  'empty-denominator': (r) => `${r.column === null ? 'không có ai trong đối tượng' : `tổng cột "${r.column}" bằng 0`}${r.period ? ` năm ${r.period}` : ''}: không tính được tỷ lệ`,
  'read-failed': (r) => `không đọc được tệp ${r.file}: ${r.error}`,
  'no-events': (r) => `không đọc được dữ liệu đào tạo${r.datasets.length > 0 ? ` (bộ dữ liệu ${r.datasets.join(', ')})` : ''}`,
  'events-empty': (r) => `tệp ${r.file} không có bản ghi đào tạo nào`,
  'events-end': (r) => `dữ liệu đào tạo trong tệp ${r.file} chỉ đến ${dayPhrase(r.lastDay, 'vi')}, trước năm ${r.year}`,
  'missing-columns': (r) => `tệp ${r.file} không có cột ${quoted(r.columns)}`,
  'no-year-column': (r) => `tệp ${r.file} không có cột năm "${r.column}"`,
  'no-figures': (r) => `tệp ${r.file} không có số liệu ${r.orBefore ? `đến năm ${r.year}` : `năm ${r.year}`} (tệp có: ${span(r, 'không có năm nào')})`,
  'no-measure': () => 'chưa mã hóa cách đo chỉ tiêu này',
  'measure-none': (r) => r.text,
  'unknown-dataset': (r) => `không có bộ dữ liệu "${r.dataset}"`,
  'no-data': (r) => `không có dữ liệu cho bộ dữ liệu ${r.dataset}`,
  'not-measurable': () => 'không đo được',
};

const EN: Say = {
  milestone: (r) => (r.by === null ? 'a milestone, not a share: no data measures it' : `a milestone to reach by ${r.by}, not a share: no data measures it`),
  'standing-aim': () => 'a standing aim with no figure: not measurable',
  'outside-term': (r) => `${r.year} is outside the decision's term (${r.term})`,
  'not-begun': (r) => `${r.year} has not begun as of ${formatDay(r.asOf, 'en')}`,
  running: (r) => `the period runs until ${formatDay(r.until, 'en')}: the value so far`,
  'latest-figures': (r) => `the latest figures are for ${r.year}`,
  'empty-denominator': (r) => `${r.column === null ? 'no one in the population' : `the column "${r.column}" totals 0`}${r.period ? ` in ${r.period}` : ''}: the share is undefined`,
  'read-failed': (r) => `${r.file} could not be read: ${r.error}`,
  'no-events': (r) => `no training records were read${r.datasets.length > 0 ? ` (dataset ${r.datasets.join(', ')})` : ''}`,
  'events-empty': (r) => `${r.file} holds no training records`,
  'events-end': (r) => `the training records in ${r.file} end on ${formatDay(r.lastDay, 'en')}, before ${r.year}`,
  'missing-columns': (r) => `${r.file} has no column ${quoted(r.columns)}`,
  'no-year-column': (r) => `${r.file} has no year column "${r.column}"`,
  'no-figures': (r) => `${r.file} has no figures for ${r.orBefore ? `${r.year} or before` : r.year} (it holds ${span(r, 'none')})`,
  'no-measure': () => 'no measure is encoded for this target',
  'measure-none': (r) => r.text,
  'unknown-dataset': (r) => `no dataset "${r.dataset}"`,
  'no-data': (r) => `no data for dataset ${r.dataset}`,
  'not-measurable': () => 'not measurable',
};

/** A reason in words. */
export function reasonText(r: Reason, lang: Lang): string {
  const say = (lang === 'en' ? EN : VI)[r.code] as (x: Reason) => string;
  return say(r);
}

/**
 * Whether a reason's words are the plan file's own (a measure's `none` text): shown as written,
 * whatever the language, so an HTML renderer may mark the language of that text apart.
 */
export function reasonIsPlanText(r: Reason): boolean {
  return r.code === 'measure-none';
}

/** The period a target is evaluated for: "2025", and while it runs "2025 (đến nay)" / "2025 so far". */
export function periodText(t: { period: string | null; final: boolean }, lang: Lang): string {
  if (t.period === null) return '';
  if (t.final) return t.period;
  return lang === 'en' ? `${t.period} so far` : `${t.period} (đến nay)`;
}
