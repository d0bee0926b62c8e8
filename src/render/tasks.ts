// The tasks report in every format: terminal table, Markdown, CSV, JSON.

import type { TaskRow, TasksReport } from '../report/tasks.js';
import type { RenderContext, Formatter, TextFormatter } from './context.js';
import type { TaskFormat } from './formats.js';
import { tasksXlsx } from './office-formats.js';
import { toCsv } from './csv.js';
import { asJson } from './json.js';
import { mdTable } from './markdown.js';
import { paint, stateColor } from './paint.js';
import { stateLabel } from './labels.js';
import { textTable } from './text-table.js';
import { formatDay } from './i18n/format.js';
import type { Lang } from './i18n/lang.js';
import { inertFormatter } from './inert-report.js';

export { stateLabel };

const WORDS = {
  vi: {
    none: (day: string) => `Không có nhiệm vụ nào phù hợp, tính đến ${day}.`,
    cols: ['Mục', 'Nội dung', 'Chủ trì', 'Thời hạn', 'Tình trạng'],
    md: ['Quyết định', 'Mục', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Lãnh đạo phụ trách', 'Bắt đầu', 'Thời hạn', 'Tình trạng'],
    tasks: (n: number) => `${n} nhiệm vụ`,
    asOf: (day: string) => `tính đến ${day}`,
  },
  en: {
    none: (day: string) => `No tasks match, as of ${day}.`,
    cols: ['ID', 'Task', 'Lead', 'Due', 'State'],
    md: ['Decision', 'ID', 'Task', 'Lead', 'Support', 'Leader', 'Start', 'Due', 'State'],
    tasks: (n: number) => `${n} task${n === 1 ? '' : 's'}`,
    asOf: (day: string) => `as of ${day}`,
  },
};

function dueCell(t: TaskRow, lang: Lang): string {
  if (!t.due) return '';
  return t.due.to && t.due.kind !== 'day' ? `${t.due.text}\n${formatDay(t.due.to, lang)}` : t.due.text;
}

/** One table per decision, under its number: easier to read, and cli-table3's cost grows with the square of a table's rows. */
const drawTasksAsTable: TextFormatter<TasksReport> = (r, ctx: RenderContext) => {
  const w = WORDS[ctx.lang];
  const day = ctx.lang === 'vi' ? `ngày ${formatDay(r.asOf, 'vi')}` : r.asOf;
  if (r.tasks.length === 0) return `${w.none(day)}\n`;
  const byDecision = new Map<string, TaskRow[]>();
  for (const t of r.tasks) byDecision.set(t.decision, [...(byDecision.get(t.decision) ?? []), t]);
  const c = paint(ctx);
  const cols = [{ header: w.cols[0]!, max: 12 }, { header: w.cols[1]!, flex: true }, { header: w.cols[2]!, max: 18 }, { header: w.cols[3]!, max: 16 }, { header: w.cols[4]!, max: 18 }];
  const parts: string[] = [];
  for (const [decision, tasks] of byDecision) {
    const rows = tasks.map((t) => [t.id, t.content, t.leadAsWritten, dueCell(t, ctx.lang), stateLabel(t, ctx.lang)]);
    parts.push(
      c.bold(`${decision}: ${w.tasks(tasks.length)}`) +
        '\n' +
        textTable(cols, rows, ctx, (ri, ci, s) => (ci === 4 ? stateColor(ctx, tasks[ri]!.state)(s) : s)),
    );
  }
  return parts.join('\n') + `${w.tasks(r.tasks.length)}, ${w.asOf(day)}\n`;
};

export const tasksAsMarkdown: TextFormatter<TasksReport> = (r, ctx) => {
  const w = WORDS[ctx.lang];
  const day = ctx.lang === 'vi' ? `ngày ${formatDay(r.asOf, 'vi')}` : r.asOf;
  const head = w.asOf(day);
  return (
    `_${head[0]!.toUpperCase()}${head.slice(1)}: ${w.tasks(r.tasks.length)}._\n\n` +
    mdTable(
      w.md,
      r.tasks.map((t) => [t.decision, t.id, t.content, t.leadAsWritten, t.supportAsWritten ?? '', t.leader ?? '', t.start?.text ?? '', t.due?.text ?? '', stateLabel(t, ctx.lang)]),
    )
  );
};

export const tasksAsCsv: TextFormatter<TasksReport> = (r) =>
  toCsv(
    ['decision', 'id', 'content', 'lead', 'lead_as_written', 'support', 'support_as_written', 'leader', 'start', 'start_kind', 'start_from', 'start_to', 'due', 'due_kind', 'due_from', 'due_to', 'state', 'days_late', 'days_left', 'file', 'line'],
    r.tasks.map((t) => [
      t.decision,
      t.id,
      t.content,
      t.lead.join(';'),
      t.leadAsWritten,
      t.support.join(';'),
      t.supportAsWritten,
      t.leader,
      t.start?.text,
      t.start?.kind,
      t.start?.from,
      t.start?.to,
      t.due?.text,
      t.due?.kind,
      t.due?.from,
      t.due?.to,
      t.state,
      t.daysLate,
      t.daysLeft,
      t.file,
      t.line,
    ]),
  );

export const tasksAsJson: TextFormatter<TasksReport> = (r) => asJson(r);

/** The terminal view; text from the files shown inert. */
export const tasksAsTable = inertFormatter(drawTasksAsTable);

export const TASK_FORMATS: Record<TaskFormat, Formatter<TasksReport>> = { table: tasksAsTable, md: tasksAsMarkdown, csv: tasksAsCsv, json: tasksAsJson, xlsx: tasksXlsx };
