// A Word document's blocks → a draft decision: the heading (number, date, title, signer), and each
// appendix table's columns, groups and tasks, with every cell as written and what could not be
// resolved marked for a TODO. Pure: the registries come in, nothing is read.

import type { ColumnField } from '../../model/decision.js';
import type { Leader } from '../../model/leaders.js';
import { parsePeriod } from '../../period/parse-period.js';
import { joinLines } from './cell-text.js';
import type { DocBlock, DocTable } from './doc-model.js';
import type { CellPlace, Checked, ImportedAppendix, ImportedDecision, ImportedGroup, ImportedTask, RefCell, Registries } from './imported-decision.js';
import { allLines, appendixId, headingBefore, readMeta } from './read-heading.js';
import { resolveLeaderCell, resolveUnitCell, unitIndex, unitNamed, type UnitIndex } from './resolve-names.js';
import { isNumberRow, readColumns, ROW_NUMBER, tableGrid, type Columns, type GridCell } from './table-grid.js';

export type * from './imported-decision.js';
export { appendixId } from './read-heading.js';
export { tableGrid } from './table-grid.js';

const ROMAN = /^[IVXLC]+$/;
const TASK_ID = /^[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*$/;

/** A few names, quoted and shortened, for a TODO that stays one readable line. */
function quoteSome(names: readonly string[]): string {
  const short = (n: string) => `"${n.length > 60 ? `${n.slice(0, 59)}…` : n}"`;
  const shown = names.slice(0, 3).map(short).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

const noContent = (place: CellPlace): Checked<string> => ({ value: '', todo: 'check the content: the row has none (a cell merged from the row above, or a row to delete?)', place });

function checkedPeriod(text: string, place: CellPlace): Checked<string> {
  const r = parsePeriod(text);
  return r.ok ? { value: text } : { value: text, todo: `check the period: ${quoteSome([text])} is not a period plan reads; write it in a form \`plan validate\` accepts`, place };
}

function unitRef(text: string, index: UnitIndex, place: CellPlace, what: string): Checked<RefCell> {
  const r = resolveUnitCell(text, index);
  const value: RefCell = { ids: r.ids, unresolved: r.unresolved, asWritten: text, bare: r.exact };
  if (r.unresolved.length === 0 && r.ids.length > 0) return { value };
  const parens = r.unresolved.filter((u) => u.startsWith('('));
  const names = r.unresolved.filter((u) => !u.startsWith('('));
  const why =
    r.unresolved.length === 0
      ? 'the cell names no unit'
      : names.length > 0
        ? `${quoteSome(names)} matches no unit of the registry; use a unit id, or add the unit (or an alias) to units.yaml`
        : `the parenthesis ${quoteSome(parens)} names no unit; if it only qualifies the names before it, delete this item (as_written keeps it), else give the units it means`;
  return { value, todo: `check the ${what}: ${why}`, place };
}

function leaderRef(text: string, leaders: readonly Leader[], place: CellPlace): Checked<RefCell> {
  const r = resolveLeaderCell(text, leaders);
  const value: RefCell = { ids: r.ids, unresolved: r.unresolved, asWritten: text, bare: r.exact };
  if (r.unresolved.length === 0 && r.ids.length > 0) return { value };
  return {
    value,
    todo: `check the leader: ${quoteSome(r.unresolved)} is no leader of the registry; use a leader id, or add the leader to leaders.yaml`,
    place,
  };
}

/** What reading one appendix needs besides its table: the registries, and the task ids the decision has used so far. */
interface AppendixContext {
  reg: Registries;
  index: UnitIndex;
  usedIds: Set<string>;
}

function readAppendix(table: DocTable, cols: Columns, heading: { label?: string; title?: string; note?: string }, id: string, { reg, index, usedIds }: AppendixContext): ImportedAppendix {
  const grid = tableGrid(table);
  const columns: { field: ColumnField; header: string }[] = [];
  const otherColumns: string[] = [];
  const fieldAt = new Map<string, number>();
  cols.fields.forEach((f, c) => {
    if (f === null || f === 'note') {
      if (cols.headers[c]) otherColumns.push(cols.headers[c]!);
      if (f === 'note' && !fieldAt.has('note')) fieldAt.set('note', c);
      return;
    }
    if (fieldAt.has(f)) return;
    fieldAt.set(f, c);
    columns.push({ field: f, header: cols.headers[c]! });
  });
  const appendix: ImportedAppendix = { id, title: heading.title ?? heading.label ?? id, columns, otherColumns, groups: [] };
  if (heading.label) appendix.label = heading.label;
  if (heading.note) appendix.note = heading.note;

  const hasLead = fieldAt.has('lead');
  const hasMode = fieldAt.has('mode');
  const TASK_FIELDS = ['lead', 'support', 'start', 'due', 'when', 'leader', 'product', 'mode'] as const;
  let group: ImportedGroup | null = null;
  const newGroup = (no: string, title: string | undefined, r: number): ImportedGroup => {
    const g: ImportedGroup = { no, tasks: [], contents: [] };
    if (title) {
      g.title = title;
      if (!hasLead) {
        const place = { appendix: id, row: r + 1, column: cols.headers[fieldAt.get('content')!]! };
        const unit = unitNamed(title, index);
        if (unit) {
          // The group's title keeps the row as written; its lead is the bare id.
          g.lead = { value: { ids: [unit], unresolved: [], asWritten: title, bare: true } };
        } else if (!hasMode) {
          g.lead = { value: { ids: [], unresolved: [title], asWritten: title, bare: false }, todo: `check the lead unit: the group row ${quoteSome([title])} names no unit of the registry; use a unit id, or add the unit (or an alias) to units.yaml`, place };
        }
      }
    }
    appendix.groups.push(g);
    return g;
  };

  for (let r = cols.headerRows; r < grid.length; r++) {
    const row = grid[r]!;
    if (r === cols.headerRows && isNumberRow(row)) continue;
    // The header again, as a table copied page by page repeats it.
    if (r > 0 && cols.headers.every((_h, c) => (row[c]?.how === 'own' ? row[c]!.text : '') === (grid[0]![c]?.how === 'own' ? grid[0]![c]!.text : ''))) continue;
    const at = (f: string): GridCell | undefined => {
      const c = fieldAt.get(f);
      return c === undefined ? undefined : row[c];
    };
    const text = (f: string): string => {
      const cell = at(f);
      return cell && cell.how !== 'span' ? cell.text : '';
    };
    let no = text('no');
    let content = text('content');
    // A group row written in one merged cell from the number column: "I. MỞ RỘNG …".
    const noCell = at('no');
    if (noCell && noCell.how === 'own' && noCell.span > 1 && !content) {
      const m = /^([IVXLC]+|\d+(?:\.\d+)*)[.)]?\s+(.+)$/su.exec(no);
      if (m) [no, content] = [m[1]!, m[2]!];
      else [no, content] = ['', no];
    }
    if (!no && !content && TASK_FIELDS.every((f) => !text(f))) continue;
    const noClean = no.replace(/\.$/, '');
    // The total row: "TỔNG SỐ 40", "Tổng cộng".
    const label = /^tổng(\s(số|cộng))?$/iu.test(content) ? content : /^tổng(\s(số|cộng))?$/iu.test(no) ? no : null;
    if (label && TASK_FIELDS.every((f) => !text(f))) {
      appendix.totalLabel = label;
      const n = [text('count'), content, ...row.map((c) => c.text)].find((t) => /^\d+$/.test(t));
      if (n !== undefined) appendix.declaredTotal = Number(n);
      continue;
    }
    const period = (f: 'start' | 'due' | 'when') => at(f);
    // A row numbered under the current group ("1.5" under "1") is a task even when its other cells are empty.
    const underGroup = group !== null && group.no !== '' && noClean.startsWith(`${group.no}.`);
    const isGroup = TASK_FIELDS.every((f) => !text(f)) && (ROW_NUMBER.test(no) || no === '') && content !== '' && !underGroup;
    if (isGroup) {
      group = newGroup(noClean, content, r);
      const count = text('count');
      if (/^\d+$/.test(count)) group.declaredCount = Number(count);
      continue;
    }
    group ??= newGroup('', undefined, r);
    const rowPlace = (f: string): CellPlace => ({ appendix: id, row: r + 1, column: cols.headers[fieldAt.get(f) ?? 0] ?? f });
    const position = group.tasks.length + group.contents.length + 1;
    // The document's own number, unless it is bare under a numbered group ("1" under "I" is "I.1").
    let idText = noClean || `${group.no ? `${group.no}.` : ''}${position}`;
    if (noClean && /^\d+$/.test(noClean) && group.no && (ROMAN.test(group.no) || usedIds.has(noClean))) idText = `${group.no}.${noClean}`;
    const showsNo = idText === noClean ? undefined : noClean;
    if (hasMode && text('mode') && TASK_FIELDS.every((f) => f === 'mode' || !text(f))) {
      group.contents.push({ id: idText, ...(showsNo !== undefined ? { no: showsNo } : {}), content, mode: text('mode'), ...(content ? {} : { contentTodo: noContent(rowPlace('content')) }) });
      usedIds.add(idText);
      continue;
    }
    const idChecked: Checked<string> =
      !TASK_ID.test(idText) ? { value: idText, todo: `check the task number: ${quoteSome([idText])} is not a task id (such as 1.1 or IX.2)`, place: rowPlace('no') }
      : usedIds.has(idText) ? { value: idText, todo: `check the task number: ${idText} is used twice in this decision; give one of them another id`, place: rowPlace('no') }
      : { value: idText };
    usedIds.add(idText);
    const task: ImportedTask = { id: idChecked, content };
    if (showsNo !== undefined) task.no = showsNo;
    if (!content) task.contentTodo = noContent(rowPlace('content'));
    const lead = text('lead');
    if (lead) task.lead = unitRef(lead, index, rowPlace('lead'), 'lead unit');
    const support = text('support');
    if (support) task.support = unitRef(support, index, rowPlace('support'), 'supporting units');
    // One cell across the start and finish columns is the task's whole time ("Sau khi …").
    const start = period('start');
    const due = period('due');
    if (start && due && start.how !== 'span' && due.how === 'span' && due.first === start.first) {
      if (start.text) task.when = checkedPeriod(start.text, rowPlace('start'));
    } else {
      if (start && text('start')) task.start = checkedPeriod(text('start'), rowPlace('start'));
      if (due && text('due')) task.due = checkedPeriod(text('due'), rowPlace('due'));
    }
    if (text('when')) task.when = checkedPeriod(text('when'), rowPlace('when'));
    const leader = text('leader');
    if (leader) task.leader = leaderRef(leader, reg.leaders, rowPlace('leader'));
    if (text('product')) task.product = text('product');
    if (text('note')) task.note = text('note');
    group.tasks.push(task);
  }
  return appendix;
}

/**
 * One appendix split into several tables (a page break, a table pasted in parts): a table right
 * after another, with nothing but empty paragraphs between and the same header, continues it.
 */
export function joinSplitTables(blocks: readonly DocBlock[]): DocBlock[] {
  const out: DocBlock[] = [];
  const headerOf = (t: DocTable) => (t.rows[0]?.cells ?? []).map((c) => joinLines(c.paragraphs)).join('\u0000');
  for (const b of blocks) {
    if (b.kind === 'table') {
      let k = out.length - 1;
      while (k >= 0 && out[k]!.kind === 'p' && (out[k] as { text: string }).text.trim() === '') k--;
      const prev = out[k];
      if (prev?.kind === 'table' && prev.rows.length > 0 && headerOf(prev) === headerOf(b) && readColumns(tableGrid(b))) {
        const headerRows = readColumns(tableGrid(b))!.headerRows;
        out.splice(k, out.length - k, { kind: 'table', rows: [...prev.rows, ...b.rows.slice(headerRows)] });
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

export function buildDecision(input: readonly DocBlock[], reg: Registries): ImportedDecision {
  const blocks = joinSplitTables(input);
  const index = unitIndex(reg.units);
  const appendices: ImportedAppendix[] = [];
  let otherTables = 0;
  let firstAppendix = blocks.length;
  const usedIds = new Set<string>();
  const seenIds = new Map<string, number>();
  blocks.forEach((b, i) => {
    if (b.kind !== 'table') return;
    const cols = readColumns(tableGrid(b));
    if (!cols) {
      otherTables++;
      return;
    }
    if (appendices.length === 0) firstAppendix = i;
    const heading = headingBefore(blocks, i);
    let id = appendixId(heading.label, appendices.length);
    // Two tables under one label (or none): number them.
    const n = (seenIds.get(id) ?? 0) + 1;
    seenIds.set(id, n);
    if (n > 1) id = `${id}-${n}`;
    appendices.push(readAppendix(b, cols, heading, id, { reg, index, usedIds }));
  });
  // The heading and the signature come before the first appendix's own heading ("PHỤ LỤC I" …).
  let bodyEnd = firstAppendix;
  for (let i = firstAppendix - 1; i >= 0 && i >= firstAppendix - 8 && blocks[i]!.kind === 'p'; i--) {
    if (/^(PHỤ LỤC|DANH MỤC|Phụ lục)\b/u.test((blocks[i] as { text: string }).text.trim())) {
      bodyEnd = i;
      break;
    }
  }
  const { meta, titleInCapitals } = readMeta(allLines(blocks, appendices.length > 0 ? bodyEnd : blocks.length));
  const missing = (['number', 'title', 'issuer', 'signed', 'signer'] as const).filter((k) => meta[k] === undefined);
  return { meta, missing, titleInCapitals, appendices, otherTables };
}
