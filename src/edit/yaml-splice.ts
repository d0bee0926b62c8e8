// Minimal edits of a YAML document's text: set, add or remove keys and append list items by
// splicing new text in at node positions, so every byte the edit does not touch stays as it was
// (comments, quoting, folded text, blank lines). Re-stringifying a node would reflow its text.

import { isMap, isPair, isScalar, isSeq, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** A change of one map node, applied in place; keys missing from the map are created. */
export interface MapEdit {
  /** The canonical order of this map's keys: a new key goes after the last present key before it. */
  order: readonly string[];
  /** Scalars to set, replacing a present value or adding the key. */
  set?: Record<string, string>;
  /** Scalars to add only when the key is absent. */
  setIfAbsent?: Record<string, string>;
  /** Keys to remove. */
  remove?: readonly string[];
  /** Maps under these keys to edit (created when absent). */
  nested?: Record<string, MapEdit>;
  /** Lists of maps under these keys: edit the item that `match`es, or append `create`. */
  lists?: Record<string, ListEdit>;
}

export interface ListEdit {
  match?: (item: unknown) => boolean;
  /** Applied to the matching item. */
  edit: MapEdit;
  /** Appended when no item matches. */
  create: Record<string, unknown>;
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** An edit this module cannot make without touching text it must keep. */
export class EditError extends Error {}

// No folding of long text, no block scalars: new values stay on one line each.
const STRINGIFY = { lineWidth: 0, minContentWidth: 0, blockQuote: false } as const;

/** Applies non-overlapping splices (by position, last first). */
export function applySplices(text: string, splices: readonly Splice[]): string {
  // Last position first; of two insertions at one position the later-made goes in first, so the
  // earlier-made one ends up before it (occurred, then within).
  const sorted = splices.map((s, i) => ({ s, i })).sort((a, b) => b.s.start - a.s.start || b.s.end - a.s.end || b.i - a.i);
  let out = text;
  for (const { s } of sorted) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/** What a MapEdit amounts to on plain data (the expected result, to check a splice against). */
export function applyMapEditToValue(value: Record<string, unknown> | undefined, edit: MapEdit): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(value ?? {}) };
  for (const k of edit.remove ?? []) delete out[k];
  for (const [k, v] of Object.entries(edit.setIfAbsent ?? {})) if (!(k in out)) out[k] = v;
  for (const [k, v] of Object.entries(edit.set ?? {})) out[k] = v;
  for (const [k, e] of Object.entries(edit.nested ?? {})) out[k] = applyMapEditToValue(out[k] as Record<string, unknown> | undefined, e);
  for (const [k, l] of Object.entries(edit.lists ?? {})) {
    const items = [...((out[k] as unknown[] | undefined) ?? [])];
    const i = l.match ? items.findIndex(l.match) : -1;
    if (i >= 0) items[i] = applyMapEditToValue(items[i] as Record<string, unknown>, l.edit);
    else items.push(l.create);
    out[k] = items;
  }
  return out;
}

/** The plain value a MapEdit creates where there was no map. */
function valueOf(edit: MapEdit): Record<string, unknown> {
  return applyMapEditToValue(undefined, edit);
}

export class YamlSplicer {
  readonly splices: Splice[] = [];
  readonly eol: string;
  /** Spaces a nested block map indents by in this file. */
  readonly step: number;
  /** Whether block sequences under a key are indented past the key (`key:\n  - a`) in this file. */
  readonly indentSeq: boolean;
  /** Columns from a dash to the item's text ("- id" 2, "-   id" 4). */
  readonly seqGap: number;

  constructor(
    readonly text: string,
    readonly doc: Document.Parsed,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    const style = this.detectStyle();
    this.step = style.step;
    this.indentSeq = style.indentSeq;
    this.seqGap = style.seqGap;
  }

  /** The result of every splice made so far. */
  result(): string {
    return applySplices(this.text, this.splices);
  }

  /** Edits the map at `path` (which must exist). */
  editAt(path: readonly (string | number)[], edit: MapEdit): void {
    const node = this.doc.getIn(path, true);
    if (!isMap(node)) throw new EditError(`no mapping at ${path.join('.')}`);
    this.editMap(node, edit);
  }

  private editMap(map: YAMLMap, edit: MapEdit): void {
    for (const key of edit.remove ?? []) {
      const pair = this.pairOf(map, key);
      if (pair) this.removePair(map, pair);
    }
    const sets: [string, string][] = [
      ...Object.entries(edit.setIfAbsent ?? {}).filter(([k]) => !this.pairOf(map, k)),
      ...Object.entries(edit.set ?? {}),
    ];
    for (const [key, value] of sets) {
      const pair = this.pairOf(map, key);
      if (!pair) this.insertPair(map, key, value, edit.order);
      else if (isScalar(pair.value)) {
        // Setting what is there already leaves its text (and quoting) alone.
        if (pair.value.value === null || String(pair.value.value) !== value) this.replaceScalar(pair.value, value, Boolean(map.flow));
      }
      else throw new EditError(`"${key}" holds a list or mapping, not a single value`);
    }
    for (const [key, nested] of Object.entries(edit.nested ?? {})) {
      const pair = this.pairOf(map, key);
      if (!pair) this.insertPair(map, key, valueOf(nested), edit.order);
      else if (isMap(pair.value)) this.editMap(pair.value, nested);
      else throw new EditError(`"${key}" is not a mapping`);
    }
    for (const [key, list] of Object.entries(edit.lists ?? {})) {
      const pair = this.pairOf(map, key);
      if (!pair) {
        this.insertPair(map, key, [list.create], edit.order);
        continue;
      }
      if (!isSeq(pair.value)) throw new EditError(`"${key}" is not a list`);
      const seq = pair.value;
      const index = list.match ? seq.items.findIndex((item) => list.match!((item as Node).toJSON())) : -1;
      const item = index >= 0 ? seq.items[index] : undefined;
      if (item !== undefined) {
        if (!isMap(item)) throw new EditError(`an item of "${key}" is not a mapping`);
        this.editMap(item, list.edit);
      } else {
        this.appendItem(seq, list.create);
      }
    }
  }

  private pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
    return map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key) as Pair<Node, Node | null> | undefined;
  }

  // --- positions ---------------------------------------------------------------------------

  private column(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The offset just past the line that `offset` is on (past its newline), or the end of the text. */
  private lineEndAfter(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === '\n') return offset;
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl + 1;
  }

  /** Where a node's own text ends (before any comment after it). */
  private contentEnd(node: unknown): number {
    if (isPair(node)) return node.value !== null && node.value !== undefined && hasRange(node.value) && !isEmptyScalar(node.value) ? this.contentEnd(node.value) : this.contentEnd(node.key);
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) return this.contentEnd(node.items[node.items.length - 1]);
    if (hasRange(node)) return node.range![1];
    throw new EditError('a node without a position');
  }

  private keyColumn(map: YAMLMap): number {
    const first = map.items[0];
    if (!first || !hasRange(first.key)) throw new EditError('an empty block mapping');
    return this.column((first.key as Node).range![0]);
  }

  // --- text of new values ------------------------------------------------------------------

  private scalarText(value: string, inFlow: boolean): string {
    const s = inFlow ? stringify([value], { ...STRINGIFY, collectionStyle: 'flow' }).trim().slice(1, -1).trim() : stringify(value, STRINGIFY).trimEnd();
    // Multi-line text stays on one line, double-quoted with \n escapes: a block scalar would need the parent's indent.
    return s.includes('\n') ? JSON.stringify(value) : s;
  }

  private flowText(value: unknown): string {
    if (Array.isArray(value)) return value.length === 0 ? '[]' : `[ ${value.map((v) => this.flowText(v)).join(', ')} ]`;
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${this.scalarText(k, true)}: ${this.flowText(v)}`).join(', ')} }`;
    }
    return this.scalarText(String(value), true);
  }

  /** `key: value` as block lines at an indent, each line ending in the file's line break. */
  private blockPair(key: string, value: unknown, indent: number): string {
    return this.blockLines({ [key]: value }, indent)
      .map((l) => l + this.eol)
      .join('');
  }

  /** A mapping's lines at an indent, nested collections in the file's style. */
  private blockLines(value: Record<string, unknown>, indent: number): string[] {
    const pad = ' '.repeat(indent);
    const out: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      const key = this.scalarText(k, false);
      if (Array.isArray(v)) {
        if (v.length === 0) out.push(`${pad}${key}: []`);
        else out.push(`${pad}${key}:`, ...this.seqLines(v, indent + (this.indentSeq ? this.step : 0)));
      } else if (v !== null && typeof v === 'object') {
        if (Object.keys(v).length === 0) out.push(`${pad}${key}: {}`);
        else out.push(`${pad}${key}:`, ...this.blockLines(v as Record<string, unknown>, indent + this.step));
      } else {
        out.push(`${pad}${key}: ${this.scalarText(String(v), false)}`);
      }
    }
    return out;
  }

  /** A list's lines with its dashes at `dash`; a mapping item starts on its dash's line ("- on: …"). */
  private seqLines(items: readonly unknown[], dash: number): string[] {
    const lead = ' '.repeat(dash) + '-' + ' '.repeat(this.seqGap - 1);
    const out: string[] = [];
    for (const item of items) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
        const lines = this.blockLines(item as Record<string, unknown>, dash + this.seqGap);
        out.push(lead + lines[0]!.slice(dash + this.seqGap), ...lines.slice(1));
      } else {
        out.push(lead + this.flowText(item));
      }
    }
    return out;
  }

  // --- splices -----------------------------------------------------------------------------

  /** Inserts text at a line boundary; at the end of a file without a final newline, adds one first. */
  private insertLines(at: number, lines: string): void {
    if (at === this.text.length && this.text.length > 0 && !this.text.endsWith('\n')) {
      this.splices.push({ start: at, end: at, text: this.eol + lines.slice(0, lines.length - this.eol.length) });
    } else {
      this.splices.push({ start: at, end: at, text: lines });
    }
  }

  private replaceScalar(node: Node, value: string, inFlow: boolean): void {
    const [start, end] = node.range!;
    let text = this.scalarText(value, inFlow);
    // A block scalar (>- or |) ends past its last line break; keep one.
    if (this.text[end - 1] === '\n') text += this.eol;
    this.splices.push({ start, end, text });
  }

  private insertPair(map: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
    const rank = (k: string) => {
      const i = order.indexOf(k);
      return i < 0 ? order.length : i;
    };
    const mine = rank(key);
    let anchor: Pair | undefined;
    for (const p of map.items) if (isScalar(p.key) && rank(String(p.key.value)) <= mine) anchor = p as Pair;

    if (map.flow) {
      const text = `${this.scalarText(key, true)}: ${this.flowText(value)}`;
      if (map.items.length === 0) {
        const open = map.range![0];
        this.splices.push({ start: open + 1, end: open + 1, text: ` ${text} ` });
      } else if (anchor) {
        const at = this.contentEnd(anchor);
        this.splices.push({ start: at, end: at, text: `, ${text}` });
      } else {
        const at = (map.items[0]!.key as Node).range![0];
        this.splices.push({ start: at, end: at, text: `${text}, ` });
      }
      return;
    }

    const indent = this.keyColumn(map);
    const lines = this.blockPair(key, value, indent);
    if (anchor) {
      this.insertLines(this.lineEndAfter(this.contentEnd(anchor)), lines);
    } else {
      // Before the first key, which may share its line with a "- ": the first key moves to the next line.
      const at = (map.items[0]!.key as Node).range![0];
      this.splices.push({ start: at, end: at, text: lines.slice(indent) + ' '.repeat(indent) });
    }
  }

  private removePair(map: YAMLMap, pair: Pair): void {
    const i = map.items.indexOf(pair);
    const keyStart = (pair.key as Node).range![0];
    if (map.flow) {
      const next = map.items[i + 1];
      if (next) this.splices.push({ start: keyStart, end: (next.key as Node).range![0], text: '' });
      else if (i > 0) this.splices.push({ start: this.contentEnd(map.items[i - 1]), end: this.contentEnd(pair), text: '' });
      else this.splices.push({ start: keyStart, end: this.contentEnd(pair), text: '' });
      return;
    }
    const lineStart = this.lineStart(keyStart);
    const end = this.lineEndAfter(this.contentEnd(pair));
    const next = map.items[i + 1];
    if (this.text.slice(lineStart, keyStart).trim() === '') {
      this.splices.push({ start: lineStart, end, text: '' });
    } else if (next) {
      // The key shares its line with "- ": the next key moves up in its place.
      this.splices.push({ start: keyStart, end: (next.key as Node).range![0], text: '' });
    } else {
      throw new EditError('cannot remove the only key of a list item');
    }
  }

  private appendItem(seq: YAMLSeq, value: Record<string, unknown>): void {
    const last = seq.items[seq.items.length - 1];
    if (seq.flow) {
      const text = this.flowText(value);
      if (last === undefined) {
        const open = seq.range![0];
        this.splices.push({ start: open + 1, end: open + 1, text: ` ${text} ` });
      } else {
        const at = this.contentEnd(last);
        this.splices.push({ start: at, end: at, text: `, ${text}` });
      }
      return;
    }
    if (last === undefined || !hasRange(last)) throw new EditError('an empty block sequence');
    const dash = this.column(seq.range![0]);
    const lines = this.seqLines([value], dash).map((l) => l + this.eol).join('');
    this.insertLines(this.lineEndAfter(this.contentEnd(last)), lines);
  }

  // --- the file's indentation style ----------------------------------------------------------

  private detectStyle(): { step: number; indentSeq: boolean; seqGap: number } {
    let step: number | undefined;
    let indentSeq: boolean | undefined;
    let seqGap: number | undefined;
    const visit = (node: unknown, keyCol: number | undefined) => {
      if (step !== undefined && indentSeq !== undefined && seqGap !== undefined) return;
      if (isMap(node) && !node.flow && node.items.length > 0 && hasRange(node.items[0]!.key)) {
        const col = this.column((node.items[0]!.key as Node).range![0]);
        if (keyCol !== undefined && step === undefined && col > keyCol) step = col - keyCol;
        for (const p of node.items) if (hasRange(p.key)) visit(p.value, this.column((p.key as Node).range![0]));
      } else if (isSeq(node) && !node.flow && hasRange(node)) {
        const dash = this.column(node.range![0]);
        if (keyCol !== undefined && indentSeq === undefined) indentSeq = dash > keyCol;
        for (const item of node.items) {
          if (seqGap === undefined && hasRange(item) && this.text[item.range![0] - 1] !== '\n') {
            const gap = this.column(item.range![0]) - dash;
            if (gap >= 2) seqGap = gap;
          }
          visit(item, undefined);
        }
      }
    };
    visit(this.doc.contents, undefined);
    return { step: step ?? 2, indentSeq: indentSeq ?? true, seqGap: seqGap ?? 2 };
  }
}

function hasRange(node: unknown): node is Node {
  return typeof node === 'object' && node !== null && Array.isArray((node as Node).range);
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && node.range![0] === node.range![1];
}
