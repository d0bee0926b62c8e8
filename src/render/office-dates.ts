// Calendar days for Word and Excel output: workbook date cells, and the as-of line over a table (days as i18n/format.ts writes them).

import { formatDay } from './i18n/format.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO day as a workbook date: a UTC midnight, so no time zone shifts it to the day before. */
export function isoDayToDate(iso: string): Date | null {
  const m = ISO_DAY.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** The line over a table with a state column: "Tình trạng tính đến ngày 01/07/2024". */
export function asOfSentence(asOf: string, lang: 'vi' | 'en'): string {
  return lang === 'en' ? `State as of ${asOf}` : `Tình trạng tính đến ngày ${formatDay(asOf, 'vi')}`;
}
