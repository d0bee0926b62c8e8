// A Word document's blocks → a draft decision: the heading (number, date, title, signer), and each
// appendix table's columns, groups and tasks, with every cell as written and what could not be
// resolved marked for a TODO. Pure: the registries come in, nothing is read.

import type { ColumnField } from '../../model/decision.js';
import type { Leader } from '../../model/leaders.js';
import type { Unit } from '../../model/units.js';
import { isCalendarDay, formatDay } from '../../period/calendar.js';
import { parsePeriod } from '../../period/parse-period.js';
import { joinLines } from './cell-text.js';
import { headerField, isAppendixHeader, type HeaderField } from './columns.js';
import type { DocBlock, DocTable } from './doc-model.js';
import { resolveLeaderCell, resolveUnitCell, unitIndex, unitNamed, type UnitIndex } from './resolve-names.js';

/** Where a cell stands, for the TODO and the summary. */
export interface CellPlace {
  appendix: string;
  /** 1-based row of the table, header rows included. */
  row: number;
  column: string;
}

/** A value to write, and when set, what the reader must check (becomes a `# TODO:` comment). */
export interface Checked<T> {
  value: T;
  todo?: string;
  place?: CellPlace;
}

export interface RefCell {
  ids: string[];
  unresolved: string[];
  asWritten: string;
  /** Write the bare id: the cell is the registry's own spelling. */
  bare: boolean;
}

export interface ImportedTask {
  id: Checked<string>;
  no?: string;
  content: string;
  /** Set when the row has no content: what to check. */
  contentTodo?: Checked<string>;
  lead?: Checked<RefCell>;
  support?: Checked<RefCell>;
  leader?: Checked<RefCell>;
  start?: Checked<string>;
  due?: Checked<string>;
  when?: Checked<string>;
  product?: string;
  note?: string;
}

export interface ImportedContent {
  id: string;
  no?: string;
  content: string;
  contentTodo?: Checked<string>;
  mode: string;
}

export interface ImportedGroup {
  no: string;
  title?: string;
  lead?: Checked<RefCell>;
  declaredCount?: number;
  tasks: ImportedTask[];
  contents: ImportedContent[];
}

export interface ImportedAppendix {
  id: string;
  label?: string;
  title: string;
  note?: string;
  columns: { field: ColumnField; header: string }[];
  /** Headers of columns no field holds (kept as a comment). */
  otherColumns: string[];
  declaredTotal?: number;
  totalLabel?: string;
  groups: ImportedGroup[];
}

export interface ImportedMeta {
  number?: string;
  title?: string;
  issuer?: string;
  signed?: string;
  signer?: string;
  signerTitle?: string;
  place?: string;
  legalBasis: string[];
}

export interface ImportedDecision {
  meta: ImportedMeta;
  /** Required decision fields the document did not show (number, title, signed, signer, issuer). */
  missing: string[];
  /** The title is printed in capitals in the document (kept so; a comment says it). */
  titleInCapitals: boolean;
  appendices: ImportedAppendix[];
  /** Tables that are not appendix tables (the heading, the signature block). */
  otherTables: number;
}

export interface Registries {
  units: readonly Unit[];
  leaders: readonly Leader[];
}

const ROW_NUMBER = /^(?:\d+(?:\.\d+)*|[IVXLC]+(?:\.\d+)*)\.?$/;
const ROMAN = /^[IVXLC]+$/;
const TASK_ID = /^[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*$/;
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanToInt(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUE[s[i]!]!;
    const next = ROMAN_VALUE[s[i + 1] ?? ''] ?? 0;
    n += v < next ? -v : v;
  }
  return n;
}

function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/** "PHỤ LỤC II" → "phu-luc-2", "DANH MỤC" → "danh-muc". */
export function appendixId(label: string | undefined, index: number): string {
  if (!label) return `phu-luc-${index + 1}`;
  const words = foldDiacritics(label).replace(/[^A-Za-z0-9 ]/g, ' ').trim().split(/\s+/);
  const out = words.map((w) => (ROMAN.test(w) && words.length > 1 ? String(romanToInt(w)) : w.toLowerCase()));
  return out.join('-') || `phu-luc-${index + 1}`;
}

const isCapitals = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();

/** Titles the headings print in capitals that have one usual spelling. */
const KNOWN_TITLES: Record<string, string> = {
  'TỔNG GIÁM ĐỐC': 'Tổng Giám đốc',
  'PHÓ TỔNG GIÁM ĐỐC': 'Phó Tổng Giám đốc',
  'GIÁM ĐỐC': 'Giám đốc',
  'THỦ TƯỚNG': 'Thủ tướng',
  'PHÓ THỦ TƯỚNG': 'Phó Thủ tướng',
  'BỘ TRƯỞNG': 'Bộ trưởng',
  'CHỦ TỊCH': 'Chủ tịch',
};
const KNOWN_ISSUERS: Record<string, string> = {
  'BẢO HIỂM XÃ HỘI VIỆT NAM': 'Bảo hiểm xã hội Việt Nam',
  'THỦ TƯỚNG CHÍNH PHỦ': 'Thủ tướng Chính phủ',
  'CHÍNH PHỦ': 'Chính phủ',
};

/** Every line of text in body order, paragraphs inside tables included (the heading is often a table). */
function allLines(blocks: readonly DocBlock[], upTo: number): string[] {
  const out: string[] = [];
  for (const b of blocks.slice(0, upTo)) {
    if (b.kind === 'p') out.push(...b.text.split('\n'));
    else for (const r of b.rows) for (const c of r.cells) for (const p of c.paragraphs) out.push(...p.split('\n'));
  }
  return out.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
}

function readMeta(lines: string[]): { meta: ImportedMeta; titleInCapitals: boolean } {
  const meta: ImportedMeta = { legalBasis: [] };
  let titleInCapitals = false;
  const joined = lines.join('\n');
  const number = /(?:^|\n)\s*Số\s*:?\s*([0-9]+\s*\/\s*[0-9A-Za-zĐđ/-]+(?:-[0-9A-Za-zĐđ]+)*)/u.exec(joined);
  if (number) meta.number = number[1]!.replace(/\s+/g, '');
  const date = /(?:^|\n)([^\n,]{2,40}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(lines.join(' \n').replace(/ \n(?=\s*tháng)/g, ' '));
  if (date) {
    const [d, m, y] = [Number(date[2]), Number(date[3]), Number(date[4])];
    if (isCalendarDay(y, m, d)) meta.signed = formatDay(y, m, d);
    meta.place = date[1]!.trim();
  }
  // The issuer: the heading's first line(s) in capitals, before "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
  const republic = lines.findIndex((l) => /^CỘNG HÒA XÃ HỘI/u.test(l));
  const issuerLines = lines.slice(0, republic > 0 ? republic : 0).filter((l) => isCapitals(l) && !/^-+$/.test(l));
  if (issuerLines.length > 0) {
    const issuer = issuerLines.join(' ');
    meta.issuer = KNOWN_ISSUERS[issuer] ?? issuer;
  }
  const qd = lines.findIndex((l) => /^QUYẾT ĐỊNH:?$/u.test(l));
  const basisAt = lines.findIndex((l, i) => i > qd && /^Căn cứ(?:\s|$)/u.test(l));
  if (qd >= 0) {
    let titleLines = lines.slice(qd + 1, basisAt > qd ? basisAt : qd + 2);
    // The line before "Căn cứ" is who decides ("TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM").
    if (titleLines.length > 1 && isCapitals(titleLines[titleLines.length - 1]!)) titleLines = titleLines.slice(0, -1);
    const title = titleLines.join(' ').trim();
    if (title) {
      meta.title = title;
      titleInCapitals = isCapitals(title);
    }
  }
  // The legal basis: the "Căn cứ …" paragraphs of the preamble, before "Xét đề nghị …" or the articles.
  for (const l of lines.slice(Math.max(0, basisAt))) {
    if (basisAt < 0 || /^(QUYẾT ĐỊNH|Điều \d|Xét)/u.test(l)) break;
    const m = /^Căn cứ\s+(.+?)[;.]?$/u.exec(l);
    if (m) meta.legalBasis.push(m[1]!);
  }
  // The signer: the last title line in capitals followed by a personal name.
  for (let i = lines.length - 2; i >= 0; i--) {
    const t = lines[i]!.replace(/^(KT|TM|Q|TL)\.\s*/u, '');
    const name = lines[i + 1]!;
    if (isCapitals(t) && /(GIÁM ĐỐC|THỦ TƯỚNG|BỘ TRƯỞNG|CHỦ TỊCH)$/u.test(t) && /^(\p{Lu}\p{Ll}*)(\s\p{Lu}\p{Ll}*){1,5}$/u.test(name)) {
      meta.signer = name;
      meta.signerTitle = KNOWN_TITLES[t] ?? t;
      break;
    }
  }
  return { meta, titleInCapitals };
}

/** One cell of the grid: its text, and how it came there. */
interface GridCell {
  text: string;
  /** own: the cell starts here; span: covered by a cell to the left; merged: continued from above. */
  how: 'own' | 'span' | 'merged';
  /** The grid column the cell starts at. */
  first: number;
  /** Grid columns the cell covers. */
  span: number;
}

/** The table as a grid of columns: merged-across cells cover their columns, merged-down cells repeat the text above. */
export function tableGrid(table: DocTable): GridCell[][] {
  const grid: GridCell[][] = [];
  for (const row of table.rows) {
    const out: GridCell[] = [];
    let col = row.before;
    for (let k = 0; k < row.before; k++) out[k] = { text: '', how: 'own', first: k, span: 1 };
    for (const cell of row.cells) {
      const above = grid[grid.length - 1]?.[col];
      const text = cell.vmerge === 'continue' ? (above?.text ?? '') : joinLines(cell.paragraphs);
      for (let k = 0; k < cell.span; k++) out[col + k] = { text: k === 0 ? text : '', how: cell.vmerge === 'continue' ? 'merged' : k === 0 ? 'own' : 'span', first: col, span: cell.span };
      col += cell.span;
    }
    grid.push(out);
  }
  return grid;
}

function isNumberRow(cells: GridCell[]): boolean {
  const texts = cells.filter((c) => c.how === 'own' && c.text !== '').map((c) => c.text);
  return texts.length >= 3 && texts.every((t) => /^\(?\d+\)?$/.test(t));
}

interface Columns {
  /** Field of each grid column (null: not read). */
  fields: HeaderField[];
  headers: string[];
  headerRows: number;
}

function readColumns(grid: GridCell[][]): Columns | null {
  let headerRows = 0;
  while (headerRows < Math.min(3, grid.length)) {
    const first = grid[headerRows]!.find((c) => c.how === 'own' && c.text !== '');
    if (headerRows > 0 && (!first || ROW_NUMBER.test(first.text) || isNumberRow(grid[headerRows]!))) break;
    headerRows++;
    if (headerRows === 1 && !grid[0]!.some((c) => c.how === 'own' && c.span > 1) && !(grid[1] ?? []).some((c) => c.how === 'merged')) break;
  }
  if (headerRows === 0) return null;
  const width = Math.max(...grid.slice(0, headerRows).map((r) => r.length));
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = 0; r < headerRows; r++) {
      const cell = grid[r]![c];
      if (!cell || cell.how === 'merged') continue;
      const own = cell.how === 'span' ? grid[r]![cell.first]! : cell;
      if (own.text && parts[parts.length - 1] !== own.text) parts.push(own.text);
    }
    headers.push(parts.join(' '));
  }
  const fields = headers.map(headerField);
  if (!isAppendixHeader(fields)) return null;
  return { fields, headers, headerRows };
}

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

function readAppendix(table: DocTable, cols: Columns, heading: { label?: string; title?: string; note?: string }, id: string, reg: Registries, index: UnitIndex, usedIds: Set<string>): ImportedAppendix {
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

/** The heading paragraphs just before a table: "PHỤ LỤC II", the title, "(Ban hành kèm theo …)". */
function headingBefore(blocks: readonly DocBlock[], at: number): { label?: string; title?: string; note?: string } {
  const paras: string[] = [];
  for (let i = at - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind !== 'p') break;
    const t = b.text.replace(/\s+/g, ' ').trim();
    if (t) paras.unshift(t);
    if (/^(PHỤ LỤC|DANH MỤC|Phụ lục)\b/u.test(t) || paras.length > 8) break;
  }
  const labelAt = paras.findIndex((p) => /^(PHỤ LỤC|DANH MỤC|Phụ lục)\b/u.test(p));
  const rest = labelAt >= 0 ? paras.slice(labelAt + 1) : paras.slice(-3);
  const noteAt = rest.findIndex((p) => p.startsWith('('));
  const out: { label?: string; title?: string; note?: string } = {};
  if (labelAt >= 0) out.label = paras[labelAt]!;
  const title = (noteAt >= 0 ? rest.slice(0, noteAt) : rest).join(' ');
  if (title) out.title = title;
  if (noteAt >= 0) out.note = rest.slice(noteAt).join(' ');
  return out;
}

/** Reads a document's blocks against the registries. */
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
    appendices.push(readAppendix(b, cols, heading, id, reg, index, usedIds));
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
