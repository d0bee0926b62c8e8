// A cell's or paragraph's lines → one text, joined as the document reads.

/** A line that opens a list item ("- …", "+ …", "• …", "a) …") starts a line of its own in the text. */
const LIST_ITEM = /^(?:[-–•+*]\s|[a-zđ]\)\s|\d+\)\s)/;

/**
 * Joins the lines of a cell: the line breaks of a narrow cell (w:br, or one paragraph per line)
 * wrap a sentence and become a space; a line that opens a list item keeps its line break.
 * Runs of white space become one space; the ends are trimmed.
 */
export function joinLines(paragraphs: readonly string[]): string {
  const lines = paragraphs
    .flatMap((p) => p.split('\n'))
    .map((l) => l.replace(/[\t \u00A0]+/g, ' ').trim())
    .filter((l) => l !== '');
  let out = '';
  for (const line of lines) {
    if (out === '') out = line;
    else out += LIST_ITEM.test(line) ? `\n${line}` : ` ${line}`;
  }
  return out;
}
