// Text from plan and data files made inert before any renderer shows it: a control character
// (C0 other than tab and line feed, DEL, C1) is written out as visible `\xHH`, so an escape
// sequence in a title can neither repaint a terminal nor hide in a Markdown, CSV or HTML file. The
// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are shown as
// `\uHHHH` too: they reorder what a terminal or editor shows ("Trojan Source"), and Vietnamese text
// never needs them.

/** The characters shown inert, as a regular-expression class body (one list for every place that checks). */
export const CONTROL_CLASS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';

const CONTROL = new RegExp(`[${CONTROL_CLASS}]`, 'g');

const HAS_CONTROL = new RegExp(`[${CONTROL_CLASS}]`);

/** A control character as visible text: `\x1b`, or `\u202e` past U+00FF. */
export const hex = (c: string): string => {
  const code = c.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
};

/**
 * `s` with every control character but tab and line feed shown as `\xHH` (ESC → `\x1b`); a CR LF
 * pair is a line break and becomes a line feed, a CR alone is shown (it would overwrite the line).
 */
export function inertText(s: string): string {
  return HAS_CONTROL.test(s) ? s.replace(/\r\n/g, '\n').replace(CONTROL, hex) : s;
}

/** Whether `s` holds a control character other than tab and line feed. */
export function hasControl(s: string): boolean {
  return HAS_CONTROL.test(s);
}
