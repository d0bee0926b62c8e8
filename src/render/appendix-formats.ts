// The formats of `plan render`: a decision's appendix tables (text, Markdown, CSV, JSON in
// appendix.ts; the HTML page in appendix-html.ts).

import type { AppendixReport } from '../report/appendix-tables.js';
import { appendixAsCsv, appendixAsJson, appendixAsMarkdown, appendixAsTable } from './appendix.js';
import { appendixAsHtml } from './appendix-html.js';
import type { Formatter } from './context.js';
import type { AppendixFormat } from './formats.js';
import { appendixDocx, appendixXlsx } from './office-formats.js';

export const APPENDIX_FORMATS: Record<AppendixFormat, Formatter<AppendixReport>> = { table: appendixAsTable, md: appendixAsMarkdown, html: appendixAsHtml, csv: appendixAsCsv, json: appendixAsJson, docx: appendixDocx, xlsx: appendixXlsx };
