// `plan report --format html`: one self-contained page (no script, no network; print CSS for A4
// landscape) with a table of contents, a section per part of the report, inline SVG charts, and
// the decisions' tables. Every word from the plan files or the data goes through the escaping builder.

import type { ReportDocument } from '../report/report.js';
import { appendixReportHtml } from './appendix-html.js';
import type { RenderContext, TextFormatter } from './context.js';
import { anchorId, fragment, h, type Html } from './html/html.js';
import { htmlPage } from './html/page.js';
import { STATE_SERIES, stackedBarChart, thresholdChart, type ThresholdRow } from './html/svg-charts.js';
import { reportWords, type ReportWords } from './report-labels.js';
import { formatDay } from './i18n/format.js';
import { attainmentLead, breakdownTable, brokenDown, dataTable, dutiesTable, itemsTable, suppressionText, suppressionTotal, summaryTable, targetsTable, type TableView } from './report-view.js';

const REPORT_CSS = `
header.doc .as-of { color: var(--ink); font-weight: 600; }
nav.toc { margin: 0 0 24px; padding: 10px 16px; border: 1px solid var(--rule); background: #fafbfc; max-width: 44em; }
nav.toc h2 { font-size: 15px; margin: 0 0 6px; }
nav.toc ol { margin: 0; padding-left: 1.6em; }
nav.toc ol ol { list-style: none; padding-left: 1em; }
nav.toc a { color: #0550ae; text-decoration: none; }
section.part { margin: 0 0 28px; }
section.part > h2 { font-size: 18px; margin: 24px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
section.part h3 { font-size: 16px; margin: 20px 0 8px; }
section.part h4 { font-size: 14px; margin: 16px 0 6px; }
p.lead { margin: 8px 0; }
p.nodata { font-weight: 700; color: #b42318; }
p.note { color: var(--muted); font-size: 12px; margin: 6px 0; }
table.report { border-collapse: collapse; width: 100%; margin: 8px 0 12px; }
table.report th, table.report td { border: 1px solid var(--rule); padding: 3px 6px; vertical-align: top; text-align: left; white-space: pre-line; overflow-wrap: anywhere; }
table.report thead th { background: #f6f8fa; vertical-align: bottom; }
table.report .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.report th.decision, table.report td.decision { white-space: nowrap; width: 8em; }
table.report th.item { width: 6.5em; }
table.report th.state { width: 9.5em; }
table.report th.task { min-width: 18em; }
table.report th.title { min-width: 14em; }
table.report thead th.num { white-space: normal; }
table.report thead th { overflow-wrap: normal; hyphens: manual; }
table.report th.lead { width: 12em; }
table.report th.leader { width: 10em; }
table.report th.recipient { width: 10em; }
table.report th.due, table.report td.due { width: 6.5em; white-space: nowrap; }
table.report th.period { width: 7em; }
table.report th.threshold { width: 5.5em; }
table.report th.status { width: 7em; }
table.report th.note { width: 22%; }
table.report th.deadlines { width: 9em; }
table.report th.years, table.report td.years, table.report th.submitted, table.report td.submitted { width: 5.5em; white-space: nowrap; }
table.report th.periods { width: 13em; }
table.report th.next { width: 11em; }
table.report tr.total > * { background: var(--total); font-weight: 700; }
table.report-breakdown { width: auto; min-width: 50%; }
.status-met { color: #1a7f37; font-weight: 700; }
.status-not-met { color: #b42318; font-weight: 700; }
.status-in-progress { color: #9a6700; }
.status-no-data, td.suppressed { color: var(--muted); }
section.decision > h3 { border-bottom: 1px solid var(--rule); padding-bottom: 2px; }
@media print {
  /* The contents share their page with the first section; each decision's tables start a page,
     the first one right under its part's heading (a heading never stands alone on a page). */
  nav.toc { max-width: none; margin-bottom: 12px; }
  section.part h2, section.part h3, section.part h4, figure.chart figcaption { break-after: avoid; }
  section.part-appendices { break-before: page; }
  section.decision { break-before: page; }
  section.part-appendices > h2 + section.decision { break-before: auto; }
  figure.chart svg { max-height: 160mm; }
  table.report thead { display: table-header-group; }
  table.report tr { break-inside: avoid; }
}
`;

function table(t: TableView, ctx: RenderContext): Html {
  const en = ctx.lang === 'en' ? 'en' : null;
  return h(
    'table',
    { class: `report report-${t.kind}` },
    h('thead', { lang: en }, h('tr', null, t.columns.map((c) => h('th', { scope: 'col', class: c.key }, c.header)))),
    h(
      'tbody',
      null,
      t.rows.map((r) =>
        h(
          'tr',
          { class: r.kind ?? null },
          r.cells.map((cell, i) =>
            r.kind === 'total' && i === 0
              ? h('th', { scope: 'row', lang: en }, cell.text)
              : h('td', { class: [t.columns[i]!.key.split(' ')[0] === 'num' ? null : t.columns[i]!.key, cell.class].filter(Boolean).join(' ') || null, lang: cell.lang ?? null }, cell.text),
          ),
        ),
      ),
    ),
  );
}

interface Part {
  id: string;
  title: string;
  body: Html;
  /** Entries under the part in the table of contents. */
  sub?: { id: string; title: string }[];
}

export function statesChart(doc: ReportDocument, w: ReportWords, ctx: RenderContext): Html {
  return h(
    'figure',
    { class: 'chart' },
    h('figcaption', null, w.chartStates),
    stackedBarChart({
      id: 'chart-states',
      title: w.chartStates,
      rows: doc.status.decisions.map((d) => ({ label: d.decision, counts: d.counts })),
      series: STATE_SERIES.map((s) => ({ ...s, label: w.state[s.key as keyof ReportWords['state']] })),
      width: 900,
      labelWidth: 120,
      lang: ctx.lang,
    }),
  );
}

/** A target's label in a chart: the plan's short label, else the start of what it counts, cut at a word. */
export function chartLabel(t: { short: string | null; subject: string | null; text: string }): string {
  if (t.short) return t.short;
  const s = (t.subject ?? t.text).replace(/\s+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One chart per decision (a figure that fits a printed page), a row per target with a numeric threshold. */
export function targetsChartFigures(doc: ReportDocument, w: ReportWords, ctx: RenderContext): { title: string; figure: Html }[] {
  const decisions = [...new Set(doc.attainment.targets.map((t) => t.decision))];
  return decisions.flatMap((decision, i) => {
    const rows: ThresholdRow[] = doc.attainment.targets.flatMap((t) =>
      t.decision === decision && t.comparator !== null && t.threshold !== null
        ? [{ label: chartLabel(t), note: `${t.decision} ${t.id} · ${t.subject ?? t.text}`, value: t.value, threshold: t.threshold, comparator: t.comparator, met: t.met, provisional: t.status === 'in-progress' }]
        : [],
    );
    if (rows.length === 0) return [];
    const title = `${w.chartTargets}: ${decision}`;
    return [{ title, figure: h('figure', { class: 'chart' }, h('figcaption', null, title), thresholdChart({ id: `chart-targets-${i + 1}`, title, rows, width: 900, labelWidth: 250, words: { ...w.status, threshold: w.col.threshold }, lang: ctx.lang })) }];
  });
}

function targetsCharts(doc: ReportDocument, w: ReportWords, ctx: RenderContext): Html | null {
  const figures = targetsChartFigures(doc, w, ctx);
  if (figures.length === 0) return null;
  return fragment(...figures.map((f) => f.figure), h('p', { class: 'note' }, w.chartTargetsNote));
}

function parts(doc: ReportDocument, ctx: RenderContext): Part[] {
  const w = reportWords(ctx.lang);
  const overdue = doc.overdue.items.filter((i) => i.state === 'overdue');
  const dueSoon = doc.overdue.items.filter((i) => i.state !== 'overdue');
  const duties = dutiesTable(doc, ctx);
  const a = doc.attainment;
  const lead = attainmentLead(doc, ctx);
  const total = suppressionTotal(a, ctx);

  const attainment = fragment(
    a.data.reads.length > 0 ? table(dataTable(a, ctx), ctx) : null,
    lead.synthetic ? h('p', { class: 'nodata' }, lead.synthetic) : null,
    lead.noData ? h('p', { class: 'nodata' }, lead.noData) : null,
    lead.unread.map((u) => h('p', { class: 'note' }, u)),
    a.targets.length === 0 ? h('p', null, w.noTargets) : fragment(h('p', { class: 'lead' }, lead.counts), targetsCharts(doc, w, ctx), table(targetsTable(a, ctx), ctx)),
    total ? h('p', { class: 'note' }, total) : null,
    brokenDown(a).map((t) => {
      const note = suppressionText(t, ctx);
      return fragment(h('h3', null, w.breakdownTitle(`${t.decision} ${t.id}`, t.breakdown!.by)), table(breakdownTable(t, ctx), ctx), note ? h('p', { class: 'note' }, note) : null);
    }),
  );

  const appendixIds = doc.appendices.map((r) => anchorId('appendices', r.decision.key));
  return [
    { id: 'summary', title: w.sections.summary, body: fragment(table(summaryTable(doc, ctx), ctx), statesChart(doc, w, ctx), h('p', { class: 'lead' }, w.counts(doc.status.attainment!))) },
    { id: 'overdue', title: `${w.sections.overdue} (${overdue.length})`, body: overdue.length > 0 ? table(itemsTable('overdue', overdue, ctx), ctx) : h('p', null, w.nothingOverdue) },
    { id: 'due-soon', title: `${w.sections.dueSoon(doc.within)} (${dueSoon.length})`, body: dueSoon.length > 0 ? table(itemsTable('due-soon', dueSoon, ctx), ctx) : h('p', null, w.nothingDueSoon) },
    { id: 'duties', title: `${w.sections.duties} (${duties.rows.length})`, body: duties.rows.length > 0 ? table(duties, ctx) : h('p', null, w.noDuties) },
    { id: 'attainment', title: w.sections.attainment, body: attainment },
    {
      id: 'appendices',
      title: w.sections.appendices,
      sub: doc.appendices.map((r, i) => ({ id: appendixIds[i]!, title: r.decision.number })),
      body: fragment(
        doc.appendices.map((r, i) =>
          h(
            'section',
            { class: 'decision', id: appendixIds[i]!, 'aria-labelledby': `${appendixIds[i]!}-title` },
            h('h3', { id: `${appendixIds[i]!}-title` }, `${r.decision.number}: ${r.decision.title}`),
            appendixReportHtml(r, ctx, { idPrefix: anchorId('appendix', r.decision.key) }),
          ),
        ),
      ),
    },
  ];
}

export const reportAsHtml: TextFormatter<ReportDocument> = (doc, ctx) => {
  const w = reportWords(ctx.lang);
  const en = ctx.lang === 'en' ? 'en' : null;
  const ps = parts(doc, ctx);
  const toc = h(
    'nav',
    { class: 'toc', 'aria-labelledby': 'toc-title', lang: en },
    h('h2', { id: 'toc-title' }, w.contents),
    h(
      'ol',
      null,
      ps.map((p) => h('li', null, h('a', { href: `#${p.id}` }, p.title), p.sub && p.sub.length > 0 ? h('ol', null, p.sub.map((s) => h('li', { lang: 'vi' }, h('a', { href: `#${s.id}` }, s.title)))) : null)),
    ),
  );
  const main = h(
    'main',
    null,
    ps.map((p, i) => h('section', { class: `part part-${p.id}`, id: p.id, 'aria-labelledby': `${p.id}-title` }, h('h2', { id: `${p.id}-title`, lang: en }, `${i + 1}. ${p.title}`), p.body)),
  );
  return htmlPage({
    title: `${w.title}${doc.decision ? `: ${doc.decision.number}` : ''} (${formatDay(doc.asOf, ctx.lang)})`,
    // The content is Vietnamese whatever the language of the fixed words; those are marked.
    lang: 'vi',
    css: REPORT_CSS,
    body: fragment(
      h(
        'header',
        { class: 'doc' },
        h('h1', { lang: en }, w.title),
        doc.decision ? h('p', null, `${doc.decision.number}: ${doc.decision.title}`) : null,
        h('p', { class: 'as-of', lang: en }, `${w.asOf(doc.asOf)} · ${w.window(doc.within)}`),
      ),
      toc,
      main,
      h('footer', { class: 'doc', lang: en }, w.made(doc.asOf)),
    ),
  });
};
