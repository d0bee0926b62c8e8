// The status report in every format: terminal text (by default a summary that fits a screen; the
// whole list with --full), Markdown, CSV, JSON. Words in Vietnamese or English (status-words.ts).

import type { DutyItem, TaskItem } from '../report/overdue.js';
import type { AttainmentSummary, DecisionStatus, DutyStatus, StateCounts, StatusReport } from '../report/status.js';
import type { InstanceStatus } from '../report/recurring.js';
import { DERIVED_STATES } from '../report/task-state.js';
import type { RenderContext, Formatter, TextFormatter } from './context.js';
import type { StatusFormat } from './formats.js';
import { statusXlsx } from './office-formats.js';
import { toCsv } from './csv.js';
import { asJson } from './json.js';
import { STATE_WORDS_OF, stateLabel } from './labels.js';
import { mdBlock, mdTable, mdText } from './markdown.js';
import { paint, stateColor } from './paint.js';
import { clampLines, displayWidth, fit, hanging, padDisplay } from './width.js';
import { countsText, formatPercent, gapLabel, thresholdLabel } from './attainment-labels.js';
import { formatDay } from './i18n/format.js';
import type { Lang } from './i18n/lang.js';
import { statusWords, type StatusWords } from './status-words.js';
import { inertFormatter } from './inert-report.js';

/** Lines of a task's content shown under it in the full list; `plan tasks` and the other formats show it whole. */
const CONTENT_LINES = 2;
/** In the summary: the most late overdue items and the soonest due shown per decision. */
export const SUMMARY_OVERDUE = 3;
export const SUMMARY_DUE_SOON = 3;

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

/** Words joined with no-break spaces, so that wrapping never splits a number from its unit. */
function nb(s: string): string {
  return s.replace(/ /g, '\u00a0');
}

/** The no-break spaces that kept figures whole while wrapping become plain spaces again (grep finds them). */
function plainSpaces(s: string): string {
  return s.replace(/\u00a0/g, ' ');
}

function itemId(t: TaskItem | DutyItem): string {
  return t.period ? `${t.id} [${t.period}]` : t.id;
}

function owners(t: TaskItem): string {
  return oneLine(t.leadAsWritten) + (t.leader ? ` · ${oneLine(t.leader)}` : '');
}

export function countsLine(counts: StateCounts, total: number, doneLate: number, ctx: RenderContext): string {
  const w = statusWords(ctx.lang);
  const words = STATE_WORDS_OF[ctx.lang];
  const parts = DERIVED_STATES.filter((s) => counts[s] > 0).map((s) => {
    const text = `${counts[s]} ${words[s]}${s === 'done' && doneLate > 0 ? ` (${w.doneLate(doneLate)})` : ''}`;
    return stateColor(ctx, s)(nb(text));
  });
  return `${nb(w.tasks(total))}${parts.length > 0 ? ': ' + parts.join(' · ') : ''}`;
}

function taskLines(items: TaskItem[], ctx: RenderContext): string[] {
  const w = statusWords(ctx.lang);
  const idw = Math.min(14, Math.max(...items.map((t) => displayWidth(itemId(t)))));
  const labelw = Math.max(...items.map((t) => displayWidth(stateLabel(t, ctx.lang))));
  const out: string[] = [];
  const indent = 4 + idw + 2;
  const heads = items.map((t) => `    ${padDisplay(itemId(t), idw)}  ${stateColor(ctx, t.state)(padDisplay(stateLabel(t, ctx.lang), labelw))}${t.due?.to ? `  ${w.due(t.due.to)}` : ''}`);
  // Owners follow on the first line when they fit there for every item, else on a line of their own: one layout per list.
  const inline = items.every((t, i) => displayWidth(heads[i]!) + 2 + displayWidth(owners(t)) <= ctx.width);
  for (const [i, t] of items.entries()) {
    const head = heads[i]!;
    const who = owners(t);
    if (inline) out.push(`${head}  ${who}`);
    else out.push(...fit(head, indent, ctx.width), ...hanging(' '.repeat(indent), who, indent, ctx.width));
    for (const l of clampLines(oneLine(t.content), Math.max(10, ctx.width - indent), CONTENT_LINES)) out.push(' '.repeat(indent) + paint(ctx).dim(l));
  }
  return out;
}

/**
 * One line per item for the summary: id, state, due day, then as much of the content as the width
 * leaves (cut at a word, with "…"). The figures come first, so they are never cut or wrapped.
 */
function itemLines(items: TaskItem[], ctx: RenderContext): string[] {
  const w = statusWords(ctx.lang);
  const idw = Math.min(14, Math.max(...items.map((t) => displayWidth(itemId(t)))));
  const labelw = Math.max(...items.map((t) => displayWidth(stateLabel(t, ctx.lang))));
  const duew = Math.max(0, ...items.map((t) => (t.due?.to ? displayWidth(w.due(t.due.to)) : 0)));
  return items.flatMap((t) => {
    const id = displayWidth(itemId(t)) > idw ? clampLines(itemId(t), idw, 1)[0]! : padDisplay(itemId(t), idw);
    const label = stateLabel(t, ctx.lang);
    const due = t.due?.to ? w.due(t.due.to) : '';
    const head = `    ${id}  ${padDisplay(label, labelw)}  ${padDisplay(due, duew)}`;
    // Too narrow for the figures on one line: they wrap, each kept whole.
    if (displayWidth(head.trimEnd()) > ctx.width) return hanging('    ', [itemId(t), stateColor(ctx, t.state)(nb(label)), nb(due)].join(' '), 6, ctx.width);
    const room = ctx.width - displayWidth(head) - 2;
    const painted = `    ${id}  ${stateColor(ctx, t.state)(padDisplay(label, labelw))}  ${padDisplay(due, duew)}`;
    if (room < 12) return [painted.trimEnd()];
    return [`${painted}  ${paint(ctx).dim(clampLines(oneLine(t.content), room, 1)[0] ?? '')}`];
  });
}

/** Consecutive instances in one state, in date order: overdue runs collapse into "2016–2025". */
export interface InstanceRun {
  state: InstanceStatus['state'];
  first: string;
  last: string;
  count: number;
}

export function instanceRuns(instances: readonly InstanceStatus[]): InstanceRun[] {
  const runs: InstanceRun[] = [];
  for (const i of instances) {
    const prev = runs[runs.length - 1];
    if (prev && prev.state === i.state) {
      prev.last = i.period;
      prev.count++;
    } else runs.push({ state: i.state, first: i.period, last: i.period, count: 1 });
  }
  return runs;
}

/** "báo cáo hàng năm → Thủ tướng Chính phủ: 2016–2025 quá hạn (10 kỳ), 2026 đến hạn sau 30 ngày". */
export function dutyLine(d: DutyStatus, lang: Lang): string {
  const { name, parts } = dutyParts(d, lang);
  return `${name}: ${parts.join(', ')}`;
}

function dutyParts(d: DutyStatus, lang: Lang): { name: string; parts: string[] } {
  const w = statusWords(lang);
  const parts: string[] = [];
  const done = d.instances.filter((i) => i.state === 'done').length;
  if (done > 0) parts.push(w.submitted(done, d.instances.length));
  for (const r of instanceRuns(d.instances)) {
    if (r.state !== 'overdue') continue;
    parts.push(w.runOverdue(r.first === r.last ? r.first : `${r.first}–${r.last}`, r.count));
  }
  if (d.next) parts.push(`${d.next.period} ${d.next.state === 'due-soon' ? w.nextDueIn(d.next.daysLeft ?? 0) : w.nextOpen(d.next.due.to ?? '', d.next.daysLeft ?? 0)}`);
  else parts.push(w.noneLeft(d.last));
  return { name: `${w.duty(d.deadlines.join(', '))} → ${oneLine(d.toAsWritten)}`, parts };
}

function dutyLines(d: DutyStatus, ctx: RenderContext): string[] {
  const c = paint(ctx);
  const w = statusWords(ctx.lang);
  const out = hanging(`    ${c.bold(d.id)} → `, oneLine(d.toAsWritten), 6, ctx.width);
  const submitted = d.instances.filter((i) => i.state === 'done').length;
  out.push(...hanging('      ', `${d.deadlines.join(', ')} · ${d.first === d.last ? d.first : `${d.first}–${d.last}`} · ${w.submitted(submitted, d.instances.length)}`, 6, ctx.width));
  const shown: { item: DutyItem; label: string }[] = d.overdue.map((i) => ({ item: i, label: stateLabel(i, ctx.lang) }));
  if (d.next) shown.push({ item: d.next, label: d.next.state === 'due-soon' ? stateLabel(d.next, ctx.lang) : w.nextIn(d.next.daysLeft ?? 0) });
  const pw = Math.max(4, ...shown.map((s) => s.item.period.length));
  const lw = Math.max(0, ...shown.map((s) => displayWidth(s.label)));
  for (const s of shown) out.push(...fit(`      ${padDisplay(s.item.period, pw)}  ${stateColor(ctx, s.item.state)(padDisplay(s.label, lw))}  ${w.due(s.item.due.to ?? '')}`, 8, ctx.width));
  if (!d.next) out.push(...hanging('      ', c.dim(w.noneLeft(d.last)), 6, ctx.width));
  return out;
}

/** "+113 needed", "2,500,000 over", "unreachable". */
function unmetGap(t: AttainmentSummary['unmet'][number], lang: Lang): string {
  return statusWords(lang).needed(gapLabel(t, lang));
}

function attainmentLines(a: AttainmentSummary, ctx: RenderContext, compact: boolean): string[] {
  const c = paint(ctx);
  const w = statusWords(ctx.lang);
  const counts = (x: AttainmentSummary['decisions'][number] | AttainmentSummary) => {
    const [met, notMet, inProgress, noData] = countsText(x, ctx.lang, '|').split('|').map(nb);
    return [c.green(met!), c.red(notMet!), c.yellow(inProgress!), c.gray(noData!)].join(' · ');
  };
  const out = [c.bold(w.targets)];
  const head = w.targetsHead(a.total, a.asOf, a.year);
  // Nothing could be measured: say so, with why, rather than a row of zeros.
  if (a.total > 0 && a.noData === a.total && a.unread.length > 0) {
    out.push(...hanging('  ', `${head}: ${c.gray(w.noDataAt)} (${a.unread.map((u) => `${u.dataset}: ${u.reason}`).join('; ')})`, 4, ctx.width));
    return out;
  }
  out.push(...hanging('  ', `${head}: ${counts(a)}`, 4, ctx.width));
  if (a.decisions.length > 1 && !compact) for (const d of a.decisions) out.push(...hanging(`    ${d.decision}: `, counts(d), 6, ctx.width));
  if (a.unmet.length > 0 && compact) {
    // The summary names the targets not met; their figures are in plan attainment and status --full.
    out.push(...clampLines(`${c.bold(w.notMet(a.unmet.length))}: ${a.unmet.map((t) => t.id).join(', ')}`, ctx.width - 2, 1).map((l) => `  ${l}`));
  }
  if (a.unmet.length > 0 && !compact) {
    const unmet = a.unmet;
    out.push('');
    out.push(...hanging('  ', c.bold(w.notMet(a.unmet.length)), 4, ctx.width));
    const ids = unmet.map((t) => `${t.decision} ${t.id}`);
    const idw = Math.max(...ids.map(displayWidth));
    // Aligned when the ids leave room for the figures; otherwise the figures go on the next line.
    const aligned = 4 + idw + 2 + 40 <= ctx.width;
    for (const [i, t] of unmet.entries()) {
      const value = t.value === null ? w.noValue : formatPercent(t.value, t.threshold, false, ctx.lang);
      const what = `${c.red(nb(value))} ${w.against} ${nb(thresholdLabel(t, ctx.lang))}${t.period ? ` · ${t.period}` : ''} · ${nb(unmetGap(t, ctx.lang))}`;
      if (aligned) out.push(...hanging(`    ${padDisplay(ids[i]!, idw)}  `, what, 4 + idw + 2, ctx.width));
      else out.push(...hanging('    ', ids[i]!, 6, ctx.width), ...hanging('      ', what, 6, ctx.width));
    }
  }
  for (const u of a.unread) out.push(...hanging('  ', c.gray(w.noDataFrom(u.dataset, u.reason)), 4, ctx.width));
  const sources = a.sources ?? [];
  // The summary keeps to one line: whether the figures are the synthetic sample's (--full names the files).
  if (sources.length > 0 && !compact) out.push(...hanging('  ', w.measuredOn(sources.map((x) => `${x.file}${x.synthetic ? ` (${w.synthetic})` : ''}`).join(', ')), 4, ctx.width));
  if (sources.some((x) => x.synthetic)) out.push(...hanging('  ', compact ? w.syntheticShort : w.syntheticWarning, 4, ctx.width).map((l) => c.yellow.bold(l)));
  return out;
}

function filterText(r: StatusReport, lang: Lang): string {
  const w = statusWords(lang).filter;
  const f = [r.filter.decision && `${w.decision} ${r.filter.decision}`, r.filter.unit && `${w.unit} ${r.filter.unit}`, r.filter.leader && `${w.leader} ${r.filter.leader}`].filter(Boolean);
  return f.length > 0 ? ` · ${f.join(', ')}` : '';
}

function decisionLines(d: DecisionStatus, r: StatusReport, ctx: RenderContext): string[] {
  const c = paint(ctx);
  const w = statusWords(ctx.lang);
  const out = hanging(`${c.bold(d.decision)}  `, oneLine(d.title), displayWidth(d.decision) + 2, ctx.width);
  out.push(...hanging('  ', countsLine(d.counts, d.tasks, d.doneLate, ctx), 2, ctx.width));
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', ...hanging('  ', c.bold(title), 4, ctx.width), ...lines);
  };
  if (d.overdue.length > 0) section(w.overdueFull(d.overdue.length), taskLines(d.overdue, ctx));
  if (d.dueSoon.length > 0) section(w.dueSoon(d.dueSoon.length, r.within), taskLines(d.dueSoon, ctx));
  if (d.waiting.length > 0) {
    const idw = Math.max(...d.waiting.map((t) => displayWidth(t.id)));
    section(
      w.waiting(d.waiting.length),
      d.waiting.flatMap((t) => {
        const first = `    ${padDisplay(t.id, idw)}  ${w.waitingOn} `;
        return clampLines(oneLine(t.waitingOn ?? ''), Math.max(10, ctx.width - displayWidth(first)), CONTENT_LINES).map((l, i) => (i === 0 ? first : ' '.repeat(displayWidth(first))) + l);
      }),
    );
  }
  if (d.stale.length > 0) {
    const ids = d.stale.map((t) => (t.lastNote ? `${t.id} (${w.lastNote(t.lastNote)})` : t.id)).join(', ');
    section(w.stale(d.stale.length, r.staleSince), hanging('    ', ids, 4, ctx.width));
  }
  if (d.duties.length > 0) section(w.duties, d.duties.flatMap((duty) => dutyLines(duty, ctx)));
  return out;
}

/** A decision in a few lines: its title on one line, counts, the most late and the soonest due, waiting and stale ids, a line per duty. */
function decisionSummary(d: DecisionStatus, r: StatusReport, ctx: RenderContext): string[] {
  const c = paint(ctx);
  const w = statusWords(ctx.lang);
  const out = [`${c.bold(d.decision)}  ${clampLines(oneLine(d.title), Math.max(10, ctx.width - displayWidth(d.decision) - 2), 1)[0] ?? ''}`];
  out.push(...hanging('  ', countsLine(d.counts, d.tasks, d.doneLate, ctx), 4, ctx.width));
  const list = (title: string, items: TaskItem[], limit: number) => {
    if (items.length === 0) return;
    out.push(...hanging('  ', c.bold(title), 4, ctx.width), ...itemLines(items.slice(0, limit), ctx));
    if (items.length > limit) out.push(...hanging('    ', w.more(items.length - limit), 6, ctx.width).map((l) => c.dim(l)));
  };
  list(w.overdue(d.overdue.length), d.overdue, SUMMARY_OVERDUE);
  list(w.dueSoon(d.dueSoon.length, r.within), d.dueSoon, SUMMARY_DUE_SOON);
  if (d.waiting.length > 0) out.push(...clampLines(`${c.bold(w.waiting(d.waiting.length))}: ${d.waiting.map((t) => t.id).join(', ')}`, ctx.width - 2, 1).map((l) => `  ${l}`));
  if (d.stale.length > 0) out.push(...clampLines(`${c.bold(w.staleShort(d.stale.length, r.staleSince))}: ${d.stale.map((t) => t.id).join(', ')}`, ctx.width - 2, 1).map((l) => `  ${l}`));
  if (d.duties.length > 0) {
    out.push(...hanging('  ', c.bold(w.duties), 4, ctx.width));
    for (const duty of d.duties) {
      const { name, parts } = dutyParts(duty, ctx.lang);
      out.push(...hanging('    ', `${name}: ${parts.map(nb).join(', ')}`, 6, ctx.width));
    }
  }
  return out;
}

function headLines(r: StatusReport, ctx: RenderContext): string[] {
  const c = paint(ctx);
  const w = statusWords(ctx.lang);
  return hanging('', `${c.bold(w.head(r.asOf))}${filterText(r, ctx.lang)} · ${w.window(r.within)}`, 0, ctx.width);
}

function totalLines(r: StatusReport, ctx: RenderContext): string[] {
  const c = paint(ctx);
  const w = statusWords(ctx.lang);
  const duties = r.totals.dutiesOverdue > 0 ? `; ${nb(w.reportsOverdue(r.totals.dutiesOverdue))}` : '';
  return hanging('', `${c.bold(w.all(r.decisions.length))}, ${countsLine(r.totals, r.totals.tasks, r.totals.doneLate, ctx)}${duties}`, 2, ctx.width);
}

/**
 * A terminal view: the plan set's head and totals, then per decision its lines. The default one fits a
 * screen (per decision its counts, the few most late and soonest due items, one line per reporting
 * duty; the targets first); --full lists everything (the targets last).
 */
function statusText(full: boolean): TextFormatter<StatusReport> {
  return (r, ctx) => {
    const w = statusWords(ctx.lang);
    const out = headLines(r, ctx);
    const unissued = notYetIssuedText(r, ctx.lang);
    if (r.decisions.length === 0) return [...out, '', w.nothing, ...(unissued ? ['', unissued] : []), ''].join('\n');
    if (r.decisions.length > 1) out.push(...totalLines(r, ctx));
    if (unissued) out.push(...hanging('', unissued, 2, ctx.width));
    if (r.attainment && !full) out.push(...attainmentLines(r.attainment, ctx, true));
    for (const d of r.decisions) out.push('', ...(full ? decisionLines(d, r, ctx) : decisionSummary(d, r, ctx)));
    if (r.attainment && full) out.push('', ...attainmentLines(r.attainment, ctx, false));
    return plainSpaces(out.join('\n') + '\n');
  };
}

const drawStatusAsText = statusText(false);

/** The whole list (--full). */
const drawStatusAsFullText = statusText(true);

function taskTable(items: TaskItem[], w: StatusWords, lang: Lang): string {
  return mdTable(
    [w.md.id, w.md.task, w.md.lead, w.md.leader, w.md.due, w.md.state],
    items.map((t) => [itemId(t), t.content, t.leadAsWritten, t.leader ?? '', t.due?.to ? formatDay(t.due.to, lang) : (t.due?.text ?? ''), stateLabel(t, lang)]),
  );
}

export const statusAsMarkdown: TextFormatter<StatusReport> = (r, ctx) => {
  const lang = ctx.lang;
  const w = statusWords(lang);
  const filter = filterText(r, lang);
  const out = [`# ${w.head(r.asOf)}`, '', `${w.md.windowLine(r.within)}${filter ? ` ${mdText(w.md.filterLine(filter.slice(3)))}` : ''}`];
  const counts = (d: Pick<DecisionStatus, 'counts' | 'tasks' | 'doneLate'>) => countsLine(d.counts, d.tasks, d.doneLate, { ...ctx, color: false }).replace(/\u00a0/g, ' ');
  if (r.decisions.length > 1) out.push('', `**${w.all(r.decisions.length)}**, ${counts({ counts: r.totals, tasks: r.totals.tasks, doneLate: r.totals.doneLate })}${r.totals.dutiesOverdue > 0 ? `; ${w.reportsOverdue(r.totals.dutiesOverdue)}` : ''}.`);
  for (const d of r.decisions) {
    out.push('', `## ${mdText(d.decision)}: ${mdText(oneLine(d.title))}`, '', counts(d));
    if (d.overdue.length > 0) out.push('', `### ${w.overdueFull(d.overdue.length)}`, '', taskTable(d.overdue, w, lang).trimEnd());
    if (d.dueSoon.length > 0) out.push('', `### ${w.dueSoon(d.dueSoon.length, r.within)}`, '', taskTable(d.dueSoon, w, lang).trimEnd());
    if (d.waiting.length > 0) out.push('', `### ${w.waiting(d.waiting.length)}`, '', mdTable([w.md.id, w.md.task, w.md.waitingOn], d.waiting.map((t) => [t.id, t.content, t.waitingOn ?? ''])).trimEnd());
    if (d.stale.length > 0) {
      out.push('', `### ${w.stale(d.stale.length, r.staleSince)}`, '', mdTable([w.md.id, w.md.task, w.md.lastNote], d.stale.map((t) => [t.id, t.content, t.lastNote ? formatDay(t.lastNote, lang) : w.noNote])).trimEnd());
    }
    if (d.duties.length > 0) {
      const rows = d.duties.flatMap((duty) => [
        ...duty.overdue.map((i) => [duty.id, duty.toAsWritten, i.period, formatDay(i.due.to ?? '', lang), stateLabel(i, lang)]),
        ...(duty.next ? [[duty.id, duty.toAsWritten, duty.next.period, formatDay(duty.next.due.to ?? '', lang), duty.next.state === 'due-soon' ? stateLabel(duty.next, lang) : w.nextIn(duty.next.daysLeft ?? 0)]] : []),
      ]);
      out.push('', `### ${w.duties}`, '', mdTable([w.md.duty, w.md.to, w.md.period, w.md.due, w.md.state], rows).trimEnd());
    }
  }
  if (r.attainment) {
    const a = r.attainment;
    out.push('', `## ${w.targets}`, '', `${mdText(w.targetsHead(a.total, a.asOf, a.year))}: ${countsText(a, lang)}.`);
    if (a.decisions.length > 1) {
      out.push('', mdTable([w.md.decision, w.md.targets, w.md.met, w.md.notMet, w.md.inProgress, w.md.noData], a.decisions.map((d) => [d.decision, String(d.total), String(d.met), String(d.notMet), String(d.inProgress), String(d.noData)]), ['left', 'right', 'right', 'right', 'right', 'right']).trimEnd());
    }
    if (a.unmet.length > 0) {
      out.push('', `### ${w.notMet(a.unmet.length)}`, '');
      out.push(
        mdTable(
          [w.md.decision, w.md.target, w.md.period, w.md.value, w.md.threshold, w.md.needed],
          a.unmet.map((t) => [t.decision, `${t.id}: ${t.subject ?? t.text}`, t.period ?? '', formatPercent(t.value, t.threshold, false, lang), thresholdLabel(t, lang), gapLabel(t, lang)]),
          ['left', 'left', 'left', 'right', 'left', 'right'],
        ).trimEnd(),
      );
    }
    for (const u of a.unread) out.push('', `_${mdText(w.noDataFrom(u.dataset, u.reason))}_`);
  }
  if (r.decisions.length === 0) out.push('', w.nothing);
  const unissued = notYetIssuedText(r, lang);
  if (unissued) out.push('', mdBlock(unissued));
  return out.join('\n') + '\n';
};

/** The decisions left out because they are signed after the as-of day, as one line. */
function notYetIssuedText(r: StatusReport, lang: Lang): string | undefined {
  if (!r.notYetIssued || r.notYetIssued.length === 0) return undefined;
  return statusWords(lang).notYetIssued(r.asOf, r.notYetIssued);
}

const CSV_HEADERS = ['section', 'decision', 'kind', 'id', 'period', 'state', 'count', 'days_late', 'days_left', 'due', 'lead', 'leader', 'text', 'file', 'line'];

/** One flat table; the `section` column says what a row is: count, overdue, due-soon, waiting, stale, reporting, target. */
export const statusAsCsv: TextFormatter<StatusReport> = (r) => {
  const rows: (string | number | null)[][] = [];
  const task = (section: string, t: TaskItem) => [section, t.decision, 'task', t.id, t.period, t.state, null, t.daysLate, t.daysLeft, t.due?.to ?? null, t.leadAsWritten, t.leader, t.content, t.file, t.line];
  const duty = (i: DutyItem) => ['reporting', i.decision, 'reporting', i.id, i.period, i.state, null, i.daysLate, i.daysLeft, i.due.to, i.fromAsWritten, null, i.text, i.file, i.line];
  for (const d of r.decisions) {
    for (const s of DERIVED_STATES) rows.push(['count', d.decision, 'task', null, null, s, d.counts[s], null, null, null, null, null, null, d.file, null]);
    for (const t of d.overdue) rows.push(task('overdue', t));
    for (const t of d.dueSoon) rows.push(task('due-soon', t));
    for (const t of d.waiting) rows.push(task('waiting', t));
    for (const t of d.stale) rows.push(task('stale', t));
    for (const s of d.duties) for (const i of [...s.overdue, ...(s.next ? [s.next] : [])]) rows.push(duty(i));
  }
  if (r.attainment) {
    const a = r.attainment;
    const statuses = [['met', 'met'], ['not-met', 'notMet'], ['in-progress', 'inProgress'], ['no-data', 'noData']] as const;
    for (const d of a.decisions) for (const [status, key] of statuses) rows.push(['target-count', d.decision, 'target', null, null, status, d[key], null, null, null, null, null, null, null, null]);
    // A target not met: `count` holds what is still needed (people, or the amount over a cap).
    for (const t of a.unmet) rows.push(['target', t.decision, 'target', t.id, t.period, 'not-met', t.needed, null, null, null, null, null, t.text, null, null]);
    for (const u of a.unread) rows.push(['data', null, 'data', u.dataset, null, 'no-data', null, null, null, null, null, null, u.reason, u.file, null]);
  }
  return toCsv(CSV_HEADERS, rows);
};

export const statusAsJson: TextFormatter<StatusReport> = (r) => asJson(r);

/** The terminal view; text from the files shown inert. */
export const statusAsText = inertFormatter(drawStatusAsText);

/** `plan status --full`: every overdue and due-soon item with its owners and content, every duty instance; text from the files shown inert. */
export const statusAsFullText = inertFormatter(drawStatusAsFullText);

export const STATUS_FORMATS: Record<StatusFormat, Formatter<StatusReport>> = { table: statusAsText, md: statusAsMarkdown, csv: statusAsCsv, json: statusAsJson, xlsx: statusXlsx };
