// A plan file's text and YAML document with node ranges, so any finding maps to line and column.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, DiagnosticCode, Severity } from '../model/diagnostic.js';
import { capMessage } from './echo.js';

export type PathSegment = string | number;
export type NodePath = readonly PathSegment[];

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class SourceFile {
  readonly lineCounter = new LineCounter();
  readonly doc: Document.Parsed;
  private lines: string[] | undefined;

  constructor(
    /** Path as shown to the user. */
    readonly path: string,
    /** The text without its BOM. */
    readonly text: string,
  ) {
    this.doc = parseDocument(text, {
      lineCounter: this.lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      keepSourceTokens: false,
    });
  }

  lineText(line: number): string {
    this.lines ??= this.text.split('\n');
    return (this.lines[line - 1] ?? '').replace(/\r$/, '');
  }

  spanOf(start: number, end: number): Span {
    const a = this.lineCounter.linePos(start);
    const b = this.lineCounter.linePos(Math.max(start, end));
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  }

  /**
   * The node at a path, or the nearest existing parent. With `key`, the key of the last segment
   * (for an unknown key, point at the key itself).
   */
  nodeAt(path: NodePath, key = false): Node | undefined {
    let node: unknown = this.doc.contents;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return node as Node;
        if (key && i === path.length - 1) return pair.key as Node;
        const value = pair.value;
        // `key: ` with no value: point at the key.
        if (value === null || value === undefined) return pair.key as Node;
        node = value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) return node as Node;
        node = item;
      } else {
        return node as Node | undefined;
      }
    }
    return node as Node | undefined;
  }

  spanAt(path: NodePath, key = false): Span {
    const node = this.nodeAt(path, key);
    const range = node?.range;
    if (!range) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    // The node's whole range (a block collection's runs to where the next sibling starts); the
    // caret excerpt shows the first line of it.
    return this.spanOf(range[0], range[1]);
  }

  /** The source text of a scalar exactly as written (keeps "1.10" where the value is 1.1). */
  sourceOf(path: NodePath): string | undefined {
    const node = this.nodeAt(path);
    if (!node?.range || !isScalar(node)) return undefined;
    return this.text.slice(node.range[0], node.range[1]);
  }

  diagnostic(
    code: DiagnosticCode,
    message: string,
    at: Span | NodePath,
    opts: { severity?: Severity; hint?: string; key?: boolean } = {},
  ): Diagnostic {
    const span = Array.isArray(at) ? this.spanAt(at as NodePath, opts.key) : (at as Span);
    const d: Diagnostic = {
      code,
      severity: opts.severity ?? 'error',
      message: capMessage(message),
      file: this.path,
      line: span.line,
      column: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
      excerpt: this.lineText(span.line),
    };
    if (opts.hint) d.hint = capMessage(opts.hint);
    return d;
  }
}

export { fileDiagnostic } from './file-diagnostic.js';
