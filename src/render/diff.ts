// A plan diff as terminal tables, a Markdown pull-request comment, or JSON.

import type { PeriodJson } from '../report/tasks.js';
import { summarizeDiff, type DiffSummary, type PeriodChange, type PlanDiff, type StatusSide, type TaskSummary } from '../report/diff.js';
import type { Formatter, TextFormatter } from './context.js';
import type { DiffFormat } from './formats.js';
import { asJson } from './json.js';
import { mdCell, mdText } from './markdown.js';
import { paint } from './paint.js';
import { sizeColumns } from './size-columns.js';
import { textTable, type ColumnSpec } from './text-table.js';
import { inertFormatter } from './inert-report.js';

export interface DiffSide {
  label: string;
  kind: 'git' | 'worktree' | 'dir';
  commit: string | null;
}

export interface DiffReport {
  base: DiffSide;
  head: DiffSide;
  diff: PlanDiff;
}

/** "postponed by 61 days", "advanced by 1 day", "now dated: 2024-12-31" … */
export function describeMove(c: Pick<PeriodChange, 'direction' | 'days' | 'toDay'>): string {
  const n = Math.abs(c.days ?? 0);
  const days = `${n} day${n === 1 ? '' : 's'}`;
  switch (c.direction) {
    case 'postponed':
      return `postponed by ${days}`;
    case 'advanced':
      return `advanced by ${days}`;
    case 'same-day':
      return 'reworded, same day';
    case 'dated':
      return `now dated: ${c.toDay}`;
    case 'undated':
      return 'no longer has a fixed day';
    case 'reworded':
      return 'reworded';
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 tasks added, 1 deadline moved (1 postponed), 1 owner change". */
export function summaryText(s: DiffSummary): string {
  if (s.total === 0) return 'no changes';
  const parts: string[] = [];
  if (s.decisionsAdded) parts.push(`${plural(s.decisionsAdded, 'decision')} added`);
  if (s.decisionsRemoved) parts.push(`${plural(s.decisionsRemoved, 'decision')} removed`);
  if (s.tasksAdded) parts.push(`${plural(s.tasksAdded, 'task')} added`);
  if (s.tasksRemoved) parts.push(`${plural(s.tasksRemoved, 'task')} removed`);
  if (s.deadlinesMoved) {
    const how = [s.postponed ? `${s.postponed} postponed` : '', s.advanced ? `${s.advanced} advanced` : ''].filter(Boolean).join(', ');
    parts.push(`${plural(s.deadlinesMoved, 'deadline')} moved${how ? ` (${how})` : ''}`);
  }
  if (s.startsMoved) parts.push(`${plural(s.startsMoved, 'start')} moved`);
  if (s.ownerChanges) parts.push(plural(s.ownerChanges, 'owner change'));
  if (s.leaderChanges) parts.push(plural(s.leaderChanges, 'leader change'));
  if (s.statusChanges) parts.push(plural(s.statusChanges, 'status change'));
  if (s.textChanges) parts.push(plural(s.textChanges, 'text edit'));
  if (s.targetChanges) parts.push(plural(s.targetChanges, 'target change'));
  if (s.reportingChanges) parts.push(plural(s.reportingChanges, 'reporting duty change', 'reporting duty changes'));
  return parts.join(', ');
}

function sideName(s: DiffSide): string {
  if (s.kind === 'worktree') return 'working tree';
  return s.kind === 'git' && s.commit && s.commit.slice(0, 7) !== s.label ? `${s.label} (${s.commit.slice(0, 7)})` : s.label;
}

const SHORT = 90;

function short(s: string | null): string {
  if (s === null) return '';
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= SHORT ? one : `${one.slice(0, SHORT - 1)}…`;
}

function period(p: PeriodJson | null, day: string | null): string {
  if (!p) return day ? `(term) ${day}` : '';
  return day && p.kind !== 'day' ? `${p.text} (${day})` : p.text;
}

function statusText(s: StatusSide): string {
  const parts = [s.on ? `${s.state} ${s.on}` : s.state];
  if (s.notes > 0) parts.push(plural(s.notes, 'note'));
  if (s.occurred) parts.push(`event ${s.occurred}`);
  return parts.join(', ');
}

interface Section {
  title: string;
  cols: ColumnSpec[];
  rows: string[][];
  /** Column whose cells are the point of the row (bold in Markdown). */
  strong?: number;
}

const DEC: ColumnSpec = { header: 'Decision', max: 14 };
const TASK: ColumnSpec = { header: 'Task', max: 10 };
const CONTENT: ColumnSpec = { header: 'Content', flex: true };

function taskRows(ts: TaskSummary[]): string[][] {
  return ts.map((t) => [t.decision, t.id, short(t.content), t.lead, t.due ?? '']);
}

/** The diff as titled tables, in the order a reviewer reads them; empty sections are left out. */
export function diffSections(d: PlanDiff): Section[] {
  const s: Section[] = [];
  const push = (sec: Section) => {
    if (sec.rows.length > 0) s.push(sec);
  };
  const decisionCols: ColumnSpec[] = [DEC, { header: 'Title', flex: true }, { header: 'Tasks', max: 6, align: 'right' }, { header: 'Targets', max: 8, align: 'right' }, { header: 'Duties', max: 7, align: 'right' }];
  const decisionRow = (x: PlanDiff['decisions']['added'][number]) => [x.number, short(x.title), String(x.tasks), String(x.targets), String(x.reporting)];
  push({ title: 'Decisions added', cols: decisionCols, rows: d.decisions.added.map(decisionRow) });
  push({ title: 'Decisions removed', cols: decisionCols, rows: d.decisions.removed.map(decisionRow) });
  const taskCols = [DEC, TASK, CONTENT, { header: 'Lead', max: 22 }, { header: 'Due', max: 16 }];
  push({ title: 'Tasks added', cols: taskCols, rows: taskRows(d.tasks.added) });
  push({ title: 'Tasks removed', cols: taskCols, rows: taskRows(d.tasks.removed) });
  const moveCols = [DEC, TASK, CONTENT, { header: 'Was', max: 24 }, { header: 'Now', max: 24 }, { header: 'Change', max: 22 }];
  const moveRow = (c: PeriodChange) => [c.decision, c.id, short(c.content), period(c.from, c.fromDay), period(c.to, c.toDay), describeMove(c)];
  push({ title: 'Deadlines moved', cols: moveCols, rows: d.deadlines.map(moveRow), strong: 5 });
  push({ title: 'Starts moved', cols: moveCols, rows: d.starts.map(moveRow) });
  const refCols = [DEC, TASK, { header: 'Field', max: 8 }, { header: 'Was', flex: true }, { header: 'Now', flex: true }];
  push({ title: 'Owners changed', cols: refCols, rows: d.owners.map((c) => [c.decision, c.id, c.field, c.from ?? '', c.to ?? '']), strong: 4 });
  push({ title: 'Leaders changed', cols: refCols, rows: d.leaders.map((c) => [c.decision, c.id, c.field, c.from ?? '', c.to ?? '']), strong: 4 });
  push({
    title: 'Status changed',
    cols: [DEC, TASK, CONTENT, { header: 'Was', max: 28 }, { header: 'Now', max: 28 }],
    rows: d.status.map((c) => [c.decision, c.id, short(c.content), statusText(c.from), statusText(c.to)]),
    strong: 4,
  });
  push({
    title: 'Text edited',
    cols: [DEC, TASK, { header: 'Field', max: 8 }, { header: 'Was', flex: true }, { header: 'Now', flex: true }],
    rows: d.texts.map((c) => [c.decision, c.id, c.field, short(c.from), short(c.to)]),
  });
  const targetCols = [DEC, { header: 'Target', max: 24 }, { header: 'Text', flex: true }, { header: 'Threshold', max: 16 }, { header: 'When', max: 12 }];
  const targetRow = (t: PlanDiff['targets']['added'][number]) => [t.decision, t.id, short(t.text), t.threshold !== null ? `${t.comparator ?? ''} ${t.threshold}%` : t.kind, t.when ?? ''];
  push({ title: 'Targets added', cols: targetCols, rows: d.targets.added.map(targetRow) });
  push({ title: 'Targets removed', cols: targetCols, rows: d.targets.removed.map(targetRow) });
  const changeCols = (what: string) => [DEC, { header: what, max: 24 }, { header: 'Field', max: 12 }, { header: 'Was', flex: true }, { header: 'Now', flex: true }];
  push({ title: 'Targets changed', cols: changeCols('Target'), rows: d.targets.changed.flatMap((t) => t.changes.map((c) => [t.decision, t.id, c.field, short(c.from), short(c.to)])), strong: 4 });
  const dutyCols = [DEC, { header: 'Duty', max: 20 }, { header: 'Text', flex: true }, { header: 'To', max: 22 }, { header: 'Due', max: 30 }];
  const dutyRow = (r: PlanDiff['reporting']['added'][number]) => [r.decision, r.id, short(r.text), r.to, r.due.join('; ')];
  push({ title: 'Reporting duties added', cols: dutyCols, rows: d.reporting.added.map(dutyRow) });
  push({ title: 'Reporting duties removed', cols: dutyCols, rows: d.reporting.removed.map(dutyRow) });
  push({ title: 'Reporting duties changed', cols: changeCols('Duty'), rows: d.reporting.changed.flatMap((r) => r.changes.map((c) => [r.decision, r.id, c.field, short(c.from), short(c.to)])), strong: 4 });
  return s;
}

const drawDiffAsTable: TextFormatter<DiffReport> = (r, ctx) => {
  const c = paint(ctx);
  const summary = summarizeDiff(r.diff);
  const parts = [c.bold(`Plan changes: ${sideName(r.base)} → ${sideName(r.head)}`), summaryText(summary)];
  for (const sec of diffSections(r.diff)) {
    parts.push('', c.bold(`${sec.title} (${sec.rows.length})`), textTable(sizeColumns(sec.cols, sec.rows, ctx.width), sec.rows, ctx, (_ri, ci, s) => (ci === sec.strong && /^postponed/.test(s) ? c.yellow(s) : s)).trimEnd());
  }
  return parts.join('\n') + '\n';
};

const mdCellText = mdCell;

/** A pull-request comment: heading, summary line, one table per kind of change. */
export const diffAsMarkdown: TextFormatter<DiffReport> = (r) => {
  const summary = summarizeDiff(r.diff);
  const lines = [`## Plan changes: ${mdText(sideName(r.base))} → ${mdText(sideName(r.head))}`, '', `**Summary:** ${mdText(summaryText(summary))}.`];
  for (const sec of diffSections(r.diff)) {
    lines.push('', `### ${mdText(sec.title)} (${sec.rows.length})`, '');
    lines.push(`| ${sec.cols.map((col) => mdCellText(col.header)).join(' | ')} |`);
    lines.push(`|${sec.cols.map((col) => (col.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`);
    for (const row of sec.rows) lines.push(`| ${row.map((cell, i) => (i === sec.strong && cell !== '' ? `**${mdCellText(cell)}**` : mdCellText(cell))).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
};

export const diffAsJson: TextFormatter<DiffReport> = (r) => asJson({ base: r.base, head: r.head, summary: summarizeDiff(r.diff), ...r.diff });

/** The terminal view; text from the files shown inert. */
export const diffAsTable = inertFormatter(drawDiffAsTable);

export const DIFF_FORMATS: Record<DiffFormat, Formatter<DiffReport>> = { table: diffAsTable, md: diffAsMarkdown, json: diffAsJson };
