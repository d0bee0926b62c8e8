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
import type { Lang } from './i18n/lang.js';
import { formatDay } from './i18n/format.js';
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

const WORDS = {
  vi: {
    postponed: (n: number) => `lùi ${n} ngày`,
    advanced: (n: number) => `sớm hơn ${n} ngày`,
    sameDay: 'sửa câu chữ, cùng ngày',
    dated: (day: string) => `nay có ngày: ${day}`,
    undated: 'không còn ngày cố định',
    reworded: 'sửa câu chữ',
    none: 'không có thay đổi',
    decisionsAdded: (n: number) => `thêm ${n} quyết định`,
    decisionsRemoved: (n: number) => `bỏ ${n} quyết định`,
    tasksAdded: (n: number) => `thêm ${n} nhiệm vụ`,
    tasksRemoved: (n: number) => `bỏ ${n} nhiệm vụ`,
    deadlinesMoved: (n: number, how: string) => `${n} thời hạn thay đổi${how ? ` (${how})` : ''}`,
    nPostponed: (n: number) => `${n} lùi`,
    nAdvanced: (n: number) => `${n} sớm hơn`,
    startsMoved: (n: number) => `${n} thời gian bắt đầu thay đổi`,
    owners: (n: number) => `${n} thay đổi đơn vị`,
    leaders: (n: number) => `${n} thay đổi lãnh đạo`,
    statuses: (n: number) => `${n} thay đổi tình trạng`,
    texts: (n: number) => `${n} sửa nội dung`,
    targets: (n: number) => `${n} thay đổi chỉ tiêu`,
    duties: (n: number) => `${n} thay đổi chế độ báo cáo`,
    worktree: 'thư mục làm việc',
    term: 'thời hạn QĐ',
    notes: (n: number) => `${n} ghi nhận`,
    event: (day: string) => `sự kiện ${day}`,
    state: { 'not-started': 'chưa bắt đầu', 'in-progress': 'đang thực hiện', done: 'hoàn thành', cancelled: 'đã hủy' } as Record<string, string>,
    field: { lead: 'chủ trì', support: 'phối hợp', leader: 'lãnh đạo', content: 'nội dung', product: 'sản phẩm', start: 'bắt đầu', due: 'thời hạn' } as Record<string, string>,
    col: { decision: 'Quyết định', task: 'Mục', content: 'Nội dung', title: 'Trích yếu', tasks: 'Nhiệm vụ', targets: 'Chỉ tiêu', duties: 'Báo cáo', lead: 'Chủ trì', due: 'Thời hạn', was: 'Trước', now: 'Nay', change: 'Thay đổi', field: 'Trường', target: 'Chỉ tiêu', text: 'Nội dung', threshold: 'Mức', when: 'Khi nào', duty: 'Báo cáo', to: 'Nơi nhận' },
    sec: {
      decisionsAdded: 'Quyết định thêm mới', decisionsRemoved: 'Quyết định bị bỏ', tasksAdded: 'Nhiệm vụ thêm mới', tasksRemoved: 'Nhiệm vụ bị bỏ', deadlines: 'Thời hạn thay đổi', starts: 'Thời gian bắt đầu thay đổi',
      owners: 'Đơn vị thay đổi', leaders: 'Lãnh đạo thay đổi', status: 'Tình trạng thay đổi', texts: 'Nội dung sửa đổi', targetsAdded: 'Chỉ tiêu thêm mới', targetsRemoved: 'Chỉ tiêu bị bỏ', targetsChanged: 'Chỉ tiêu thay đổi',
      dutiesAdded: 'Chế độ báo cáo thêm mới', dutiesRemoved: 'Chế độ báo cáo bị bỏ', dutiesChanged: 'Chế độ báo cáo thay đổi',
    },
    head: 'Thay đổi kế hoạch',
    summary: 'Tóm tắt',
    every: 'hằng năm',
    by: (y: string) => `đến năm ${y}`,
  },
  en: {
    postponed: (n: number) => `postponed by ${n} day${n === 1 ? '' : 's'}`,
    advanced: (n: number) => `advanced by ${n} day${n === 1 ? '' : 's'}`,
    sameDay: 'reworded, same day',
    dated: (day: string) => `now dated: ${day}`,
    undated: 'no longer has a fixed day',
    reworded: 'reworded',
    none: 'no changes',
    decisionsAdded: (n: number) => `${plural(n, 'decision')} added`,
    decisionsRemoved: (n: number) => `${plural(n, 'decision')} removed`,
    tasksAdded: (n: number) => `${plural(n, 'task')} added`,
    tasksRemoved: (n: number) => `${plural(n, 'task')} removed`,
    deadlinesMoved: (n: number, how: string) => `${plural(n, 'deadline')} moved${how ? ` (${how})` : ''}`,
    nPostponed: (n: number) => `${n} postponed`,
    nAdvanced: (n: number) => `${n} advanced`,
    startsMoved: (n: number) => `${plural(n, 'start')} moved`,
    owners: (n: number) => plural(n, 'owner change'),
    leaders: (n: number) => plural(n, 'leader change'),
    statuses: (n: number) => plural(n, 'status change'),
    texts: (n: number) => plural(n, 'text edit'),
    targets: (n: number) => plural(n, 'target change'),
    duties: (n: number) => plural(n, 'reporting duty change', 'reporting duty changes'),
    worktree: 'working tree',
    term: 'term',
    notes: (n: number) => plural(n, 'note'),
    event: (day: string) => `event ${day}`,
    state: {} as Record<string, string>,
    field: {} as Record<string, string>,
    col: { decision: 'Decision', task: 'Task', content: 'Content', title: 'Title', tasks: 'Tasks', targets: 'Targets', duties: 'Duties', lead: 'Lead', due: 'Due', was: 'Was', now: 'Now', change: 'Change', field: 'Field', target: 'Target', text: 'Text', threshold: 'Threshold', when: 'When', duty: 'Duty', to: 'To' },
    sec: {
      decisionsAdded: 'Decisions added', decisionsRemoved: 'Decisions removed', tasksAdded: 'Tasks added', tasksRemoved: 'Tasks removed', deadlines: 'Deadlines moved', starts: 'Starts moved',
      owners: 'Owners changed', leaders: 'Leaders changed', status: 'Status changed', texts: 'Text edited', targetsAdded: 'Targets added', targetsRemoved: 'Targets removed', targetsChanged: 'Targets changed',
      dutiesAdded: 'Reporting duties added', dutiesRemoved: 'Reporting duties removed', dutiesChanged: 'Reporting duties changed',
    },
    head: 'Plan changes',
    summary: 'Summary',
    every: 'every year',
    by: (y: string) => `by ${y}`,
  },
};

/** "postponed by 61 days", "advanced by 1 day", "now dated: 2024-12-31" … ("lùi 61 ngày" in Vietnamese). */
export function describeMove(c: Pick<PeriodChange, 'direction' | 'days' | 'toDay'>, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const n = Math.abs(c.days ?? 0);
  switch (c.direction) {
    case 'postponed':
      return w.postponed(n);
    case 'advanced':
      return w.advanced(n);
    case 'same-day':
      return w.sameDay;
    case 'dated':
      return w.dated(formatDay(c.toDay ?? '', lang));
    case 'undated':
      return w.undated;
    case 'reworded':
      return w.reworded;
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 tasks added, 1 deadline moved (1 postponed), 1 owner change". */
export function summaryText(s: DiffSummary, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  if (s.total === 0) return w.none;
  const parts: string[] = [];
  if (s.decisionsAdded) parts.push(w.decisionsAdded(s.decisionsAdded));
  if (s.decisionsRemoved) parts.push(w.decisionsRemoved(s.decisionsRemoved));
  if (s.tasksAdded) parts.push(w.tasksAdded(s.tasksAdded));
  if (s.tasksRemoved) parts.push(w.tasksRemoved(s.tasksRemoved));
  if (s.deadlinesMoved) {
    const how = [s.postponed ? w.nPostponed(s.postponed) : '', s.advanced ? w.nAdvanced(s.advanced) : ''].filter(Boolean).join(', ');
    parts.push(w.deadlinesMoved(s.deadlinesMoved, how));
  }
  if (s.startsMoved) parts.push(w.startsMoved(s.startsMoved));
  if (s.ownerChanges) parts.push(w.owners(s.ownerChanges));
  if (s.leaderChanges) parts.push(w.leaders(s.leaderChanges));
  if (s.statusChanges) parts.push(w.statuses(s.statusChanges));
  if (s.textChanges) parts.push(w.texts(s.textChanges));
  if (s.targetChanges) parts.push(w.targets(s.targetChanges));
  if (s.reportingChanges) parts.push(w.duties(s.reportingChanges));
  return parts.join(', ');
}

function sideName(s: DiffSide, lang: Lang): string {
  if (s.kind === 'worktree') return WORDS[lang].worktree;
  return s.kind === 'git' && s.commit && s.commit.slice(0, 7) !== s.label ? `${s.label} (${s.commit.slice(0, 7)})` : s.label;
}

const SHORT = 90;

function short(s: string | null): string {
  if (s === null) return '';
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= SHORT ? one : `${one.slice(0, SHORT - 1)}…`;
}

function period(p: PeriodJson | null, day: string | null, lang: Lang): string {
  const d = day ? formatDay(day, lang) : null;
  if (!p) return d ? `(${WORDS[lang].term}) ${d}` : '';
  return d && p.kind !== 'day' ? `${p.text} (${d})` : p.text;
}

function statusText(s: StatusSide, lang: Lang): string {
  const w = WORDS[lang];
  const state = w.state[s.state] ?? s.state;
  const parts = [s.on ? `${state} ${formatDay(s.on, lang)}` : state];
  if (s.notes > 0) parts.push(w.notes(s.notes));
  if (s.occurred) parts.push(w.event(formatDay(s.occurred, lang)));
  return parts.join(', ');
}

function whenText(when: string | null, lang: Lang): string {
  if (when === null) return '';
  const w = WORDS[lang];
  if (when === 'every year') return w.every;
  const by = /^by (\d+)$/.exec(when);
  return by ? w.by(by[1]!) : when;
}

interface Section {
  title: string;
  cols: ColumnSpec[];
  rows: string[][];
  /** Column whose cells are the point of the row (bold in Markdown). */
  strong?: number;
}

function taskRows(ts: TaskSummary[]): string[][] {
  return ts.map((t) => [t.decision, t.id, short(t.content), t.lead, t.due ?? '']);
}

/** The diff as titled tables, in the order a reviewer reads them; empty sections are left out. */
export function diffSections(d: PlanDiff, lang: Lang = 'en'): Section[] {
  const w = WORDS[lang];
  const col = w.col;
  const field = (f: string) => w.field[f] ?? f;
  const DEC: ColumnSpec = { header: col.decision, max: 14 };
  const TASK: ColumnSpec = { header: col.task, max: 10 };
  const CONTENT: ColumnSpec = { header: col.content, flex: true };
  const s: Section[] = [];
  const push = (sec: Section) => {
    if (sec.rows.length > 0) s.push(sec);
  };
  const decisionCols: ColumnSpec[] = [DEC, { header: col.title, flex: true }, { header: col.tasks, max: 9, align: 'right' }, { header: col.targets, max: 8, align: 'right' }, { header: col.duties, max: 7, align: 'right' }];
  const decisionRow = (x: PlanDiff['decisions']['added'][number]) => [x.number, short(x.title), String(x.tasks), String(x.targets), String(x.reporting)];
  push({ title: w.sec.decisionsAdded, cols: decisionCols, rows: d.decisions.added.map(decisionRow) });
  push({ title: w.sec.decisionsRemoved, cols: decisionCols, rows: d.decisions.removed.map(decisionRow) });
  const taskCols = [DEC, TASK, CONTENT, { header: col.lead, max: 22 }, { header: col.due, max: 16 }];
  push({ title: w.sec.tasksAdded, cols: taskCols, rows: taskRows(d.tasks.added) });
  push({ title: w.sec.tasksRemoved, cols: taskCols, rows: taskRows(d.tasks.removed) });
  const moveCols = [DEC, TASK, CONTENT, { header: col.was, max: 24 }, { header: col.now, max: 24 }, { header: col.change, max: 22 }];
  const moveRow = (c: PeriodChange) => [c.decision, c.id, short(c.content), period(c.from, c.fromDay, lang), period(c.to, c.toDay, lang), describeMove(c, lang)];
  push({ title: w.sec.deadlines, cols: moveCols, rows: d.deadlines.map(moveRow), strong: 5 });
  push({ title: w.sec.starts, cols: moveCols, rows: d.starts.map(moveRow) });
  const refCols = [DEC, TASK, { header: col.field, max: 9 }, { header: col.was, flex: true }, { header: col.now, flex: true }];
  push({ title: w.sec.owners, cols: refCols, rows: d.owners.map((c) => [c.decision, c.id, field(c.field), c.from ?? '', c.to ?? '']), strong: 4 });
  push({ title: w.sec.leaders, cols: refCols, rows: d.leaders.map((c) => [c.decision, c.id, field(c.field), c.from ?? '', c.to ?? '']), strong: 4 });
  push({
    title: w.sec.status,
    cols: [DEC, TASK, CONTENT, { header: col.was, max: 28 }, { header: col.now, max: 28 }],
    rows: d.status.map((c) => [c.decision, c.id, short(c.content), statusText(c.from, lang), statusText(c.to, lang)]),
    strong: 4,
  });
  push({
    title: w.sec.texts,
    cols: [DEC, TASK, { header: col.field, max: 9 }, { header: col.was, flex: true }, { header: col.now, flex: true }],
    rows: d.texts.map((c) => [c.decision, c.id, field(c.field), short(c.from), short(c.to)]),
  });
  const targetCols = [DEC, { header: col.target, max: 24 }, { header: col.text, flex: true }, { header: col.threshold, max: 16 }, { header: col.when, max: 12 }];
  const targetRow = (t: PlanDiff['targets']['added'][number]) => [t.decision, t.id, short(t.text), t.threshold !== null ? `${t.comparator ?? ''} ${t.threshold}%` : t.kind, whenText(t.when, lang)];
  push({ title: w.sec.targetsAdded, cols: targetCols, rows: d.targets.added.map(targetRow) });
  push({ title: w.sec.targetsRemoved, cols: targetCols, rows: d.targets.removed.map(targetRow) });
  const changeCols = (what: string) => [DEC, { header: what, max: 24 }, { header: col.field, max: 12 }, { header: col.was, flex: true }, { header: col.now, flex: true }];
  push({ title: w.sec.targetsChanged, cols: changeCols(col.target), rows: d.targets.changed.flatMap((t) => t.changes.map((c) => [t.decision, t.id, c.field, short(c.from), short(c.to)])), strong: 4 });
  const dutyCols = [DEC, { header: col.duty, max: 20 }, { header: col.text, flex: true }, { header: col.to, max: 22 }, { header: col.due, max: 30 }];
  const dutyRow = (r: PlanDiff['reporting']['added'][number]) => [r.decision, r.id, short(r.text), r.to, r.due.join('; ')];
  push({ title: w.sec.dutiesAdded, cols: dutyCols, rows: d.reporting.added.map(dutyRow) });
  push({ title: w.sec.dutiesRemoved, cols: dutyCols, rows: d.reporting.removed.map(dutyRow) });
  push({ title: w.sec.dutiesChanged, cols: changeCols(col.duty), rows: d.reporting.changed.flatMap((r) => r.changes.map((c) => [r.decision, r.id, c.field, short(c.from), short(c.to)])), strong: 4 });
  return s;
}

const drawDiffAsTable: TextFormatter<DiffReport> = (r, ctx) => {
  const c = paint(ctx);
  const summary = summarizeDiff(r.diff);
  const w = WORDS[ctx.lang];
  const parts = [c.bold(`${w.head}: ${sideName(r.base, ctx.lang)} → ${sideName(r.head, ctx.lang)}`), summaryText(summary, ctx.lang)];
  for (const sec of diffSections(r.diff, ctx.lang)) {
    parts.push('', c.bold(`${sec.title} (${sec.rows.length})`), textTable(sizeColumns(sec.cols, sec.rows, ctx.width), sec.rows, ctx, (_ri, ci, s) => (ci === sec.strong && /^(postponed|lùi)/.test(s) ? c.yellow(s) : s)).trimEnd());
  }
  return parts.join('\n') + '\n';
};

const mdCellText = mdCell;

/** A pull-request comment: heading, summary line, one table per kind of change. */
export const diffAsMarkdown: TextFormatter<DiffReport> = (r, ctx) => {
  const summary = summarizeDiff(r.diff);
  const w = WORDS[ctx.lang];
  const lines = [`## ${w.head}: ${mdText(sideName(r.base, ctx.lang))} → ${mdText(sideName(r.head, ctx.lang))}`, '', `**${w.summary}:** ${mdText(summaryText(summary, ctx.lang))}.`];
  for (const sec of diffSections(r.diff, ctx.lang)) {
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
