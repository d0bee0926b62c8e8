// The period language: Vietnamese and ISO phrases → Period (DESIGN.md, "The period language").

import type { Period, Recurrence } from '../model/period.js';
import { daysInMonth, formatDay, isCalendarDay } from './calendar.js';

export type PeriodResult =
  | { ok: true; period: Period }
  | { ok: false; code: 'PERIOD_UNKNOWN' | 'PERIOD_INVALID'; message: string };

/** The accepted forms, quoted in every PERIOD_UNKNOWN message. */
export const ACCEPTED_FORMS = [
  'Tháng 01/2024 · 2024-01',
  'Quý III/2023 · Quý 01/2024 · 2023-Q3',
  '6 tháng đầu năm 2024 · 2024-H1',
  'Năm 2025 · 2025',
  '2022 - 2025 · 2022..2025',
  '30/6/2024 · 2024-06-30',
  'trước ngày 15 tháng 11',
  'Thường xuyên · Hằng năm · Năm 2025 và các năm tiếp theo',
  'Sau khi … · Theo …',
];

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };

/** Lower-cases, folds dashes and spaces, and drops a trailing full stop, so matching is tolerant. */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\.$/, '');
}

function unknown(text: string): PeriodResult {
  return {
    ok: false,
    code: 'PERIOD_UNKNOWN',
    message: `cannot read the period "${text}"; accepted forms: ${ACCEPTED_FORMS.join('; ')}`,
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

const YEAR = '(\\d{4})';

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
  { re: new RegExp(`^tháng (\\d{1,2}) ?(?:/|năm) ?${YEAR}$`), read: (m, t) => monthPeriod(t, Number(m[1]), Number(m[2])) },
  // "Quý III/2023", "Quý 01/2024", "quý i năm 2024".
  { re: new RegExp(`^quý ([ivx]+|\\d{1,2}) ?(?:/|năm) ?${YEAR}$`), read: (m, t) => quarterPeriod(t, m[1]!, Number(m[2])) },
  // "6 tháng đầu năm 2024", "sáu tháng cuối năm 2024".
  { re: new RegExp(`^(?:6|06|sáu) tháng (đầu|cuối) năm ${YEAR}$`), read: (m, t) => halfPeriod(t, m[1] === 'đầu' ? 1 : 2, Number(m[2])) },
  // "2022 - 2025", "giai đoạn 2022 - 2025", "5 năm 2021-2025", "từ năm 2022 đến năm 2025".
  {
    re: new RegExp(`^(?:giai đoạn |từ |\\d+ năm )?(?:năm )?${YEAR} ?(?:-|đến|đến năm) ?(?:năm )?${YEAR}$`),
    read: (m, t) => yearRange(t, Number(m[1]), Number(m[2])),
  },
  // "Năm 2025 và các năm tiếp theo", "từ năm 2025".
  {
    re: new RegExp(`^(?:(?:năm )?${YEAR} và các năm tiếp theo|từ năm ${YEAR}(?: trở đi)?)$`),
    read: (m, t) => {
      const y = Number(m[1] ?? m[2]);
      return checkYear(t, y) ?? ok(t, 'ongoing', formatDay(y, 1, 1), null);
    },
  },
  // "Năm 2025", "2025", "trong năm 2025", "vào năm 2020", "đến năm 2025", "đến hết năm 2025".
  { re: new RegExp(`^(?:(?:trong|vào|đến|đến hết|hết|cuối) )?(?:năm )?${YEAR}$`), read: (m, t) => yearPeriod(t, Number(m[1])) },
  // "30/6/2024", "ngày 30/06/2024", "ngày 30 tháng 6 năm 2024".
  {
    re: new RegExp(`^(?:ngày )?(\\d{1,2}) ?(?:/|-|tháng) ?(\\d{1,2}) ?(?:/|-|năm) ?${YEAR}$`),
    read: (m, t) => dayPeriod(t, Number(m[1]), Number(m[2]), Number(m[3])),
  },
  // "trước ngày 15 tháng 11", "trước ngày 15/11": due the day before, every year.
  {
    re: /^trước ngày (\d{1,2}) ?(?:\/|tháng) ?(\d{1,2})$/,
    read: (m, t) => {
      const day = Number(m[1]);
      const month = Number(m[2]);
      if (month < 1 || month > 12) return invalid(t, `month ${month} is not 1–12`);
      // 29 February is a valid deadline only in leap years; test against one.
      if (!isCalendarDay(2024, month, day)) return invalid(t, `month ${month} has no day ${day}`);
      return ok(t, 'annual-deadline', null, null, { before: { month, day } });
    },
  },
  { re: /^thường xuyên(?: liên tục)?$/, read: (_m, t) => ok(t, 'ongoing', null, null) },
  {
    re: /^(?:định kỳ )?(hằng|hàng) (năm|quý|tháng)$/,
    read: (m, t) => ok(t, 'recurring', null, null, { every: ({ năm: 'year', quý: 'quarter', tháng: 'month' } as const)[m[2] as 'năm' | 'quý' | 'tháng'] }),
  },
  {
    re: /^(?:định kỳ )?(?:06|6|sáu) tháng(?: một lần)?$/,
    read: (_m, t) => ok(t, 'recurring', null, null, { every: 'half' as Recurrence }),
  },
  // "Sau khi Chính phủ ban hành …", "Theo Kế hoạch kiểm tra, giám sát", "Theo Hướng dẫn …".
  { re: /^(sau khi|theo|khi) (.+)$/, read: (_m, t) => ok(t, 'waiting', null, null, { event: t.trim().replace(/\s+/g, ' ') }) },
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
  for (const rule of RULES) {
    const m = rule.re.exec(norm);
    if (m) return rule.read(m, original);
  }
  return unknown(original);
}
