// Cell text as an export writes it → canonical values: labels folded for matching, value aliases,
// day-first dates, Excel serial days, Vietnamese-grouped whole numbers. Pure functions over the
// declarative rules of plans/datasets.yaml (value_aliases, date_forms, number_format).

import type { DatasetColumn, DateForm, NumberFormat } from '../../model/datasets.js';
import { DATE_FORMS } from '../../model/datasets.js';
import { dayNumberOf, isCalendarDay } from '../../period/calendar.js';

/**
 * A header or value label as matched: NFC, lower case, `_` and runs of spaces as one space, and the
 * marks an export adds around a label dropped ("Mã cán bộ (*):" → "mã cán bộ").
 */
export function foldLabel(s: string): string {
  let v = s.normalize('NFC').toLowerCase().replace(/[_\s\u00a0]+/g, ' ').trim();
  // Trailing ":" "*" "(*)" and a leading "*": the marks of a required field in a form.
  for (let prev = ''; prev !== v; ) {
    prev = v;
    v = v.replace(/\s*(?:\(\s*\*+\s*\)|\*+|:|\.)$/u, '').replace(/^\*+\s*/u, '').trim();
  }
  return v;
}

/** A folded label without diacritics, for exports that dropped them: "Công chức" → "cong chuc". */
export function bareLabel(s: string): string {
  return foldLabel(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
}

/** The canonical value of each label a column takes: its values and their aliases, folded (exact first, then without diacritics). */
export interface ValueLookup {
  exact: Map<string, string>;
  bare: Map<string, string>;
}

export function valueLookup(col: Pick<DatasetColumn, 'values' | 'value_aliases'>): ValueLookup {
  const exact = new Map<string, string>();
  const bare = new Map<string, string>();
  const add = (label: string, value: string) => {
    const f = foldLabel(label);
    if (!exact.has(f)) exact.set(f, value);
    const b = bareLabel(label);
    if (!bare.has(b)) bare.set(b, value);
  };
  for (const v of col.values ?? []) add(v, v);
  for (const [v, labels] of Object.entries(col.value_aliases ?? {})) for (const l of labels) add(l, v);
  return { exact, bare };
}

/** The value a label stands for, or undefined. */
export function lookUpValue(lookup: ValueLookup, s: string): string | undefined {
  return lookup.exact.get(foldLabel(s)) ?? lookup.bare.get(bareLabel(s));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; hint?: string };

const no = (message: string, hint?: string): Parsed<never> => (hint ? { ok: false, message, hint } : { ok: false, message });

const FORM_SEPARATOR: Record<Exclude<DateForm, 'yyyy-mm-dd'>, string> = { 'dd/mm/yyyy': '/', 'd/m/yyyy': '/', 'dd-mm-yyyy': '-', 'dd.mm.yyyy': '.' };

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A date written in one of `forms` → its day number (days since 1970-01-01). Day first always: the
 * Vietnamese convention; "03/04/2024" is 3 April, never 4 March. A two-digit year is an error.
 */
export function parseDayText(text: string, forms: readonly DateForm[] = DATE_FORMS): Parsed<number> {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!forms.includes('yyyy-mm-dd')) return no(`"${text}" is not a date in the forms this dataset takes (${forms.join(', ')})`);
    return isCalendarDay(y, m, d) ? { ok: true, value: dayNumberOf(y, m, d) } : no(`"${text}" is not a day of the calendar`);
  }
  // An ISO day with a time (a workbook exported as text, "2024-03-15 00:00:00" or "…T00:00:00").
  const isoTime = /^(\d{4})-(\d{2})-(\d{2})[T ]00:00(?::00(?:\.0+)?)?Z?$/.exec(s);
  if (isoTime && forms.includes('yyyy-mm-dd')) {
    const [y, m, d] = [Number(isoTime[1]), Number(isoTime[2]), Number(isoTime[3])];
    if (isCalendarDay(y, m, d)) return { ok: true, value: dayNumberOf(y, m, d) };
  }
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(s);
  if (!dmy) return no(`"${text}" is not a date`, `dates are written dd/mm/yyyy or YYYY-MM-DD, such as 15/03/2024`);
  const [, dd, sep, mm, yy] = dmy as unknown as [string, string, string, string, string];
  if (yy.length === 2) return no(`"${text}" has a two-digit year`, `write the year in full: ${dd}${sep}${mm}${sep}19${yy} or ${dd}${sep}${mm}${sep}20${yy}`);
  const padded = dd.length === 2 && mm.length === 2;
  const form = forms.find((f) => f !== 'yyyy-mm-dd' && FORM_SEPARATOR[f] === sep && (padded || f === 'd/m/yyyy'));
  if (!form) return no(`"${text}" is not a date in the forms this dataset takes (${forms.join(', ')})`);
  const [d, m, y] = [Number(dd), Number(mm), Number(yy)];
  if (!isCalendarDay(y, m, d)) {
    const hint = m > 12 && d <= 12 ? 'dates are read day first (dd/mm/yyyy): the second number is the month' : undefined;
    return no(`"${text}" is not a day of the calendar (read as day ${d}, month ${m}, year ${y})`, hint);
  }
  return { ok: true, value: dayNumberOf(y, m, d) };
}

/** Excel's serial day (1900 date system) → day number; serial 25569 is 1970-01-01. Serial 60 is Excel's 29 February 1900, a day that never was. */
export function excelSerialToDay(serial: number): Parsed<number> {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return no(`${serial} is not a date serial number`);
  const whole = Math.floor(serial);
  if (whole === 60) return no('the serial number 60 is 29/02/1900, a day that never was (a bug Excel keeps)');
  return { ok: true, value: (whole < 60 ? whole + 1 : whole) - 25569 };
}

/** The ISO text of a day number. */
export function isoOfDay(day: number): string {
  const d = new Date(day * 86400000);
  // Four digits always: the year 1 is "0001", as ISO 8601 (and DuckDB, and the reader of ISO days) write it.
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * A whole number as written: plain digits; Vietnamese grouping with "." (or spaces) between groups
 * of three. `detect` reads grouping only when it cannot mean anything else: "1.234.567" is one
 * number, but "1.234" (a decimal in English) is refused so it is never silently misread.
 */
export function parseWholeNumber(text: string, format: NumberFormat = 'detect'): Parsed<string> {
  const s = text.trim();
  if (/^-?\d+$/.test(s)) return { ok: true, value: s };
  if (format !== 'plain') {
    const grouped = /^(-?)(\d{1,3})((?:[. \u00a0]\d{3})+)$/.exec(s);
    if (grouped) {
      const seps = new Set(grouped[3]!.replace(/\d/g, ''));
      const groups = grouped[3]!.length / 4;
      if (seps.size === 1 && (format === 'vi' || groups > 1 || !seps.has('.'))) return { ok: true, value: grouped[1]! + grouped[2]! + grouped[3]!.replace(/\D/g, '') };
      if (seps.size === 1) return no(`"${text}" is ambiguous: ${s.replace('.', '')} written the Vietnamese way, or ${s} with a decimal point`, 'declare `number_format: vi` for the dataset in plans/datasets.yaml, or write the number without separators');
    }
  }
  if (/^-?\d+[.,]\d+$/.test(s)) return no(`"${text}" is not a whole number`, 'whole numbers only, no decimals');
  if (/^-?\d{1,3}(?:,\d{3})+$/.test(s)) return no(`"${text}" is not a whole number the way this dataset writes them`, 'commas are decimal marks in Vietnamese; write the number without separators, or with "." between thousands and `number_format: vi`');
  return no(`"${text}" is not a whole number`);
}
