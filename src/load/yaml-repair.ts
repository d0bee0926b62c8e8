// YAML mistakes people make in plan files: a hint in plain words for each, and a repaired copy of
// the text (each broken line rewritten) so the rest of the file can still be checked in the same run.

/** A hint for a YAML parser error, by its code and message; undefined when there is nothing better to say. */
export function yamlHint(code: string, message: string, lineText: string): string | undefined {
  const value = /^\s*(?:-\s+)?[^\s:#][^:#]*:\s+(.*)$/.exec(lineText)?.[1] ?? '';
  if (code === 'TAB_AS_INDENT') return 'YAML indents with spaces only; replace the tab with spaces';
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || (code === 'MULTILINE_IMPLICIT_KEY' && /:\s/.test(value))) {
    return 'the text holds ": " (a colon and a space), which YAML reads as a new key: quote the text ("…") or use `>-` and write it on the next lines';
  }
  if (code === 'MISSING_CHAR' && /closing "?quote/i.test(message)) {
    return 'a quoted text ends with the quote it starts with; inside "…" write a quote as \\", inside \'…\' as \'\'';
  }
  if (/closing/i.test(message) && /quote/i.test(message)) {
    return 'a quoted text ends with the quote it starts with; inside "…" write a quote as \\", inside \'…\' as \'\'';
  }
  if (code === 'UNEXPECTED_TOKEN' && /^["']/.test(value)) {
    return 'the text goes on after its closing quote: quote the whole text, and write a quote inside it as \\" (or use `>-`)';
  }
  if (code === 'MULTILINE_IMPLICIT_KEY') return 'a text that goes on to the next line is indented more than its key, or written after `>-`';
  if (code === 'BAD_INDENT' && /same column/.test(message)) return 'the keys of one mapping start in the same column: align this line with the key above it';
  if (code === 'BAD_INDENT' && /end with a \]/.test(message)) return 'a list written [a, b] closes with ] before the next key';
  if (code === 'BAD_INDENT' && /end with a \}/.test(message)) return 'a mapping written { a: 1 } closes with } before the next key';
  if (code === 'MISSING_CHAR' && /without - indicator/.test(message)) return 'each item of a list starts with "- " at the same column; or this line is indented too little';
  if (code === 'UNEXPECTED_TOKEN' && /block-seq-ind on same line/.test(message)) return 'a list starts on the line after its key, one "- item" per line; or write it [a, b]';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR' || code === 'UNEXPECTED_TOKEN') return 'check the indentation (spaces only, two per level) and that every text with ": " or " #" is quoted';
  return undefined;
}

/** Leading whitespace of a line, with a list item's "- " counted as indentation. */
function indentOf(line: string): string {
  const m = /^(\s*)(-\s+)?/.exec(line)!;
  return ' '.repeat(m[1]!.replace(/\t/g, '  ').length + (m[2]?.length ?? 0));
}

/** The line rewritten so it parses: its value quoted, or its tabs made spaces. Undefined when no rewrite is known. */
function repairLine(code: string, lines: string[], index: number): string | undefined {
  const line = lines[index]!;
  if (code === 'TAB_AS_INDENT' || /^\s*\t/.test(line)) {
    let prev = index - 1;
    while (prev >= 0 && lines[prev]!.trim() === '') prev--;
    const indent = prev >= 0 ? indentOf(lines[prev]!) : '';
    return indent + line.replace(/^[\t ]+/, '');
  }
  const m = /^(\s*(?:-\s+)?[^\s:#"'][^:#]*?:)(\s+)(.+?)\s*$/.exec(line);
  if (!m) return undefined;
  const text = m[3]!.replace(/^["']|["']$/g, '').replace(/\\"/g, '"');
  return `${m[1]}${m[2]}${JSON.stringify(text)}`;
}

/** A parser error with its 1-based position. */
export interface ParseError {
  code: string;
  message: string;
  line: number;
  column: number;
}

/**
 * Broken lines rewritten before giving up (each costs one parse of the file): far above the
 * mistakes of a hand-typed file, and a bound on what a file of nothing but mistakes can cost.
 */
export const MAX_REPAIRS = 100;

export interface Repair {
  /** The text with every broken line rewritten; the same number of lines, so other positions hold. */
  text: string;
  /** Each mistake found, in the text as it was when found (lines not yet rewritten are as written). */
  fixes: (ParseError & { index: number })[];
}

/**
 * Rewrites the line each first error points at until the text parses, at most `maxRounds` times.
 * Undefined when an error falls on a line that cannot be rewritten (or on one rewritten already).
 */
export function repairText(text: string, errorsOf: (text: string) => ParseError[], maxRounds = MAX_REPAIRS): Repair | undefined {
  const lines = text.split('\n');
  const fixes: Repair['fixes'] = [];
  const done = new Set<number>();
  for (let round = 0; round <= maxRounds; round++) {
    const current = lines.join('\n');
    const errors = errorsOf(current);
    if (errors.length === 0) return fixes.length === 0 ? undefined : { text: current, fixes };
    if (round === maxRounds) return undefined;
    // The first error, and every later one that concerns its own line only (a colon in a text, a
    // tab): those are mistakes of their own, not consequences of the first, and one parse fixes them all.
    const local = errors.slice(1).filter((e) => LOCAL.has(e.code) && e.line !== errors[0]!.line);
    if (!repairOne(errors[0]!)) return undefined;
    // A later error that cannot be repaired now is met again as a first error, or was a consequence.
    for (const err of local) repairOne(err);
  }
  return undefined;

  function repairOne(err: ParseError): boolean {
    let index = err.line - 1;
    // An unclosed quote is reported where the text ends up; the quote opens on this line or an earlier one.
    if (/closing/i.test(err.message) && /quote/i.test(err.message)) {
      let k = Math.min(index, lines.length - 1);
      while (k >= 0 && !/:\s+["'][^"']*$/.test(lines[k]!.replace(/\r$/, ''))) k--;
      if (k >= 0) index = k;
    }
    if (index < 0 || index >= lines.length || done.has(index)) return false;
    const cr = lines[index]!.endsWith('\r');
    const fixed = repairLine(err.code, lines, index);
    if (fixed === undefined) return false;
    lines[index] = cr && !fixed.endsWith('\r') ? `${fixed}\r` : fixed;
    done.add(index);
    fixes.push({ ...err, index });
    return true;
  }
}

/** Parser errors that concern the line they are reported on and nothing after it. */
const LOCAL = new Set(['BLOCK_AS_IMPLICIT_KEY', 'TAB_AS_INDENT']);
