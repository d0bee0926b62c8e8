// The tasks report in every format: terminal table, Markdown, CSV, JSON.

import type { TaskRow, TasksReport } from '../report/tasks.js';
import type { RenderContext, Formatter, TextFormatter } from './context.js';
import type { TaskFormat } from './formats.js';
import { toCsv } from './csv.js';
import { asJson } from './json.js';
import { mdTable } from './markdown.js';
import { paint, stateColor } from './paint.js';
import { stateLabel } from './labels.js';
import { textTable } from './text-table.js';
import { inertFormatter } from './inert-report.js';

export { stateLabel };

function dueCell(t: TaskRow): string {
  if (!t.due) return '';
  return t.due.to && t.due.kind !== 'day' ? `${t.due.text}\n${t.due.to}` : t.due.text;
}

/** One table per decision, under its number: easier to read, and cli-table3's cost grows with the square of a table's rows. */
const drawTasksAsTable: TextFormatter<TasksReport> = (r, ctx: RenderContext) => {
  if (r.tasks.length === 0) return `No tasks match, as of ${r.asOf}.\n`;
  const byDecision = new Map<string, TaskRow[]>();
  for (const t of r.tasks) byDecision.set(t.decision, [...(byDecision.get(t.decision) ?? []), t]);
  const c = paint(ctx);
  const cols = [{ header: 'ID', max: 12 }, { header: 'Task', flex: true }, { header: 'Lead', max: 18 }, { header: 'Due', max: 16 }, { header: 'State', max: 16 }];
  const parts: string[] = [];
  for (const [decision, tasks] of byDecision) {
    const rows = tasks.map((t) => [t.id, t.content, t.leadAsWritten, dueCell(t), stateLabel(t)]);
    parts.push(
      c.bold(`${decision}: ${tasks.length} task${tasks.length === 1 ? '' : 's'}`) +
        '\n' +
        textTable(cols, rows, ctx, (ri, ci, s) => (ci === 4 ? stateColor(ctx, tasks[ri]!.state)(s) : s)),
    );
  }
  return parts.join('\n') + `${r.tasks.length} task${r.tasks.length === 1 ? '' : 's'}, as of ${r.asOf}\n`;
};

export const tasksAsMarkdown: TextFormatter<TasksReport> = (r) =>
  `_As of ${r.asOf}: ${r.tasks.length} tasks._\n\n` +
  mdTable(
    ['Decision', 'ID', 'Task', 'Lead', 'Support', 'Leader', 'Start', 'Due', 'State'],
    r.tasks.map((t) => [t.decision, t.id, t.content, t.leadAsWritten, t.supportAsWritten ?? '', t.leader ?? '', t.start?.text ?? '', t.due?.text ?? '', stateLabel(t)]),
  );

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

export const TASK_FORMATS: Record<TaskFormat, Formatter<TasksReport>> = { table: tasksAsTable, md: tasksAsMarkdown, csv: tasksAsCsv, json: tasksAsJson };
