// The formats of `plan report`: one document, in Markdown (report-md.ts), HTML (report-html.ts) or
// Word (docx/report-docx.ts, loaded only when asked for).

import type { ReportDocument } from '../report/report.js';
import type { Formatter } from './context.js';
import type { ReportFormat } from './formats.js';
import { reportDocx } from './office-formats.js';
import { reportAsHtml } from './report-html.js';
import { reportAsMarkdown } from './report-md.js';

export const REPORT_FORMATS: Record<ReportFormat, Formatter<ReportDocument>> = { md: reportAsMarkdown, html: reportAsHtml, docx: reportDocx };
