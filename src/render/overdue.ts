// The overdue list in every format: terminal table, Markdown, CSV, JSON, GitHub annotations.

import type { DutyItem, OverdueItem, OverdueReport, TaskItem } from '../report/overdue.js';
import type { Formatter, TextFormatter } from './context.js';
import type { OverdueFormat } from './formats.js';
import { toCsv } from './csv.js';
import { annotation } from './github.js';
import { asJson } from './json.js';
import { stateLabel } from './labels.js';
import { mdTable } from './markdown.js';
import { paint, stateColor } from './paint.js';
import { textTable } from './text-table.js';
import { inertFormatter } from './inert-report.js';

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

function what(i: OverdueItem): string {
  return i.kind === 'task' ? i.content : `Báo cáo ${i.id}: ${i.text}`;
}

/** In the terminal a duty's sentence would repeat for every year it is late: name it and its deadline. */
function whatShort(i: OverdueItem): string {
  return i.kind === 'task' ? i.content : `Báo cáo ${i.id} (${i.due.text})`;
}

function itemRef(i: OverdueItem): string {
  if (i.kind === 'reporting') return `report ${i.period}`;
  return i.period ? `${i.id} [${i.period}]` : i.id;
}

function lead(i: OverdueItem): string {
  return i.kind === 'task' ? i.leadAsWritten : (i.fromAsWritten ?? '');
}

function leader(i: OverdueItem): string {
  return i.kind === 'task' ? (i.leader ?? '') : `→ ${i.toAsWritten}`;
}

function summary(r: OverdueReport): string {
  const duties = r.items.filter((i) => i.kind === 'reporting' && i.state === 'overdue').length;
  const overdue = r.counts.overdue === 0 ? 'nothing overdue' : `${r.counts.overdue} overdue${duties > 0 ? ` (${duties} of them reports)` : ''}`;
  const soon = r.within === null ? '' : `, ${r.counts.dueSoon} due within ${r.within} days`;
  return `${overdue}${soon}, as of ${r.asOf}`;
}

/** One table, most late first; each row names its decision, so the order holds across decisions. */
const drawOverdueAsTable: TextFormatter<OverdueReport> = (r, ctx) => {
  const c = paint(ctx);
  if (r.items.length === 0) return `${summary(r).replace(/^./, (ch) => ch.toUpperCase())}.\n`;
  const cols = [{ header: 'Item', max: 14 }, { header: 'Task', flex: true }, { header: 'Lead / leader', max: 20 }, { header: 'Due / state', max: 13 }];
  const rows = r.items.map((i) => [`${i.decision}\n${itemRef(i)}`, oneLine(whatShort(i)), [oneLine(lead(i)), oneLine(leader(i))].filter(Boolean).join('\n'), `${i.due?.to ?? ''}\n${stateLabel(i)}`]);
  return textTable(cols, rows, ctx, (ri, ci, s) => (ci === 3 ? stateColor(ctx, r.items[ri]!.state)(s) : s)) + c.bold(summary(r)) + '\n';
};

export const overdueAsMarkdown: TextFormatter<OverdueReport> = (r) =>
  `_${summary(r).replace(/^./, (ch) => ch.toUpperCase())}._\n\n` +
  (r.items.length === 0
    ? ''
    : mdTable(
        ['Decision', 'Item', 'Task', 'Lead', 'Leader', 'Due', 'State'],
        r.items.map((i) => [i.decision, itemRef(i), what(i), lead(i), leader(i), i.due?.to ?? '', stateLabel(i)]),
      ));

export const overdueAsCsv: TextFormatter<OverdueReport> = (r) =>
  toCsv(
    ['kind', 'decision', 'id', 'period', 'content', 'lead', 'lead_as_written', 'leader', 'to', 'to_as_written', 'due_text', 'due', 'state', 'days_late', 'days_left', 'file', 'line'],
    r.items.map((i) =>
      i.kind === 'task'
        ? ['task', i.decision, i.id, i.period, i.content, i.lead.join(';'), i.leadAsWritten, i.leader, null, null, i.due?.text, i.due?.to, i.state, i.daysLate, i.daysLeft, i.file, i.line]
        : ['reporting', i.decision, i.id, i.period, i.text, i.from.join(';'), i.fromAsWritten, null, i.to.join(';'), i.toAsWritten, i.due.text, i.due.to, i.state, i.daysLate, i.daysLeft, i.file, i.line],
    ),
  );

/** `tasks` holds every item, most late first: task objects as `plan tasks` gives them (`kind: "task"`) and duty instances (`kind: "reporting"`). */
export const overdueAsJson: TextFormatter<OverdueReport> = (r) => asJson({ asOf: r.asOf, within: r.within, counts: r.counts, tasks: r.items });

function annotate(i: TaskItem | DutyItem): string {
  const label = stateLabel(i);
  const due = i.due?.to ? ` (due ${i.due.to})` : '';
  const title = i.kind === 'task' ? `${i.decision} task ${itemRef(i)}: ${label}` : `${i.decision} report ${i.id} ${i.period}: ${label}`;
  const message = i.kind === 'task' ? `${label}${due}: ${oneLine(i.content)}` : `report ${i.period} to ${oneLine(i.toAsWritten)} ${label}${due}`;
  return annotation({ level: i.state === 'overdue' ? 'warning' : 'notice', file: i.file, line: i.line, title, message });
}

/** GitHub workflow annotations: a warning on each overdue task's line in its plan file, a notice for what is due soon. */
export const overdueAsGithub: TextFormatter<OverdueReport> = (r) => r.items.map(annotate).join('');

/** The terminal view; text from the files shown inert. */
export const overdueAsTable = inertFormatter(drawOverdueAsTable);

export const OVERDUE_FORMATS: Record<OverdueFormat, Formatter<OverdueReport>> = { table: overdueAsTable, md: overdueAsMarkdown, csv: overdueAsCsv, json: overdueAsJson, github: overdueAsGithub };
