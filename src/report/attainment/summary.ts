// A small summary of an attainment report (for `plan status` and the like): targets met, not met,
// in progress, without data.

import type { AttainmentReport } from './attainment.js';

export interface AttainmentSummary {
  asOf: string;
  total: number;
  met: number;
  notMet: number;
  inProgress: number;
  noData: number;
  /** Per decision, in report order. */
  decisions: { decision: string; total: number; met: number; notMet: number; inProgress: number; noData: number }[];
}

export function summariseAttainment(report: AttainmentReport): AttainmentSummary {
  const count = (ts: AttainmentReport['targets']) => ({
    total: ts.length,
    met: ts.filter((t) => t.status === 'met').length,
    notMet: ts.filter((t) => t.status === 'not-met').length,
    inProgress: ts.filter((t) => t.status === 'in-progress').length,
    noData: ts.filter((t) => t.status === 'no-data').length,
  });
  const names = [...new Set(report.targets.map((t) => t.decision))];
  return {
    asOf: report.asOf,
    ...count(report.targets),
    decisions: names.map((decision) => ({ decision, ...count(report.targets.filter((t) => t.decision === decision)) })),
  };
}
