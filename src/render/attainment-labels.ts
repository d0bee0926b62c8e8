// How attainment figures read, in every format and either language: counts with separators,
// percentages that never contradict their verdict, thresholds, statuses and what is still needed.
// Light: no table library.

import type { TargetAttainment } from '../report/attainment/attainment.js';
import { formatInt, localiseDecimal } from './i18n/format.js';
import type { Lang } from './i18n/lang.js';

/** 1234567 → "1.234.567" (vi) / "1,234,567" (en). */
export function formatCount(n: bigint | null, lang: Lang): string {
  if (n === null) return '';
  return formatInt(n, lang);
}

/**
 * A percentage with one decimal, or more where one decimal would round across the threshold and
 * contradict the verdict (79.96% not met must not read "80.0%"); "12,5%" in Vietnamese.
 */
export function formatPercent(value: number | null, threshold: number | null, met: boolean | null, lang: Lang): string {
  if (value === null || Number.isNaN(value)) return '';
  for (const d of [1, 2, 3, 4]) {
    const s: string = value.toFixed(d);
    if (threshold === null || met === null) return `${localiseDecimal(s, lang)}%`;
    const shown: number = Number(s);
    const crosses = met ? shown < threshold && value >= threshold : shown >= threshold && value < threshold;
    if (!crosses && !(shown === threshold && value !== threshold)) return `${localiseDecimal(s, lang)}%`;
  }
  return `${localiseDecimal(value.toFixed(4), lang)}%`;
}

export function thresholdLabel(t: Pick<TargetAttainment, 'comparator' | 'threshold'>, lang: Lang): string {
  if (t.comparator === null || t.threshold === null) return '';
  const op = t.comparator === 'at_least' ? '≥' : t.comparator === 'more_than' ? '>' : '≤';
  return `${op} ${localiseDecimal(String(t.threshold), lang)}%`;
}

const STATUS: Record<Lang, Record<TargetAttainment['status'], string>> = {
  vi: { met: 'đạt', 'not-met': 'chưa đạt', 'in-progress': 'chưa hết kỳ', 'no-data': 'không có dữ liệu' },
  en: { met: 'met', 'not-met': 'not met', 'in-progress': 'in progress', 'no-data': 'no data' },
};

export function statusLabel(status: TargetAttainment['status'], lang: Lang): string {
  return STATUS[lang][status];
}

const UNREACHABLE: Record<Lang, string> = { vi: 'không thể đạt', en: 'unreachable' };
const over = (n: string, lang: Lang) => (lang === 'vi' ? `vượt ${n}` : `${n} over`);

export function neededLabel(t: Pick<TargetAttainment, 'comparator' | 'needed' | 'met' | 'status'>, lang: Lang): string {
  if (t.met === null) return '';
  if (t.needed === null) return t.met ? '' : UNREACHABLE[lang];
  if (t.needed === 0n) return '—';
  return t.comparator === 'at_most' ? over(formatCount(t.needed, lang), lang) : `+${formatCount(t.needed, lang)}`;
}

/** What meeting a target not met takes, from its JSON count: "+113", "2,500,000 over", "unreachable". */
export function gapLabel(t: { comparator: TargetAttainment['comparator']; needed: number | string | null }, lang: Lang): string {
  if (t.needed === null) return UNREACHABLE[lang];
  const n = formatCount(BigInt(t.needed), lang);
  return t.comparator === 'at_most' ? over(n, lang) : `+${n}`;
}

/** "12 met, 14 not met, 3 in progress, 6 no data" / "12 đạt, 14 chưa đạt, …". */
export function countsText(x: { met: number; notMet: number; inProgress: number; noData: number }, lang: Lang, sep = ', '): string {
  const s = STATUS[lang];
  return [`${x.met} ${s.met}`, `${x.notMet} ${s['not-met']}`, `${x.inProgress} ${s['in-progress']}`, `${x.noData} ${s['no-data']}`].join(sep);
}

/** A breakdown group's label: unit names as written; the one fixed label, central units, in the language. */
export function groupLabel(label: string, lang: Lang): string {
  return label === 'central units' && lang === 'vi' ? 'các đơn vị ở Trung ương' : label;
}
