// Terminal tables (cli-table3) that fit the terminal width, wrapping long Vietnamese text.

import Table from 'cli-table3';
import type { RenderContext } from './context.js';
import { paint } from './paint.js';
import { displayWidth, wrapText } from './width.js';

export interface ColumnSpec {
  header: string;
  /** Takes the width left over after the other columns (the content column). */
  flex?: boolean;
  /** Upper bound for a fixed column's width (text columns such as units); its widest figure still fits. */
  max?: number;
  /**
   * A flex column's width while another column can still give room without cutting a word (by
   * default its longest word, up to the flex minimum): the content is not squeezed to one word a
   * line while a fixed column keeps its width.
   */
  min?: number;
  align?: 'left' | 'right';
}

const PADDING = 2;

function naturalWidth(values: string[]): number {
  let w = 1;
  for (const v of values) for (const line of v.split('\n')) w = Math.max(w, displayWidth(line));
  return w;
}

const FIGURE = /[+−-]?\d[\d.,]*%?|[█░]+/g;

/** The widest figure ("+16.853.958", "32,5%") in a column's cells. */
function figureWidth(values: string[]): number {
  let w = 0;
  for (const v of values) for (const m of v.match(FIGURE) ?? []) w = Math.max(w, displayWidth(m));
  return w;
}

function longestWord(values: string[]): number {
  let w = 0;
  for (const v of values) for (const word of v.split(/\s+/)) w = Math.max(w, displayWidth(word));
  return w;
}

/** Column widths (content only, without padding) that fit `total` columns including borders. */
export function fitWidths(cols: ColumnSpec[], rows: string[][], total: number): number[] {
  const natural = cols.map((c, i) => naturalWidth([c.header, ...rows.map((r) => r[i] ?? '')]));
  const figures = cols.map((_c, i) => figureWidth(rows.map((r) => r[i] ?? '')));
  const budget = total - (cols.length + 1) - cols.length * PADDING;
  // A fixed column's cap bounds its text, never its widest figure: a number is not split to fit the cap.
  const widths = natural.map((n, i) => (cols[i]!.flex ? n : Math.min(n, Math.max(cols[i]!.max ?? n, figures[i]!))));
  const sum = () => widths.reduce((a, b) => a + b, 0);
  if (sum() <= budget) return widths;
  const flex = cols.map((c, i) => (c.flex ? i : -1)).filter((i) => i >= 0);
  const fixed = widths.reduce((a, w, i) => a + (cols[i]!.flex ? 0 : w), 0);
  let left = budget - fixed;
  const MIN_FLEX = 16;
  if (flex.length > 0 && left >= MIN_FLEX * flex.length) {
    for (const i of flex) widths[i] = Math.max(MIN_FLEX, Math.floor(left / flex.length));
    return widths;
  }
  // Still too wide: shrink the widest columns, each down to its floor.
  for (const i of flex) widths[i] = MIN_FLEX;
  left = budget - sum();
  // Each column's floor: first its longest word too (up to a cap; a content column's up to
  // MIN_FLEX, and at least its `min`), so no word is cut while another column has room; if that
  // is still too wide, only its header's words and its widest figure: a number is never split
  // across lines.
  const hard = cols.map((c, i) => Math.max(6, ...c.header.split(' ').map(displayWidth), figures[i]!));
  const soft = cols.map((c, i) => Math.max(c.flex ? (c.min ?? 0) : hard[i]!, Math.min(longestWord(rows.map((r) => r[i] ?? '')), c.flex ? MIN_FLEX : 14), ...c.header.split(' ').map(displayWidth)));
  for (const floors of [soft, hard]) {
    while (left < 0) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++) {
        if (widths[i]! > floors[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      }
      if (widest < 0) break;
      widths[widest]!--;
      left++;
    }
  }
  return widths;
}

/**
 * Rows drawn per cli-table3 table: its layout compares every cell with every other (spans), so one
 * table of 30,000 rows took 14 s. Blocks of this many rows, joined by a row rule, print the same.
 */
const BLOCK_ROWS = 250;

export function textTable(cols: ColumnSpec[], rows: string[][], ctx: RenderContext, colorize?: (row: number, col: number, s: string) => string): string {
  const widths = fitWidths(cols, rows, ctx.width);
  const c = paint(ctx);
  const draw = (from: number, to: number, withHead: boolean): string => {
    const table = new Table({
      // A header wider than its column wraps like a cell (cli-table3 would cut it off).
      ...(withHead ? { head: cols.map((col, i) => c.bold(wrapText(col.header, widths[i]!).join('\n'))) } : {}),
      colWidths: widths.map((w) => w + PADDING),
      colAligns: cols.map((col) => col.align ?? 'left'),
      style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
      // We wrap cells ourselves, measuring with the same display width that sized the columns.
      wordWrap: false,
    });
    for (let ri = from; ri < to; ri++) {
      table.push(
        rows[ri]!.map((cell, ci) => {
          const wrapped = wrapText(cell, widths[ci]!).join('\n');
          return colorize ? colorize(ri, ci, wrapped) : wrapped;
        }),
      );
    }
    return table.toString();
  };
  if (rows.length <= BLOCK_ROWS) return draw(0, rows.length, true) + '\n';
  const parts: string[] = [];
  for (let from = 0; from < rows.length; from += BLOCK_ROWS) {
    const lines = draw(from, Math.min(rows.length, from + BLOCK_ROWS), from === 0).split('\n');
    if (from > 0) {
      // The block's top border becomes the rule between two rows: ┌─┬─┐ → ├─┼─┤.
      lines[0] = lines[0]!.replace(/┌/g, '├').replace(/┬/g, '┼').replace(/┐/g, '┤');
    }
    // Every block but the last ends where the next begins.
    if (from + BLOCK_ROWS < rows.length) lines.pop();
    parts.push(lines.join('\n'));
  }
  return parts.join('\n') + '\n';
}
