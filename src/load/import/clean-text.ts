// Text from a file, made safe to keep and to show: control characters dropped, NFC.

/** Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function cleanText(s: string): string {
  return s.replace(CONTROL, '').normalize('NFC');
}
