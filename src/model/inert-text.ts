// Text from plan and data files made inert before any renderer shows it: a control character
// (C0 other than tab and line feed, DEL, C1) is written out as visible `\xHH`, so an escape
// sequence in a title can neither repaint a terminal nor hide in a Markdown, CSV or HTML file.

 
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
 
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const hex = (c: string): string => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

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
