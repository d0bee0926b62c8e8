// The workbooks of render, tasks, overdue, status, targets and attainment as plain sheet data: a
// sheet per appendix or per section, typed columns (numbers, dates, percentages), labels in the
// chosen language. Pure: `workbook.ts` writes them.

import type { AppendixReport } from '../../report/appendix-tables.js';
import type { AttainmentReport, TargetAttainment } from '../../report/attainment/attainment.js';
import type { DutyItem, OverdueItem, OverdueReport, TaskItem } from '../../report/overdue.js';
import type { DutyStatus, StatusReport } from '../../report/status.js';
import type { TargetRow, TargetsReport } from '../../report/targets.js';
import type { TaskRow, TasksReport } from '../../report/tasks.js';
import { DERIVED_STATES } from '../../report/task-state.js';
import { columnHeaders, rowStateLabel, tableHeading } from '../appendix-labels.js';
import { flatRows } from '../appendix.js';
import type { RenderContext } from '../context.js';
import { asOfSentence } from '../office-dates.js';
import { reasonText } from '../i18n/messages.js';
import { reportWords } from '../report-labels.js';
import { sheetWords, type SheetWords } from './labels.js';
import { int, percent, share, type SheetColumn, type SheetRow, type SheetSpec, type WorkbookSpec } from './sheet-spec.js';

type Lang = RenderContext['lang'];

const text = (header: string): SheetColumn => ({ header, kind: 'text' });
const num = (header: string): SheetColumn => ({ header, kind: 'int' });
const year = (header: string): SheetColumn => ({ header, kind: 'year' });
const date = (header: string): SheetColumn => ({ header, kind: 'date' });
const pct = (header: string): SheetColumn => ({ header, kind: 'percent' });

// --- plan render ----------------------------------------------------------------------------------

/** One sheet per appendix: its heading block, the document's columns, group and total rows bold. */
export function appendixSheets(r: AppendixReport, ctx: RenderContext): WorkbookSpec {
  return {
    title: `${r.decision.number}: ${r.decision.title}`,
    sheets: r.tables.map((t): SheetSpec => {
      const h = tableHeading(t, ctx);
      const headers = columnHeaders(t, ctx);
      const heading = [h.label, h.title, h.note, h.generic, r.withStatus && r.asOf ? asOfSentence(r.asOf, ctx.lang) : null].filter((s): s is string => s !== null && s !== '');
      if (t.source === 'sections') heading.unshift(`${r.decision.number}: ${r.decision.title}`);
      return {
        name: t.source === 'sections' ? `${r.decision.number} ${h.title ?? ''}` : `${h.label ?? t.id}`,
        heading,
        // The count column is a number; every other cell is text as written (a task's "1.1" stays "1.1").
        columns: t.columns.map((c, i) => (c.field === 'count' ? num(headers[i]!) : text(headers[i]!))),
        rows: flatRows(t, ctx).map((row): SheetRow => ({
          cells: t.columns.map((c, i) => {
            const s = row.cells[i] ?? '';
            if (c.field === 'count') return s === '' ? null : Number(s);
            return s === '' ? null : s;
          }),
          ...(row.kind === 'group' || row.kind === 'total' ? { bold: true } : {}),
        })),
      };
    }),
  };
}

// --- tasks, overdue, status -----------------------------------------------------------------------

function taskColumns(w: SheetWords): SheetColumn[] {
  return [
    text(w.col.decision),
    text(w.col.id),
    text(w.col.content),
    text(w.col.lead),
    text(w.col.support),
    text(w.col.leader),
    text(w.col.start),
    date(w.col.startDay),
    text(w.col.due),
    date(w.col.dueDay),
    text(w.col.state),
    text(w.col.stateKey),
    num(w.col.daysLate),
    num(w.col.daysLeft),
    text(w.col.product),
  ];
}

function taskCells(t: TaskRow, ctx: RenderContext): SheetRow {
  return {
    cells: [t.decision, t.id, t.content, t.leadAsWritten, t.supportAsWritten, t.leader, t.start?.text ?? null, t.start?.from ?? null, t.due?.text ?? null, t.due?.to ?? null, rowStateLabel(t, ctx), t.state, t.daysLate, t.daysLeft, t.product],
  };
}

export function tasksSheets(r: TasksReport, ctx: RenderContext): WorkbookSpec {
  const w = sheetWords(ctx.lang);
  return { title: `${w.sheet.tasks} ${r.asOf}`, sheets: [{ name: w.sheet.tasks, columns: taskColumns(w), rows: r.tasks.map((t) => taskCells(t, ctx)) }] };
}

/**
 * The columns of an overdue or due-soon list. With `duties` (plan overdue's lists, which hold
 * reporting-duty instances too) a recipient column beside the leader's: a duty names no leader, a
 * task no recipient. plan status lists only tasks there (its duties have a sheet of their own).
 */
function itemColumns(w: SheetWords, opts: { duties: boolean }): SheetColumn[] {
  return [
    text(w.col.decision),
    text(w.col.item),
    text(w.col.period),
    text(w.col.content),
    text(w.col.lead),
    text(w.col.leader),
    ...(opts.duties ? [text(w.col.recipient)] : []),
    text(w.col.due),
    date(w.col.dueDay),
    text(w.col.state),
    text(w.col.stateKey),
    num(w.col.daysLate),
    num(w.col.daysLeft),
  ];
}

function itemCells(i: OverdueItem, ctx: RenderContext, opts: { duties: boolean }): SheetRow {
  // Leader, then (with duties) recipient, as written.
  const who = (leader: string | null, to: string | null): (string | null)[] => (opts.duties ? [leader, to] : [leader]);
  if (i.kind === 'task') return { cells: [i.decision, i.id, i.period, i.content, i.leadAsWritten, ...who(i.leader, null), i.due?.text ?? null, i.due?.to ?? null, rowStateLabel(i, ctx), i.state, i.daysLate, i.daysLeft] };
  const d: DutyItem = i;
  return { cells: [d.decision, d.id, d.period, d.text, d.fromAsWritten, ...who(null, d.toAsWritten), d.due.text, d.due.to, rowStateLabel(d, ctx), d.state, d.daysLate, d.daysLeft] };
}

export function overdueSheets(r: OverdueReport, ctx: RenderContext): WorkbookSpec {
  const w = sheetWords(ctx.lang);
  const overdue = r.items.filter((i) => i.state === 'overdue');
  const soon = r.items.filter((i) => i.state !== 'overdue');
  const opts = { duties: true };
  const sheets: SheetSpec[] = [{ name: w.sheet.overdue, columns: itemColumns(w, opts), rows: overdue.map((i) => itemCells(i, ctx, opts)) }];
  if (r.within !== null) sheets.push({ name: w.sheet.dueSoon, columns: itemColumns(w, opts), rows: soon.map((i) => itemCells(i, ctx, opts)) });
  return { title: `${w.sheet.overdue} ${r.asOf}`, sheets };
}

function dutyCells(dec: string, d: DutyStatus, ctx: RenderContext): SheetRow {
  const done = d.instances.filter((i) => i.state === 'done').length;
  return {
    cells: [
      dec,
      d.id,
      d.text,
      d.fromAsWritten,
      d.toAsWritten,
      d.deadlines.join('\n'),
      d.first,
      d.last,
      d.instances.length,
      done,
      d.overdue.length,
      d.overdue
        .map((i) => i.period)
        .sort()
        .join(', ') || null,
      d.next?.period ?? null,
      d.next?.due.to ?? null,
      d.next ? rowStateLabel(d.next, ctx) : null,
    ],
  };
}

export function statusSheets(r: StatusReport, ctx: RenderContext): WorkbookSpec {
  const w = sheetWords(ctx.lang);
  const states = reportWords(ctx.lang).state;
  const summary: SheetSpec = {
    name: w.sheet.summary,
    columns: [text(w.col.decision), text(w.col.title), num(w.col.tasks), ...DERIVED_STATES.map((s) => num(states[s])), num(w.col.doneLate), num(w.col.reportsOverdue)],
    rows: [
      ...r.decisions.map((d) => ({ cells: [d.decision, d.title, d.tasks, ...DERIVED_STATES.map((s) => d.counts[s]), d.doneLate, d.duties.reduce((n, x) => n + x.overdue.length, 0)] })),
      ...(r.decisions.length > 1
        ? [{ bold: true, cells: [reportWords(ctx.lang).total, null, r.totals.tasks, ...DERIVED_STATES.map((s) => r.totals[s]), r.totals.doneLate, r.totals.dutiesOverdue] }]
        : []),
    ],
  };
  const list = (name: string, pick: (d: StatusReport['decisions'][number]) => TaskItem[]): SheetSpec => ({
    name,
    columns: itemColumns(w, { duties: false }),
    rows: r.decisions.flatMap((d) => pick(d).map((i) => itemCells(i, ctx, { duties: false }))),
  });
  const duties: SheetSpec = {
    name: w.sheet.duties,
    columns: [
      text(w.col.decision),
      text(w.col.dutyId),
      text(w.col.duty),
      text(w.col.from),
      text(w.col.to),
      text(w.col.deadlines),
      year(w.col.firstYear),
      year(w.col.lastYear),
      num(w.col.instances),
      num(w.col.submitted),
      num(w.col.overdueCount),
      text(w.col.overduePeriods),
      text(w.col.next),
      date(w.col.nextDue),
      text(w.col.state),
    ],
    rows: r.decisions.flatMap((d) => d.duties.map((x) => dutyCells(d.decision, x, ctx))),
  };
  const sheets = [summary, list(w.sheet.overdue, (d) => d.overdue), list(w.sheet.dueSoon, (d) => d.dueSoon), list(w.sheet.waiting, (d) => d.waiting), list(w.sheet.stale, (d) => d.stale), duties];
  if (r.attainment) {
    const a = r.attainment;
    sheets.push({
      name: w.sheet.targetSummary,
      columns: [text(w.col.decision), num(w.col.met), num(w.col.notMet), num(w.col.inProgress), num(w.col.noData)],
      rows: a.decisions.map((d) => ({ cells: [d.decision, d.met, d.notMet, d.inProgress, d.noData] })),
    });
    sheets.push({
      name: w.sheet.unmet,
      columns: [text(w.col.decision), text(w.col.targetId), text(w.col.target), text(w.col.period), pct(w.col.value), text(w.col.comparator), pct(w.col.threshold), num(w.col.needed)],
      rows: a.unmet.map((t) => ({
        cells: [t.decision, t.id, t.subject ?? t.text, t.period, percent(t.value), t.comparator ? w.comparator[t.comparator] : null, percent(t.threshold), typeof t.needed === 'string' ? Number(t.needed) : t.needed],
      })),
    });
  }
  return { title: `${w.sheet.summary} ${r.asOf}`, sheets };
}

// --- targets, attainment --------------------------------------------------------------------------

export function targetsSheets(r: TargetsReport, ctx: RenderContext): WorkbookSpec {
  const w = sheetWords(ctx.lang);
  return {
    title: w.sheet.targets,
    sheets: [
      {
        name: w.sheet.targets,
        columns: [text(w.col.decision), text(w.col.targetId), text(w.col.target), text(w.col.section), text(w.col.comparator), pct(w.col.threshold), text(w.col.every), year(w.col.byYear)],
        rows: r.targets.map((t: TargetRow) => ({
          cells: [t.decision, t.id, t.text, t.section, t.comparator ? w.comparator[t.comparator] : null, percent(t.threshold), t.every === 'year' ? w.everyYear : null, t.by],
        })),
      },
    ],
  };
}

function statusWord(s: TargetAttainment['status'], lang: Lang): string {
  return reportWords(lang).status[s];
}

export function attainmentSheets(r: AttainmentReport, ctx: RenderContext): WorkbookSpec {
  const w = sheetWords(ctx.lang);
  const targets: SheetSpec = {
    name: w.sheet.attainment,
    columns: [
      text(w.col.decision),
      text(w.col.targetId),
      text(w.col.target),
      text(w.col.period),
      date(w.col.periodFrom),
      date(w.col.periodTo),
      num(w.col.numerator),
      num(w.col.denominator),
      pct(w.col.value),
      text(w.col.comparator),
      pct(w.col.threshold),
      text(w.col.status),
      num(w.col.needed),
      text(w.col.reason),
    ],
    rows: r.targets.map((t) => ({
      cells: [
        t.decision,
        t.id,
        t.subject ?? t.text,
        t.period,
        t.from,
        t.to,
        int(t.numerator),
        int(t.denominator),
        // The exact share, not the rounded display value: Excel formats it.
        share(t.numerator, t.denominator),
        t.comparator ? w.comparator[t.comparator] : null,
        percent(t.threshold),
        statusWord(t.status, ctx.lang),
        int(t.needed),
        t.reason ? reasonText(t.reason, ctx.lang) : null,
      ],
    })),
  };
  const sheets = [targets];
  const broken = r.targets.filter((t) => t.breakdown && t.breakdown.groups.length > 0);
  if (broken.length > 0) {
    sheets.push({
      name: w.sheet.breakdown,
      columns: [text(w.col.decision), text(w.col.targetId), text(w.col.breakdownBy), text(w.col.group), num(w.col.numerator), num(w.col.denominator), pct(w.col.value), text(w.col.status), num(w.col.needed), text(w.col.suppressed)],
      rows: broken.flatMap((t) =>
        t.breakdown!.groups.map((g) => ({
          cells: [
            t.decision,
            t.id,
            reportWords(ctx.lang).by[t.breakdown!.by],
            g.label,
            int(g.numerator),
            int(g.denominator),
            share(g.numerator, g.denominator),
            g.suppressed ? null : statusWord(g.met ? 'met' : 'not-met', ctx.lang),
            int(g.needed),
            g.suppressed === 'small' ? w.suppressedSmall : g.suppressed === 'complementary' ? w.suppressedOther : null,
          ],
        })),
      ),
    });
  }
  if (r.data.reads.length > 0) {
    sheets.push({
      name: w.sheet.data,
      columns: [text(w.col.dataset), text(w.col.file), num(w.col.rowsKept), num(w.col.rowsExcluded), text(w.col.failed)],
      rows: r.data.reads.map((d) => ({ cells: [d.dataset, d.file, d.failed ? null : d.rowsKept, d.failed ? null : d.rowsExcluded, d.failed] })),
    });
  }
  return { title: `${w.sheet.attainment} ${r.asOf}`, sheets };
}
