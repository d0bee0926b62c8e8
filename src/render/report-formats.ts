// The formats of `plan report`: one document, in Markdown (report-md.ts) or HTML (report-html.ts).

import type { ReportDocument } from '../report/report.js';
import type { Formatter } from './context.js';
import type { ReportFormat } from './formats.js';
import { reportAsHtml } from './report-html.js';
import { reportAsMarkdown } from './report-md.js';

export const REPORT_FORMATS: Record<ReportFormat, Formatter<ReportDocument>> = { md: reportAsMarkdown, html: reportAsHtml };
