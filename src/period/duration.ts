// Durations such as "30 ngày", "3 tháng", "1 năm" (time allowed after an event).

import { addMonths, dayNumber, fromDayNumber, LAST_YEAR, yearOf, type IsoDay } from './calendar.js';

const LAST_DAY = `${LAST_YEAR}-12-31`;

export interface Duration {
  amount: number;
  unit: 'day' | 'month' | 'year';
}

export function parseDuration(text: string): Duration | undefined {
  const m = /^(\d+) (ngày|tháng|năm|days?|months?|years?)$/.exec(text.normalize('NFC').trim().toLowerCase());
  if (!m) return undefined;
  const word = m[2]!;
  const unit = word === 'ngày' || word.startsWith('day') ? 'day' : word === 'tháng' || word.startsWith('month') ? 'month' : 'year';
  return { amount: Number(m[1]), unit };
}

/**
 * The last day of `d` allowed after the day `from` (an event): as the Civil Code counts a period
 * (Bộ luật Dân sự 2015, Điều 147–148), the day itself is not counted, so 30 ngày after 15 May ends
 * on 14 June; a period of months or years ends on the same day of its last month, or on that month's
 * last day when it has no such day (1 tháng after 31 January 2024 ends on 29 February).
 */
export function endOfSpan(from: IsoDay, d: Duration): IsoDay {
  // A span that would end past the calendar's last day ends on it ("99999 năm" is a typing slip a
  // report must survive, not a day it can write).
  if (d.unit === 'day') return d.amount > dayNumber(LAST_DAY) - dayNumber(from) ? LAST_DAY : fromDayNumber(dayNumber(from) + d.amount);
  const months = d.unit === 'month' ? d.amount : d.amount * 12;
  const month = yearOf(from) * 12 + Number(from.slice(5, 7)) - 1 + months;
  return month > LAST_YEAR * 12 + 11 ? LAST_DAY : addMonths(from, months);
}
