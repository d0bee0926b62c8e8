// An imported decision → the text of a draft plan file, through the yaml Document API so that each
// value to check carries its `# TODO:` comment on its own line (where `plan validate` points).

import { Document, LineCounter, Pair, Parser, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { CellPlace, Checked, ImportedAppendix, ImportedDecision, ImportedGroup, ImportedTask, RefCell } from './imported-decision.js';

export interface Todo {
  /** 1-based line of the plan file the comment stands on. */
  line: number;
  message: string;
  place?: CellPlace;
}

export interface DraftPlan {
  text: string;
  todos: Todo[];
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

function str(text: string): Scalar {
  const s = new Scalar(text);
  if (text.includes('\n')) s.type = Scalar.BLOCK_LITERAL;
  else if (text.length > 72) s.type = Scalar.BLOCK_FOLDED;
  return s;
}

function map(entries: [string, unknown][], flow = false): YAMLMap {
  const m = new YAMLMap();
  m.flow = flow;
  for (const [k, v] of entries) if (v !== undefined) m.items.push(new Pair(new Scalar(k), typeof v === 'object' && v !== null ? v : new Scalar(v)));
  return m;
}

function seq(items: unknown[], flow = false): YAMLSeq {
  const s = new YAMLSeq();
  s.flow = flow;
  s.items.push(...items);
  return s;
}

/** Builds the document; `pending` collects the TODOs in the order they are written (= line order). */
class Builder {
  readonly pending: { message: string; place?: CellPlace }[] = [];

  todo<N extends { comment?: string | null }>(node: N, message: string | undefined, place?: CellPlace): N {
    if (message) {
      node.comment = ` TODO: ${oneLine(message)}`;
      this.pending.push(place ? { message: oneLine(message), place } : { message: oneLine(message) });
    }
    return node;
  }

  phrase(c: Checked<string> | undefined): Scalar | undefined {
    return c ? this.todo(str(c.value), c.todo, c.place) : undefined;
  }

  ref(c: Checked<RefCell> | undefined, key: 'units' | 'leaders'): unknown {
    if (!c) return undefined;
    const r = c.value;
    if (r.unresolved.length === 0) {
      if (r.bare && r.ids.length === 1) return new Scalar(r.ids[0]);
      if (r.ids.length > 0) return map([[key, seq(r.ids.map((id) => new Scalar(id)), true)], ['as_written', str(r.asWritten)]]);
    }
    // Nothing resolved and the cell is one name: the name itself stands where the id belongs.
    if (r.ids.length === 0 && r.unresolved.length === 1 && r.unresolved[0] === r.asWritten && !r.asWritten.includes('\n')) return this.todo(str(r.asWritten), c.todo, c.place);
    const items: Scalar[] = r.ids.map((id) => new Scalar(id));
    r.unresolved.forEach((u, i) => items.push(i === 0 ? this.todo(new Scalar(u), c.todo, c.place) : new Scalar(u)));
    if (items.length === 0) items.push(this.todo(new Scalar(''), c.todo, c.place));
    return map([[key, seq(items)], ['as_written', str(r.asWritten)]]);
  }

  task(t: ImportedTask): YAMLMap {
    const m = map([
      ['id', this.todo(new Scalar(t.id.value), t.id.todo, t.id.place)],
      ['no', t.no !== undefined ? new Scalar(t.no) : undefined],
      ['content', t.contentTodo ? this.phrase(t.contentTodo) : str(t.content)],
      ['lead', this.ref(t.lead, 'units')],
      ['support', this.ref(t.support, 'units')],
      ['start', this.phrase(t.start)],
      ['due', this.phrase(t.due)],
      ['when', this.phrase(t.when)],
      ['leader', this.ref(t.leader, 'leaders')],
      ['product', t.product !== undefined ? str(t.product) : undefined],
    ]);
    if (t.note) m.commentBefore = ` Ghi chú: ${oneLine(t.note)}`;
    return m;
  }

  group(g: ImportedGroup): YAMLMap {
    return map([
      ['no', new Scalar(g.no)],
      ['title', g.title !== undefined ? str(g.title) : undefined],
      ['lead', this.ref(g.lead, 'units')],
      ['declared_count', g.declaredCount],
      ['tasks', g.tasks.length > 0 ? seq(g.tasks.map((t) => this.task(t))) : undefined],
      [
        'contents',
        g.contents.length > 0
          ? seq(g.contents.map((c) => map([['id', new Scalar(c.id)], ['no', c.no !== undefined ? new Scalar(c.no) : undefined], ['content', c.contentTodo ? this.phrase(c.contentTodo) : str(c.content)], ['mode', str(c.mode)]])))
          : undefined,
      ],
    ]);
  }

  appendix(a: ImportedAppendix): YAMLMap {
    const columns = seq(a.columns.map((c) => map([['field', c.field], ['header', c.header]], true)));
    const m = map([
      ['id', a.id],
      ['label', a.label],
      ['title', str(a.title)],
      ['note', a.note !== undefined ? str(a.note) : undefined],
      ['columns', columns],
      ['declared_total', a.declaredTotal],
      ['total_label', a.totalLabel],
      ['groups', seq(a.groups.map((g) => this.group(g)))],
    ]);
    if (a.otherColumns.length > 0) columns.commentBefore = ` Not imported (no field holds them): ${a.otherColumns.map(oneLine).join('; ')}`;
    return m;
  }
}

/**
 * The lines that carry a `# TODO:` comment: the comment tokens of the YAML's own syntax tree, so
 * text inside a block scalar or a quoted string that happens to read "# TODO:" does not count.
 */
export function todoCommentLines(text: string): number[] {
  const lc = new LineCounter();
  const lines = new Set<number>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x !== null && typeof x === 'object') {
      const t = x as { type?: unknown; offset?: unknown; source?: unknown };
      if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string' && /^#\s?TODO: /.test(t.source)) lines.add(lc.linePos(t.offset).line);
      else for (const v of Object.values(x)) walk(v);
    }
  };
  for (const token of new Parser(lc.addNewLine).parse(text)) walk(token);
  return [...lines].sort((a, b) => a - b);
}

/** The draft plan file for an imported decision, and where its TODOs stand. */
export function decisionAsYaml(d: ImportedDecision, opts: { source: string }): DraftPlan {
  const b = new Builder();
  const meta = d.meta;
  const decision = map([
    ['number', meta.number],
    ['title', meta.title !== undefined ? str(meta.title) : undefined],
    ['issuer', meta.issuer],
    ['signed', meta.signed],
    ['signer', meta.signer],
    ['signer_title', meta.signerTitle],
    ['place', meta.place],
    ['legal_basis', meta.legalBasis.length > 0 ? seq(meta.legalBasis.map(str)) : undefined],
    ['source', opts.source],
  ]);
  const titleKey = decision.items.find((p) => (p.key as Scalar).value === 'title')?.key as Scalar | undefined;
  if (titleKey && d.titleInCapitals) titleKey.commentBefore = ' The document prints its title in capitals; the bundled plans write titles in sentence case.';
  const decisionKey = new Scalar('decision');
  if (d.missing.length > 0) {
    // `plan validate` reports a missing key at the first key of the block: the TODO stands there.
    const first = decision.items[0]?.value;
    const at = first instanceof Scalar ? first : decisionKey;
    b.todo(at, `the document does not show the decision's ${d.missing.join(', ')}: add ${d.missing.map((k) => `\`${k}:\``).join(', ')} to this block`);
  }
  const root = new YAMLMap();
  root.items.push(new Pair(decisionKey, decision));
  if (d.appendices.length > 0) root.items.push(new Pair(new Scalar('appendices'), seq(d.appendices.map((a) => b.appendix(a)))));
  const doc = new Document(root);
  doc.commentBefore =
    ' yaml-language-server: $schema=./schema/decision.schema.json\n' +
    ` ${meta.number ?? 'A decision'}: drafted by \`plan import\` from ${oneLine(opts.source)}. Read it against the document,\n` +
    ' settle every TODO, then run `plan validate`.';
  const text = doc.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false });
  // The TODO comments in order of lines are the TODOs in the order they were attached.
  const lines = todoCommentLines(text);
  const todos: Todo[] = b.pending.map((t, k) => ({ line: lines[k] ?? 0, ...t }));
  return { text, todos };
}
