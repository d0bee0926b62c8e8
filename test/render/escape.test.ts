// The escapers every output shares: control characters inert (one function), Markdown (one cell escaper).

import { describe, expect, it } from 'vitest';
import { inertText } from '../../src/model/inert-text.js';
import { csvCell } from '../../src/render/csv.js';
import { escapeData } from '../../src/render/github.js';
import { escapeHtml } from '../../src/render/html/html.js';
import { asJson } from '../../src/render/json.js';
import { mdBlock, mdCell, mdText } from '../../src/render/markdown.js';

describe('inertText', () => {
  it.each([
    ['plain Vietnamese', 'Vụ Tài chính - Kế toán', 'Vụ Tài chính - Kế toán'],
    ['tab and line feed kept', 'a\tb\nc', 'a\tb\nc'],
    ['ESC sequences', 'Vụ \u001b[2J\u001b]0;pwned\u0007', 'Vụ \\x1b[2J\\x1b]0;pwned\\x07'],
    ['NUL, backspace, CR', '\u0000\u0008\r', '\\x00\\x08\\x0d'],
    ['CR LF is a line break', 'a\r\nb', 'a\nb'],
    ['DEL and C1 (CSI)', '\u007f\u009b31m', '\\x7f\\x9b31m'],
    ['U+00A0 is not a control', 'a\u00a0b', 'a\u00a0b'],
    // Direction overrides and isolates reorder what is shown ("Trojan Source"): shown as \\uHHHH.
    ['a right-to-left override', 'Vụ A\u202eB\u202c', 'Vụ A\\u202eB\\u202c'],
    ['isolates', '\u2066x\u2069', '\\u2066x\\u2069'],
    ['left-to-right mark is kept', 'a\u200eb', 'a\u200eb'],
  ])('%s', (_name, input, expected) => {
    expect(inertText(input)).toBe(expected);
  });
});

describe('every file format shows a control character inert', () => {
  const hostile = 'x\u001b[2Jy';
  it.each([
    ['csv', csvCell(hostile), 'x\\x1b[2Jy'],
    ['github', escapeData(hostile), 'x\\x1b[2Jy'],
    ['html', escapeHtml(hostile), 'x\\x1b[2Jy'],
    ['md', mdText(hostile), 'x\\\\x1b\\[2Jy'],
  ])('%s', (_name, got, expected) => {
    expect(got).toBe(expected);
  });

  it('json keeps the text exact, with C0, DEL and C1 as \\u escapes', () => {
    const out = asJson({ s: '\u001b\u007f\u009b' });
    expect(out).toBe('{\n  "schemaVersion": 1,\n  "s": "\\u001b\\u007f\\u009b"\n}\n');
    expect((JSON.parse(out) as { s: string }).s).toBe('\u001b\u007f\u009b');
  });
});

describe('mdCell', () => {
  it.each([
    ['link', '[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['image', '![i](https://evil.example/p.png)', '\\!\\[i\\](https://evil.example/p.png)'],
    ['emphasis', '*a* _b_ ~~c~~', '\\*a\\* \\_b\\_ \\~\\~c\\~\\~'],
    ['code', '`x`', '\\`x\\`'],
    ['html', '<img src=x onerror=alert(1)> & co', '&lt;img src=x onerror=alert(1)&gt; &amp; co'],
    ['pipe', 'a | b', 'a \\| b'],
    ['newline', 'a\nb\r\nc', 'a<br>b<br>c'],
    ['heading mark', '# h', '\\# h'],
    ['backslash', 'a\\*', 'a\\\\\\*'],
    ['plain', 'Tháng 01/2024', 'Tháng 01/2024'],
  ])('%s', (_name, input, expected) => {
    expect(mdCell(input)).toBe(expected);
  });
});

// Text that begins a line: CommonMark would read "- x" or "1. x" there as a list, "===" or "---"
// under a line as a heading, "+ x" as a list; the mark is escaped, the words kept.
describe('mdBlock', () => {
  it.each([
    ['dash list', '- Vụ Pháp chế', '\\- Vụ Pháp chế'],
    ['plus list', '+ a', '\\+ a'],
    ['ordered list', '1. Xây dựng kế hoạch', '1\\. Xây dựng kế hoạch'],
    ['ordered with paren', '12) b', '12\\) b'],
    ['a later line', 'Ghi chú:\n  - a\n2. b\n===', 'Ghi chú:\n  \\- a\n2\\. b\n\\==='],
    ['rule', '---', '\\---'],
    ['a number that is no list', '2025 là năm', '2025 là năm'],
    ['a dash inside a line', 'Vụ Tài chính - Kế toán', 'Vụ Tài chính - Kế toán'],
    ['inline punctuation still escaped', '- *a*', '\\- \\*a\\*'],
  ])('%s', (_name, input, expected) => {
    expect(mdBlock(input)).toBe(expected);
  });
});
