// Column caps for wide terminal tables, so the text columns stay readable on narrow terminals.

import type { ColumnSpec } from './text-table.js';
import { displayWidth } from './width.js';

/**
 * Caps the fixed columns of a terminal table so its text columns keep at least two fifths of a
 * narrow terminal: six columns of units, periods and leaders would otherwise squeeze the content
 * to a word per line.
 */
export function sizeColumns(cols: ColumnSpec[], rows: string[][], width: number): ColumnSpec[] {
  const budget = width - (cols.length + 1) - cols.length * 2;
  const flex = cols.filter((c) => c.flex).length;
  const room = budget - Math.max(20 * flex, Math.floor(budget * 0.4));
  const natural = cols.map((c, i) => {
    let w = displayWidth(c.header);
    for (const r of rows) for (const line of (r[i] ?? '').split('\n')) w = Math.max(w, displayWidth(line));
    return Math.min(w, c.max ?? w);
  });
  const small = (i: number) => cols[i]!.flex || natural[i]! <= 8;
  const fixedSmall = natural.reduce((n, w, i) => n + (small(i) && !cols[i]!.flex ? w : 0), 0);
  const shrinkable = natural.reduce((n, w, i) => n + (small(i) ? 0 : w), 0);
  if (shrinkable === 0 || fixedSmall + shrinkable <= room) return cols;
  const scale = Math.max(0, room - fixedSmall) / shrinkable;
  return cols.map((c, i) => {
    if (small(i)) return c;
    // Never below the longest word (a decision number, "01/2024"), up to a point.
    let word = 0;
    for (const r of rows) for (const w of (r[i] ?? '').split(/\s+/)) word = Math.max(word, displayWidth(w));
    const floor = Math.max(6, Math.min(word, 14), ...c.header.split(/\s+/).map(displayWidth));
    return { ...c, max: Math.max(floor, Math.floor(natural[i]! * scale)) };
  });
}
