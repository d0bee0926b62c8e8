// A decision's heading and an appendix's: the number, place and day of signing, issuer, title,
// legal basis and signer; the label, title and note above a table, and the appendix id.

import { formatDay, isCalendarDay } from '../../period/calendar.js';
import type { DocBlock } from './doc-model.js';
import type { ImportedMeta } from './imported-decision.js';

const ROMAN = /^[IVXLC]+$/;
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
export function allLines(blocks: readonly DocBlock[], upTo: number): string[] {
  const out: string[] = [];
  for (const b of blocks.slice(0, upTo)) {
    if (b.kind === 'p') out.push(...b.text.split('\n'));
    else for (const r of b.rows) for (const c of r.cells) for (const p of c.paragraphs) out.push(...p.split('\n'));
  }
  return out.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
}

export function readMeta(lines: string[]): { meta: ImportedMeta; titleInCapitals: boolean } {
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

/** The heading paragraphs just before a table: "PHỤ LỤC II", the title, "(Ban hành kèm theo …)". */
export function headingBefore(blocks: readonly DocBlock[], at: number): { label?: string; title?: string; note?: string } {
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
