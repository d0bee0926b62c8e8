// The attainment report in every format: terminal table with bars, Markdown, CSV and JSON.

import type { AttainmentReport, GroupResult, TargetAttainment } from '../report/attainment/attainment.js';
import { countJson } from '../report/attainment/arithmetic.js';
import { countStatuses, summariseAttainment } from '../report/attainment/summary.js';
import type { RenderContext, Formatter, TextFormatter } from './context.js';
import type { AttainmentFormat } from './formats.js';
import { toCsv } from './csv.js';
import { diagnosticJson } from './diagnostics.js';
import { asJson } from './json.js';
import { mdTable, mdText } from './markdown.js';
import { paint } from './paint.js';
import { textTable } from './text-table.js';
import { formatCount, formatPercent, neededLabel, statusLabel, thresholdLabel } from './attainment-labels.js';
import { inertFormatter } from './inert-report.js';

export { formatCount, formatPercent, neededLabel, statusLabel, thresholdLabel };

const BAR = 8;
export function bar(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '';
  const filled = Math.max(0, Math.min(BAR, Math.round((value / 100) * BAR)));
  return '█'.repeat(filled) + '░'.repeat(BAR - filled);
}

function statusColor(ctx: RenderContext, status: TargetAttainment['status']): (s: string) => string {
  const c = paint(ctx);
  return status === 'met' ? c.green : status === 'not-met' ? c.red : status === 'in-progress' ? c.yellow : c.gray;
}

function targetCell(t: TargetAttainment): string {
  const what = t.subject ?? t.text;
  return t.reason && t.status === 'no-data' ? `${what}\n(${t.reason})` : what;
}

function valueCell(t: TargetAttainment): string {
  if (t.value === null) return '';
  return `${formatPercent(t.value, t.threshold, t.met)} ${bar(t.value)}`;
}

function groupRows(t: TargetAttainment): string[][] {
  return (t.breakdown?.groups ?? []).map((g) =>
    g.suppressed
      ? [g.label, g.suppressed === 'small' ? `suppressed (< ${t.breakdown!.minCell})` : 'suppressed (protects another)', '', '', '']
      : [g.label, `${formatPercent(g.value, t.threshold, g.met)} ${bar(g.value)}`, `${formatCount(g.numerator)} / ${formatCount(g.denominator)}`, g.met ? 'met' : 'not met', neededLabel({ ...t, needed: g.needed, met: g.met })],
  );
}

function suppressionNote(t: TargetAttainment): string {
  const b = t.breakdown;
  if (!b || b.suppressedSmall + b.suppressedComplementary === 0) return '';
  return `${b.suppressedSmall + b.suppressedComplementary} of ${b.groups.length} groups suppressed: ${b.suppressedSmall} with fewer than ${b.minCell} people, ${b.suppressedComplementary} more so that a total cannot reveal them\n`;
}

function dataLines(r: AttainmentReport): string {
  const lines = r.data.reads.map((d) => {
    const how = d.format === 'xlsx' ? `, sheet "${d.sheet}"` : d.delimiter && d.delimiter !== ',' ? `, ${d.delimiter === '\t' ? 'tab' : d.delimiter}-separated` : '';
    const header = d.headerRow && d.headerRow > 1 ? `, header on row ${d.headerRow}` : '';
    const state = d.failed
      ? `not read: ${d.failed}`
      : `${d.rowsKept.toLocaleString('en')} row${d.rowsKept === 1 ? '' : 's'}${d.rowsExcluded ? `, ${d.rowsExcluded.toLocaleString('en')} bad row${d.rowsExcluded === 1 ? '' : 's'} excluded` : ''}${d.rowsSkipped ? `, ${d.rowsSkipped.toLocaleString('en')} skipped as no data` : ''}${d.encoding && d.encoding !== 'utf-8' ? `, decoded from ${d.encoding}` : ''}${how}${header}`;
    return `  ${d.dataset}: ${d.file} (${state})${d.synthetic && !d.failed ? ' — SYNTHETIC SAMPLE' : ''}`;
  });
  return lines.length ? `Data:\n${lines.join('\n')}\n${syntheticNotice(r)}` : '';
}

/** Said plainly when figures come from the bundled synthetic sample: they must never pass for real ones. */
export function syntheticNotice(r: AttainmentReport): string {
  const files = r.data.reads.filter((d) => d.synthetic && !d.failed).map((d) => d.file);
  if (files.length === 0) return '';
  return `Note: ${files.join(', ')} ${files.length === 1 ? 'is' : 'are'} the bundled SYNTHETIC sample: figures measured on ${files.length === 1 ? 'it' : 'them'} are not real. Give --staff, --trainings or --data NAME=FILE for real figures.\n`;
}

/** Which files each group of a decision's targets was measured on. */
function measuredOn(ts: AttainmentReport['targets']): string {
  const groups = new Map<string, { ids: string[]; synthetic: boolean }>();
  for (const t of ts) {
    const files = t.measure.files ?? [];
    if (files.length === 0) continue;
    const key = files.join(' + ');
    const g = groups.get(key) ?? { ids: [], synthetic: false };
    g.ids.push(t.id);
    g.synthetic ||= t.measure.synthetic === true;
    groups.set(key, g);
  }
  return [...groups].map(([files, g]) => `Measured on ${files}${g.synthetic ? ' (synthetic sample)' : ''}: ${g.ids.join(', ')}\n`).join('');
}

export function summaryLine(r: AttainmentReport): string {
  const s = summariseAttainment(r);
  return `${s.total} target${s.total === 1 ? "" : "s"} as of ${r.asOf}: ${s.met} met, ${s.notMet} not met, ${s.inProgress} in progress, ${s.noData} no data`;
}

const drawAttainmentAsTable: TextFormatter<AttainmentReport> = (r, ctx) => {
  if (r.targets.length === 0) return `No targets match.\n`;
  const c = paint(ctx);
  const parts: string[] = [];
  const cols = [
    { header: 'ID', max: 16 },
    { header: 'Target', flex: true },
    { header: 'Period', max: 7 },
    { header: 'Value', max: 16 },
    { header: 'Goal', max: 7 },
    { header: 'Status', max: 11 },
    { header: 'Needed', max: 12, align: 'right' as const },
  ];
  for (const decision of [...new Set(r.targets.map((t) => t.decision))]) {
    const ts = r.targets.filter((t) => t.decision === decision);
    const rows = ts.map((t) => [t.id, targetCell(t), t.period ?? '', valueCell(t), thresholdLabel(t), statusLabel(t.status), neededLabel(t)]);
    parts.push(c.bold(`${decision}: ${ts.length} target${ts.length === 1 ? '' : 's'}`) + '\n' + textTable(cols, rows, ctx, (ri, ci, s) => (ci === 5 ? statusColor(ctx, ts[ri]!.status)(s) : s)) + measuredOn(ts));
    for (const t of ts) {
      if (!t.breakdown || t.breakdown.groups.length === 0) continue;
      parts.push(
        c.bold(`${t.decision} ${t.id} by ${t.breakdown.by}`) +
          '\n' +
          textTable([{ header: t.breakdown.by, flex: true }, { header: 'Value', max: 22 }, { header: 'Count', max: 25 }, { header: 'Status', max: 8 }, { header: 'Needed', max: 16, align: 'right' }], groupRows(t), ctx) +
          suppressionNote(t),
      );
    }
  }
  return parts.join('\n') + '\n' + dataLines(r) + summaryLine(r) + '\n';
};

export const attainmentAsMarkdown: TextFormatter<AttainmentReport> = (r) => {
  const out = [`_${mdText(summaryLine(r))}._\n`];
  out.push(
    mdTable(
      ['Decision', 'Target', 'Subject', 'Period', 'Value', 'Threshold', 'Status', 'Needed'],
      r.targets.map((t) => [t.decision, t.id, targetCell(t).replace('\n', ' '), t.period ?? '', formatPercent(t.value, t.threshold, t.met), thresholdLabel(t), statusLabel(t.status), neededLabel(t)]),
      ['left', 'left', 'left', 'left', 'right', 'left', 'left', 'right'],
    ),
  );
  for (const t of r.targets) {
    if (!t.breakdown || t.breakdown.groups.length === 0) continue;
    out.push(`\n### ${mdText(`${t.decision} ${t.id}`)} by ${t.breakdown.by}\n\n`);
    out.push(mdTable([t.breakdown.by, 'Value', 'Count', 'Status', 'Needed'], groupRows(t).map((row) => row.map((x) => x.replace(/[█░]/g, '').trim())), ['left', 'right', 'right', 'left', 'right']));
    const note = suppressionNote(t);
    if (note) out.push(`\n${mdText(note.trim())}\n`);
  }
  const on = measuredOn(r.targets);
  if (on) out.push(`\n${on.trimEnd().split('\n').map((l) => `- ${mdText(l)}`).join('\n')}\n`);
  const notice = syntheticNotice(r);
  if (notice) out.push(`\n**${mdText(notice.trim())}**\n`);
  return out.join('');
};

export const attainmentAsCsv: TextFormatter<AttainmentReport> = (r) => {
  const rows: (string | number | boolean | null)[][] = [];
  const num = (n: bigint | null) => (n === null ? null : n.toString());
  for (const t of r.targets) {
    rows.push([t.decision, t.id, '', t.period, t.from, t.to, t.final, t.comparator, t.threshold, num(t.numerator), num(t.denominator), t.value, t.met, num(t.needed), t.status, t.reason, null]);
    for (const g of t.breakdown?.groups ?? []) {
      rows.push([t.decision, t.id, g.key, t.period, t.from, t.to, t.final, t.comparator, t.threshold, num(g.numerator), num(g.denominator), g.value, g.met, num(g.needed), g.suppressed ? 'suppressed' : g.met ? 'met' : 'not-met', null, g.suppressed]);
    }
  }
  return toCsv(['decision', 'target', 'group', 'period', 'from', 'to', 'final', 'comparator', 'threshold', 'numerator', 'denominator', 'value', 'met', 'needed', 'status', 'reason', 'suppressed'], rows);
};

function groupJson(g: GroupResult) {
  return { group: g.key, label: g.label, numerator: countJson(g.numerator), denominator: countJson(g.denominator), value: g.value, met: g.met, needed: countJson(g.needed), suppressed: g.suppressed };
}

export function attainmentJson(r: AttainmentReport): object {
  return {
    asOf: r.asOf,
    year: r.year,
    by: r.by,
    minCell: r.minCell,
    summary: countStatuses(r.targets),
    targets: r.targets.map((t) => ({
      decision: t.decision,
      id: t.id,
      text: t.text,
      subject: t.subject,
      section: t.section,
      kind: t.kind,
      period: t.from ? t.from.slice(0, 4) : t.period,
      periodLabel: t.period,
      from: t.from,
      to: t.to,
      final: t.final,
      every: t.every,
      byYear: t.by,
      comparator: t.comparator,
      threshold: t.threshold,
      numerator: countJson(t.numerator),
      denominator: countJson(t.denominator),
      value: t.value,
      met: t.met,
      needed: countJson(t.needed),
      status: t.status,
      reason: t.reason,
      measure: t.measure,
      dataYear: t.dataYear,
      by: (t.breakdown?.groups ?? []).map(groupJson),
      breakdown: t.breakdown ? { by: t.breakdown.by, minCell: t.breakdown.minCell, groups: t.breakdown.groups.length, suppressedSmall: t.breakdown.suppressedSmall, suppressedComplementary: t.breakdown.suppressedComplementary } : null,
      trajectory: t.trajectory,
    })),
    data: {
      datasets: r.data.reads,
      issues: r.data.issues.map(diagnosticJson),
      issueCounts: r.data.issueCounts,
    },
  };
}

export const attainmentAsJson: TextFormatter<AttainmentReport> = (r) => asJson(attainmentJson(r));

/** The terminal view; text from the files shown inert. */
export const attainmentAsTable = inertFormatter(drawAttainmentAsTable);

export const ATTAINMENT_FORMATS: Record<AttainmentFormat, Formatter<AttainmentReport>> = { table: attainmentAsTable, md: attainmentAsMarkdown, csv: attainmentAsCsv, json: attainmentAsJson };
