// Display width of text in a terminal: Vietnamese diacritics (even decomposed) take no extra columns.

import stringWidth from './string-width-lazy.cjs';

// Latin letters (with Vietnamese's precomposed ones), punctuation and combining marks: one column per
// base character. Checking this first avoids string-width's emoji machinery for nearly every cell.
// eslint-disable-next-line no-misleading-character-class -- the combining marks are a range of their own here
const SIMPLE = /^[\x20-\x7e\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*$/;
const COMBINING = /[\u0300-\u036f]/g;
const ANSI = /\u001b\[[0-9;]*m/g;

// cli-table3 measures the same cell text once per line it draws; remembering widths keeps that linear.
const memo = new Map<string, number>();

export function displayWidth(s: string): number {
  const known = memo.get(s);
  if (known !== undefined) return known;
  const plain = s.includes('\u001b') ? s.replace(ANSI, '') : s;
  let width: number;
  if (SIMPLE.test(plain)) {
    const marks = plain.match(COMBINING);
    width = plain.length - (marks ? marks.length : 0);
  } else {
    width = stringWidth(plain);
  }
  if (memo.size > 20000) memo.clear();
  memo.set(s, width);
  return width;
}

/** Pads to a display width (String.padEnd counts code units, which misaligns decomposed text). */
export function padDisplay(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

let segmenter: Intl.Segmenter | undefined;

/** Wraps text to a display width on word boundaries; words longer than the width are split. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/ +/)) {
      if (word === '') continue;
      let w = word;
      while (displayWidth(w) > width) {
        // Split an over-long word at the width, between grapheme clusters.
        segmenter ??= new Intl.Segmenter('vi', { granularity: 'grapheme' });
        let head = '';
        for (const { segment } of segmenter.segment(w)) {
          if (displayWidth(head + segment) > width) break;
          head += segment;
        }
        if (head === '') head = w.slice(0, 1);
        // Break an id or a document number after a hyphen or slash where one falls in the line.
        const soft = Math.max(head.lastIndexOf('-'), head.lastIndexOf('/'));
        if (soft > 0 && soft < head.length - 1) head = head.slice(0, soft + 1);
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(head);
        w = w.slice(head.length);
      }
      if (!line) line = w;
      else if (displayWidth(line) + 1 + displayWidth(w) <= width) line += ' ' + w;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out;
}

/** Wraps text to a width and keeps at most `maxLines` lines, ending the last kept one with "…". */
export function clampLines(text: string, width: number, maxLines: number): string[] {
  const lines = wrapText(text, width);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 0 && displayWidth(last + '…') > width) last = last.slice(0, -1);
  kept[maxLines - 1] = last.replace(/[\s,;:.]+$/, '') + '…';
  return kept;
}
