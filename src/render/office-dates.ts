// Calendar days for Word and Excel output: dd/mm/yyyy in Vietnamese (Nghị định 30/2020/NĐ-CP), ISO in English.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-01-30" → "30/01/2024" in Vietnamese, unchanged in English; anything that is not a day stays as it is. */
export function officeDay(iso: string, lang: 'vi' | 'en'): string {
  const m = ISO_DAY.exec(iso);
  if (!m || lang === 'en') return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** An ISO day as a workbook date: a UTC midnight, so no time zone shifts it to the day before. */
export function isoDayToDate(iso: string): Date | null {
  const m = ISO_DAY.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** The line over a table with a state column: "Tình trạng tính đến ngày 01/07/2024". */
export function asOfSentence(asOf: string, lang: 'vi' | 'en'): string {
  return lang === 'en' ? `State as of ${asOf}` : `Tình trạng tính đến ngày ${officeDay(asOf, 'vi')}`;
}
