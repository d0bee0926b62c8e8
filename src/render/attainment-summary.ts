// The attainment summary as a few lines of text, for `plan status` and other overviews.

import type { AttainmentSummary } from '../report/attainment/summary.js';
import type { TextFormatter } from './context.js';
import { paint } from './paint.js';
import { inertFormatter } from './inert-report.js';

const drawAttainmentSummaryAsText: TextFormatter<AttainmentSummary> = (s, ctx) => {
  const c = paint(ctx);
  const line = (x: { total: number; met: number; notMet: number; inProgress: number; noData: number }) =>
    `${c.green(`${x.met} met`)}, ${c.red(`${x.notMet} not met`)}, ${c.yellow(`${x.inProgress} in progress`)}, ${c.gray(`${x.noData} no data`)}`;
  const out = [`Targets (${s.total}, as of ${s.asOf}): ${line(s)}`];
  for (const d of s.decisions) out.push(`  ${d.decision}: ${line(d)}`);
  return out.join('\n') + '\n';
};

/** The terminal view; text from the files shown inert. */
export const attainmentSummaryAsText = inertFormatter(drawAttainmentSummaryAsText);
