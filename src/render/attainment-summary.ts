// The attainment summary as a few lines of text, for `plan status` and other overviews.

import type { AttainmentSummary } from '../report/attainment/summary.js';
import type { TextFormatter } from './context.js';
import { paint } from './paint.js';
import { countsText } from './attainment-labels.js';
import { formatDay } from './i18n/format.js';
import { inertFormatter } from './inert-report.js';

const drawAttainmentSummaryAsText: TextFormatter<AttainmentSummary> = (s, ctx) => {
  const c = paint(ctx);
  const line = (x: { total: number; met: number; notMet: number; inProgress: number; noData: number }) => {
    const [met, notMet, inProgress, noData] = countsText(x, ctx.lang, '|').split('|');
    return `${c.green(met!)}, ${c.red(notMet!)}, ${c.yellow(inProgress!)}, ${c.gray(noData!)}`;
  };
  const head = ctx.lang === 'en' ? `Targets (${s.total}, as of ${s.asOf})` : `Chỉ tiêu (${s.total}, tính đến ngày ${formatDay(s.asOf, 'vi')})`;
  const out = [`${head}: ${line(s)}`];
  for (const d of s.decisions) out.push(`  ${d.decision}: ${line(d)}`);
  return out.join('\n') + '\n';
};

/** The terminal view; text from the files shown inert. */
export const attainmentSummaryAsText = inertFormatter(drawAttainmentSummaryAsText);
