// Control characters in a plan file (a raw ESC, or one written as "\e" in a quoted string): a
// terminal would obey them, so each is a finding. Renderers show them inert whatever happens.

import { visit } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { CONTROL_CLASS, hasControl } from '../model/inert-text.js';
import type { SourceFile } from './source-file.js';

/** At most this many findings per file: one is enough to act on, a thousand would bury the rest. */
const MAX_FINDINGS = 20;

const NAMES: Record<number, string> = { 0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL', 0x9b: 'CSI', 0x202a: 'LRE', 0x202b: 'RLE', 0x202c: 'PDF', 0x202d: 'LRO', 0x202e: 'RLO', 0x2066: 'LRI', 0x2067: 'RLI', 0x2068: 'FSI', 0x2069: 'PDI' };

function describe(ch: string): string {
  const code = ch.charCodeAt(0);
  const name = NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

const RAW = new RegExp(`[${CONTROL_CLASS}]`, 'g');

/** One warning per line holding a raw control character, and per string value that decodes to one. */
export function controlCharDiagnostics(src: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lines = new Set<number>();
  const hint = 'remove it: plan text is shown in terminals, and an escape sequence there would be obeyed (a direction override would reorder what is shown)';
  // A CR is a line break only before a line feed; elsewhere it is a control character too.
  for (const m of src.text.replace(/\r\n/g, '\n\n').matchAll(RAW)) {
    if (out.length >= MAX_FINDINGS) return out;
    const at = m.index;
    const span = src.spanOf(at, at + 1);
    if (lines.has(span.line)) continue;
    lines.add(span.line);
    out.push(src.diagnostic('TEXT_CONTROL_CHAR', `control character ${describe(m[0])} in the file`, span, { severity: 'warning', hint }));
  }
  visit(src.doc, {
    Scalar(_key, node) {
      if (out.length >= MAX_FINDINGS) return visit.BREAK;
      if (typeof node.value !== 'string' || !hasControl(node.value) || !node.range) return;
      const span = src.spanOf(node.range[0], node.range[1]);
      if (lines.has(span.line)) return;
      lines.add(span.line);
       
      const ch = new RegExp(`[${CONTROL_CLASS}]`).exec(node.value)![0];
      out.push(src.diagnostic('TEXT_CONTROL_CHAR', `the text holds the control character ${describe(ch)} (written as an escape)`, span, { severity: 'warning', hint }));
    },
  });
  return out;
}
