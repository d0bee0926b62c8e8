// Calendar days as plain integers: no Date objects, so no time zone can shift a deadline.

/** A calendar day written as `YYYY-MM-DD`. */
export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The last year a day can be written in (YYYY); a plan's calendar ends with it. */
export const LAST_YEAR = 9999;

export function isCalendarDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= LAST_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatDay(year: number, month: number, day: number): IsoDay {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits an ISO day into its parts, or returns undefined when it is not a real calendar day. */
export function splitDay(iso: string): [number, number, number] | undefined {
  const m = ISO_DAY.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isCalendarDay(y, mo, d) ? [y, mo, d] : undefined;
}

export function isIsoDay(value: string): boolean {
  return splitDay(value) !== undefined;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Day number of a year, month and day already known to be a calendar day. */
export function dayNumberOf(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day);
}

/** Day number (days since 1970-01-01) of an ISO day; throws on a malformed day, which is a bug here. */
export function dayNumber(iso: IsoDay): number {
  const parts = splitDay(iso);
  if (!parts) throw new Error(`not a calendar day: ${iso}`);
  return daysFromCivil(parts[0], parts[1], parts[2]);
}

export function fromDayNumber(n: number): IsoDay {
  const [y, m, d] = civilFromDays(n);
  return formatDay(y, m, d);
}

export function addDays(iso: IsoDay, days: number): IsoDay {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDay, b: IsoDay): number {
  return dayNumber(b) - dayNumber(a);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: IsoDay, months: number): IsoDay {
  const parts = splitDay(iso);
  if (!parts) throw new Error(`not a calendar day: ${iso}`);
  const [y, m, d] = parts;
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return formatDay(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function yearOf(iso: IsoDay): number {
  return Number(iso.slice(0, 4));
}

export function compareDays(a: IsoDay, b: IsoDay): number {
  // ISO days compare correctly as strings.
  return a < b ? -1 : a > b ? 1 : 0;
}
