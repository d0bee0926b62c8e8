// An appendix table's header cells → the fields of its columns, from the header words.

import type { ColumnField } from '../../model/decision.js';

/** A field, or "note" (Ghi chú: kept as a comment), or null for a header the importer does not know. */
export type HeaderField = ColumnField | 'note' | null;

const RULES: [RegExp, HeaderField][] = [
  [/^(s\.?\s?tt|tt|số thứ tự|stt)$/, 'no'],
  [/tổng số/, 'count'],
  [/số (lượng )?nhiệm vụ/, 'count'],
  [/chủ trì/, 'lead'],
  [/phối hợp/, 'support'],
  [/lãnh đạo/, 'leader'],
  [/phụ trách/, 'leader'],
  [/bắt đầu/, 'start'],
  [/hoàn thành|kết thúc|thời hạn/, 'due'],
  [/thời gian|tiến độ/, 'when'],
  [/sản phẩm|kết quả/, 'product'],
  [/phương thức|hình thức/, 'mode'],
  [/ghi chú/, 'note'],
  [/nội dung|nhiệm vụ|công việc|tên đề án/, 'content'],
];

export function headerField(header: string): HeaderField {
  const h = header.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [re, field] of RULES) if (re.test(h)) return field;
  return null;
}

/** A table is an appendix table when its header names a number column and a content column. */
export function isAppendixHeader(fields: readonly HeaderField[]): boolean {
  return fields.includes('no') && fields.includes('content');
}
