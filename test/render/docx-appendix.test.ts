// plan render as Word, read back through the package's XML (not the docx library): one table per
// appendix with every cell of the document, the header row repeated, rows kept whole, landscape A4.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanSet } from '../../src/model/plan-set.js';
import { buildAppendixReport, type AppendixReport } from '../../src/report/appendix-tables.js';
import { findDecision } from '../../src/report/select.js';
import { appendixAsJson } from '../../src/render/appendix.js';
import { PLAIN } from '../../src/render/context.js';
import { appendixAsDocx } from '../../src/render/docx/appendix-docx.js';
import { findAll, kid, part, unzip, wordParagraphs, wordSections, wordTables, type WordRow } from '../helpers/ooxml.js';
import { loadPlanSet } from '../helpers/plans.js';

let plans: PlanSet;
beforeAll(async () => {
  plans = await loadPlanSet();
});

function report(number: string, opts: { asOf?: string } = {}): AppendixReport {
  const d = findDecision(plans, number);
  if (!d.ok) throw new Error(d.message);
  const r = buildAppendixReport(plans, d.value, opts);
  if (!r.ok) throw new Error(r.message);
  return r.report;
}

interface JsonTable {
  id: string;
  label: string | null;
  title: string | null;
  note: string | null;
  columns: { field: string; header: string }[];
  groups: { no: string; title: string; count: number; rows: { kind: string; no: string; cells: Record<string, string>; mergedPeriod: boolean }[] }[];
  total: { label: string | null; value: number };
}

async function docxOf(r: AppendixReport) {
  const files = unzip(await appendixAsDocx(r, PLAIN));
  const doc = part(files, 'word/document.xml');
  return { files, doc, tables: wordTables(doc), sections: wordSections(doc), paragraphs: wordParagraphs(doc) };
}

/** The cells a task row must show, from the JSON render (another renderer of the same table). */
function expectedTaskCells(t: JsonTable, row: JsonTable['groups'][number]['rows'][number]): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.columns.length; i++) {
    const f = t.columns[i]!.field;
    if (f === 'start' && row.mergedPeriod && t.columns[i + 1]?.field === 'due') {
      out.push(row.cells['start']!);
      i++;
    } else out.push(f === 'count' ? '' : (row.cells[f] ?? ''));
  }
  return out;
}

describe.each([
  ['88/QĐ-BHXH', [40]],
  ['456/QĐ-BHXH', [35, 15]],
  ['185/QĐ-BHXH', [null]],
])('%s as Word', (number, totals) => {
  it('one Word table per appendix holding every cell of the document, the header row repeated, rows kept whole', async () => {
    const r = report(number);
    const json = JSON.parse(appendixAsJson(r, PLAIN)) as { tables: JsonTable[] };
    const { tables } = await docxOf(r);
    expect(tables).toHaveLength(json.tables.length);
    expect(tables.length).toBe(totals.length);
    json.tables.forEach((t, ti) => {
      const rows: WordRow[] = tables[ti]!;
      // The header row: the document's headers, repeated on every page, and only it.
      expect(rows[0]!.header).toBe(true);
      expect(rows.filter((x) => x.header)).toHaveLength(1);
      expect(rows[0]!.cells.map((c) => c.text)).toEqual(t.columns.map((c) => c.header));
      expect(rows.every((x) => x.cantSplit)).toBe(true);
      // Every row of the JSON render, in order: a group row (bold), its rows, then the total.
      let at = 1;
      let items = 0;
      for (const g of t.groups) {
        const gr = rows[at++]!;
        expect(gr.cells.every((c) => c.bold || c.text === '')).toBe(true);
        expect(gr.cells.map((c) => c.text)).toContain(g.title);
        for (const row of g.rows) {
          const wr = rows[at++]!;
          expect(wr.cells.map((c) => c.text)).toEqual(expectedTaskCells(t, row));
          if (row.mergedPeriod) expect(wr.cells.some((c) => c.span === 2)).toBe(true);
          items++;
        }
      }
      const expectedTotal = totals[ti];
      if (expectedTotal !== null && expectedTotal !== undefined) expect(items).toBe(expectedTotal);
      // The total row where the document shows one ("TỔNG SỐ 40"), counted from the rows.
      if (t.total.label !== null) {
        const last = rows[at++]!;
        expect(last.cells[0]!.bold).toBe(true);
        expect(last.cells.map((c) => c.text)).toEqual(expect.arrayContaining([t.total.label, String(items)]));
      }
      expect(rows).toHaveLength(at);
      // Cells span exactly the table's grid.
      for (const x of rows) expect(x.cells.reduce((n, c) => n + c.span, 0)).toBe(t.columns.length);
    });
  });

  it('A4 landscape sections with the margins of Nghị định 30 and the heading block', async () => {
    const r = report(number);
    const { sections, paragraphs, doc } = await docxOf(r);
    expect(sections.length).toBe(r.tables.length);
    for (const s of sections) {
      // 297 × 210 mm in twips (1 mm = 56.7 twips); landscape.
      expect(s.orient).toBe('landscape');
      expect(Math.abs(s.width - 16838)).toBeLessThan(3);
      expect(Math.abs(s.height - 11906)).toBeLessThan(3);
      const mm = (tw: number) => tw / 56.6929;
      expect(mm(s.margin['top']!)).toBeGreaterThanOrEqual(20 - 0.1);
      expect(mm(s.margin['top']!)).toBeLessThanOrEqual(25 + 0.1);
      expect(mm(s.margin['bottom']!)).toBeGreaterThanOrEqual(20 - 0.1);
      expect(mm(s.margin['bottom']!)).toBeLessThanOrEqual(25 + 0.1);
      expect(mm(s.margin['left']!)).toBeGreaterThanOrEqual(30 - 0.1);
      expect(mm(s.margin['left']!)).toBeLessThanOrEqual(35 + 0.1);
      expect(mm(s.margin['right']!)).toBeGreaterThanOrEqual(15 - 0.1);
      expect(mm(s.margin['right']!)).toBeLessThanOrEqual(20 + 0.1);
    }
    for (const t of r.tables.filter((x) => x.source === 'appendix')) {
      expect(paragraphs).toContain(t.label);
      expect(paragraphs).toContain(t.title);
      expect(paragraphs).toContain(t.note);
      expect(t.note).toMatch(new RegExp(`^\\(Ban hành kèm theo Quyết định số ${number.replace(/[/]/g, '\\/')} ngày`));
    }
    // Body text is Times New Roman; table cells are 12 pt (24 half-points).
    const fonts = findAll(doc, 'w:rFonts').map((f) => f.attrs['w:ascii']);
    expect(fonts.length).toBeGreaterThan(0);
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
    const tbl = findAll(doc, 'w:tbl')[0]!;
    const sizes = new Set(findAll(tbl, 'w:sz').filter((n) => n.attrs['w:val'] && findAll(tbl, 'w:rPr').length > 0).map((n) => n.attrs['w:val']));
    expect(sizes.has('24')).toBe(true);
    expect(kid(findAll(tbl, 'w:tblPr')[0]!, 'w:tblLayout')?.attrs['w:type']).toBe('fixed');
  });
});

describe('other renders as Word', () => {
  it('a decision without appendix renders its body sections, named, on a landscape page', async () => {
    const r = report('1320/QĐ-BHXH');
    expect(r.tables[0]!.source).toBe('sections');
    const { tables, paragraphs } = await docxOf(r);
    expect(tables).toHaveLength(r.tables.length);
    expect(paragraphs.some((p) => p.includes('1320/QĐ-BHXH'))).toBe(true);
    const items = r.tables[0]!.groups.reduce((n, g) => n + g.rows.length, 0);
    expect(tables[0]!.length).toBe(1 + r.tables[0]!.groups.length + items + (r.tables[0]!.total.shown ? 1 : 0));
  });

  it('with a state column: the state of each task and the as-of day written dd/mm/yyyy', async () => {
    const r = report('88/QĐ-BHXH', { asOf: '2024-07-01' });
    const { tables, paragraphs } = await docxOf(r);
    expect(paragraphs).toContain('Tình trạng tính đến ngày 01/07/2024');
    const header = tables[0]![0]!.cells.map((c) => c.text);
    expect(header[header.length - 1]).toBe('Tình trạng');
    // Task 1.2 is due Tháng 9/2024: as of 2024-07-01 it is inside its window.
    const row12 = tables[0]!.find((x) => x.cells[0]!.text === '1.2')!;
    expect(row12.cells[row12.cells.length - 1]!.text).toBe('Trong thời hạn');
  });
});
