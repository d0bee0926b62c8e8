// Small Word documents for plan import tests, written with the `docx` package (not plan's reader).

import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';

/** A cell: its text ("\n" = a line break inside the paragraph, "\n\n" = a new paragraph), span across, merge down. */
export interface FixtureCell {
  text?: string;
  span?: number;
  /** "restart" opens a cell merged downwards; "continue" is covered by the one above. */
  merge?: 'restart' | 'continue';
}

export type FixtureRow = (string | FixtureCell)[];

function paragraphs(text: string): Paragraph[] {
  return text.split('\n\n').map(
    (p) => new Paragraph({ children: p.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })) }),
  );
}

function cell(c: string | FixtureCell): TableCell {
  const o = typeof c === 'string' ? { text: c } : c;
  return new TableCell({
    children: o.text ? paragraphs(o.text) : [new Paragraph('')],
    ...(o.span ? { columnSpan: o.span } : {}),
    ...(o.merge ? { verticalMerge: o.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });
}

export interface FixtureDoc {
  /** Paragraphs before the table (the heading). */
  before?: string[];
  /** Table rows, the header first; omit for a document without a table. */
  rows?: FixtureRow[];
  after?: string[];
}

export const HEADING = [
  'BẢO HIỂM XÃ HỘI VIỆT NAM',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Số: 999/QĐ-BHXH',
  'Hà Nội, ngày 15 tháng 3 năm 2026',
  'QUYẾT ĐỊNH',
  'Ban hành Kế hoạch thử nghiệm năm 2026',
  'TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM',
  'Căn cứ Quyết định số 1/QĐ-BHXH ngày 02/01/2026 của Bảo hiểm xã hội Việt Nam;',
  'TỔNG GIÁM ĐỐC',
  'Nguyễn Thế Mạnh',
  'PHỤ LỤC',
  'NHIỆM VỤ NĂM 2026',
  '(Kèm theo Quyết định số 999/QĐ-BHXH)',
];

export async function fixtureDocx(d: FixtureDoc): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = (d.before ?? []).map((t) => new Paragraph(t));
  if (d.rows) children.push(new Table({ rows: d.rows.map((r) => new TableRow({ children: r.map(cell) })) }));
  for (const t of d.after ?? []) children.push(new Paragraph(t));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
