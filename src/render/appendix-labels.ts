// Fixed words of appendix renders in Vietnamese and English: column headers for --lang en, the
// total label, state labels, the note on body-section tables. Content always stays as written.

import type { AppendixTable, ItemRow, RowState, TableColumn, TableField } from '../report/appendix-tables.js';
import type { RenderContext } from './context.js';
import { stateLabel } from './labels.js';
import { dayPhrase } from './i18n/format.js';

export const HEADERS_EN: Record<TableField, string> = {
  no: 'No.',
  content: 'Content',
  count: 'Tasks',
  lead: 'Lead unit',
  support: 'Supporting units',
  start: 'Start',
  due: 'Finish',
  when: 'Period',
  leader: 'Responsible leader',
  product: 'Product',
  mode: 'Mode of training',
  state: 'State',
};

/** The headers to show: the document's own, or a fixed English one per field. */
export function columnHeaders(table: AppendixTable, ctx: Pick<RenderContext, 'lang'>): string[] {
  return table.columns.map((c: TableColumn) => (ctx.lang === 'en' ? HEADERS_EN[c.field] : c.header));
}

export function totalLabel(table: AppendixTable, ctx: Pick<RenderContext, 'lang'>): string {
  return ctx.lang === 'en' ? 'TOTAL' : (table.total.label ?? 'TỔNG SỐ');
}

/** Title and note lines of a table; body sections get fixed ones that say what they are. */
export function tableHeading(table: AppendixTable, ctx: Pick<RenderContext, 'lang'>): { label: string | null; title: string | null; note: string | null; generic: string | null } {
  if (table.source === 'appendix') return { label: table.label, title: table.title, note: table.note, generic: null };
  return ctx.lang === 'en'
    ? {
        label: null,
        title: "Tasks of the decision's body sections",
        note: null,
        generic: 'Not an appendix of the document: the tasks its sections assign, under generic column headers.',
      }
    : {
        label: null,
        title: 'Nhiệm vụ tại các mục của Quyết định',
        note: null,
        generic: 'Không phải phụ lục của văn bản: các nhiệm vụ giao tại các mục của Quyết định, với tiêu đề cột chung.',
      };
}

export const STATE_VI: Record<RowState['state'], string> = {
  overdue: 'Quá hạn',
  'due-soon': 'Sắp đến hạn',
  'in-progress': 'Đang thực hiện',
  open: 'Trong thời hạn',
  'not-started-yet': 'Chưa đến thời gian bắt đầu',
  ongoing: 'Thường xuyên',
  waiting: 'Chờ sự kiện',
  done: 'Hoàn thành',
  cancelled: 'Đã hủy',
};

export function rowStateLabel(s: RowState, ctx: Pick<RenderContext, 'lang'>): string {
  if (ctx.lang === 'en') return stateLabel(s, 'en');
  switch (s.state) {
    case 'overdue':
    case 'due-soon':
    case 'done': {
      // The status words with their day counts grouped ("Quá hạn 3.246 ngày"), as a table cell begins them.
      const l = stateLabel(s, 'vi');
      return l.charAt(0).toUpperCase() + l.slice(1);
    }
    default:
      return STATE_VI[s.state];
  }
}

export function asOfLine(asOf: string, ctx: Pick<RenderContext, 'lang'>): string {
  return ctx.lang === 'en' ? `State as of ${asOf}` : `Tình trạng tính đến ${dayPhrase(asOf, 'vi')}`;
}

/** "40 tasks in 17 groups" / "40 nhiệm vụ trong 17 nhóm" (content rows count as rows). */
export function countLine(table: AppendixTable, ctx: Pick<RenderContext, 'lang'>): string {
  const rows = table.groups.flatMap((g) => g.rows);
  const contents = rows.filter((r: ItemRow) => r.kind === 'content').length;
  const tasks = rows.length - contents;
  const groups = table.groups.length;
  if (ctx.lang === 'en') {
    const parts = [tasks > 0 ? `${tasks} task${tasks === 1 ? '' : 's'}` : '', contents > 0 ? `${contents} content row${contents === 1 ? '' : 's'}` : ''].filter(Boolean);
    return `${parts.join(', ') || 'no rows'} in ${groups} group${groups === 1 ? '' : 's'}`;
  }
  const parts = [tasks > 0 ? `${tasks} nhiệm vụ` : '', contents > 0 ? `${contents} nội dung` : ''].filter(Boolean);
  return `${parts.join(', ') || 'không có dòng nào'} trong ${groups} nhóm`;
}
