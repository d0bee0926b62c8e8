// Page and type of Word output after Nghị định 30/2020/NĐ-CP: A4, Times New Roman 13 pt (12 pt in
// tables), margins top and bottom 20 mm, left 30 mm, right 15 mm; appendix tables on landscape pages.

import { xmlSafe } from '../office-text.js';
import { AlignmentType, BorderStyle, PageOrientation, Paragraph, TableCell, TextRun, VerticalAlign, WidthType, convertMillimetersToTwip, type ISectionOptions } from 'docx';

export const FONT = 'Times New Roman';
/** Half-points, as Word counts font sizes. */
export const BODY_SIZE = 26;
export const TABLE_SIZE = 24;

const MARGIN = { top: 20, bottom: 20, left: 30, right: 15 } as const;
const A4 = { width: 210, height: 297 } as const;

/** The text height of a page in twips (A4 less the top and bottom margins). */
export function textHeight(landscape: boolean): number {
  return convertMillimetersToTwip((landscape ? A4.width : A4.height) - MARGIN.top - MARGIN.bottom);
}

/** The text width of a page in twips (A4 less the left and right margins). */
export function textWidth(landscape: boolean): number {
  return convertMillimetersToTwip((landscape ? A4.height : A4.width) - MARGIN.left - MARGIN.right);
}

export function pageProperties(landscape: boolean): NonNullable<ISectionOptions['properties']> {
  return {
    page: {
      // Portrait sizes; docx swaps them for a landscape page.
      size: { width: convertMillimetersToTwip(A4.width), height: convertMillimetersToTwip(A4.height), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
      margin: {
        top: convertMillimetersToTwip(MARGIN.top),
        bottom: convertMillimetersToTwip(MARGIN.bottom),
        left: convertMillimetersToTwip(MARGIN.left),
        right: convertMillimetersToTwip(MARGIN.right),
      },
    },
  };
}

/** Document defaults: every run in Times New Roman 13 pt unless a table cell says 12. */
export const STYLES = {
  default: {
    // The content is Vietnamese whatever the language of the fixed words: proofing tools check it as such.
    document: { run: { font: FONT, size: BODY_SIZE, language: { value: 'vi-VN' } }, paragraph: { spacing: { after: 0 } } },
    heading1: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
    heading2: { run: { font: FONT, size: BODY_SIZE, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
    heading3: { run: { font: FONT, size: BODY_SIZE, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true } },
  },
};

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

/** Text as paragraphs: each line of the text its own paragraph (cells keep the document's line breaks). */
export function paragraphs(text: string, style: RunStyle & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean; spacingAfter?: number } = {}): Paragraph[] {
  const lines = xmlSafe(text).split(/\r?\n/);
  return lines.map(
    (line, i) =>
      new Paragraph({
        ...(style.align ? { alignment: style.align } : {}),
        ...(style.keepNext || i < lines.length - 1 ? { keepNext: true } : {}),
        ...(style.spacingAfter !== undefined && i === lines.length - 1 ? { spacing: { after: style.spacingAfter } } : {}),
        children: [new TextRun({ text: line, font: FONT, ...(style.bold ? { bold: true } : {}), ...(style.italics ? { italics: true } : {}), size: style.size ?? BODY_SIZE })],
      }),
  );
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE } as const;

/** A bordered table cell in 12 pt. */
export function cell(text: string, opts: RunStyle & { span?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; width?: number; shade?: string; keepNext?: boolean } = {}): TableCell {
  return new TableCell({
    children: paragraphs(text, { size: TABLE_SIZE, ...(opts.bold ? { bold: true } : {}), ...(opts.italics ? { italics: true } : {}), ...(opts.align ? { align: opts.align } : {}), ...(opts.keepNext ? { keepNext: true } : {}) }),
    borders: CELL_BORDERS,
    verticalAlign: VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(opts.span && opts.span > 1 ? { columnSpan: opts.span } : {}),
    ...(opts.width !== undefined ? { width: { size: opts.width, type: WidthType.DXA } } : {}),
    ...(opts.shade ? { shading: { fill: opts.shade, color: 'auto', type: 'clear' as const } } : {}),
  });
}

/** Twip widths for columns given relative weights, summing exactly to the text width. */
export function columnWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const out = weights.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}
