// The tables of `plan report` as headers and cells, in the chosen language: built once from the
// ReportDocument and drawn by the Markdown and HTML renderers, which only escape and lay them out.

import type { AttainmentReport, GroupResult, TargetAttainment } from '../report/attainment/attainment.js';
import type { OverdueItem } from '../report/overdue.js';
import type { ReportDocument } from '../report/report.js';
import type { DutyStatus } from '../report/status.js';
import { DERIVED_STATES, type DerivedState } from '../report/task-state.js';
import { rowStateLabel } from './appendix-labels.js';
import { formatCount, formatPercent, groupLabel, thresholdLabel } from './attainment-labels.js';
import type { RenderContext } from './context.js';
import { reportWords, type ReportWords } from './report-labels.js';
import { periodText, reasonIsPlanText, reasonText } from './i18n/messages.js';
import { formatDay } from './i18n/format.js';

export interface Cell {
  text: string;
  /** A class for HTML (state-overdue, num …). */
  class?: string;
  /** The cell's words are English while the page's content is Vietnamese (a reader's finding, a reason in English). */
  lang?: 'en';
}

export interface Column {
  header: string;
  /** Names the column for HTML (widths, alignment). */
  key: string;
  align?: 'right';
}

export interface Row {
  /** `total` rows are drawn bold. */
  kind?: 'total';
  cells: Cell[];
}

export interface TableView {
  /** Names the table for HTML and tests. */
  kind: string;
  columns: Column[];
  rows: Row[];
}

const c = (text: string, cls?: string): Cell => (cls ? { text, class: cls } : { text });

function words(ctx: RenderContext): ReportWords {
  return reportWords(ctx.lang);
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

/** The states that occur in any decision, in reading order. */
export function statesInUse(doc: ReportDocument): DerivedState[] {
  return DERIVED_STATES.filter((s) => doc.status.totals[s] > 0);
}

/** Decision, title, tasks, a column per state in use, reports overdue; a total row for several decisions. */
export function summaryTable(doc: ReportDocument, ctx: RenderContext): TableView {
  const w = words(ctx);
  const states = statesInUse(doc);
  const columns: Column[] = [
    { header: w.col.decision, key: 'decision' },
    { header: w.col.title, key: 'title' },
    { header: w.col.tasks, key: 'num', align: 'right' },
    ...states.map((s) => ({ header: w.state[s], key: `num state-${s}`, align: 'right' as const })),
    { header: w.col.reportsOverdue, key: 'num', align: 'right' },
  ];
  const rows: Row[] = doc.status.decisions.map((d) => ({
    cells: [c(d.decision), c(oneLine(d.title)), c(String(d.tasks), 'num'), ...states.map((s) => c(String(d.counts[s]), d.counts[s] > 0 ? `num state-${s}` : 'num')), c(String(d.duties.reduce((n, x) => n + x.overdue.length, 0)), 'num')],
  }));
  if (doc.status.decisions.length > 1) {
    const t = doc.status.totals;
    rows.push({ kind: 'total', cells: [c(w.total), c(''), c(String(t.tasks), 'num'), ...states.map((s) => c(String(t[s]), 'num')), c(String(t.dutiesOverdue), 'num')] });
  }
  return { kind: 'summary', columns, rows };
}

function itemId(i: OverdueItem): string {
  return i.period ? `${i.id} [${i.period}]` : i.id;
}

/** Overdue or due-soon items in the report's order (most late first, then soonest due); a task's leader and a duty's recipient each in its own column. */
export function itemsTable(kind: string, items: OverdueItem[], ctx: RenderContext): TableView {
  const w = words(ctx);
  return {
    kind,
    columns: [
      { header: w.col.decision, key: 'decision' },
      { header: w.col.item, key: 'item' },
      { header: w.col.task, key: 'task' },
      { header: w.col.lead, key: 'lead' },
      { header: w.col.leader, key: 'leader' },
      { header: w.col.recipient, key: 'recipient' },
      { header: w.col.due, key: 'due' },
      { header: w.col.state, key: 'state' },
    ],
    rows: items.map((i) => ({
      cells: [
        c(i.decision),
        // A duty's id is a long slug: its period identifies the row, the id goes with its text.
        c(i.kind === 'task' ? itemId(i) : i.period),
        c(i.kind === 'task' ? i.content : `${w.reportOf(i.period)} (${i.id}): ${i.text}`),
        c(i.kind === 'task' ? i.leadAsWritten : (i.fromAsWritten ?? '')),
        // A duty names no leader; the body it reports to has a column of its own.
        c(i.kind === 'task' ? (i.leader ?? '') : ''),
        c(i.kind === 'task' ? '' : i.toAsWritten),
        c(i.due?.to ? formatDay(i.due.to, ctx.lang) : (i.due?.text ?? '')),
        c(rowStateLabel(i, ctx), `state state-${i.state}`),
      ],
    })),
  };
}

function dutyNext(d: DutyStatus, w: ReportWords, ctx: RenderContext): Cell {
  if (!d.next) return c(w.noneLeft(d.last));
  // After a comma, so in lower case ("2025-12-31, đến hạn hôm nay").
  const state = d.next.state === 'due-soon' ? rowStateLabel(d.next, ctx).replace(/^./, (ch) => ch.toLowerCase()) : w.nextIn(d.next.daysLeft ?? 0);
  return c(`${d.next.period}: ${d.next.due.to ? formatDay(d.next.due.to, ctx.lang) : ''}, ${state}`, `state-${d.next.state}`);
}

/** One row per reporting duty: who reports to whom, when, how many periods submitted, which are overdue, the next. */
export function dutiesTable(doc: ReportDocument, ctx: RenderContext): TableView {
  const w = words(ctx);
  const rows: Row[] = doc.status.decisions.flatMap((dec) =>
    dec.duties.map((d) => ({
      cells: [
        c(dec.decision),
        c(`${d.id}: ${d.text}`),
        c(`${d.fromAsWritten ?? ''} → ${d.toAsWritten}`),
        c(d.deadlines.join('\n')),
        c(d.first === d.last ? String(d.first) : `${d.first}–${d.last}`),
        c(w.submittedOf(d.instances.filter((i) => i.state === 'done').length, d.instances.length)),
        // Each overdue period with its days late is in the overdue list; here, which periods.
        c(d.overdue.length > 0 ? w.periodsOverdue(d.overdue.map((i) => i.period).sort()) : '', d.overdue.length > 0 ? 'state-overdue' : undefined),
        dutyNext(d, w, ctx),
      ],
    })),
  );
  return {
    kind: 'duties',
    columns: [
      { header: w.col.decision, key: 'decision' },
      { header: w.col.duty, key: 'task' },
      { header: w.col.fromTo, key: 'lead' },
      { header: w.col.deadlines, key: 'deadlines' },
      { header: w.col.years, key: 'years' },
      { header: w.col.submitted, key: 'submitted' },
      { header: w.col.overduePeriods, key: 'periods' },
      { header: w.col.next, key: 'next' },
    ],
    rows,
  };
}

/** What meeting a target (or a group) takes, in the report's language. */
export function neededText(t: Pick<TargetAttainment, 'comparator' | 'needed' | 'met'>, w: ReportWords): string {
  if (t.met === null) return '';
  if (t.needed === null) return t.met ? '' : w.unreachable;
  if (t.needed === 0n) return '—';
  return t.comparator === 'at_most' ? w.over(t.needed) : `+${formatCount(t.needed, w === reportWords('en') ? 'en' : 'vi')}`;
}

/** The files read, how many rows, or why not. */
export function dataTable(a: AttainmentReport, ctx: RenderContext): TableView {
  const w = words(ctx);
  return {
    kind: 'data',
    columns: [
      { header: w.col.dataset, key: 'dataset' },
      { header: w.col.file, key: 'file' },
      { header: w.col.rows, key: 'rows' },
    ],
    rows: a.data.reads.map((r) => ({ cells: [c(r.dataset), c(r.file), r.failed ? { text: r.failed, class: 'state-overdue', lang: 'en' } : c(w.dataRead(r.rowsKept, r.rowsExcluded))] })),
  };
}

/** One row per target: value, threshold, status, what is needed, and why there is no data (or what the value stands on). */
export function targetsTable(a: AttainmentReport, ctx: RenderContext): TableView {
  const w = words(ctx);
  return {
    kind: 'targets',
    columns: [
      { header: w.col.decision, key: 'decision' },
      { header: w.col.target, key: 'task' },
      { header: w.col.period, key: 'period' },
      { header: w.col.value, key: 'num', align: 'right' },
      { header: w.col.threshold, key: 'threshold' },
      { header: w.col.status, key: 'status' },
      // Its own key, not `num`: the Word table gives it room for "+16.853.958" or "không thể đạt" on one line.
      { header: w.col.needed, key: 'needed', align: 'right' },
      { header: w.col.note, key: 'note' },
    ],
    rows: a.targets.map((t) => ({
      cells: [
        c(t.decision),
        c(`${t.id}: ${t.subject ?? t.text}`),
        c(periodText(t, ctx.lang)),
        c(formatPercent(t.value, t.threshold, t.met, ctx.lang), 'num'),
        c(thresholdLabel(t, ctx.lang)),
        c(w.status[t.status], `status status-${t.status}`),
        c(neededText(t, w), 'num'),
        // A reason in English words is marked so (the page's language is Vietnamese); a plan's own words are not.
        t.reason ? (ctx.lang === 'en' && !reasonIsPlanText(t.reason) ? { text: reasonText(t.reason, 'en'), lang: 'en' } : c(reasonText(t.reason, ctx.lang))) : c(''),
      ],
    })),
  };
}

function groupCells(t: TargetAttainment, g: GroupResult, w: ReportWords, lang: RenderContext['lang']): Cell[] {
  if (g.suppressed) return [c(groupLabel(g.label, lang)), c(g.suppressed === 'small' ? w.suppressedCell(t.breakdown!.minCell) : w.protectsAnother, 'suppressed'), c(''), c(''), c('')];
  const status = g.met ? 'met' : 'not-met';
  return [
    c(groupLabel(g.label, lang)),
    c(formatPercent(g.value, t.threshold, g.met, lang), 'num'),
    c(`${formatCount(g.numerator, lang)} / ${formatCount(g.denominator, lang)}`, 'num'),
    c(w.status[status], `status status-${status}`),
    c(neededText({ comparator: t.comparator, needed: g.needed, met: g.met }, w), 'num'),
  ];
}

/** A target's breakdown by unit, level, province or unit kind, suppressed groups marked. */
export function breakdownTable(t: TargetAttainment, ctx: RenderContext): TableView {
  const w = words(ctx);
  const b = t.breakdown!;
  return {
    kind: 'breakdown',
    columns: [
      { header: w.by[b.by], key: 'group' },
      { header: w.col.value, key: 'num', align: 'right' },
      { header: w.col.count, key: 'num', align: 'right' },
      { header: w.col.status, key: 'status' },
      { header: w.col.needed, key: 'num', align: 'right' },
    ],
    rows: b.groups.map((g) => ({ cells: groupCells(t, g, w, ctx.lang) })),
  };
}

/** The targets that have a breakdown with groups. */
export function brokenDown(a: AttainmentReport): TargetAttainment[] {
  return a.targets.filter((t) => t.breakdown !== null && t.breakdown.groups.length > 0);
}

/** "3 of 126 groups suppressed …" for a target, or null when none was. */
export function suppressionText(t: TargetAttainment, ctx: RenderContext): string | null {
  const b = t.breakdown;
  if (!b || b.suppressedSmall + b.suppressedComplementary === 0) return null;
  return words(ctx).suppressedNote(b.suppressedSmall + b.suppressedComplementary, b.groups.length, b.suppressedSmall, b.minCell, b.suppressedComplementary);
}

/** How many breakdown cells were suppressed in the whole report, or null without breakdowns. */
export function suppressionTotal(a: AttainmentReport, ctx: RenderContext): string | null {
  const ts = brokenDown(a);
  if (ts.length === 0) return null;
  const cells = ts.reduce((n, t) => n + t.breakdown!.suppressedSmall + t.breakdown!.suppressedComplementary, 0);
  const w = words(ctx);
  return cells > 0 ? w.suppressedTotal(cells, ts.length, a.minCell) : w.noneSuppressed(ts.length, a.minCell);
}

/** The sentence over the targets table: the counts, or "no data" with the reasons when nothing could be measured. */
export function attainmentLead(doc: ReportDocument, ctx: RenderContext): { counts: string; noData: string | null; unread: string[]; synthetic: string | null } {
  const w = words(ctx);
  const s = doc.status.attainment!;
  const allUnread = s.total > 0 && s.noData === s.total && s.unread.length > 0;
  const synthetic = doc.attainment.data.reads.filter((r) => r.synthetic && !r.failed).map((r) => r.file);
  return {
    synthetic: synthetic.length > 0 ? w.syntheticNotice(synthetic.join(', ')) : null,
    counts: w.counts(s),
    noData: allUnread ? w.noDataAtAll(s.unread.map((u) => `${u.dataset}: ${u.reason}`).join('; ')) : null,
    unread: allUnread ? [] : s.unread.map((u) => w.unread(u.dataset, u.reason)),
  };
}
