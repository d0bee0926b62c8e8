// A self-contained HTML page: UTF-8, a language, inline CSS for screen and A4-landscape print,
// a Content-Security-Policy that forbids scripts and every external resource.

import { escapeHtml, renderHtml, type Child } from './html.js';

/** Styles for tables of tasks, group and total rows, states, charts; shared by every page. */
export const BASE_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --rule: #c8ced6; --group: #eef2f6; --total: #e3e8ee; }
* { box-sizing: border-box; }
body { margin: 24px; color: var(--ink); background: #fff; font: 14px/1.45 "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
header.doc { margin-bottom: 16px; }
header.doc h1 { font-size: 20px; margin: 0 0 4px; }
header.doc p { margin: 0; color: var(--muted); }
section.appendix { margin: 0 0 32px; }
table.plan { border-collapse: collapse; width: 100%; table-layout: auto; }
table.plan caption { caption-side: top; text-align: center; padding: 0 0 10px; }
table.plan caption .label { display: block; font-weight: 700; font-size: 15px; letter-spacing: .02em; }
table.plan caption .title { display: block; font-weight: 700; font-size: 15px; }
table.plan caption .note { display: block; font-style: italic; color: var(--muted); }
table.plan caption .generic { display: block; color: var(--muted); font-size: 12px; margin-top: 4px; }
table.plan th, table.plan td { border: 1px solid var(--rule); padding: 4px 6px; vertical-align: top; text-align: left; white-space: pre-line; overflow-wrap: anywhere; }
table.plan thead th { background: #f6f8fa; text-align: center; vertical-align: middle; font-weight: 700; }
table.plan td.no, table.plan th.no { text-align: center; white-space: nowrap; width: 3.5em; }
table.plan td.count, table.plan th.count { text-align: center; width: 6.5em; }
table.plan td.content { min-width: 18em; }
table.plan th.start, table.plan th.due { width: 7.5em; }
table.plan th.when { width: 9em; }
table.plan th.lead, table.plan th.support { width: 12em; }
table.plan th.leader { width: 10em; }
table.plan th.mode { width: 13em; }
table.plan th.product { width: 22%; }
table.plan th.state { width: 9em; }
table.plan tr.group > * { background: var(--group); font-weight: 700; }
table.plan tr.total > * { background: var(--total); font-weight: 700; }

.state-overdue { color: #b42318; font-weight: 700; }
.state-due-soon { color: #9a6700; font-weight: 700; }
.state-done { color: #1a7f37; }
.state-waiting { color: #8250df; }
.state-cancelled { color: #6e7781; text-decoration: line-through; }
.state-not-started-yet { color: #0969da; }
figure.chart { margin: 16px 0; }
figure.chart figcaption { font-weight: 700; margin-bottom: 6px; }
svg.chart { max-width: 100%; height: auto; font: 12px "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
footer.doc { margin-top: 24px; color: var(--muted); font-size: 12px; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 10pt; }
  section.appendix { break-before: page; }
  section.appendix:first-of-type { break-before: auto; }
  table.plan thead { display: table-header-group; }
  table.plan tfoot { display: table-row-group; }
  table.plan tr { break-inside: avoid; }
  table.plan tr.group { break-after: avoid; }
  figure.chart { break-inside: avoid; }
  .no-print { display: none; }
}
`;

// Nothing may be fetched or run: the page is a document, safe to open from any mail or artefact.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface PageOptions {
  title: string;
  lang: 'vi' | 'en';
  body: Child;
  /** More CSS, from this code base only. */
  css?: string;
}

/** A complete HTML document. The title is escaped; the CSS is this code base's own. */
export function htmlPage(opts: PageOptions): string {
  const css = BASE_CSS + (opts.css ?? '');
  if (/<\/style/i.test(css)) throw new Error('stylesheet must not close its element');
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${escapeHtml(opts.lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(opts.title)}</title>\n<style>${css}</style>\n</head>\n<body>\n` +
    renderHtml(opts.body) +
    '\n</body>\n</html>\n'
  );
}
