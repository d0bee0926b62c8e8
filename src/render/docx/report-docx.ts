// `plan report --format docx`: the document of a reporting round in Word, laid out after Nghị định
// 30/2020/NĐ-CP (A4, Times New Roman, its margins) on landscape pages, since nearly all of it is
// wide tables: the title, the summary and its chart, the lists and the target attainment; then each
// decision's appendices with state as `plan render --format docx` draws them. Tables are real Word tables
// built from the same table views the Markdown and HTML reports draw.

import { AlignmentType, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableLayoutType, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import type { ReportDocument } from '../../report/report.js';
import type { RenderContext } from '../context.js';
import { formatDay } from '../i18n/format.js';
import { xmlSafe } from '../office-text.js';
import { statesChart, targetsChartFigures } from '../report-html.js';
import { reportWords } from '../report-labels.js';
import { attainmentLead, breakdownTable, brokenDown, dataTable, dutiesTable, itemsTable, suppressionText, suppressionTotal, summaryTable, targetsTable, type TableView } from '../report-view.js';
import { appendixSections, officeDocument } from './appendix-docx.js';
import { chartImage } from './chart-image.js';
import { FONT, cell, columnWidths, paragraphs, textHeight, textWidth } from './layout.js';

/** Relative widths by a column's key (its first word). */
const WEIGHTS: Record<string, number> = {
  decision: 13,
  title: 30,
  num: 7,
  item: 8,
  task: 30,
  lead: 14,
  leader: 12,
  recipient: 11,
  due: 10,
  state: 11,
  deadlines: 12,
  years: 8,
  submitted: 8,
  periods: 14,
  next: 15,
  period: 10,
  threshold: 8,
  status: 9,
  // The targets table's "Còn thiếu": "+16.853.958" or "không thể đạt" on one line, never cut
  // mid-number; the room comes from the note, so the table's other columns keep their widths.
  needed: 12,
  note: 17,
  dataset: 10,
  file: 24,
  rows: 14,
  group: 24,
};

/** Columns whose cells are days the code wrote (ISO): shown dd/mm/yyyy in Vietnamese. Content is never touched. */
const DAY_COLUMNS = new Set(['due', 'next']);

function dayText(s: string, lang: RenderContext['lang']): string {
  return lang === 'vi' ? s.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso) => formatDay(iso, 'vi')) : s;
}

function wordTable(t: TableView, landscape: boolean, ctx: RenderContext): Table {
  const keys = t.columns.map((c) => c.key.split(' ')[0]!);
  const widths = columnWidths(
    keys.map((k) => WEIGHTS[k] ?? 12),
    textWidth(landscape),
  );
  const right = t.columns.map((c) => c.align === 'right');
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.header, { bold: true, align: AlignmentType.CENTER, width: widths[i]! })) }),
    ...t.rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: r.cells.map((c, i) =>
            cell(DAY_COLUMNS.has(keys[i]!) ? dayText(c.text, ctx.lang) : c.text, { width: widths[i]!, ...(r.kind === 'total' ? { bold: true } : {}), ...(right[i] ? { align: AlignmentType.RIGHT } : {}) }),
          ),
        }),
    ),
  ];
  return new Table({ rows, layout: TableLayoutType.FIXED, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths });
}

function heading(text: string, level: 1 | 2 | 3, opts: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    keepNext: true,
    ...(opts.pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: [new TextRun({ text, font: FONT })],
  });
}

function note(text: string, opts: { bold?: boolean; italics?: boolean } = {}): Paragraph[] {
  return paragraphs(text, { ...opts, spacingAfter: 120 });
}

const SPACER = () => new Paragraph({ spacing: { after: 120 }, children: [] });

async function figure(fig: ReturnType<typeof statesChart> | null, caption: string, landscape: boolean): Promise<Paragraph[]> {
  const img = await chartImage(fig);
  if (!img) return [];
  // Scaled to fit the text width, and the page's height below its caption, so the chart is never
  // cut and its caption never left alone at the foot of a page (twips → CSS pixels: 1 px = 15 twips).
  const maxWidth = Math.floor(textWidth(landscape) / 15);
  const maxHeight = Math.floor(textHeight(landscape) / 15) - 80;
  const scale = Math.min(1, maxWidth / img.width, maxHeight / img.height);
  return [
    ...paragraphs(caption, { bold: true, keepNext: true, spacingAfter: 60 }),
    new Paragraph({
      keepNext: false,
      spacing: { after: 120 },
      children: [
        new ImageRun({
          type: 'png',
          data: img.png,
          transformation: { width: Math.round(img.width * scale), height: Math.round(img.height * scale) },
          altText: { name: xmlSafe(caption), title: xmlSafe(img.title), description: xmlSafe(img.description) },
        }),
      ],
    }),
  ];
}

export async function reportAsDocx(doc: ReportDocument, ctx: RenderContext): Promise<Uint8Array> {
  const w = reportWords(ctx.lang);
  const day = (iso: string) => formatDay(iso, ctx.lang);
  const overdue = doc.overdue.items.filter((i) => i.state === 'overdue');
  const dueSoon = doc.overdue.items.filter((i) => i.state !== 'overdue');
  const duties = dutiesTable(doc, ctx);
  const a = doc.attainment;
  const n = (i: number, title: string) => `${i}. ${title}`;

  // The report is tables through and through, most of them wide: every page is landscape A4.
  const first: FileChild[] = [
    ...paragraphs(w.title.toUpperCase(), { bold: true, align: AlignmentType.CENTER, keepNext: true }),
    ...(doc.decision ? paragraphs(`${doc.decision.number}: ${doc.decision.title}`, { bold: true, align: AlignmentType.CENTER, keepNext: true }) : []),
    ...paragraphs(`${w.asOf(day(doc.asOf))} · ${w.window(doc.within)}`, { italics: true, align: AlignmentType.CENTER, spacingAfter: 240 }),
    heading(n(1, w.sections.summary), 1),
    wordTable(summaryTable(doc, ctx), true, ctx),
    SPACER(),
    ...(await figure(statesChart(doc, w, ctx), w.chartStates, true)),
    ...note(w.counts(doc.status.attainment!)),
  ];

  const lists: FileChild[] = [
    heading(`${n(2, w.sections.overdue)} (${overdue.length})`, 1),
    ...(overdue.length > 0 ? [wordTable(itemsTable('overdue', overdue, ctx), true, ctx), SPACER()] : note(w.nothingOverdue)),
    heading(`${n(3, w.sections.dueSoon(doc.within))} (${dueSoon.length})`, 1),
    ...(dueSoon.length > 0 ? [wordTable(itemsTable('due-soon', dueSoon, ctx), true, ctx), SPACER()] : note(w.nothingDueSoon)),
    heading(`${n(4, w.sections.duties)} (${duties.rows.length})`, 1),
    ...(duties.rows.length > 0 ? [wordTable(duties, true, ctx), SPACER()] : note(w.noDuties)),
    heading(n(5, w.sections.attainment), 1),
  ];
  const lead = attainmentLead(doc, ctx);
  if (a.data.reads.length > 0) lists.push(wordTable(dataTable(a, ctx), true, ctx), SPACER());
  if (lead.noData) lists.push(...note(lead.noData, { bold: true }));
  for (const u of lead.unread) lists.push(...note(u, { italics: true }));
  if (a.targets.length === 0) lists.push(...note(w.noTargets));
  else {
    lists.push(...note(lead.counts));
    const charts: Paragraph[] = [];
    for (const f of targetsChartFigures(doc, w, ctx)) charts.push(...(await figure(f.figure, f.title, true)));
    if (charts.length > 0) lists.push(...charts, ...note(w.chartTargetsNote, { italics: true }));
    lists.push(wordTable(targetsTable(a, ctx), true, ctx), SPACER());
  }
  const total = suppressionTotal(a, ctx);
  if (total) lists.push(...note(total));
  for (const t of brokenDown(a)) {
    lists.push(heading(w.breakdownTitle(`${t.decision} ${t.id}`, t.breakdown!.by), 3), wordTable(breakdownTable(t, ctx), true, ctx), SPACER());
    const s = suppressionText(t, ctx);
    if (s) lists.push(...note(s, { italics: true }));
  }

  // Each decision's tables with state, on landscape pages as plan render draws them.
  const appendix = doc.appendices.flatMap((r, i) =>
    appendixSections(r, ctx, { named: true }).map((s, j) => ({
      landscape: s.landscape,
      children: j === 0 ? [...(i === 0 ? [heading(n(6, w.sections.appendices), 1)] : []), heading(`${r.decision.number}: ${r.decision.title}`, 2), ...s.children] : s.children,
    })),
  );
  if (appendix.length === 0) appendix.push({ landscape: true, children: [heading(n(6, w.sections.appendices), 1)] });
  appendix[appendix.length - 1]!.children.push(SPACER(), ...note(w.made(day(doc.asOf)), { italics: true }));

  const word = officeDocument(`${w.title}${doc.decision ? `: ${doc.decision.number}` : ''} (${day(doc.asOf)})`, [
    { landscape: true, children: [...first, ...lists] },
    ...appendix,
  ]);
  return new Uint8Array(await Packer.toBuffer(word));
}
