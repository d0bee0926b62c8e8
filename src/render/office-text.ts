// Text bound for Word and Excel XML: characters XML 1.0 cannot hold (C0 controls but tab, line feed
// and carriage return; lone surrogates; U+FFFE, U+FFFF) would make the file unreadable, so each
// becomes U+FFFD, visibly. Everything else stays as written.

const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(s: string): string {
  return s.replace(ILLEGAL, '\uFFFD');
}

/**
 * A workbook string as Excel reads it back: OOXML decodes `_xHHHH_` in cell text as a character, so
 * a literal one is written with its underscore escaped (`_x005F_`), and shows as typed.
 */
export function sheetText(s: string): string {
  return xmlSafe(s).replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
}
