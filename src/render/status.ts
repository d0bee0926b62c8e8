// The status report in every format: terminal text (a list that fits the width), Markdown, CSV, JSON.

import type { DutyItem, TaskItem } from '../report/overdue.js';
import type { AttainmentSummary, DecisionStatus, DutyStatus, StateCounts, StatusReport } from '../report/status.js';
import { DERIVED_STATES } from '../report/task-state.js';
import type { RenderContext, Formatter, TextFormatter } from './context.js';
import type { StatusFormat } from './formats.js';
import { toCsv } from './csv.js';
import { asJson } from './json.js';
import { STATE_WORDS, stateLabel } from './labels.js';
import { mdTable, mdText } from './markdown.js';
import { paint, stateColor } from './paint.js';
import { clampLines, displayWidth, padDisplay, wrapText } from './width.js';
import { countsText, formatPercent, gapLabel, thresholdLabel } from './attainment-labels.js';
import { inertFormatter } from './inert-report.js';

/** Lines of a task's content shown under it; `plan tasks` and the other formats show it whole. */
const CONTENT_LINES = 2;

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Text wrapped to the width, the first line after `first`, the rest indented by `indent` columns. */
function hanging(first: string, text: string, indent: number, width: number): string[] {
  const avail = Math.max(10, width - indent);
  const firstWidth = displayWidth(first);
  if (firstWidth >= width - 10) return [first.trimEnd(), ...wrapText(text, avail).map((l) => ' '.repeat(indent) + l)];
  // A prefix wider than the indent leaves the first line less room: a stand-in word takes up the difference.
  const extra = Math.max(0, firstWidth - indent - 1);
  const lines = wrapText(extra > 0 ? '\u00a0'.repeat(extra) + ' ' + text : text, avail);
  if (extra > 0) lines[0] = lines[0]!.slice(extra + 1);
  return lines.map((l, i) => (i === 0 ? (first + l).trimEnd() : ' '.repeat(indent) + l));
}

/** A line as it is when it fits, else wrapped (losing its column padding) with a hanging indent. */
function fit(line: string, indent: number, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const lead = /^ */.exec(line)![0];
  return hanging(lead, line.slice(lead.length), indent, width);
}

function itemId(t: TaskItem | DutyItem): string {
  return t.period ? `${t.id} [${t.period}]` : t.id;
}

function owners(t: TaskItem): string {
  return oneLine(t.leadAsWritten) + (t.leader ? ` · ${oneLine(t.leader)}` : '');
}

export function countsLine(counts: StateCounts, total: number, doneLate: number, ctx: RenderContext): string {
  const parts = DERIVED_STATES.filter((s) => counts[s] > 0).map((s) => {
    const text = `${counts[s]} ${STATE_WORDS[s]}${s === 'done' && doneLate > 0 ? ` (${doneLate} late)` : ''}`;
    return stateColor(ctx, s)(text);
  });
  return `${plural(total, 'task')}${parts.length > 0 ? ': ' + parts.join(' · ') : ''}`;
}

function taskLines(items: TaskItem[], ctx: RenderContext): string[] {
  const idw = Math.min(14, Math.max(...items.map((t) => displayWidth(itemId(t)))));
  const labelw = Math.max(...items.map((t) => displayWidth(stateLabel(t))));
  const out: string[] = [];
  const indent = 4 + idw + 2;
  const heads = items.map((t) => `    ${padDisplay(itemId(t), idw)}  ${stateColor(ctx, t.state)(padDisplay(stateLabel(t), labelw))}${t.due?.to ? `  due ${t.due.to}` : ''}`);
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

function dutyLines(d: DutyStatus, ctx: RenderContext): string[] {
  const c = paint(ctx);
  const out = hanging(`    ${c.bold(d.id)} → `, oneLine(d.toAsWritten), 6, ctx.width);
  const submitted = d.instances.filter((i) => i.state === 'done').length;
  out.push(...hanging('      ', `${d.deadlines.join(', ')} · ${d.first === d.last ? d.first : `${d.first}–${d.last}`} · ${submitted} of ${d.instances.length} submitted`, 6, ctx.width));
  const shown: { item: DutyItem; label: string }[] = d.overdue.map((i) => ({ item: i, label: stateLabel(i) }));
  if (d.next) shown.push({ item: d.next, label: d.next.state === 'due-soon' ? stateLabel(d.next) : `next, in ${d.next.daysLeft}d` });
  const pw = Math.max(4, ...shown.map((s) => s.item.period.length));
  const lw = Math.max(0, ...shown.map((s) => displayWidth(s.label)));
  for (const s of shown) out.push(...fit(`      ${padDisplay(s.item.period, pw)}  ${stateColor(ctx, s.item.state)(padDisplay(s.label, lw))}  due ${s.item.due.to}`, 8, ctx.width));
  if (!d.next) out.push(...hanging('      ', c.dim(`no instance left to do (the duty runs to ${d.last})`), 6, ctx.width));
  return out;
}

function attainmentHead(a: AttainmentSummary): string {
  const year = a.year !== null ? `, year ${a.year}` : '';
  return `${plural(a.total, 'target')} (as of ${a.asOf}${year})`;
}

/** "+113 needed", "2,500,000 over", "unreachable". */
function unmetGap(t: AttainmentSummary['unmet'][number]): string {
  const gap = gapLabel(t);
  return gap.startsWith('+') ? `${gap} needed` : gap;
}

/** A data file that could not be read: its targets have no data, and why. */
function unreadText(u: AttainmentSummary['unread'][number]): string {
  return `no data from ${u.dataset}: ${u.reason}`;
}

function attainmentLines(a: AttainmentSummary, ctx: RenderContext): string[] {
  const c = paint(ctx);
  const counts = (x: AttainmentSummary['decisions'][number] | AttainmentSummary) =>
    [c.green(`${x.met} met`), c.red(`${x.notMet} not met`), c.yellow(`${x.inProgress} in progress`), c.gray(`${x.noData} no data`)].join(' · ');
  const out = [c.bold('Targets')];
  // Nothing could be measured: say so, with why, rather than a row of zeros.
  if (a.total > 0 && a.noData === a.total && a.unread.length > 0) {
    out.push(...hanging('  ', `${attainmentHead(a)}: ${c.gray('no data')} (${a.unread.map((u) => `${u.dataset}: ${u.reason}`).join('; ')})`, 4, ctx.width));
    return out;
  }
  out.push(...hanging('  ', `${attainmentHead(a)}: ${counts(a)}`, 4, ctx.width));
  if (a.decisions.length > 1) for (const d of a.decisions) out.push(...hanging(`    ${d.decision}: `, counts(d), 6, ctx.width));
  if (a.unmet.length > 0) {
    out.push('', ...hanging('  ', c.bold(`Not met (${a.unmet.length})`), 4, ctx.width));
    const ids = a.unmet.map((t) => `${t.decision} ${t.id}`);
    const w = Math.max(...ids.map(displayWidth));
    // Aligned when the ids leave room for the figures; otherwise the figures go on the next line.
    const aligned = 4 + w + 2 + 40 <= ctx.width;
    for (const [i, t] of a.unmet.entries()) {
      const value = t.value === null ? 'no value' : formatPercent(t.value, t.threshold, false);
      const what = `${c.red(value)} against ${thresholdLabel(t)}${t.period ? ` · ${t.period}` : ''} · ${unmetGap(t)}`;
      if (aligned) out.push(...hanging(`    ${padDisplay(ids[i]!, w)}  `, what, 4 + w + 2, ctx.width));
      else out.push(...hanging('    ', ids[i]!, 6, ctx.width), ...hanging('      ', what, 6, ctx.width));
    }
  }
  for (const u of a.unread) out.push(...hanging('  ', c.gray(unreadText(u)), 4, ctx.width));
  const sources = a.sources ?? [];
  if (sources.length > 0) out.push(...hanging('  ', `measured on: ${sources.map((x) => `${x.file}${x.synthetic ? ' (synthetic)' : ''}`).join(', ')}`, 4, ctx.width));
  const synthetic = sources.filter((x) => x.synthetic);
  if (synthetic.length > 0) out.push(...hanging('  ', c.yellow.bold(`the bundled SYNTHETIC sample data: these figures are not real (give --staff, --trainings or --data for real ones)`), 4, ctx.width));
  return out;
}

function filterText(r: StatusReport): string {
  const f = [r.filter.decision && `decision ${r.filter.decision}`, r.filter.unit && `unit ${r.filter.unit}`, r.filter.leader && `leader ${r.filter.leader}`].filter(Boolean);
  return f.length > 0 ? ` · ${f.join(', ')}` : '';
}

function decisionLines(d: DecisionStatus, r: StatusReport, ctx: RenderContext): string[] {
  const c = paint(ctx);
  const out = hanging(`${c.bold(d.decision)}  `, oneLine(d.title), displayWidth(d.decision) + 2, ctx.width);
  out.push(...hanging('  ', countsLine(d.counts, d.tasks, d.doneLate, ctx), 2, ctx.width));
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push('', ...hanging('  ', c.bold(title), 4, ctx.width), ...lines);
  };
  if (d.overdue.length > 0) section(`Overdue (${d.overdue.length}), most late first`, taskLines(d.overdue, ctx));
  if (d.dueSoon.length > 0) section(`Due within ${r.within} days (${d.dueSoon.length})`, taskLines(d.dueSoon, ctx));
  if (d.waiting.length > 0) {
    const idw = Math.max(...d.waiting.map((t) => displayWidth(t.id)));
    section(
      `Waiting (${d.waiting.length})`,
      d.waiting.flatMap((t) => {
        const first = `    ${padDisplay(t.id, idw)}  on `;
        return clampLines(oneLine(t.waitingOn ?? ''), Math.max(10, ctx.width - displayWidth(first)), CONTENT_LINES).map((l, i) => (i === 0 ? first : ' '.repeat(displayWidth(first))) + l);
      }),
    );
  }
  if (d.stale.length > 0) {
    const ids = d.stale.map((t) => (t.lastNote ? `${t.id} (last note ${t.lastNote})` : t.id)).join(', ');
    section(`Stale (${d.stale.length}): ongoing, no progress note since ${r.staleSince}`, hanging('    ', ids, 4, ctx.width));
  }
  if (d.duties.length > 0) section('Reporting duties', d.duties.flatMap((duty) => dutyLines(duty, ctx)));
  return out;
}

const drawStatusAsText: TextFormatter<StatusReport> = (r, ctx) => {
  const c = paint(ctx);
  const out = hanging('', `${c.bold(`Status as of ${r.asOf}`)}${filterText(r)} · due soon: within ${r.within} days`, 0, ctx.width);
  const unissued = notYetIssuedText(r);
  if (r.decisions.length === 0) return [...out, '', 'Nothing matches.', ...(unissued ? ['', unissued] : []), ''].join('\n');
  for (const d of r.decisions) out.push('', ...decisionLines(d, r, ctx));
  if (unissued) out.push('', ...hanging('', unissued, 2, ctx.width));
  if (r.attainment) out.push('', ...attainmentLines(r.attainment, ctx));
  if (r.decisions.length > 1) {
    out.push('');
    const duties = r.totals.dutiesOverdue > 0 ? `; ${plural(r.totals.dutiesOverdue, 'report')} overdue` : '';
    out.push(...hanging('', `${c.bold('All')} ${plural(r.decisions.length, 'decision')}, ${countsLine(r.totals, r.totals.tasks, r.totals.doneLate, ctx)}${duties}`, 2, ctx.width));
  }
  return out.join('\n') + '\n';
};

function taskTable(items: TaskItem[]): string {
  return mdTable(
    ['ID', 'Task', 'Lead', 'Leader', 'Due', 'State'],
    items.map((t) => [itemId(t), t.content, t.leadAsWritten, t.leader ?? '', t.due?.to ?? t.due?.text ?? '', stateLabel(t)]),
  );
}

export const statusAsMarkdown: TextFormatter<StatusReport> = (r) => {
  const out = [`# Status as of ${r.asOf}`, '', `Due soon: within ${r.within} days.${filterText(r) ? ` Filter: ${mdText(filterText(r).slice(3))}.` : ''}`];
  const counts = (d: DecisionStatus) => {
    const parts = DERIVED_STATES.filter((s) => d.counts[s] > 0).map((s) => `${d.counts[s]} ${STATE_WORDS[s]}${s === 'done' && d.doneLate > 0 ? ` (${d.doneLate} late)` : ''}`);
    return `${plural(d.tasks, 'task')}${parts.length > 0 ? ': ' + parts.join(' · ') : ''}`;
  };
  for (const d of r.decisions) {
    out.push('', `## ${mdText(d.decision)}: ${mdText(oneLine(d.title))}`, '', counts(d));
    if (d.overdue.length > 0) out.push('', `### Overdue (${d.overdue.length}), most late first`, '', taskTable(d.overdue).trimEnd());
    if (d.dueSoon.length > 0) out.push('', `### Due within ${r.within} days (${d.dueSoon.length})`, '', taskTable(d.dueSoon).trimEnd());
    if (d.waiting.length > 0) out.push('', `### Waiting (${d.waiting.length})`, '', mdTable(['ID', 'Task', 'Waiting on'], d.waiting.map((t) => [t.id, t.content, t.waitingOn ?? ''])).trimEnd());
    if (d.stale.length > 0) {
      out.push('', `### Stale (${d.stale.length}): ongoing, no progress note since ${r.staleSince}`, '', mdTable(['ID', 'Task', 'Last note'], d.stale.map((t) => [t.id, t.content, t.lastNote ?? 'none'])).trimEnd());
    }
    if (d.duties.length > 0) {
      const rows = d.duties.flatMap((duty) => [
        ...duty.overdue.map((i) => [duty.id, duty.toAsWritten, i.period, i.due.to ?? '', stateLabel(i)]),
        ...(duty.next ? [[duty.id, duty.toAsWritten, duty.next.period, duty.next.due.to ?? '', duty.next.state === 'due-soon' ? stateLabel(duty.next) : `next, in ${duty.next.daysLeft}d`]] : []),
      ]);
      out.push('', '### Reporting duties', '', mdTable(['Duty', 'To', 'Period', 'Due', 'State'], rows).trimEnd());
    }
  }
  if (r.attainment) {
    const a = r.attainment;
    out.push('', '## Targets', '', `${mdText(attainmentHead(a))}: ${countsText(a)}.`);
    if (a.decisions.length > 1) {
      out.push('', mdTable(['Decision', 'Targets', 'Met', 'Not met', 'In progress', 'No data'], a.decisions.map((d) => [d.decision, String(d.total), String(d.met), String(d.notMet), String(d.inProgress), String(d.noData)]), ['left', 'right', 'right', 'right', 'right', 'right']).trimEnd());
    }
    if (a.unmet.length > 0) {
      out.push('', `### Not met (${a.unmet.length})`, '');
      out.push(
        mdTable(
          ['Decision', 'Target', 'Period', 'Value', 'Threshold', 'Needed'],
          a.unmet.map((t) => [t.decision, `${t.id}: ${t.subject ?? t.text}`, t.period ?? '', formatPercent(t.value, t.threshold, false), thresholdLabel(t), gapLabel(t)]),
          ['left', 'left', 'left', 'right', 'left', 'right'],
        ).trimEnd(),
      );
    }
    for (const u of a.unread) out.push('', `_${mdText(unreadText(u))}_`);
  }
  if (r.decisions.length === 0) out.push('', 'Nothing matches.');
  const unissued = notYetIssuedText(r);
  if (unissued) out.push('', mdText(unissued));
  return out.join('\n') + '\n';
};

/** The decisions left out because they are signed after the as-of day, as one line. */
function notYetIssuedText(r: StatusReport): string | undefined {
  if (!r.notYetIssued || r.notYetIssued.length === 0) return undefined;
  return `Not yet issued on ${r.asOf}, left out: ${r.notYetIssued.map((d) => `${d.decision} (signed ${d.signed})`).join(', ')}`;
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

export const STATUS_FORMATS: Record<StatusFormat, Formatter<StatusReport>> = { table: statusAsText, md: statusAsMarkdown, csv: statusAsCsv, json: statusAsJson };
