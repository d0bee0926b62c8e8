// The document of a reporting round (`plan report`): composed of the pure reports as they are —
// status (with the target summary), the overdue and due-soon list, target attainment, and each
// decision's tables with a state column. Nothing here derives a state or a figure of its own, so
// every format shows exactly what `plan status`, `plan overdue`, `plan attainment` and
// `plan render --with-status` show for the same day.

import type { PlanSet } from '../model/plan-set.js';
import { buildAppendixReport, type AppendixReport } from './appendix-tables.js';
import type { AttainmentReport } from './attainment/attainment.js';
import { summariseAttainment } from './attainment/summary.js';
import { buildOverdueReport, type OverdueReport } from './overdue.js';
import type { Selection } from './select.js';
import { buildStatusReport, type StatusReport } from './status.js';

export interface ReportDocument {
  asOf: string;
  /** Days ahead that count as due soon. */
  within: number;
  /** The decision the report is narrowed to (--decision), or null for every decision. */
  decision: { number: string; key: string; title: string } | null;
  /** Per decision: counts by state, duties; `attainment` holds the target summary. */
  status: StatusReport;
  /** Overdue and due-soon items (tasks, recurring-task and reporting-duty instances), most late first. */
  overdue: OverdueReport;
  /** Every selected target against the data, with breakdowns when asked for. */
  attainment: AttainmentReport;
  /** Each selected decision's tables (its appendices, or its body sections) with each task's state. */
  appendices: AppendixReport[];
}

export interface ReportOptions {
  asOf: string;
  within: number;
  /** Only `decisions` is used: a report covers whole decisions. */
  sel: Pick<Selection, 'decisions'>;
  /** Measured by the caller (measuring reads data). */
  attainment: AttainmentReport;
}

export function buildReportDocument(plans: PlanSet, opts: ReportOptions): ReportDocument {
  const { asOf, within } = opts;
  const sel: Selection = opts.sel.decisions ? { decisions: opts.sel.decisions } : {};
  const chosen = plans.decisions.filter((d) => !sel.decisions || sel.decisions.has(d.key));
  const only = sel.decisions && chosen.length === 1 ? chosen[0]! : null;
  const status: StatusReport = {
    ...buildStatusReport(plans, asOf, sel, { within, filter: { decision: only?.number ?? null } }),
    attainment: summariseAttainment(opts.attainment),
  };
  const appendices = chosen.flatMap((d) => {
    const built = buildAppendixReport(plans, d, { asOf, within });
    return built.ok ? [built.report] : [];
  });
  return {
    asOf,
    within,
    decision: only ? { number: only.number, key: only.key, title: only.meta.title } : null,
    status,
    overdue: buildOverdueReport(plans, asOf, sel, within),
    attainment: opts.attainment,
    appendices,
  };
}
