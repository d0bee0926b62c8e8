// A finding's source excerpt in plan validate's text: the line as written (tabs as 4 spaces, controls
// inert) with a caret under the finding; a line wider than 100 columns cut to a window around it,
// "…" at a cut end (a 600,000-character value gave a 1.2 MB finding). Expected lines written by hand.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { diagnosticAsText } from '../../src/render/diagnostics.js';

const ctx = { color: false, width: 80, lang: 'en' as const };

function shown(excerpt: string, column: number, endColumn?: number): [string, string] {
  const d: Diagnostic = { code: 'UNIT_UNKNOWN', severity: 'error', message: 'm', file: 'f.yaml', line: 7, column, excerpt, ...(endColumn !== undefined ? { endLine: 7, endColumn } : {}) };
  const lines = diagnosticAsText(d, ctx).split('\n');
  return [lines[1]!, lines[2]!];
}

const x = (n: number) => 'x'.repeat(n);

describe('the excerpt of a finding', () => {
  it.each([
    // A short line: as it is.
    ['a short line', '    support: vu-a', 14, 18, '  7 |     support: vu-a', '    |              ^^^^'],
    ['a tab shown as four spaces', '\tsupport: vu-a', 11, 15, '  7 |     support: vu-a', '    |              ^^^^'],
    // A long line, the finding at its start: cut at the end only.
    ['long, finding at column 1', x(300), 1, 4, `  7 | ${x(99)}…`, '    | ^^^'],
    // In the middle: 30 columns before it, then to 100 columns in all.
    ['long, finding in the middle', `${x(150)}BAD${x(150)}`, 151, 154, `  7 | …${x(30)}BAD${x(65)}…`, `    | ${' '.repeat(31)}^^^`],
    // At the end: the window runs to the line's end, no "…" after it.
    ['long, finding at the end', `${x(300)}END`, 301, 304, `  7 | …${x(30)}END`, `    | ${' '.repeat(31)}^^^`],
    // A finding to the end of a long value: the caret stops where the window does.
    ['long, finding to the line end', `  support: ${x(600)}`, 12, undefined, `  7 |   support: ${x(88)}…`, `    |            ${'^'.repeat(88)}`],
    // Vietnamese: one column a letter, the cut counts columns.
    ['long Vietnamese', `${'ạ'.repeat(150)}Đ${'ạ'.repeat(150)}`, 151, 152, `  7 | …${'ạ'.repeat(30)}Đ${'ạ'.repeat(67)}…`, `    | ${' '.repeat(31)}^`],
  ])('%s', (_name, excerpt, column, endColumn, line, mark) => {
    expect(shown(excerpt, column, endColumn)).toEqual([line, mark]);
  });

  it('a control character in a cut line is shown inert, and the caret still under its finding', () => {
    const [line, mark] = shown(`${x(200)}\u001b[2J${x(200)}`, 201, 202);
    expect(line).toBe(`  7 | …${x(30)}\\x1b[2J${x(61)}…`);
    expect(mark).toBe(`    | ${' '.repeat(31)}^^^^`);
  });
});
