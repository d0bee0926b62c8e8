// GitHub-flavoured Markdown pieces: every piece of text from a plan or data file goes through one
// escaper, so no link, image, emphasis, code span, HTML or broken table can come from a plan.

import { inertText } from '../model/inert-text.js';

// Punctuation that opens an inline construct: links and images ([ ] !), emphasis and
// strike-through (* _ ~), code (`), headings (#), table cells (|); the backslash itself too.
const PUNCTUATION = /([\\`*_[\]!~#|])/g;

/** Escapes inline text: control characters inert, `<` `>` `&` as entities, Markdown punctuation with a backslash. */
export function mdText(s: string): string {
  return inertText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(PUNCTUATION, '\\$1');
}

/**
 * Escapes text that begins a line (a paragraph, a quote): as mdText, and a line that would open a
 * list, a heading underline or a rule ("- ", "+ ", "1. ", "2) ", "===", "---") gets its mark escaped.
 */
export function mdBlock(s: string): string {
  return mdText(s).replace(/^([ \t]*)([-+=])/gm, '$1\\$2').replace(/^([ \t]*)(\d{1,9})([.)])/gm, '$1$2\\$3');
}

/** Escapes a table cell: inline text, with line breaks as `<br>` (a cell is one line). */
export function mdCell(s: string): string {
  return mdText(s).replace(/\r?\n/g, '<br>');
}

export function mdTable(headers: string[], rows: string[][], align?: ('left' | 'right')[]): string {
  const head = `| ${headers.map(mdCell).join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (align?.[i] === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n') + '\n';
}
