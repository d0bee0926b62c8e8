// Appendix tables as semantic HTML: <caption>, <thead>, one <tbody> per group headed by its group
// row, the total in <tfoot>; a merged period cell spans both period columns as in the document.

import type { AppendixReport, AppendixTable, ItemRow, TableField } from '../report/appendix-tables.js';
import { asOfLine, columnHeaders, countLine, rowStateLabel, tableHeading } from './appendix-labels.js';
import { noTables, totalCells } from './appendix.js';
import type { RenderContext, TextFormatter } from './context.js';
import { anchorId, fragment, h, type Html } from './html/html.js';
import { htmlPage } from './html/page.js';
import { formatDay } from './i18n/format.js';

function cellClass(field: TableField): string {
  return field;
}

/**
 * A row whose first cell heads it (group, total): the heading cell spans the empty cells after it,
 * and each later run of empty cells is one cell, so the row reads as the document's merged row.
 */
function mergedRow(cls: string, table: AppendixTable, cells: string[], head: (text: string, span: number) => Html, headAt: number): Html {
  const out: Html[] = [];
  let i = 0;
  while (i < cells.length) {
    const field = table.columns[i]!.field;
    if (i === headAt) {
      let span = 1;
      while (i + span < cells.length && cells[i + span] === '') span++;
      out.push(head(cells[i]!, span));
      i += span;
    } else if (cells[i] === '' && i > headAt) {
      let span = 1;
      while (i + span < cells.length && cells[i + span] === '') span++;
      out.push(h('td', { colspan: span > 1 ? span : null }));
      i += span;
    } else {
      out.push(h('td', { class: cellClass(field) }, cells[i]!));
      i++;
    }
  }
  return h('tr', { class: cls }, out);
}

function itemRow(table: AppendixTable, row: ItemRow, ctx: RenderContext): Html {
  const cols = table.columns;
  const out: Html[] = [];
  for (let i = 0; i < cols.length; i++) {
    const field = cols[i]!.field;
    if (field === 'state') {
      out.push(row.state ? h('td', { class: `state state-${row.state.state}` }, rowStateLabel(row.state, ctx)) : h('td', { class: 'state' }));
      continue;
    }
    // The document's merged "Sau khi …" cell covers both period columns.
    if (field === 'start' && row.mergedPeriod && cols[i + 1]?.field === 'due') {
      out.push(h('td', { class: 'period merged', colspan: 2 }, row.cells.start ?? ''));
      i++;
      continue;
    }
    out.push(h('td', { class: cellClass(field) }, row.cells[field] ?? ''));
  }
  return h('tr', { class: row.kind, 'data-id': row.id }, out);
}

/** One appendix (or body-section) table; `id` names its section (unique within the page). */
export function appendixTableHtml(table: AppendixTable, ctx: RenderContext, id = `appendix-${table.id}`): Html {
  const heading = tableHeading(table, ctx);
  const headers = columnHeaders(table, ctx);
  const contentAt = Math.max(0, table.columns.findIndex((c) => c.field === 'content'));
  const groupCells = (cells: Partial<Record<TableField, string>>) => table.columns.map((c) => cells[c.field] ?? '');

  const bodies = table.groups.map((g) =>
    h(
      'tbody',
      null,
      mergedRow('group', table, groupCells(g.row.cells), (text, span) => h('th', { scope: 'rowgroup', colspan: span > 1 ? span : null, class: 'content' }, text), contentAt),
      g.rows.map((r) => itemRow(table, r, ctx)),
    ),
  );
  // "TỔNG SỐ" spans the number and content columns, as in the document.
  const totalRow = () => {
    const cells = totalCells(table, ctx);
    const row = cells.map((c, i) => (i <= contentAt ? '' : c));
    row[0] = cells[contentAt]!;
    return mergedRow('total', table, row, (text, span) => h('th', { scope: 'row', colspan: span > 1 ? span : null }, text), 0);
  };
  const total = table.total.shown ? h('tfoot', null, totalRow()) : null;

  return h(
    'section',
    { class: 'appendix', id },
    h(
      'table',
      { class: 'plan', 'data-appendix': table.id },
      h(
        'caption',
        null,
        heading.label ? h('span', { class: 'label' }, heading.label) : null,
        heading.title ? h('span', { class: 'title' }, heading.title) : null,
        heading.note ? h('span', { class: 'note' }, heading.note) : null,
        heading.generic ? h('span', { class: 'generic' }, heading.generic) : null,
      ),
      // Headers are English with --lang en; the content stays Vietnamese, and the page says so.
      h('thead', { lang: ctx.lang === 'en' ? 'en' : null }, h('tr', null, table.columns.map((c, i) => h('th', { scope: 'col', class: cellClass(c.field) }, headers[i]!)))),
      bodies,
      total,
    ),
    h('p', { class: 'count', lang: ctx.lang === 'en' ? 'en' : null }, countLine(table, ctx)),
  );
}

/**
 * The tables of a report, for embedding in a larger page (plan report): `idPrefix` keeps the ids of
 * several decisions' tables apart (`<prefix>-<table id>`).
 */
export function appendixReportHtml(r: AppendixReport, ctx: RenderContext, opts: { idPrefix?: string } = {}): Html {
  const id = (t: AppendixTable) => (opts.idPrefix ? anchorId(opts.idPrefix, t.id) : `appendix-${t.id}`);
  return fragment(
    r.withStatus && r.asOf ? h('p', { class: 'as-of' }, asOfLine(r.asOf, ctx)) : null,
    r.tables.length === 0 ? h('p', null, noTables(r, ctx)) : r.tables.map((t) => appendixTableHtml(t, ctx, id(t))),
  );
}

export const appendixAsHtml: TextFormatter<AppendixReport> = (r, ctx) =>
  htmlPage({
    title: `${r.decision.number}: ${r.decision.title}`,
    // The content is Vietnamese whatever the language of the headers.
    lang: 'vi',
    body: fragment(
      h('header', { class: 'doc' }, h('h1', null, r.decision.number), h('p', null, r.decision.title), h('p', null, `${r.decision.issuer}, ${formatDay(r.decision.signed, ctx.lang)}`)),
      h('main', null, appendixReportHtml(r, ctx)),
    ),
  });
