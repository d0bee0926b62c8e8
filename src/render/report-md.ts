// `plan report --format md`: the document of a reporting round as GitHub-flavoured Markdown. Every
// word from the plan files or the data is escaped (no HTML, links, emphasis or table breaks).

import type { ReportDocument } from '../report/report.js';
import { appendixTablesMarkdown, mdCellText } from './appendix.js';
import type { RenderContext, TextFormatter } from './context.js';
import { mdText } from './markdown.js';
import { reportWords } from './report-labels.js';
import { attainmentLead, breakdownTable, brokenDown, dataTable, dutiesTable, itemsTable, suppressionText, suppressionTotal, summaryTable, targetsTable, type TableView } from './report-view.js';

function table(t: TableView): string {
  const head = `| ${t.columns.map((c) => mdCellText(c.header)).join(' | ')} |`;
  const rule = `|${t.columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = t.rows.map((r) => `| ${r.cells.map((c) => (r.kind === 'total' && c.text !== '' ? `**${mdCellText(c.text)}**` : mdCellText(c.text))).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** The sections in order; the number of each is its place. */
function sections(doc: ReportDocument, ctx: RenderContext): string[][] {
  const w = reportWords(ctx.lang);
  const overdue = doc.overdue.items.filter((i) => i.state === 'overdue');
  const dueSoon = doc.overdue.items.filter((i) => i.state !== 'overdue');
  const duties = dutiesTable(doc, ctx);
  const a = doc.attainment;

  const summary = [w.sections.summary, '', table(summaryTable(doc, ctx)), '', `_${mdText(w.counts(doc.status.attainment!))}._`];
  const over = [`${w.sections.overdue} (${overdue.length})`, '', overdue.length > 0 ? table(itemsTable('overdue', overdue, ctx)) : mdText(w.nothingOverdue)];
  const soon = [`${w.sections.dueSoon(doc.within)} (${dueSoon.length})`, '', dueSoon.length > 0 ? table(itemsTable('due-soon', dueSoon, ctx)) : mdText(w.nothingDueSoon)];
  const dutyPart = [`${w.sections.duties} (${duties.rows.length})`, '', duties.rows.length > 0 ? table(duties) : mdText(w.noDuties)];

  const lead = attainmentLead(doc, ctx);
  const att = [w.sections.attainment, ''];
  if (a.data.reads.length > 0) att.push(table(dataTable(a, ctx)), '');
  if (lead.synthetic) att.push(`**${mdText(lead.synthetic)}**`, '');
  if (lead.noData) att.push(`**${mdText(lead.noData)}**`, '');
  for (const u of lead.unread) att.push(`_${mdText(u)}_`, '');
  if (a.targets.length === 0) att.push(mdText(w.noTargets));
  else att.push(`_${mdText(lead.counts)}._`, '', table(targetsTable(a, ctx)));
  const total = suppressionTotal(a, ctx);
  if (total) att.push('', mdText(total));
  for (const t of brokenDown(a)) {
    att.push('', `#### ${mdText(w.breakdownTitle(`${t.decision} ${t.id}`, t.breakdown!.by))}`, '', table(breakdownTable(t, ctx)));
    const note = suppressionText(t, ctx);
    if (note) att.push('', `_${mdText(note)}_`);
  }

  const app = [w.sections.appendices];
  for (const r of doc.appendices) app.push('', `### ${mdText(r.decision.number)}: ${mdText(r.decision.title)}`, appendixTablesMarkdown(r, ctx, 4).trimEnd());
  return [summary, over, soon, dutyPart, att, app];
}

export const reportAsMarkdown: TextFormatter<ReportDocument> = (doc, ctx) => {
  const w = reportWords(ctx.lang);
  const out = [`# ${mdText(w.title)}`, ''];
  if (doc.decision) out.push(`**${mdText(doc.decision.number)}**: ${mdText(doc.decision.title)}`, '');
  out.push(`_${mdText(`${w.asOf(doc.asOf)} · ${w.window(doc.within)}`)}_`);
  sections(doc, ctx).forEach(([heading, ...body], i) => out.push('', `## ${i + 1}. ${mdText(heading!)}`, ...body));
  out.push('', '---', '', `_${mdText(w.made(doc.asOf))}_`);
  return out.join('\n') + '\n';
};
