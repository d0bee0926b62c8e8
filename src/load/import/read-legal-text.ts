// A decision as the legal-document sites publish it, copied as plain text — every table cell
// flattened onto its own line — back into paragraphs and tables (the same blocks a .docx gives).
//
// The text keeps no cell borders, so a table is rebuilt from what its lines are: a cell's text wraps
// onto lines indented by two spaces; a legal reference printed as a link stands on a line of its
// own and joins the text around it; a line in lower case or opening with "(" or punctuation
// continues the cell; a list item continues a cell that opened with one. The header's words give
// the columns; a row starts at each row number ("1", "1.2", "IV"); its cells are placed by kind:
// after the content, the unit cells up to the first period (read by the period parser), the
// periods, then the leader or product. Empty cells are not in the text, so a row with fewer cells
// leaves the last unit column empty, and one period under two period columns spans both.

import { parsePeriod } from '../../period/parse-period.js';
import { headerField, isAppendixHeader, type HeaderField } from './columns.js';
import type { DocBlock, DocCell, DocRow, NotADocument } from './doc-model.js';
import { cleanText } from './clean-text.js';

/** A cell of the text: paragraphs, each a list of lines. */
type TextCell = string[][];

const LABEL = /^(PHỤ LỤC(\s+[IVXLC\d]+)?|DANH MỤC)$/u;
const SITE_CHROME = /^(Tải Văn bản|Tải về|Văn bản gốc)/u;
const ROW_NO = /^(\d{1,3}(\.\d+)*|[IVXLC]+)$/; // not a year ("2022")
const TOTAL = /^(TỔNG SỐ|Tổng số|Tổng cộng|TỔNG CỘNG)$/u;
/** A legal reference the pages print as a link on a line of its own ("1813/QĐ-TTg", "Luật Việc làm"). */
const REFERENCE = /^(\d+[-/][\p{L}\d/.\- ]*\p{Lu}{2}[\p{L}\d/\- ]*|Luật(\s[\p{L},]+){0,4})$/u;
const CAPITALS = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();

const plain = (cell: TextCell) => cell.map((p) => p.join(' ')).join('\n');
const isPeriod = (cell: TextCell) => parsePeriod(plain(cell).replace(/\s+/g, ' ')).ok;

/** Lines → cells (see the module comment). */
export function cellsOf(lines: readonly string[]): TextCell[] {
  const cells: TextCell[] = [];
  let cell: TextCell | null = null;
  let afterReference = false;
  const appendToLine = (text: string, space: boolean) => {
    const para = cell!.at(-1)!;
    para[para.length - 1] = `${para.at(-1)!}${space ? ' ' : ''}${text}`;
  };
  for (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    const wasAfterReference = afterReference;
    afterReference = false;
    if (cell && /^\s{2}/.test(line)) cell.at(-1)!.push(text);
    else if (cell && /^[.,;:)]/.test(text)) appendToLine(text, false);
    else if (cell && REFERENCE.test(text)) {
      appendToLine(text, true);
      afterReference = true;
    } else if (cell && wasAfterReference && /^[\p{Ll}(]/u.test(text)) appendToLine(text, true);
    else if (cell && /^[\p{Ll}(]/u.test(text)) cell.at(-1)!.push(text);
    else if (cell && /^- /.test(text) && /^- /.test(cell[0]![0]!)) cell.push([text]);
    else {
      cell = [[text]];
      cells.push(cell);
    }
  }
  return cells;
}

export interface TextRow {
  kind: 'group' | 'task' | 'total';
  no?: TextCell;
  /** For a group: its title; for a total: its label. */
  title?: TextCell;
  count?: TextCell;
  cells: Partial<Record<HeaderField & string, TextCell>>;
  /** One period cell under both the start and the due column. */
  merged?: TextCell;
}

/** Cells after the header → rows, following the table's fields. */
export function rowsOf(cells: readonly TextCell[], fields: readonly HeaderField[]): TextRow[] {
  const rows: TextRow[] = [];
  const unitFields = fields.filter((f) => f === 'lead' || f === 'support');
  const periodFields = fields.filter((f) => f === 'start' || f === 'due' || f === 'when');
  const afterFields = fields.filter((f) => f === 'leader' || f === 'product' || f === 'mode' || f === 'note');
  let i = 0;
  while (i < cells.length) {
    const first = plain(cells[i]!);
    if (TOTAL.test(first)) {
      const row: TextRow = { kind: 'total', title: cells[i]!, cells: {} };
      if (cells[i + 1] && /^\d+$/.test(plain(cells[i + 1]!))) {
        row.count = cells[i + 1]!;
        i++;
      }
      rows.push(row);
      i++;
      continue;
    }
    let no: TextCell | undefined;
    if (ROW_NO.test(first)) no = cells[i++];
    let j = i;
    while (j < cells.length && !ROW_NO.test(plain(cells[j]!)) && !TOTAL.test(plain(cells[j]!))) j++;
    let body = cells.slice(i, j);
    i = j;
    // A bare number after a group's name is the count the document states for it.
    if (fields.includes('count') && body.length === 1 && i < cells.length && /^\d+$/.test(plain(cells[i]!))) {
      rows.push({ kind: 'group', ...(no ? { no } : {}), title: body[0]!, count: cells[i]!, cells: {} });
      i++;
      continue;
    }
    if (body.length === 0) continue;
    if (body.length === 1 && periodFields.length + afterFields.length > 0) {
      rows.push({ kind: 'group', ...(no ? { no } : {}), title: body[0]!, cells: {} });
      continue;
    }
    const periodAt = periodFields.length > 0 ? body.findIndex((c, k) => k > 0 && isPeriod(c)) : -1;
    const beforePeriods = periodAt < 0 ? body.length - Math.min(afterFields.length, body.length - 1) : periodAt;
    // More cells before the periods than the row has columns for: a group's name, then a task the document leaves unnumbered.
    if (beforePeriods > 1 + unitFields.length) {
      rows.push({ kind: 'group', ...(no ? { no } : {}), title: body[0]!, cells: {} });
      no = undefined;
      body = body.slice(1);
    }
    const row: TextRow = { kind: 'task', ...(no ? { no } : {}), cells: { content: body[0]! } };
    const periodStart = periodFields.length > 0 ? body.findIndex((c, k) => k > 0 && isPeriod(c)) : -1;
    const unitsEnd = periodStart < 0 ? body.length - Math.min(afterFields.length, body.length - 1) : periodStart;
    let k = 1;
    for (const f of unitFields) if (k < unitsEnd) row.cells[f] = body[k++]!;
    k = unitsEnd;
    const periods: TextCell[] = [];
    while (k < body.length && periods.length < periodFields.length && isPeriod(body[k]!)) periods.push(body[k++]!);
    if (periodFields.length === 2 && periods.length === 1) row.merged = periods[0]!;
    else periodFields.forEach((f, n) => periods[n] && (row.cells[f] = periods[n]));
    for (const f of afterFields) if (k < body.length) row.cells[f] = body[k++]!;
    rows.push(row);
  }
  return rows;
}

const docCell = (cell: TextCell | undefined, span = 1): DocCell => ({ paragraphs: cell ? cell.map((p) => p.join('\n')) : [], span, vmerge: null });

/** Rows → a table laid out as the documents do: group and total rows merged across, one period cell across two columns. */
export function tableOf(header: readonly TextCell[], fields: readonly HeaderField[], rows: readonly TextRow[]): DocRow[] {
  const width = fields.length;
  const contentAt = fields.indexOf('content');
  const countAt = fields.indexOf('count');
  const out: DocRow[] = [{ before: 0, cells: header.map((h) => docCell(h)) }];
  for (const r of rows) {
    if (r.kind === 'task') {
      const cells: DocCell[] = [];
      for (let c = 0; c < width; c++) {
        const f = fields[c]!;
        if (f === 'no') cells.push(docCell(r.no));
        else if (f === 'start' && r.merged && fields[c + 1] === 'due') {
          cells.push(docCell(r.merged, 2));
          c++;
        } else cells.push(docCell(f ? r.cells[f] : undefined));
      }
      out.push({ before: 0, cells });
      continue;
    }
    // A group or total row: the number, the title merged up to the count column (or to the end), the count.
    const upTo = countAt > contentAt ? countAt : width;
    const cells: DocCell[] = [];
    if (r.kind === 'total') cells.push(docCell(r.title, upTo));
    else {
      for (let c = 0; c < contentAt; c++) cells.push(docCell(fields[c] === 'no' ? r.no : undefined));
      cells.push(docCell(r.title, upTo - contentAt));
    }
    if (countAt > contentAt) {
      cells.push(docCell(r.count));
      if (countAt < width - 1) cells.push(docCell(undefined, width - 1 - countAt));
    }
    out.push({ before: 0, cells });
  }
  return out;
}

/** Body lines → paragraphs: a line in capitals stands alone; a new paragraph after ".", ";" or ":", or at "Điều", "Căn cứ", a list item. */
export function paragraphsOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  let prevCapitals = false;
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    const prev = out.at(-1);
    const capitals = CAPITALS(l) && !/^\d/.test(l);
    if (prev === undefined || capitals || prevCapitals || /[.;:]$/.test(prev) || /^(Điều \d|Căn cứ|Xét|Nơi nhận|- |\+ |\d+(\.\d+)*\. |[a-zđ]\) )/u.test(l)) out.push(l);
    else out[out.length - 1] = `${prev}${/^[.,;:)]/.test(l) ? '' : ' '}${l}`;
    prevCapitals = capitals;
  }
  return out;
}

/** The heading lines (before the first "Căn cứ"): one paragraph each, an indented line joining the one before. */
function headingParagraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (!t) continue;
    if (/^\s{2}/.test(line) && out.length > 0) out[out.length - 1] += ` ${t}`;
    else out.push(t);
  }
  return out;
}

/** The text of a published decision → paragraphs and its appendix tables, or why it holds none. */
export function readLegalText(text: string): DocBlock[] | NotADocument {
  const lines = cleanText(text.replace(/\r\n?/g, '\n'))
    .split('\n')
    .filter((l) => !SITE_CHROME.test(l.trim()));
  // An appendix: its label, then within a few lines the header's number column.
  const labels = lines.flatMap((l, i) => (LABEL.test(l.trim()) && lines.slice(i + 1, i + 14).some((x) => /^(TT|STT)$/.test(x.trim())) ? [i] : []));
  const blocks: DocBlock[] = [];
  const front = lines.slice(0, labels[0] ?? lines.length);
  const basisAt = front.findIndex((l) => /^Căn cứ(?:\s|$)/u.test(l.trim()));
  const cut = basisAt < 0 ? front.length : basisAt;
  for (const p of [...headingParagraphs(front.slice(0, cut)), ...paragraphsOf(front.slice(cut))]) blocks.push({ kind: 'p', text: p });
  let tables = 0;
  labels.forEach((from, n) => {
    const part = lines.slice(from, labels[n + 1] ?? lines.length);
    const headerAt = part.findIndex((l) => /^(TT|STT)$/.test(l.trim()));
    const heading = part.slice(1, headerAt).map((l) => l.trim()).filter((l) => l);
    const noteAt = heading.findIndex((l) => l.startsWith('('));
    blocks.push({ kind: 'p', text: part[0]!.trim() });
    const title = (noteAt < 0 ? heading : heading.slice(0, noteAt)).join(' ');
    if (title) blocks.push({ kind: 'p', text: title });
    if (noteAt >= 0) blocks.push({ kind: 'p', text: heading.slice(noteAt).join(' ') });
    const cells = cellsOf(part.slice(headerAt));
    let h = 0;
    while (h < cells.length && h < 16 && !ROW_NO.test(plain(cells[h]!)) && headerField(plain(cells[h]!).replace(/\s+/g, ' ')) !== null) h++;
    const header = cells.slice(0, h);
    const fields = header.map((c) => headerField(plain(c).replace(/\s+/g, ' ')));
    if (!isAppendixHeader(fields)) return;
    tables++;
    blocks.push({ kind: 'table', rows: tableOf(header, fields, rowsOf(cells.slice(h), fields)) });
  });
  if (tables === 0) return { problem: 'holds no appendix table that plan import can read (a PHỤ LỤC or DANH MỤC with a TT or STT column)' };
  return blocks;
}
