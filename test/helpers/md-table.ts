// Reading the Markdown tables `plan` writes, as GitHub shows them: cells split on unescaped pipes,
// `<br>` a line break, backslash escapes and the three entities undone.

/** The cells of a Markdown table line. */
export function mdCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner
    .split(/(?<!\\)\|/)
    .map((c) =>
      c
        .trim()
        .replace(/<br>/g, '\n')
        .replace(/\\(.)/g, '$1')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
}

/** Every table in a piece of Markdown: its header and its body rows as cells keyed by header. */
export function mdTables(md: string): { header: string[]; rows: Map<string, string>[] }[] {
  const out: { header: string[]; rows: Map<string, string>[] }[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !/^\|[\s:|-]+\|$/.test(lines[i + 1] ?? '')) continue;
    const header = mdCells(lines[i]!);
    const rows: Map<string, string>[] = [];
    i += 2;
    while (i < lines.length && lines[i]!.startsWith('|')) {
      const cells = mdCells(lines[i++]!);
      rows.push(new Map(header.map((h, j) => [h, cells[j] ?? ''])));
    }
    out.push({ header, rows });
  }
  return out;
}
