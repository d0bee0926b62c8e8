// Durations such as "30 ngày", "3 tháng", "1 năm" (time allowed after an event).

import { addDays, addMonths, type IsoDay } from './calendar.js';

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

/** The last day of a span of `d` that starts on `from` (3 months from 15 Jan ends 14 Apr). */
export function endOfSpan(from: IsoDay, d: Duration): IsoDay {
  if (d.unit === 'day') return addDays(from, d.amount - 1);
  const months = d.unit === 'month' ? d.amount : d.amount * 12;
  return addDays(addMonths(from, months), -1);
}
