// Display width of text in a terminal: Vietnamese diacritics (even decomposed) take no extra columns.

import stringWidth from 'string-width';

export function displayWidth(s: string): number {
  return stringWidth(s);
}

/** Pads to a display width (String.padEnd counts code units, which misaligns decomposed text). */
export function padDisplay(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** Wraps text to a display width on word boundaries; words longer than the width are split. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/ +/)) {
      if (word === '') continue;
      let w = word;
      while (displayWidth(w) > width) {
        // Split an over-long word at the width, by grapheme clusters.
        const chars = [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(w)].map((s) => s.segment);
        let head = '';
        for (const ch of chars) {
          if (displayWidth(head + ch) > width) break;
          head += ch;
        }
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
