// The target statements as a table, Markdown, CSV or JSON.

import type { TargetRow, TargetsReport } from '../report/targets.js';
import type { Lang } from './i18n/lang.js';
import { localiseDecimal } from './i18n/format.js';
import type { Formatter, TextFormatter } from './context.js';
import type { TargetFormat } from './formats.js';
import { targetsXlsx } from './office-formats.js';
import { toCsv } from './csv.js';
import { asJson } from './json.js';
import { mdTable } from './markdown.js';
import { paint } from './paint.js';
import { textTable } from './text-table.js';
import { inertFormatter } from './inert-report.js';

const SIGN = { at_least: '≥', at_most: '≤', more_than: '>' } as const;

const WORDS = {
  vi: {
    none: 'Không có chỉ tiêu nào.',
    cols: ['Mã', 'Chỉ tiêu', 'Mức', 'Thời hạn', 'Mục'],
    md: ['Quyết định', 'Mã', 'Mục', 'Chỉ tiêu', 'Mức', 'Thời hạn'],
    targets: (n: number) => `${n} chỉ tiêu`,
    kind: { numeric: 'tỷ lệ', milestone: 'mốc', ongoing: 'thường xuyên' } as Record<string, string>,
    every: 'hằng năm',
    by: (y: number) => `đến năm ${y}`,
  },
  en: {
    none: 'No target statements.',
    cols: ['ID', 'Target', 'Rule', 'When', '§'],
    md: ['Decision', 'ID', 'Section', 'Target', 'Rule', 'When'],
    targets: (n: number) => `${n} target${n === 1 ? '' : 's'}`,
    kind: { numeric: 'numeric', milestone: 'milestone', ongoing: 'ongoing' } as Record<string, string>,
    every: 'every year',
    by: (y: number) => `by ${y}`,
  },
};

/** "≥ 80%", "≤ 2%" ("≥ 12,5%" in Vietnamese); milestones and standing aims have no figure: their kind. */
export function ruleText(t: Pick<TargetRow, 'kind' | 'comparator' | 'threshold'>, lang: Lang): string {
  if (t.comparator === null || t.threshold === null) return WORDS[lang].kind[t.kind] ?? t.kind;
  return `${SIGN[t.comparator]} ${localiseDecimal(String(t.threshold), lang)}%`;
}

export function whenText(t: Pick<TargetRow, 'every' | 'by' | 'kind'>, lang: Lang): string {
  const w = WORDS[lang];
  if (t.every === 'year') return w.every;
  if (t.by !== null) return w.by(t.by);
  return t.kind === 'ongoing' ? w.kind['ongoing']! : '';
}

const drawTargetsAsTable: TextFormatter<TargetsReport> = (r, ctx) => {
  const w = WORDS[ctx.lang];
  if (r.targets.length === 0) return `${w.none}\n`;
  const byDecision = new Map<string, TargetsReport['targets']>();
  for (const t of r.targets) byDecision.set(t.decision, [...(byDecision.get(t.decision) ?? []), t]);
  const c = paint(ctx);
  const parts = [...byDecision].map(
    ([decision, ts]) =>
      c.bold(`${decision}: ${w.targets(ts.length)}`) +
      '\n' +
      textTable(
        [{ header: w.cols[0]!, max: 32 }, { header: w.cols[1]!, flex: true }, { header: w.cols[2]!, max: 12 }, { header: w.cols[3]!, max: 12 }, { header: w.cols[4]!, max: 8 }],
        ts.map((t) => [t.id, t.subject ?? t.text, ruleText(t, ctx.lang), whenText(t, ctx.lang), t.section]),
        ctx,
      ),
  );
  return parts.join('\n') + `${w.targets(r.targets.length)}\n`;
};

export const targetsAsMarkdown: TextFormatter<TargetsReport> = (r, ctx) =>
  mdTable(
    WORDS[ctx.lang].md,
    r.targets.map((t) => [t.decision, t.id, t.section, t.text, ruleText(t, ctx.lang), whenText(t, ctx.lang)]),
  );

export const targetsAsCsv: TextFormatter<TargetsReport> = (r) =>
  toCsv(
    ['decision', 'id', 'section', 'kind', 'comparator', 'threshold', 'every', 'by', 'subject', 'text'],
    r.targets.map((t) => [t.decision, t.id, t.section, t.kind, t.comparator, t.threshold, t.every, t.by, t.subject, t.text]),
  );

export const targetsAsJson: TextFormatter<TargetsReport> = (r) => asJson(r);

/** The terminal view; text from the files shown inert. */
export const targetsAsTable = inertFormatter(drawTargetsAsTable);

export const TARGET_FORMATS: Record<TargetFormat, Formatter<TargetsReport>> = { table: targetsAsTable, md: targetsAsMarkdown, csv: targetsAsCsv, json: targetsAsJson, xlsx: targetsXlsx };
