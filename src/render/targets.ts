// The target statements as a table, Markdown, CSV or JSON.

import { ruleText, whenText, type TargetsReport } from '../report/targets.js';
import type { Formatter, TextFormatter } from './context.js';
import type { TargetFormat } from './formats.js';
import { toCsv } from './csv.js';
import { asJson } from './json.js';
import { mdTable } from './markdown.js';
import { paint } from './paint.js';
import { textTable } from './text-table.js';
import { inertFormatter } from './inert-report.js';

const drawTargetsAsTable: TextFormatter<TargetsReport> = (r, ctx) => {
  if (r.targets.length === 0) return 'No target statements.\n';
  const byDecision = new Map<string, TargetsReport['targets']>();
  for (const t of r.targets) byDecision.set(t.decision, [...(byDecision.get(t.decision) ?? []), t]);
  const c = paint(ctx);
  const parts = [...byDecision].map(
    ([decision, ts]) =>
      c.bold(`${decision}: ${ts.length} target${ts.length === 1 ? '' : 's'}`) +
      '\n' +
      textTable(
        [{ header: 'ID', max: 32 }, { header: 'Target', flex: true }, { header: 'Rule', max: 9 }, { header: 'When', max: 10 }, { header: '§', max: 8 }],
        ts.map((t) => [t.id, t.subject ?? t.text, ruleText(t), whenText(t), t.section]),
        ctx,
      ),
  );
  return parts.join('\n') + `${r.targets.length} targets\n`;
};

export const targetsAsMarkdown: TextFormatter<TargetsReport> = (r) =>
  mdTable(
    ['Decision', 'ID', 'Section', 'Target', 'Rule', 'When'],
    r.targets.map((t) => [t.decision, t.id, t.section, t.text, ruleText(t), whenText(t)]),
  );

export const targetsAsCsv: TextFormatter<TargetsReport> = (r) =>
  toCsv(
    ['decision', 'id', 'section', 'kind', 'comparator', 'threshold', 'every', 'by', 'subject', 'text'],
    r.targets.map((t) => [t.decision, t.id, t.section, t.kind, t.comparator, t.threshold, t.every, t.by, t.subject, t.text]),
  );

export const targetsAsJson: TextFormatter<TargetsReport> = (r) => asJson(r);

/** The terminal view; text from the files shown inert. */
export const targetsAsTable = inertFormatter(drawTargetsAsTable);

export const TARGET_FORMATS: Record<TargetFormat, Formatter<TargetsReport>> = { table: targetsAsTable, md: targetsAsMarkdown, csv: targetsAsCsv, json: targetsAsJson };
