// The languages human formats speak, and the default: Vietnamese, the language of the users and
// of the documents; engineers reading CI logs set PLAN_LANG=en (or pass --lang en).

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The default language of every human format. */
export const DEFAULT_LANG: Lang = 'vi';

export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}
