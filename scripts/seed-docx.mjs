#!/usr/bin/env node
// Lays out the source decisions (../shared/seeds, plain text flattened from the published pages) as
// Word documents, the way the decisions themselves are laid out: the heading in a two-column table
// ("Số: …" and "Hà Nội, ngày … tháng … năm …"), the title, the body, the signature block, then each
// appendix on its own page as a table with its header row, group rows merged across the columns,
// several lines in a cell (line breaks, and one paragraph per list item) and a merged period cell
// where the document has one. `plan import` reads these files back in test/cli/import-seeds.test.ts.
//
//   node scripts/seed-docx.mjs [--seeds DIR] [--out DIR]      (default: ../shared/seeds → seed-docx/)

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, BorderStyle, Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';

/**
 * The decisions and their appendix tables. `fields` are the table's columns; the text gives only
 * the cells that hold something, so rows are cut at each row number and their cells placed by kind
 * (units, periods, what follows the periods).
 */
export const DECISIONS = [
  {
    seed: 'qd-88-bhxh-2024-key-tasks.txt',
    docx: 'qd-88-bhxh-2024.docx',
    tables: [{ label: /^DANH MỤC$/, fields: ['no', 'content', 'count', 'support', 'start', 'due', 'leader'] }],
  },
  {
    seed: 'qd-456-bhxh-2022-training-plan.txt',
    docx: 'qd-456-bhxh-2022.docx',
    tables: [
      { label: /^PHỤ LỤC I$/, fields: ['no', 'content', 'mode'] },
      { label: /^PHỤ LỤC II$/, fields: ['no', 'content', 'lead', 'support', 'when'] },
    ],
  },
  {
    seed: 'qd-185-bhxh-2025-digital-transformation.txt',
    docx: 'qd-185-bhxh-2025.docx',
    tables: [{ label: /^PHỤ LỤC$/, fields: ['no', 'content', 'lead', 'support', 'due', 'product'] }],
  },
];

const END = /^Tải Văn bản/;
const ROW_NO = /^(\d{1,3}(\.\d+)*|[IVX]+)$/; // not a year ("2022")
const PERIOD = /^(Thường xuyên|Tháng \d|Quý |Năm \d{4}|Theo |Sau khi|\d{4}( - \d{4})?$)/;
/** A legal reference the pages print as a link on a line of its own. */
const REFERENCE = /^(\d+[-/][\p{L}\d/.\- ]*\p{Lu}{2}[\p{L}\d/\- ]*|Luật(\s[\p{L},]+){0,4})$/u;

/**
 * A table's lines → its cells, each a list of paragraphs, each a list of lines, each a list of runs.
 * An indented line wraps the cell; a line in lower case, or after a reference, continues it; a
 * list item ("- …") in a cell that opened with one is a new paragraph of the same cell.
 */
export function cellsOf(lines) {
  const cells = [];
  let cell = null;
  let afterReference = false;
  const lastLine = () => cell.at(-1).at(-1);
  for (const raw of lines) {
    const line = raw.normalize('NFC');
    const text = line.trim();
    if (text === '') continue;
    if (cell && /^\s{2}/.test(line)) {
      cell.at(-1).push([text]);
      afterReference = false;
    } else if (cell && /^[.,;:)]/.test(text)) {
      // Punctuation after a link: it closes the text before it, it never opens a cell.
      lastLine().push(text);
      afterReference = false;
    } else if (cell && REFERENCE.test(text)) {
      lastLine().push(` ${text}`);
      afterReference = true;
    } else if (cell && (afterReference ? /^[\p{Ll}(.,;:)]/u : /^[\p{Ll}(]/u).test(text)) {
      if (afterReference) lastLine().push(/^[.,;:)]/.test(text) ? text : ` ${text}`);
      else cell.at(-1).push([text]);
      afterReference = false;
    } else if (cell && /^- /.test(text) && /^- /.test(cell[0][0][0])) {
      cell.push([[text]]);
      afterReference = false;
    } else {
      cell = [[[text]]];
      cells.push(cell);
      afterReference = false;
    }
  }
  return cells;
}

const plain = (cell) => cell.map((p) => p.map((l) => l.join('')).join(' ')).join('\n');

/** Cells → rows of { kind, cells: { field: cell } } following the table's fields. */
export function rowsOf(cells, fields) {
  const rows = [];
  const unitFields = fields.filter((f) => f === 'lead' || f === 'support');
  const periodFields = fields.filter((f) => f === 'start' || f === 'due' || f === 'when');
  const afterFields = fields.filter((f) => f === 'leader' || f === 'product' || f === 'mode');
  let i = 0;
  while (i < cells.length) {
    const first = plain(cells[i]);
    if (/^TỔNG SỐ$/.test(first)) {
      rows.push({ kind: 'total', label: cells[i], count: cells[i + 1] });
      i += 2;
      continue;
    }
    let no = null;
    if (ROW_NO.test(first)) {
      no = cells[i];
      i++;
    }
    let j = i;
    while (j < cells.length && !ROW_NO.test(plain(cells[j])) && !/^TỔNG SỐ$/.test(plain(cells[j]))) j++;
    let body = cells.slice(i, j);
    i = j;
    // A bare number after a group's name is the count the document states for it.
    if (fields.includes('count') && body.length === 1 && i < cells.length && /^\d+$/.test(plain(cells[i])) && !/^\d+\.\d+$/.test(plain(cells[i]))) {
      rows.push({ kind: 'group', no, title: body[0], count: cells[i] });
      i++;
      continue;
    }
    if (body.length === 1) {
      rows.push({ kind: 'group', no, title: body[0] });
      continue;
    }
    const periodAt = body.findIndex((c, k) => k > 0 && PERIOD.test(plain(c)));
    const beforePeriods = periodAt < 0 ? body.length - afterFields.length : periodAt;
    // More cells before the periods than the row has columns for: a group name, then a task the document leaves unnumbered.
    if (beforePeriods > 1 + unitFields.length) {
      rows.push({ kind: 'group', no, title: body[0] });
      no = null;
      body = body.slice(1);
    }
    const row = { kind: 'task', no, cells: { content: body[0] } };
    let k = 1;
    const periodStart = periodAt < 0 ? body.length - afterFields.length : body.findIndex((c, n) => n > 0 && PERIOD.test(plain(c)));
    for (const f of unitFields) if (k < periodStart) row.cells[f] = body[k++];
    k = periodStart;
    const periods = [];
    while (k < body.length && periods.length < periodFields.length && PERIOD.test(plain(body[k]))) periods.push(body[k++]);
    if (periodFields.length === 2 && periods.length === 1) row.merged = periods[0];
    else periodFields.forEach((f, n) => periods[n] && (row.cells[f] = periods[n]));
    for (const f of afterFields) if (k < body.length) row.cells[f] = body[k++];
    rows.push(row);
  }
  return rows;
}

// --- layout ---------------------------------------------------------------------------------

const FONT = 'Times New Roman';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

/** A paragraph whose lines are joined by line breaks (w:br), each line one run or several. */
function para(lines, opts = {}) {
  const children = [];
  lines.forEach((line, n) => {
    const runs = Array.isArray(line) ? line : [line];
    runs.forEach((text, m) => children.push(new TextRun({ text, font: FONT, size: 24, bold: opts.bold, italics: opts.italics, ...(n > 0 && m === 0 ? { break: 1 } : {}) })));
  });
  return new Paragraph({ children, alignment: opts.align, pageBreakBefore: opts.pageBreak });
}

function cellOf(content, opts = {}) {
  const paragraphs = content ? content.map((p) => para(p, opts)) : [new Paragraph('')];
  return new TableCell({ children: paragraphs, columnSpan: opts.span, verticalMerge: opts.vmerge, width: opts.width });
}

/** The text of the heading, title, body and signature, from the seed's first lines. */
function front(lines) {
  const at = (re, from = 0) => lines.findIndex((l, n) => n >= from && re.test(l.trim()));
  const number = lines[at(/^Số:/)].trim();
  const dateAt = at(/ngày/, at(/^Số:/));
  const date = [lines[dateAt], lines[dateAt + 1]].map((l) => l.trim());
  const qd = at(/^QUYẾT ĐỊNH$/);
  const authority = at(/^(TỔNG GIÁM ĐỐC|THỦ TƯỚNG)/, qd);
  const received = at(/^Nơi nhận:/, authority);
  const signTitle = at(/^(KT\. )?(TỔNG GIÁM ĐỐC|THỦ TƯỚNG|PHÓ)/, received);
  return {
    issuer: lines.slice(0, at(/^-+$/)).map((l) => l.trim()),
    republic: lines.slice(at(/^-+$/) + 1, at(/^-{5,}$/, at(/^-+$/) + 1) + 1).map((l) => l.trim()),
    number,
    date,
    title: lines.slice(qd + 1, authority).map((l) => l.trim()).join(' '),
    authority: lines[authority].trim(),
    body: paragraphsOf(lines.slice(authority + 1, received)),
    received: lines.slice(received, signTitle).map((l) => l.trim()),
    signer: [lines[signTitle].trim(), lines[signTitle + 1].trim()],
    after: signTitle + 2,
  };
}

/** Body lines → paragraphs: a new one after a full stop, a semicolon or a colon, or at "Điều", "Căn cứ", a list item. */
function paragraphsOf(lines) {
  const out = [];
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    const prev = out.at(-1);
    if (!prev || /[.;:]$/.test(prev) || /^(Điều \d|Căn cứ|Xét|- |\d+(\.\d+)*\. |[a-zđ]\) )/.test(l)) out.push(l);
    else out[out.length - 1] = `${prev}${/^[.,;:)]/.test(l) ? '' : ' '}${l}`;
  }
  return out;
}

function headingTable(f) {
  const row = (left, right) => new TableRow({ children: [cellOf([left], { align: AlignmentType.CENTER, bold: true }), cellOf([right], { align: AlignmentType.CENTER, bold: true })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [row([...f.issuer, '-------'], f.republic), row([f.number], [f.date.join(' ').replace(/\s+/g, ' ')])],
  });
}

function signatureTable(f) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ children: f.received.map((l) => para([l], { italics: l.startsWith('Nơi') })) }),
          new TableCell({ children: [para([f.signer[0]], { bold: true, align: AlignmentType.CENTER }), new Paragraph(''), new Paragraph(''), para([f.signer[1]], { bold: true, align: AlignmentType.CENTER })] }),
        ],
      }),
    ],
  });
}

/** One appendix table: the header row, group rows merged across, task rows cell by cell. */
function appendixTable(rows, header, fields) {
  const width = fields.length;
  const out = [new TableRow({ tableHeader: true, children: header.map((h) => cellOf(h, { bold: true, align: AlignmentType.CENTER })) })];
  for (const r of rows) {
    if (r.kind === 'total') {
      out.push(new TableRow({ children: [cellOf(r.label, { bold: true, span: 2 }), cellOf(r.count, { bold: true }), cellOf(null, { span: width - 3 })] }));
    } else if (r.kind === 'group' && r.count) {
      out.push(new TableRow({ children: [cellOf(r.no, { bold: true }), cellOf(r.title, { bold: true }), cellOf(r.count, { bold: true }), cellOf(null, { span: width - 3 })] }));
    } else if (r.kind === 'group') {
      out.push(new TableRow({ children: [cellOf(r.no, { bold: true }), cellOf(r.title, { bold: true, span: width - 1 })] }));
    } else {
      const children = [];
      for (let c = 0; c < width; c++) {
        const f = fields[c];
        if (f === 'no') children.push(cellOf(r.no));
        else if (f === 'start' && r.merged) {
          children.push(cellOf(r.merged, { span: 2 }));
          c++;
        } else children.push(cellOf(r.cells[f] ?? null));
      }
      out.push(new TableRow({ children }));
    }
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: out });
}

/** A seed's text → the .docx bytes of its decision, laid out as the document. */
export async function decisionDocx(text, decision) {
  const lines = text.normalize('NFC').split('\n');
  const f = front(lines);
  const children = [
    headingTable(f),
    para(['QUYẾT ĐỊNH'], { bold: true, align: AlignmentType.CENTER }),
    para([f.title], { bold: true, align: AlignmentType.CENTER }),
    para([f.authority], { bold: true, align: AlignmentType.CENTER }),
    ...f.body.map((p) => para([p])),
    signatureTable(f),
  ];
  const firstLabel = Math.min(...decision.tables.map((t) => lines.findIndex((l) => t.label.test(l.trim()))));
  children.push(...paragraphsOf(lines.slice(f.after, firstLabel)).map((p) => para([p])));
  decision.tables.forEach((t, n) => {
    const from = lines.findIndex((l) => t.label.test(l.trim()));
    const next = decision.tables[n + 1];
    const to = next ? lines.findIndex((l) => next.label.test(l.trim())) : lines.findIndex((l, k) => k > from && END.test(l.trim()));
    const part = lines.slice(from, to < 0 ? undefined : to);
    const noteAt = part.findIndex((l) => l.trim().startsWith('('));
    const noteEnd = part.findIndex((l, k) => k >= noteAt && l.trim().endsWith(')'));
    children.push(para([part[0].trim()], { bold: true, align: AlignmentType.CENTER, pageBreak: true }));
    children.push(para([part.slice(1, noteAt).map((l) => l.trim()).join(' ')], { bold: true, align: AlignmentType.CENTER }));
    children.push(para([part.slice(noteAt, noteEnd + 1).map((l) => l.trim()).join(' ')], { italics: true, align: AlignmentType.CENTER }));
    const cells = cellsOf(part.slice(noteEnd + 1));
    const header = cells.slice(0, t.fields.length);
    children.push(appendixTable(rowsOf(cells.slice(t.fields.length), t.fields), header, t.fields));
  });
  const doc = new Document({ creator: 'plan seed-docx', title: f.number, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Writes one .docx per decision into `outDir`; returns their paths. */
export async function writeSeedDocx(seedsDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const d of DECISIONS) {
    const bytes = await decisionDocx(readFileSync(join(seedsDir, d.seed), 'utf8'), d);
    const file = join(outDir, d.docx);
    writeFileSync(file, bytes);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const k = process.argv.indexOf(name);
    return k > 0 ? process.argv[k + 1] : undefined;
  };
  const root = fileURLToPath(new URL('..', import.meta.url));
  const seeds = arg('--seeds') ?? [join(root, '../shared/seeds'), join(root, '../../shared/seeds')].find((p) => existsSync(p)) ?? join(root, '../shared/seeds');
  const out = arg('--out') ?? join(root, 'seed-docx');
  for (const f of await writeSeedDocx(seeds, out)) console.log(f);
}
