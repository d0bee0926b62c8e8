// The attainment report in every format: terminal table with bars, Markdown, CSV and JSON.

import type { AttainmentReport, GroupResult, TargetAttainment } from '../report/attainment/attainment.js';
import { countJson } from '../report/attainment/arithmetic.js';
import { countStatuses, summariseAttainment } from '../report/attainment/summary.js';
import type { RenderContext, Formatter, TextFormatter } from './context.js';
import type { AttainmentFormat } from './formats.js';
import { attainmentXlsx } from './office-formats.js';
import { toCsv } from './csv.js';
import { diagnosticJson } from './diagnostics.js';
import { asJson } from './json.js';
import { mdBlock, mdTable, mdText } from './markdown.js';
import { paint } from './paint.js';
import { textTable } from './text-table.js';
import { wrapProse } from './width.js';
import { countsText, groupLabel, formatCount, formatPercent, neededLabel, statusLabel, thresholdLabel } from './attainment-labels.js';
import type { Breakdown } from '../report/attainment/breakdown.js';
import { formatDay, formatInt } from './i18n/format.js';
import type { Lang } from './i18n/lang.js';
import { periodText, reasonText } from './i18n/messages.js';
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

const WORDS = {
  vi: {
    id: 'Mã',
    target: 'Chỉ tiêu',
    subject: 'Nội dung',
    decision: 'Quyết định',
    period: 'Kỳ',
    value: 'Kết quả',
    goal: 'Mục tiêu',
    status: 'Đánh giá',
    needed: 'Còn thiếu',
    count: 'Số lượng',
    targets: (n: number) => `${n} chỉ tiêu`,
    by: { unit: 'đơn vị', level: 'cấp', province: 'tỉnh, thành phố', 'unit-kind': 'loại đơn vị' } as Record<Breakdown, string>,
    byHead: { unit: 'Đơn vị', level: 'Cấp', province: 'Tỉnh, thành phố', 'unit-kind': 'Loại đơn vị' } as Record<Breakdown, string>,
    byTitle: (t: string, by: string) => `${t} theo ${by}`,
    small: (m: number) => `ẩn (dưới ${m} người)`,
    protects: 'ẩn (bảo vệ nhóm khác)',
    suppressed: (n: number, groups: number, small: number, m: number, comp: number) => `${n}/${groups} nhóm bị ẩn: ${small} nhóm dưới ${m} người, ${comp} nhóm ẩn thêm để tổng số không làm lộ các nhóm đó`,
    data: 'Dữ liệu',
    notRead: (why: string) => `không đọc được: ${why}`,
    rows: (n: string, bad: string | null) => `${n} dòng${bad ? `, loại ${bad} dòng lỗi` : ''}`,
    decoded: (enc: string) => `giải mã từ ${enc}`,
    skipped: (n: string) => `bỏ qua ${n} dòng không phải dữ liệu`,
    sheet: (name: string) => `trang tính "${name}"`,
    separated: (d: string) => `phân cách bằng ${d === '\t' ? 'tab' : d}`,
    headerRow: (n: number) => `dòng tiêu đề ở dòng ${n}`,
    syntheticMark: ' — DỮ LIỆU MẪU TỔNG HỢP',
    syntheticNotice: (files: string[]) => `Lưu ý: ${files.join(', ')} là dữ liệu mẫu TỔNG HỢP đi kèm công cụ: các số liệu tính từ đó không phải số liệu thật. Dùng --staff, --trainings hoặc --data NAME=FILE để có số liệu thật.`,
    measuredOn: (files: string, synthetic: boolean, ids: string) => `Tính trên ${files}${synthetic ? ' (dữ liệu mẫu tổng hợp)' : ''}: ${ids}`,
    summary: (n: number, day: string, counts: string) => `${n} chỉ tiêu, tính đến ngày ${day}: ${counts}`,
    none: 'Không có chỉ tiêu nào phù hợp.',
  },
  en: {
    id: 'ID',
    target: 'Target',
    subject: 'Subject',
    decision: 'Decision',
    period: 'Period',
    value: 'Value',
    goal: 'Goal',
    status: 'Status',
    needed: 'Needed',
    count: 'Count',
    targets: (n: number) => `${n} target${n === 1 ? '' : 's'}`,
    by: { unit: 'unit', level: 'level', province: 'province', 'unit-kind': 'unit kind' } as Record<Breakdown, string>,
    byHead: { unit: 'Unit', level: 'Level', province: 'Province', 'unit-kind': 'Unit kind' } as Record<Breakdown, string>,
    byTitle: (t: string, by: string) => `${t} by ${by}`,
    small: (m: number) => `suppressed (< ${m})`,
    protects: 'suppressed (protects another)',
    suppressed: (n: number, groups: number, small: number, m: number, comp: number) => `${n} of ${groups} groups suppressed: ${small} with fewer than ${m} people, ${comp} more so that a total cannot reveal them`,
    data: 'Data',
    notRead: (why: string) => `not read: ${why}`,
    rows: (n: string, bad: string | null) => `${n} row${n === '1' ? '' : 's'}${bad ? `, ${bad} bad row${bad === '1' ? '' : 's'} excluded` : ''}`,
    decoded: (enc: string) => `decoded from ${enc}`,
    skipped: (n: string) => `${n} skipped as no data`,
    sheet: (name: string) => `sheet "${name}"`,
    separated: (d: string) => `${d === '\t' ? 'tab' : d}-separated`,
    headerRow: (n: number) => `header on row ${n}`,
    syntheticMark: ' — SYNTHETIC SAMPLE',
    syntheticNotice: (files: string[]) => `Note: ${files.join(', ')} ${files.length === 1 ? 'is' : 'are'} the bundled SYNTHETIC sample: figures measured on ${files.length === 1 ? 'it' : 'them'} are not real. Give --staff, --trainings or --data NAME=FILE for real figures.`,
    measuredOn: (files: string, synthetic: boolean, ids: string) => `Measured on ${files}${synthetic ? ' (synthetic sample)' : ''}: ${ids}`,
    summary: (n: number, day: string, counts: string) => `${n} target${n === 1 ? '' : 's'} as of ${day}: ${counts}`,
    none: 'No targets match.',
  },
};

function targetCell(t: TargetAttainment, lang: Lang): string {
  const what = t.subject ?? t.text;
  return t.reason && t.status === 'no-data' ? `${what}\n(${reasonText(t.reason, lang)})` : what;
}

function valueCell(t: TargetAttainment, lang: Lang): string {
  if (t.value === null) return '';
  return `${formatPercent(t.value, t.threshold, t.met, lang)} ${bar(t.value)}`;
}

function groupRows(t: TargetAttainment, lang: Lang): string[][] {
  const w = WORDS[lang];
  return (t.breakdown?.groups ?? []).map((g) =>
    g.suppressed
      ? [groupLabel(g.label, lang), g.suppressed === 'small' ? w.small(t.breakdown!.minCell) : w.protects, '', '', '']
      : [
          groupLabel(g.label, lang),
          `${formatPercent(g.value, t.threshold, g.met, lang)} ${bar(g.value)}`,
          `${formatCount(g.numerator, lang)} / ${formatCount(g.denominator, lang)}`,
          statusLabel(g.met ? 'met' : 'not-met', lang),
          neededLabel({ ...t, needed: g.needed, met: g.met }, lang),
        ],
  );
}

function suppressionNote(t: TargetAttainment, lang: Lang): string {
  const b = t.breakdown;
  if (!b || b.suppressedSmall + b.suppressedComplementary === 0) return '';
  return WORDS[lang].suppressed(b.suppressedSmall + b.suppressedComplementary, b.groups.length, b.suppressedSmall, b.minCell, b.suppressedComplementary) + '\n';
}

function dataLines(r: AttainmentReport, lang: Lang): string {
  const w = WORDS[lang];
  const lines = r.data.reads.map((d) => {
    const how = d.format === 'xlsx' ? [w.sheet(d.sheet ?? '')] : d.delimiter && d.delimiter !== ',' ? [w.separated(d.delimiter)] : [];
    const header = d.headerRow && d.headerRow > 1 ? [w.headerRow(d.headerRow)] : [];
    const state = d.failed
      ? w.notRead(d.failed)
      : [
          w.rows(formatInt(d.rowsKept, lang), d.rowsExcluded ? formatInt(d.rowsExcluded, lang) : null),
          ...(d.rowsSkipped ? [w.skipped(formatInt(d.rowsSkipped, lang))] : []),
          ...(d.encoding && d.encoding !== 'utf-8' ? [w.decoded(d.encoding)] : []),
          ...how,
          ...header,
        ].join(', ');
    return `  ${d.dataset}: ${d.file} (${state})${d.synthetic && !d.failed ? w.syntheticMark : ''}`;
  });
  return lines.length ? `${w.data}:\n${lines.join('\n')}\n${syntheticNotice(r, lang)}` : '';
}

/** Said plainly when figures come from the bundled synthetic sample: they must never pass for real ones. */
export function syntheticNotice(r: AttainmentReport, lang: Lang = 'en'): string {
  const files = r.data.reads.filter((d) => d.synthetic && !d.failed).map((d) => d.file);
  if (files.length === 0) return '';
  return `${WORDS[lang].syntheticNotice(files)}\n`;
}

/** Which files each group of a decision's targets was measured on. */
function measuredOn(ts: AttainmentReport['targets'], lang: Lang): string {
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
  return [...groups].map(([files, g]) => `${WORDS[lang].measuredOn(files, g.synthetic, g.ids.join(', '))}\n`).join('');
}

export function summaryLine(r: AttainmentReport, lang: Lang = 'vi'): string {
  const s = summariseAttainment(r);
  return WORDS[lang].summary(s.total, formatDay(r.asOf, lang), countsText(s, lang));
}

const drawAttainmentAsTable: TextFormatter<AttainmentReport> = (r, ctx) => {
  const w = WORDS[ctx.lang];
  if (r.targets.length === 0) return `${w.none}\n`;
  const c = paint(ctx);
  const parts: string[] = [];
  const cols = [
    { header: w.id, max: 16 },
    { header: w.target, flex: true, min: 16 },
    { header: w.period, max: 10 },
    { header: w.value, max: 16 },
    { header: w.goal, max: 9 },
    { header: w.status, max: 16 },
    // Uncapped: "vượt 167.417.500.000" on one line when there is room; squeezed, the word goes on a line of its own and the figure stays whole.
    { header: w.needed, align: 'right' as const },
  ];
  for (const decision of [...new Set(r.targets.map((t) => t.decision))]) {
    const ts = r.targets.filter((t) => t.decision === decision);
    const rows = ts.map((t) => [t.id, targetCell(t, ctx.lang), periodText(t, ctx.lang), valueCell(t, ctx.lang), thresholdLabel(t, ctx.lang), statusLabel(t.status, ctx.lang), neededLabel(t, ctx.lang)]);
    parts.push(c.bold(`${decision}: ${w.targets(ts.length)}`) + '\n' + textTable(cols, rows, ctx, (ri, ci, s) => (ci === 5 ? statusColor(ctx, ts[ri]!.status)(s) : s)) + wrapProse(measuredOn(ts, ctx.lang), ctx.width));
    for (const t of ts) {
      if (!t.breakdown || t.breakdown.groups.length === 0) continue;
      parts.push(
        c.bold(w.byTitle(`${t.decision} ${t.id}`, w.by[t.breakdown.by])) +
          '\n' +
          textTable([{ header: w.byHead[t.breakdown.by], flex: true }, { header: w.value, max: 22 }, { header: w.count, max: 25 }, { header: w.status, max: 10 }, { header: w.needed, max: 16, align: 'right' }], groupRows(t, ctx.lang), ctx) +
          wrapProse(suppressionNote(t, ctx.lang), ctx.width),
      );
    }
  }
  return parts.join('\n') + '\n' + wrapProse(dataLines(r, ctx.lang), ctx.width) + wrapProse(summaryLine(r, ctx.lang), ctx.width) + '\n';
};

export const attainmentAsMarkdown: TextFormatter<AttainmentReport> = (r, ctx) => {
  const lang = ctx.lang;
  const w = WORDS[lang];
  const out = [`_${mdText(summaryLine(r, lang))}._\n`];
  out.push(
    mdTable(
      [w.decision, w.target, w.subject, w.period, w.value, w.goal, w.status, w.needed],
      r.targets.map((t) => [t.decision, t.id, targetCell(t, lang).replace('\n', ' '), periodText(t, lang), formatPercent(t.value, t.threshold, t.met, lang), thresholdLabel(t, lang), statusLabel(t.status, lang), neededLabel(t, lang)]),
      ['left', 'left', 'left', 'left', 'right', 'left', 'left', 'right'],
    ),
  );
  for (const t of r.targets) {
    if (!t.breakdown || t.breakdown.groups.length === 0) continue;
    out.push(`\n### ${mdText(w.byTitle(`${t.decision} ${t.id}`, w.by[t.breakdown.by]))}\n\n`);
    out.push(mdTable([w.byHead[t.breakdown.by], w.value, w.count, w.status, w.needed], groupRows(t, lang).map((row) => row.map((x) => x.replace(/[█░]/g, '').trim())), ['left', 'right', 'right', 'left', 'right']));
    const note = suppressionNote(t, lang);
    if (note) out.push(`\n${mdBlock(note.trim())}\n`);
  }
  const on = measuredOn(r.targets, lang);
  if (on) out.push(`\n${on.trimEnd().split('\n').map((l) => `- ${mdText(l)}`).join('\n')}\n`);
  const notice = syntheticNotice(r, lang);
  if (notice) out.push(`\n**${mdText(notice.trim())}**\n`);
  return out.join('');
};

export const attainmentAsCsv: TextFormatter<AttainmentReport> = (r) => {
  const rows: (string | number | boolean | null)[][] = [];
  const num = (n: bigint | null) => (n === null ? null : n.toString());
  for (const t of r.targets) {
    rows.push([t.decision, t.id, '', t.period, t.from, t.to, t.final, t.comparator, t.threshold, num(t.numerator), num(t.denominator), t.value, t.met, num(t.needed), t.status, t.reason?.code ?? null, null]);
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
      // The same year, kept for scripts that read it; "so far" is `final: false`.
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

export const ATTAINMENT_FORMATS: Record<AttainmentFormat, Formatter<AttainmentReport>> = { table: attainmentAsTable, md: attainmentAsMarkdown, csv: attainmentAsCsv, json: attainmentAsJson, xlsx: attainmentXlsx };
