// Instances of recurring deadlines: reporting duties ("trước ngày 15 tháng 11", "Hằng năm") and
// recurring tasks, one instance per period, each labelled the way a record names it ("2025-H1").

import type { Period, Recurrence } from '../model/period.js';
import { addDays, daysInMonth, formatDay, type IsoDay } from './calendar.js';

/** One period of a recurring duty or task and the day its instance falls due. */
export interface Deadline {
  /** How a `submitted` / `done_periods` record names it: "2025", "2025-H1", "2025-Q3", "2025-07". */
  period: string;
  /** First and last day of the period the instance covers. */
  from: IsoDay;
  to: IsoDay;
  due: IsoDay;
  /** The phrase that sets this deadline, for a duty with several ("trước ngày 01 tháng 6"). */
  text?: string;
}

const PER_YEAR: Record<Recurrence, number> = { year: 1, half: 2, quarter: 4, month: 12 };

/** The day an annual deadline falls due in a year: "trước ngày 15 tháng 11" → 14 November. */
export function annualDeadlineDay(before: { month: number; day: number }, year: number): IsoDay {
  const last = daysInMonth(year, before.month);
  // "trước ngày 29 tháng 2" in a common year: before the day that would follow 28 February.
  if (before.day > last) return formatDay(year, before.month, last);
  return addDays(formatDay(year, before.month, before.day), -1);
}

/** The periods of a year at a frequency, in order, with their labels. */
export function periodsOfYear(every: Recurrence, year: number): { period: string; from: IsoDay; to: IsoDay }[] {
  const n = PER_YEAR[every];
  const months = 12 / n;
  const out: { period: string; from: IsoDay; to: IsoDay }[] = [];
  for (let i = 0; i < n; i++) {
    const first = i * months + 1;
    const last = first + months - 1;
    const label = every === 'year' ? `${year}` : every === 'half' ? `${year}-H${i + 1}` : every === 'quarter' ? `${year}-Q${i + 1}` : `${year}-${String(first).padStart(2, '0')}`;
    out.push({ period: label, from: formatDay(year, first, 1), to: formatDay(year, last, daysInMonth(year, last)) });
  }
  return out;
}

/** How often a record label's period recurs: "2025" → year, "2025-H1" → half … */
export function recurrenceOfLabel(label: string): { year: number; every: Recurrence } | undefined {
  const m = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/.exec(label);
  if (!m) return undefined;
  const suffix = m[2];
  const every: Recurrence = suffix === undefined ? 'year' : suffix.startsWith('H') ? 'half' : suffix.startsWith('Q') ? 'quarter' : 'month';
  return { year: Number(m[1]), every };
}

export type DutySchedule = { ok: true; every: Recurrence; deadlines: (year: number) => Deadline[] } | { ok: false; message: string };

/**
 * The yearly schedule of a duty's deadline phrases. Each annual deadline is one instance a year;
 * "Hằng năm" one, due on 31 December; "Định kỳ 06 tháng" two, due at the end of each half. The
 * instances of a year, in date order, are its periods: one → "2025", two → "2025-H1"/"2025-H2",
 * four → quarters, twelve → months.
 */
export function dutySchedule(phrases: readonly Period[]): DutySchedule {
  const daysOf = (year: number): Map<IsoDay, string> => {
    const days = new Map<IsoDay, string>();
    for (const p of phrases) {
      if (p.kind === 'annual-deadline' && p.before) days.set(annualDeadlineDay(p.before, year), p.text);
      else if (p.kind === 'recurring' && p.every) for (const s of periodsOfYear(p.every, year)) days.set(s.to, p.text);
    }
    return new Map([...days].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  };
  // A common and a leap year give the same count: deadlines only move by the length of February.
  const count = daysOf(2023).size;
  const every = (Object.keys(PER_YEAR) as Recurrence[]).find((k) => PER_YEAR[k] === count);
  if (!every) {
    return { ok: false, message: `the deadlines fall due ${count} time${count === 1 ? '' : 's'} a year; a duty falls due once, twice, four or twelve times a year` };
  }
  return {
    ok: true,
    every,
    deadlines: (year) => {
      const days = [...daysOf(year)];
      return periodsOfYear(every, year).map((s, i) => ({ ...s, due: days[i]![0], text: days[i]![1] }));
    },
  };
}

/** The deadlines of a recurring task ("Hằng năm", "Hằng quý"): each period is due on its last day. */
export function taskDeadlines(every: Recurrence, year: number): Deadline[] {
  return periodsOfYear(every, year).map((s) => ({ ...s, due: s.to }));
}
