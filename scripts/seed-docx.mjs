#!/usr/bin/env node
// Lays out the source decisions (../shared/seeds, plain text flattened from the published pages) as
// Word documents, the way the decisions themselves are laid out: the heading in a two-column table
// ("Số: …" and "Hà Nội, ngày … tháng … năm …"), the title, the body, the signature block, then each
// appendix on its own page as a table with its header row, group rows merged across the columns,
// several lines in a cell (line breaks, and one paragraph per list item) and a merged period cell
// where the document has one. `plan import` reads these files back in test/cli/import-seeds.test.ts.
//
// The tables are rebuilt from the flattened text by plan's own reader of that text
// (src/load/import/read-legal-text.ts, bundled here with esbuild): `plan import FILE.txt` reads the
// same blocks; this script lays them out as Word does.
//
//   node scripts/seed-docx.mjs [--seeds DIR] [--out DIR]      (default: ../shared/seeds → seed-docx/)

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** The decisions with appendix tables, and the name of each one's Word file. */
export const DECISIONS = [
  { seed: 'qd-88-bhxh-2024-key-tasks.txt', docx: 'qd-88-bhxh-2024.docx' },
  { seed: 'qd-456-bhxh-2022-training-plan.txt', docx: 'qd-456-bhxh-2022.docx' },
  { seed: 'qd-185-bhxh-2025-digital-transformation.txt', docx: 'qd-185-bhxh-2025.docx' },
];

let textReader;
/** plan's reader of the published text, compiled from its TypeScript source. */
async function legalText() {
  if (!textReader) {
    const { build } = await import('esbuild');
    const entry = fileURLToPath(new URL('../src/load/import/read-legal-text.ts', import.meta.url));
    const r = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', logLevel: 'silent' });
    textReader = await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString('base64')}`);
  }
  return textReader;
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

function cellOf(paragraphs, opts = {}) {
  const children = paragraphs && paragraphs.length > 0 ? paragraphs.map((p) => para(p.split('\n'), opts)) : [new Paragraph('')];
  return new TableCell({ children, columnSpan: opts.span, verticalMerge: opts.vmerge, width: opts.width });
}

/** The text of the heading, title, body and signature, from the seed's first lines. */
function front(lines, paragraphsOf) {
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

function headingTable(f) {
  const row = (left, right) => new TableRow({ children: [cellOf([left.join('\n')], { align: AlignmentType.CENTER, bold: true }), cellOf([right.join('\n')], { align: AlignmentType.CENTER, bold: true })] });
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

/** One appendix table as read from the text: the header row in bold, cells merged across as the text reader placed them. */
function appendixTable(table) {
  const rows = table.rows.map(
    (r, n) =>
      new TableRow({
        tableHeader: n === 0,
        children: r.cells.map((c) => cellOf(c.paragraphs, { span: c.span > 1 ? c.span : undefined, bold: n === 0 || c.span > 1, align: n === 0 ? AlignmentType.CENTER : undefined })),
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

/** A seed's text → the .docx bytes of its decision, laid out as the document. */
export async function decisionDocx(text) {
  const { readLegalText, paragraphsOf } = await legalText();
  const lines = text.normalize('NFC').split('\n');
  const f = front(lines, paragraphsOf);
  const children = [
    headingTable(f),
    para(['QUYẾT ĐỊNH'], { bold: true, align: AlignmentType.CENTER }),
    para([f.title], { bold: true, align: AlignmentType.CENTER }),
    para([f.authority], { bold: true, align: AlignmentType.CENTER }),
    ...f.body.map((p) => para([p])),
    signatureTable(f),
  ];
  const blocks = readLegalText(text);
  if (blocks.problem) throw new Error(`the text ${blocks.problem}`);
  // What stands between the signature and the first appendix (185/QĐ-BHXH: the plan itself).
  const firstLabel = lines.findIndex((l, k) => k >= f.after && /^(PHỤ LỤC|DANH MỤC)/.test(l.trim()));
  children.push(...paragraphsOf(lines.slice(f.after, firstLabel)).map((p) => para([p])));
  const firstTable = blocks.findIndex((b) => b.kind === 'table');
  // Each appendix: its heading paragraphs (label, title, note) on a new page, then its table.
  let heading = [];
  for (const b of blocks.slice(firstTable - 3)) {
    if (b.kind === 'p') heading.push(b.text);
    else {
      const label = Math.max(0, heading.findIndex((t) => /^(PHỤ LỤC|DANH MỤC)/.test(t)));
      heading.slice(label).forEach((t, n) => children.push(para([t], { bold: n < 2, italics: n === 2, align: AlignmentType.CENTER, pageBreak: n === 0 })));
      children.push(appendixTable(b));
      heading = [];
    }
  }
  const doc = new Document({ creator: 'plan seed-docx', title: f.number, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Writes one .docx per decision into `outDir`; returns their paths. */
export async function writeSeedDocx(seedsDir, outDir) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const d of DECISIONS) {
    const bytes = await decisionDocx(readFileSync(join(seedsDir, d.seed), 'utf8'));
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
