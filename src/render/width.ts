// Display width of text in a terminal: Vietnamese diacritics (even decomposed) take no extra columns.

import stringWidth from './string-width-lazy.cjs';

// Latin letters (with Vietnamese's precomposed ones), punctuation and combining marks: one column per
// base character. Checking this first avoids string-width's emoji machinery for nearly every cell.
// eslint-disable-next-line no-misleading-character-class -- the combining marks are a range of their own here
const SIMPLE = /^[\x20-\x7e\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]*$/;
const COMBINING = /[\u0300-\u036f]/g;
const ANSI = /\u001b\[[0-9;]*m/g;

// cli-table3 measures the same cell text once per line it draws; remembering widths keeps that linear.
// Only short texts are remembered, and only so many: the memo stays small whatever the input.
const memo = new Map<string, number>();
const MEMO_MAX_LENGTH = 256;
const MEMO_MAX_ENTRIES = 20000;

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
  if (s.length <= MEMO_MAX_LENGTH) {
    if (memo.size >= MEMO_MAX_ENTRIES) memo.clear();
    memo.set(s, width);
  }
  return width;
}

/** How big the width memo is (entries, longest key): bounded whatever was measured. */
export function widthMemoStats(): { entries: number; longestKey: number } {
  let longestKey = 0;
  for (const k of memo.keys()) longestKey = Math.max(longestKey, k.length);
  return { entries: memo.size, longestKey };
}

/** Pads to a display width (String.padEnd counts code units, which misaligns decomposed text). */
export function padDisplay(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

let segmenter: Intl.Segmenter | undefined;

// V8's segmenter slows down with the length of the text it walks (quadratic overall), so a long
// word is segmented in slices; a slice's last cluster may go on in the next one, so it is redone there.
const SLICE = 512;

/** The grapheme clusters of a text, in time linear in its length. */
function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter('vi', { granularity: 'grapheme' });
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = Math.min(text.length, start + SLICE);
    const segs = Array.from(segmenter.segment(text.slice(start, end)), (x) => x.segment);
    if (end < text.length && segs.length > 1) segs.pop();
    for (const x of segs) {
      out.push(x);
      start += x.length;
    }
  }
  return out;
}

/**
 * Splits a word wider than `width` into lines of at most `width` columns, between grapheme
 * clusters, breaking after a hyphen or slash where one falls inside a line. The word is segmented
 * and measured once, so the time is linear in its length.
 */
function splitWord(word: string, width: number): string[] {
  const g = graphemes(word);
  const gw = g.map(displayWidth);
  let rest = gw.reduce((a, b) => a + b, 0);
  const pieces: string[] = [];
  let i = 0;
  while (rest > width && i < g.length) {
    let j = i;
    let acc = 0;
    while (j < g.length && acc + gw[j]! <= width) acc += gw[j++]!;
    // A cluster wider than the whole column still takes a line of its own.
    if (j === i) acc = gw[j++]!;
    // Break an id or a document number after a hyphen or slash where one falls in the line.
    for (let k = j - 2; k > i; k--) {
      if (g[k] === '-' || g[k] === '/') {
        for (let x = k + 1; x < j; x++) acc -= gw[x]!;
        j = k + 1;
        break;
      }
    }
    pieces.push(g.slice(i, j).join(''));
    rest -= acc;
    i = j;
  }
  pieces.push(g.slice(i).join(''));
  return pieces;
}

/**
 * Wraps text to a display width on word boundaries; words longer than the width are split.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of para.split(/ +/)) {
      if (word === '') continue;
      let w = word;
      let ww = displayWidth(w);
      if (ww > width) {
        if (line) {
          out.push(line);
          line = '';
        }
        const pieces = splitWord(w, width);
        for (let p = 0; p < pieces.length - 1; p++) out.push(pieces[p]!);
        w = pieces[pieces.length - 1]!;
        ww = displayWidth(w);
      }
      if (!line) {
        line = w;
        lineWidth = ww;
      } else if (lineWidth + 1 + ww <= width) {
        line += ' ' + w;
        lineWidth += 1 + ww;
      } else {
        out.push(line);
        line = w;
        lineWidth = ww;
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

/** Text wrapped to the width, the first line after `first`, the rest indented by `indent` columns. */
export function hanging(first: string, text: string, indent: number, width: number): string[] {
  const avail = Math.max(10, width - indent);
  const firstWidth = displayWidth(first);
  if (firstWidth >= width - 10) return [first.trimEnd(), ...wrapText(text, avail).map((l) => ' '.repeat(indent) + l)];
  // A prefix wider than the indent leaves the first line less room: a stand-in word takes up the difference.
  const extra = Math.max(0, firstWidth - indent - 1);
  const lines = wrapText(extra > 0 ? '\u00a0'.repeat(extra) + ' ' + text : text, avail);
  if (extra > 0) lines[0] = lines[0]!.slice(extra + 1);
  return lines.map((l, i) => (i === 0 ? (first + l).trimEnd() : ' '.repeat(indent) + l));
}

/** A line as it is when it fits, else wrapped (losing its column padding) with a hanging indent. */
export function fit(line: string, indent: number, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const lead = /^ */.exec(line)![0];
  return hanging(lead, line.slice(lead.length), indent, width);
}

/**
 * Prose for a terminal (a note, a summary under a table): each line that is wider than `width` wrapped
 * with a hanging indent, a number never parted from the word after it ("2 không có dữ liệu").
 */
export function wrapProse(text: string, width: number, indent = 2): string {
  return text
    .split('\n')
    .flatMap((line) => (displayWidth(line) <= width ? [line] : fit(line.replace(/(\d) (?=\S)/g, '$1\u00a0'), indent, width).map((l) => l.replace(/\u00a0/g, ' '))))
    .join('\n');
}
