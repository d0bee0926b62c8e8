// The overdue list in every format: terminal table, Markdown, CSV, JSON, GitHub annotations.

import type { DutyItem, OverdueItem, OverdueReport, TaskItem } from '../report/overdue.js';
import type { Formatter, TextFormatter } from './context.js';
import type { OverdueFormat } from './formats.js';
import { overdueXlsx } from './office-formats.js';
import { toCsv } from './csv.js';
import { annotation } from './github.js';
import { asJson } from './json.js';
import { stateLabel } from './labels.js';
import { mdTable } from './markdown.js';
import { paint, stateColor } from './paint.js';
import { textTable } from './text-table.js';
import { formatDay } from './i18n/format.js';
import type { Lang } from './i18n/lang.js';
import { inertFormatter } from './inert-report.js';
import { formatInt } from './i18n/format.js';
import { wrapProse } from './width.js';

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

const WORDS = {
  vi: {
    report: 'Báo cáo',
    reportPeriod: (p: string) => `báo cáo ${p}`,
    nothing: 'không có gì quá hạn',
    overdue: (n: number, duties: number) => `${n} quá hạn${duties > 0 ? ` (trong đó ${duties} báo cáo)` : ''}`,
    soon: (n: number, within: number) => `${n} đến hạn trong ${formatInt(within, 'vi')} ngày tới`,
    asOf: (day: string) => `tính đến ngày ${formatDay(day, 'vi')}`,
    cols: ['Mục', 'Nội dung', 'Chủ trì / lãnh đạo', 'Hạn / tình trạng'],
    md: ['Quyết định', 'Mục', 'Nội dung', 'Chủ trì', 'Lãnh đạo phụ trách', 'Nơi nhận báo cáo', 'Hạn', 'Tình trạng'],
  },
  en: {
    report: 'Report',
    reportPeriod: (p: string) => `report ${p}`,
    nothing: 'nothing overdue',
    overdue: (n: number, duties: number) => `${n} overdue${duties > 0 ? ` (${duties} of them reports)` : ''}`,
    soon: (n: number, within: number) => `${n} due within ${formatInt(within, 'en')} days`,
    asOf: (day: string) => `as of ${day}`,
    cols: ['Item', 'Task', 'Lead / leader', 'Due / state'],
    md: ['Decision', 'Item', 'Task', 'Lead', 'Leader', 'Reports to', 'Due', 'State'],
  },
};

function what(i: OverdueItem, lang: Lang): string {
  return i.kind === 'task' ? i.content : `${WORDS[lang].report} ${i.id}: ${i.text}`;
}

/** In the terminal a duty's sentence would repeat for every year it is late: name it and its deadline. */
function whatShort(i: OverdueItem, lang: Lang): string {
  return i.kind === 'task' ? i.content : `${WORDS[lang].report} ${i.id} (${i.due.text})`;
}

function itemRef(i: OverdueItem, lang: Lang): string {
  if (i.kind === 'reporting') return WORDS[lang].reportPeriod(i.period);
  return i.period ? `${i.id} [${i.period}]` : i.id;
}

function lead(i: OverdueItem): string {
  return i.kind === 'task' ? i.leadAsWritten : (i.fromAsWritten ?? '');
}

/** The terminal's lead / leader cell: a duty's second line is whom it reports to. */
function leaderOrRecipient(i: OverdueItem): string {
  return i.kind === 'task' ? (i.leader ?? '') : `→ ${i.toAsWritten}`;
}

/** A task's leader; a duty names none. */
function leader(i: OverdueItem): string {
  return i.kind === 'task' ? (i.leader ?? '') : '';
}

/** The body a duty reports to, as written; a task has none. */
function recipient(i: OverdueItem): string {
  return i.kind === 'task' ? '' : i.toAsWritten;
}

function summary(r: OverdueReport, lang: Lang): string {
  const w = WORDS[lang];
  const duties = r.items.filter((i) => i.kind === 'reporting' && i.state === 'overdue').length;
  const overdue = r.counts.overdue === 0 ? w.nothing : w.overdue(r.counts.overdue, duties);
  const soon = r.within === null ? '' : `, ${w.soon(r.counts.dueSoon, r.within)}`;
  return `${overdue}${soon}, ${w.asOf(r.asOf)}`;
}

/** One table, most late first; each row names its decision, so the order holds across decisions. */
const drawOverdueAsTable: TextFormatter<OverdueReport> = (r, ctx) => {
  const c = paint(ctx);
  const lang = ctx.lang;
  if (r.items.length === 0) return `${summary(r, lang).replace(/^./, (ch) => ch.toUpperCase())}.\n`;
  const h = WORDS[lang].cols;
  const cols = [{ header: h[0]!, max: 14 }, { header: h[1]!, flex: true }, { header: h[2]!, max: 20 }, { header: h[3]!, max: 18 }];
  const rows = r.items.map((i) => [`${i.decision}\n${itemRef(i, lang)}`, oneLine(whatShort(i, lang)), [oneLine(lead(i)), oneLine(leaderOrRecipient(i))].filter(Boolean).join('\n'), `${formatDay(i.due?.to ?? '', lang)}\n${stateLabel(i, lang)}`]);
  return textTable(cols, rows, ctx, (ri, ci, s) => (ci === 3 ? stateColor(ctx, r.items[ri]!.state)(s) : s)) + wrapProse(summary(r, lang), ctx.width).split('\n').map((l) => c.bold(l)).join('\n') + '\n';
};

export const overdueAsMarkdown: TextFormatter<OverdueReport> = (r, ctx) =>
  `_${summary(r, ctx.lang).replace(/^./, (ch) => ch.toUpperCase())}._\n\n` +
  (r.items.length === 0
    ? ''
    : mdTable(
        WORDS[ctx.lang].md,
        r.items.map((i) => [i.decision, itemRef(i, ctx.lang), what(i, ctx.lang), lead(i), leader(i), recipient(i), formatDay(i.due?.to ?? '', ctx.lang), stateLabel(i, ctx.lang)]),
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

// Annotations are read by engineers in CI logs, by machines too: always English.
function annotate(i: TaskItem | DutyItem): string {
  const label = stateLabel(i, 'en');
  const due = i.due?.to ? ` (due ${i.due.to})` : '';
  const title = i.kind === 'task' ? `${i.decision} task ${itemRef(i, 'en')}: ${label}` : `${i.decision} report ${i.id} ${i.period}: ${label}`;
  const message = i.kind === 'task' ? `${label}${due}: ${oneLine(i.content)}` : `report ${i.period} to ${oneLine(i.toAsWritten)} ${label}${due}`;
  return annotation({ level: i.state === 'overdue' ? 'warning' : 'notice', file: i.file, line: i.line, title, message });
}

/** GitHub workflow annotations: a warning on each overdue task's line in its plan file, a notice for what is due soon. */
export const overdueAsGithub: TextFormatter<OverdueReport> = (r) => r.items.map(annotate).join('');

/** The terminal view; text from the files shown inert. */
export const overdueAsTable = inertFormatter(drawOverdueAsTable);

export const OVERDUE_FORMATS: Record<OverdueFormat, Formatter<OverdueReport>> = { table: overdueAsTable, md: overdueAsMarkdown, csv: overdueAsCsv, json: overdueAsJson, github: overdueAsGithub, xlsx: overdueXlsx };
