// A warning for a text cut short by " #" ("đề án #1"): YAML reads the rest of the line as a comment, silently.

import { isMap, isPair, isScalar, Scalar, visit } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SourceFile } from './source-file.js';

/** Keys whose values are sentences from the document, where " #" is more likely text than a comment. */
const TEXT_KEYS = new Set(['content', 'title', 'product', 'text', 'note', 'reason', 'subject', 'mode', 'as_written', 'header', 'label']);

export function textCutByComment(src: SourceFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(src.doc, {
    Pair(_k, pair, path) {
      const parent = path[path.length - 1];
      if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value) || (parent !== undefined && !isMap(parent))) return;
      const value = pair.value;
      if (!TEXT_KEYS.has(String(pair.key.value)) || value.type !== Scalar.PLAIN || !value.range) return;
      const end = value.range[1];
      const lineEnd = src.text.indexOf('\n', end);
      const rest = src.text.slice(end, lineEnd === -1 ? undefined : lineEnd);
      // "# note" is how a comment is written; "#1", "#tag" is how text is.
      const m = /^[ \t]+#(?=[^\s#])/.exec(rest);
      if (!m) return;
      const at = src.spanOf(end + m[0].length - 1, end + m[0].length);
      out.push(
        src.diagnostic('TEXT_CUT_BY_COMMENT', `the text of "${String(pair.key.value)}" stops before "#": YAML reads " #" and what follows as a comment`, at, {
          severity: 'warning',
          hint: 'quote the text or use `>-` if the "#" belongs to it; otherwise put the comment on a line of its own',
        }),
      );
    },
  });
  return out;
}
