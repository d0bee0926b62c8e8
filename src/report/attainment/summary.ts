// A small summary of an attainment report (for `plan status` and `plan report`): targets met, not
// met, in progress, without data; the targets not met with what meeting them takes; unread files.

import type { Comparator } from '../../model/decision.js';
import { countJson } from './arithmetic.js';
import type { AttainmentReport } from './attainment.js';

export interface StatusCounts {
  total: number;
  met: number;
  notMet: number;
  inProgress: number;
  noData: number;
}

/** A target whose period is over and that is not met, and its gap. */
export interface UnmetTarget {
  decision: string;
  id: string;
  text: string;
  subject: string | null;
  period: string | null;
  comparator: Comparator | null;
  threshold: number | null;
  value: number | null;
  /** People (or amount) still needed, as a JSON count: a number while exact, else a decimal string; null: unreachable. */
  needed: number | string | null;
}

export interface AttainmentSummary extends StatusCounts {
  asOf: string;
  /** The year yearly targets were evaluated for; null: the year of asOf. */
  year: number | null;
  /** Per decision, in report order. */
  decisions: ({ decision: string } & StatusCounts)[];
  /** Targets not met, in report order. */
  unmet: UnmetTarget[];
  /** Data files that could not be read, and why: their targets have no data. */
  unread: { dataset: string; file: string; reason: string }[];
  /** Data files the figures were measured on, and whether each is the bundled synthetic sample. */
  sources?: { dataset: string; file: string; synthetic: boolean }[];
}

export function countStatuses(ts: readonly Pick<AttainmentReport['targets'][number], 'status'>[]): StatusCounts {
  return {
    total: ts.length,
    met: ts.filter((t) => t.status === 'met').length,
    notMet: ts.filter((t) => t.status === 'not-met').length,
    inProgress: ts.filter((t) => t.status === 'in-progress').length,
    noData: ts.filter((t) => t.status === 'no-data').length,
  };
}

export function summariseAttainment(report: AttainmentReport): AttainmentSummary {
  const names = [...new Set(report.targets.map((t) => t.decision))];
  return {
    asOf: report.asOf,
    year: report.year,
    ...countStatuses(report.targets),
    decisions: names.map((decision) => ({ decision, ...countStatuses(report.targets.filter((t) => t.decision === decision)) })),
    unmet: report.targets
      .filter((t) => t.status === 'not-met')
      .map((t) => ({
        decision: t.decision,
        id: t.id,
        text: t.text,
        subject: t.subject,
        period: t.period,
        comparator: t.comparator,
        threshold: t.threshold,
        value: t.value,
        needed: countJson(t.needed),
      })),
    unread: report.data.reads.filter((r) => r.failed !== null).map((r) => ({ dataset: r.dataset, file: r.file, reason: r.failed! })),
    sources: report.data.reads.filter((r) => r.failed === null).map((r) => ({ dataset: r.dataset, file: r.file, synthetic: r.synthetic === true })),
  };
}
