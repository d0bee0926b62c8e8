// The period language: Vietnamese and ISO phrases → Period (DESIGN.md, "The period language").

import type { Period, Recurrence } from '../model/period.js';
import { addDays, daysInMonth, formatDay, isCalendarDay } from './calendar.js';
import { editDistance } from './edit-distance.js';

export type PeriodResult =
  | { ok: true; period: Period }
  | { ok: false; code: 'PERIOD_UNKNOWN' | 'PERIOD_INVALID'; message: string; hint?: string };

/** The accepted forms, listed in the hint of every PERIOD_UNKNOWN finding. */
export const ACCEPTED_FORMS = [
  'Tháng 01/2024 · 2024-01',
  'Tháng 3-4/2026 · Tháng 3, 4/2026 · Tháng 3/2026 - Tháng 6/2026',
  'Quý III/2023 · Quý 01/2024 · 2023-Q3',
  'Quý I, II/2026 · Quý I-II/2026 · Quý I - Quý III/2026',
  '6 tháng đầu năm 2024 · 9 tháng đầu năm 2026 · 2024-H1',
  'Đầu năm 2026 · Giữa năm 2026 · Cuối năm 2026',
  'Năm 2025 · Trong năm 2026 · Cả năm 2026 · 2025',
  '2022 - 2025 · 2022..2025',
  '30/6/2024 · 2024-06-30 · Trước ngày 30/6/2026 · Chậm nhất ngày 30/6/2026',
  'Hoàn thành trong Quý II/2026',
  'trước ngày 15 tháng 11',
  'Thường xuyên · Từ năm 2026 · Năm 2025 và các năm tiếp theo',
  'Hằng năm · Hằng quý · Hằng tháng · Định kỳ 6 tháng',
  'Sau khi … · Theo …',
];

/** One example of each form, in the language users write; the nearest are quoted for a phrase that does not read. */
const EXAMPLES = [
  'Tháng 01/2024',
  'Tháng 3-4/2026',
  'Tháng 3, 4/2026',
  'Tháng 3/2026 - Tháng 6/2026',
  'Quý III/2023',
  'Quý I, II/2026',
  'Quý I - Quý III/2026',
  '6 tháng đầu năm 2024',
  '6 tháng cuối năm 2024',
  '9 tháng đầu năm 2026',
  'Đầu năm 2026',
  'Giữa năm 2026',
  'Cuối năm 2026',
  'Năm 2025',
  'Trong năm 2026',
  'Cả năm 2026',
  '2022 - 2025',
  '30/6/2024',
  'ngày 30 tháng 6 năm 2024',
  'Trước ngày 30/6/2026',
  'Chậm nhất ngày 30/6/2026',
  'Hoàn thành trong Quý II/2026',
  'trước ngày 15 tháng 11',
  'Thường xuyên',
  'Từ năm 2026',
  'Năm 2025 và các năm tiếp theo',
  'Hằng năm',
  'Hằng quý',
  'Hằng tháng',
  'Định kỳ 6 tháng',
  'Sau khi …',
  'Theo …',
  '2024-06-30',
  '2023-Q3',
  '2024-H1',
];

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };

/**
 * Lower-cases, drops diacritics (so NFD input, old tone placement "qúy"/"quí" and text typed
 * without marks all read alike), folds dashes and spaces, and drops a trailing full stop.
 */
function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\.$/, '')
    .replace(/\bqui\b/g, 'quy');
}

/** A phrase's shape for "nearest form": digits and Roman numerals stand for any number. */
function shape(folded: string): string {
  return folded.replace(/\d+/g, '9').replace(/\b[ivx]+\b/g, 'R').replace(/…/g, '').trim();
}

const EXAMPLE_SHAPES = EXAMPLES.map((e) => ({ text: e, shape: shape(normalise(e)) }));
/** Only the start of a long phrase is compared: a form is short, and the cost stays bounded. */
const NEAREST_PREFIX = 48;

/** The accepted forms closest to an unreadable phrase, nearest first. */
export function nearestForms(text: string, count = 3): string[] {
  const s = shape(normalise(text)).slice(0, NEAREST_PREFIX);
  const words = new Set(s.split(/[^a-z]+/).filter((w) => w.length > 1));
  // A shared word ("trước", "quý") counts for more than its letters: it names the form.
  const score = (e: string) => editDistance(s, e.slice(0, NEAREST_PREFIX)) - 4 * e.split(/[^a-z]+/).filter((w) => words.has(w)).length;
  return EXAMPLE_SHAPES.map((e, i) => ({ e, i, d: score(e.shape) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, count)
    .map((x) => x.e.text);
}

function unknown(text: string): PeriodResult {
  const near = nearestForms(text);
  return {
    ok: false,
    code: 'PERIOD_UNKNOWN',
    message: `cannot read the period "${text}"; nearest accepted forms: ${near.map((n) => `"${n}"`).join(', ')}`,
    hint: `accepted forms: ${ACCEPTED_FORMS.join('; ')}`,
  };
}

function invalid(text: string, why: string): PeriodResult {
  return { ok: false, code: 'PERIOD_INVALID', message: `"${text}" is not a period: ${why}` };
}

function ok(text: string, kind: Period['kind'], from: string | null, to: string | null, extra: Partial<Period> = {}): PeriodResult {
  return { ok: true, period: { text, kind, from, to, ...extra } };
}

function checkYear(text: string, y: number): PeriodResult | undefined {
  return y >= 1900 && y <= 2200 ? undefined : invalid(text, `year ${y} is out of range (1900–2200)`);
}

function monthPeriod(text: string, month: number, year: number): PeriodResult {
  if (month < 1 || month > 12) return invalid(text, `month ${month} is not 1–12`);
  return checkYear(text, year) ?? ok(text, 'month', formatDay(year, month, 1), formatDay(year, month, daysInMonth(year, month)));
}

function quarterNumber(token: string): number | undefined {
  if (/^\d{1,2}$/.test(token)) return Number(token);
  return ROMAN[token];
}

function quarterPeriod(text: string, token: string, year: number): PeriodResult {
  const q = quarterNumber(token);
  if (q === undefined) return invalid(text, `"${token.toUpperCase()}" is not a quarter number`);
  if (q < 1 || q > 4) return invalid(text, `quarter ${token.toUpperCase()} is not I–IV (or 1–4)`);
  const first = (q - 1) * 3 + 1;
  return checkYear(text, year) ?? ok(text, 'quarter', formatDay(year, first, 1), formatDay(year, first + 2, daysInMonth(year, first + 2)));
}

function halfPeriod(text: string, half: 1 | 2, year: number): PeriodResult {
  return checkYear(text, year) ?? ok(text, 'half', formatDay(year, half === 1 ? 1 : 7, 1), formatDay(year, half === 1 ? 6 : 12, half === 1 ? 30 : 31));
}

function yearPeriod(text: string, year: number): PeriodResult {
  return checkYear(text, year) ?? ok(text, 'year', formatDay(year, 1, 1), formatDay(year, 12, 31));
}

/** Months `first`..`last` of a year as one period (kind range), or the plain kind when it is one. */
function monthsPeriod(text: string, first: number, last: number, year: number): PeriodResult {
  const bad = checkYear(text, year);
  if (bad) return bad;
  if (first === 1 && last === 12) return yearPeriod(text, year);
  if (first === last) return monthPeriod(text, first, year);
  if (last - first === 2 && first % 3 === 1) return quarterPeriod(text, String((first + 2) / 3), year);
  if (last - first === 5 && first % 6 === 1) return halfPeriod(text, first === 1 ? 1 : 2, year);
  return ok(text, 'range', formatDay(year, first, 1), formatDay(year, last, daysInMonth(year, last)));
}

function dayPeriod(text: string, d: number, m: number, y: number): PeriodResult {
  if (m < 1 || m > 12) return invalid(text, `month ${m} is not 1–12`);
  if (!isCalendarDay(y, m, d)) {
    return invalid(text, `${monthName(m, y)} has ${daysInMonth(y, m)} days, not ${d}`);
  }
  const iso = formatDay(y, m, d);
  return checkYear(text, y) ?? ok(text, 'day', iso, iso);
}

function monthName(m: number, y: number): string {
  const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${names[m - 1]} ${y}`;
}

/** Several months or quarters of one year ("3-4", "3, 4", "i - iii"): numbers in order, `-` a span. */
function listPeriod(text: string, body: string, year: number, unit: 'month' | 'quarter'): PeriodResult {
  const tokens = body.split(/ ?(-|,|va|den) ?/).filter((t) => t !== '');
  const numbers: number[] = [];
  for (const tok of tokens) {
    if (tok === '-' || tok === ',' || tok === 'va' || tok === 'den') continue;
    const word = tok.replace(/^(?:thang|quy) ?/, '');
    const n = unit === 'month' ? (/^\d{1,2}$/.test(word) ? Number(word) : undefined) : quarterNumber(word);
    if (n === undefined) return invalid(text, `"${word.toUpperCase()}" is not a ${unit === 'month' ? 'month' : 'quarter'} number`);
    const max = unit === 'month' ? 12 : 4;
    if (n < 1 || n > max) return invalid(text, unit === 'month' ? `month ${n} is not 1–12` : `quarter ${word.toUpperCase()} is not I–IV (or 1–4)`);
    numbers.push(n);
  }
  for (let i = 1; i < numbers.length; i++) {
    if (numbers[i]! <= numbers[i - 1]!) return invalid(text, `the ${unit}s are not in order (${numbers[i - 1]} then ${numbers[i]})`);
  }
  const first = numbers[0]!;
  const last = numbers[numbers.length - 1]!;
  return unit === 'month' ? monthsPeriod(text, first, last, year) : monthsPeriod(text, (first - 1) * 3 + 1, last * 3, year);
}

const YEAR = '(\\d{4})';
const Q = '(?:[ivx]+|\\d{1,2})';
const SEP_YEAR = ` ?(?:/|nam) ?${YEAR}`;
/** The phrases a range's ends and a prefix's rest may be: one dated period. */
const DATED: readonly Period['kind'][] = ['day', 'month', 'quarter', 'half', 'year', 'range'];

interface Rule {
  re: RegExp;
  read: (m: RegExpExecArray, text: string) => PeriodResult;
}

const RULES: Rule[] = [
  // ISO forms.
  { re: /^(\d{4})-(\d{2})-(\d{2})$/, read: (m, t) => dayPeriod(t, Number(m[3]), Number(m[2]), Number(m[1])) },
  { re: /^(\d{4})-(\d{1,2})$/, read: (m, t) => monthPeriod(t, Number(m[2]), Number(m[1])) },
  { re: /^(\d{4})-q(\d)$/, read: (m, t) => quarterPeriod(t, m[2]!, Number(m[1])) },
  { re: /^(\d{4})-h(\d)$/, read: (m, t) => (m[2] === '1' || m[2] === '2' ? halfPeriod(t, Number(m[2]) as 1 | 2, Number(m[1])) : invalid(t, `half ${m[2]} is not 1 or 2`)) },
  { re: /^(\d{4}) ?\.\. ?(\d{4})$/, read: (m, t) => yearRange(t, Number(m[1]), Number(m[2])) },
  // "Tháng 01/2024", "tháng 12 năm 2024".
  { re: new RegExp(`^thang (\\d{1,2})${SEP_YEAR}$`), read: (m, t) => monthPeriod(t, Number(m[1]), Number(m[2])) },
  // "Tháng 3-4/2026", "Tháng 3, 4/2026", "tháng 3 và tháng 4 năm 2026".
  {
    re: new RegExp(`^thang (\\d{1,2}(?: ?(?:-|,|va|den) ?(?:thang )?\\d{1,2})+)${SEP_YEAR}$`),
    read: (m, t) => listPeriod(t, m[1]!, Number(m[2]), 'month'),
  },
  // "Quý III/2023", "Quý 01/2024", "quý i năm 2024".
  { re: new RegExp(`^quy (${Q})${SEP_YEAR}$`), read: (m, t) => quarterPeriod(t, m[1]!, Number(m[2])) },
  // "Quý I, II/2026", "Quý I-II/2026", "Quý I - Quý III/2026".
  {
    re: new RegExp(`^quy (${Q}(?: ?(?:-|,|va|den) ?(?:quy )?${Q})+)${SEP_YEAR}$`),
    read: (m, t) => listPeriod(t, m[1]!, Number(m[2]), 'quarter'),
  },
  // "6 tháng đầu năm 2024", "sáu tháng cuối năm 2024", "9 tháng đầu năm 2026".
  {
    re: new RegExp(`^(\\d{1,2}|sau) thang (dau|cuoi) nam ${YEAR}$`),
    read: (m, t) => {
      const n = m[1] === 'sau' ? 6 : Number(m[1]);
      if (n < 1 || n > 12) return invalid(t, `a year has 12 months, not ${n}`);
      return m[2] === 'dau' ? monthsPeriod(t, 1, n, Number(m[3])) : monthsPeriod(t, 13 - n, 12, Number(m[3]));
    },
  },
  // "Đầu năm 2026" is its first quarter, "Cuối năm 2026" its last, "Giữa năm 2026" June and July.
  { re: new RegExp(`^(?:vao |trong )?dau nam ${YEAR}$`), read: (m, t) => monthsPeriod(t, 1, 3, Number(m[1])) },
  { re: new RegExp(`^(?:vao |trong )?giua nam ${YEAR}$`), read: (m, t) => monthsPeriod(t, 6, 7, Number(m[1])) },
  { re: new RegExp(`^(?:vao |trong )?cuoi nam ${YEAR}$`), read: (m, t) => monthsPeriod(t, 10, 12, Number(m[1])) },
  // "2022 - 2025", "giai đoạn 2022 - 2025", "5 năm 2021-2025", "từ năm 2022 đến năm 2025".
  {
    re: new RegExp(`^(?:giai doan |tu |\\d+ nam )?(?:nam )?${YEAR} ?(?:-|den|den nam) ?(?:nam )?${YEAR}$`),
    read: (m, t) => yearRange(t, Number(m[1]), Number(m[2])),
  },
  // "Năm 2025 và các năm tiếp theo", "từ năm 2025", "từ năm 2025 trở đi".
  {
    re: new RegExp(`^(?:(?:tu )?(?:nam )?${YEAR} va (?:cac|nhung) nam tiep theo|tu nam ${YEAR}(?: tro di)?)$`),
    read: (m, t) => {
      const y = Number(m[1] ?? m[2]);
      return checkYear(t, y) ?? ok(t, 'ongoing', formatDay(y, 1, 1), null);
    },
  },
  // "Năm 2025", "2025", "trong năm 2025", "cả năm 2026", "vào năm 2020", "đến năm 2025", "đến hết năm 2025".
  { re: new RegExp(`^(?:(?:trong|trong ca|ca|suot|vao|den|den het|het) )?(?:nam )?${YEAR}$`), read: (m, t) => yearPeriod(t, Number(m[1])) },
  // "30/6/2024", "ngày 30/06/2024", "ngày 30 tháng 6 năm 2024".
  {
    re: new RegExp(`^(?:ngay )?(\\d{1,2}) ?(?:/|-|thang) ?(\\d{1,2}) ?(?:/|-|nam) ?${YEAR}$`),
    read: (m, t) => dayPeriod(t, Number(m[1]), Number(m[2]), Number(m[3])),
  },
  // "trước ngày 15 tháng 11", "trước ngày 15/11", "trước 15/11": due the day before, every year.
  {
    re: /^truoc (?:ngay )?(\d{1,2}) ?(?:\/|thang) ?(\d{1,2})$/,
    read: (m, t) => {
      const day = Number(m[1]);
      const month = Number(m[2]);
      if (month < 1 || month > 12) return invalid(t, `month ${month} is not 1–12`);
      // 29 February is a valid deadline only in leap years; test against one.
      if (!isCalendarDay(2024, month, day)) return invalid(t, `month ${month} has no day ${day}`);
      return ok(t, 'annual-deadline', null, null, { before: { month, day } });
    },
  },
  { re: /^thuong xuyen(?: lien tuc)?$/, read: (_m, t) => ok(t, 'ongoing', null, null) },
  {
    re: /^(?:dinh ky )?hang (nam|quy|thang)$/,
    read: (m, t) => ok(t, 'recurring', null, null, { every: ({ nam: 'year', quy: 'quarter', thang: 'month' } as const)[m[1] as 'nam' | 'quy' | 'thang'] }),
  },
  {
    re: /^(?:dinh ky )?(06|6|sau|03|3|ba|12) thang(?: (?:mot lan|\/ ?lan))?$/,
    read: (m, t) => {
      const every: Recurrence = m[1] === '12' ? 'year' : ['03', '3', 'ba'].includes(m[1]!) ? 'quarter' : 'half';
      return ok(t, 'recurring', null, null, { every });
    },
  },
  // "Sau khi Chính phủ ban hành …", "Theo Kế hoạch kiểm tra, giám sát", "Theo Hướng dẫn …".
  { re: /^(sau khi|theo|khi) (.+)$/, read: (_m, t) => ok(t, 'waiting', null, null, { event: t }) },
];

function yearRange(text: string, a: number, b: number): PeriodResult {
  const bad = checkYear(text, a) ?? checkYear(text, b);
  if (bad) return bad;
  if (b < a) return invalid(text, `the range ends (${b}) before it starts (${a})`);
  return ok(text, 'year-range', formatDay(a, 1, 1), formatDay(b, 12, 31));
}

// A plan set writes the same few hundred phrases over and over ("Tháng 12/2024" in thousands of
// tasks, read by several rules): each distinct text is parsed once. Results are frozen, as they are shared.
const parsed = new Map<string, PeriodResult>();

function frozen(r: PeriodResult): PeriodResult {
  if (r.ok) {
    for (const v of Object.values(r.period)) if (v !== null && typeof v === 'object') Object.freeze(v);
    Object.freeze(r.period);
  }
  return Object.freeze(r);
}

/** Phrases longer than this are not tried as "A - B" ranges: such a phrase is an event, not two periods. */
const MAX_RANGE_LENGTH = 80;

/** One rule's reading of an already normalised phrase, or undefined when no rule matches. */
function readSimple(norm: string, original: string): PeriodResult | undefined {
  for (const rule of RULES) {
    const m = rule.re.exec(norm);
    if (m) return rule.read(m, original);
  }
  return undefined;
}

function dated(r: PeriodResult | undefined): r is { ok: true; period: Period } {
  return r !== undefined && r.ok && DATED.includes(r.period.kind);
}

/** "Tháng 3/2026 - Tháng 6/2026", "từ Quý IV/2025 đến Quý I/2026": from one dated period to another. */
function readSpan(norm: string, original: string): PeriodResult | undefined {
  if (norm.length > MAX_RANGE_LENGTH) return undefined;
  const body = norm.replace(/^tu /, '');
  const sep = / ?(?:-|den) ?/g;
  for (let m = sep.exec(body); m; m = sep.exec(body)) {
    const a = readSimple(body.slice(0, m.index), original);
    const b = readSimple(body.slice(m.index + m[0].length), original);
    if (dated(a) && dated(b)) {
      if (b.period.to! < a.period.from!) return invalid(original, `the range ends (${b.period.to}) before it starts (${a.period.from})`);
      return ok(original, 'range', a.period.from, b.period.to);
    }
  }
  return undefined;
}

/** Words around a period that do not change it, or that move its deadline. */
function readWithPrefix(norm: string, original: string): PeriodResult | undefined {
  // "Hoàn thành trong Quý II/2026", "thực hiện trong năm 2026": the period itself.
  const done = /^(?:hoan thanh|thuc hien|trien khai)(?: xong)? (.+)$/.exec(norm);
  if (done) return readPhrase(done[1]!, original);
  const within = /^(?:trong|vao|trong thoi gian) (.+)$/.exec(norm);
  if (within) {
    const r = readPhrase(within[1]!, original);
    if (dated(r)) return r;
  }
  // "Trước ngày 30/6/2026", "Trước 31/3/2026", "trước Quý III/2026": due the day before, as
  // "trước ngày 15 tháng 11" is in a reporting duty (README, "Periods").
  const before = /^truoc (?:ngay )?(.+)$/.exec(norm);
  if (before) {
    const r = readPhrase(before[1]!, original);
    if (!dated(r)) return r !== undefined && !r.ok ? r : undefined;
    const day = addDays(r.period.from!, -1);
    return ok(original, 'day', day, day);
  }
  // "Chậm nhất ngày 30/6/2026", "chậm nhất trong Quý II/2026": due on the last day, inclusive.
  const latest = /^(?:cham nhat|muon nhat)(?: (?:la|vao|trong))? (?:ngay )?(.+)$/.exec(norm);
  if (latest) {
    const r = readPhrase(latest[1]!, original);
    if (!dated(r)) return r !== undefined && !r.ok ? r : undefined;
    return ok(original, 'day', r.period.to, r.period.to);
  }
  // "Từ tháng 3/2026", "từ Quý II/2026 trở đi": open from the period's first day.
  const from = /^tu (.+?)(?: tro di)?$/.exec(norm);
  if (from) {
    const r = readPhrase(from[1]!, original);
    if (dated(r)) return ok(original, 'ongoing', r.period.from, null);
  }
  return undefined;
}

function readPhrase(norm: string, original: string): PeriodResult | undefined {
  return readSimple(norm, original) ?? readSpan(norm, original) ?? readWithPrefix(norm, original);
}

/** Reads a period phrase. Pure: no clock, no time zone. */
export function parsePeriod(text: string): PeriodResult {
  let r = parsed.get(text);
  if (r === undefined) {
    r = frozen(readPeriod(text));
    if (parsed.size >= 50_000) parsed.clear();
    parsed.set(text, r);
  }
  return r;
}

function readPeriod(text: string): PeriodResult {
  const norm = normalise(text);
  const original = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (norm === '') return { ok: false, code: 'PERIOD_UNKNOWN', message: 'the period is empty' };
  return readPhrase(norm, original) ?? unknown(original);
}
