// Dates and numbers as each language writes them: Vietnamese dd/mm/yyyy and "1.234.567", "12,5%";
// English keeps ISO days (unambiguous for the engineers who read it) and "1,234,567", "12.5%".
// JSON and CSV never come here: they stay ISO and plain.

import type { Lang } from './lang.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day: "30/01/2024" in Vietnamese, "2024-01-30" in English; anything else unchanged. */
export function formatDay(iso: string, lang: Lang): string {
  const m = ISO.exec(iso);
  if (!m || lang === 'en') return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** A day inside a sentence: "ngày 30/01/2024" / "2024-01-30". */
export function dayPhrase(iso: string, lang: Lang): string {
  return lang === 'vi' && ISO.test(iso) ? `ngày ${formatDay(iso, lang)}` : formatDay(iso, lang);
}

function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** A whole number with thousands separators: "1.234.567" / "1,234,567"; negatives with a true minus. */
export function formatInt(n: number | bigint, lang: Lang): string {
  const neg = typeof n === 'bigint' ? n < 0n : n < 0;
  const abs = typeof n === 'bigint' ? (neg ? -n : n).toString() : Math.abs(Math.trunc(n)).toString();
  const s = group(abs, lang === 'vi' ? '.' : ',');
  return neg ? `−${s}` : s;
}

/** A decimal already written with a dot ("12.5", from toFixed) in the language's way: "12,5" / "12.5". */
export function localiseDecimal(fixed: string, lang: Lang): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(fixed);
  if (!m) return fixed;
  const int = group(m[2]!, lang === 'vi' ? '.' : ',');
  const frac = m[3] === undefined ? '' : (lang === 'vi' ? ',' : '.') + m[3];
  return `${m[1] ? '−' : ''}${int}${frac}`;
}

/** A number with at most `digits` decimals, trailing zeros dropped: 12.5 → "12,5" / "12.5". */
export function formatNumber(x: number, lang: Lang, digits = 2): string {
  const fixed = x.toFixed(digits).replace(/\.?0+$/, '');
  return localiseDecimal(fixed === '-0' ? '0' : fixed, lang);
}
