// GitHub-flavoured Markdown pieces: tables with escaped cells.

/** Escapes a table cell: pipes, backslashes, HTML-significant characters and newlines. */
export function mdCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

/** Escapes inline text outside tables. */
export function mdText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([\\`*_[\]#|])/g, '\\$1');
}

export function mdTable(headers: string[], rows: string[][], align?: ('left' | 'right')[]): string {
  const head = `| ${headers.map(mdCell).join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (align?.[i] === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`);
  return [head, rule, ...body].join('\n') + '\n';
}
