// Measuring targets for a command: reading the data files, the data findings on stderr, and the
// report. Shared by `plan attainment`, `plan status` and `plan report`; it brings the CSV parser and
// decoders, so `plan status` imports it only when there is data to measure.

import { setFlagsFromString } from 'node:v8';
import { loadData } from '../load/data/load-data.js';
import type { AttainmentData, DatasetRead } from '../model/data.js';
import type { Target } from '../model/decision.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { DecisionView, PlanSet } from '../model/plan-set.js';
import { computeAttainment, planAttainment, type AttainmentPlan, type AttainmentReport } from '../report/attainment/attainment.js';
import type { Breakdown } from '../report/attainment/breakdown.js';
import type { CommandEnv } from './context.js';
import { DEFAULT_MIN_CELL } from './defaults.js';
import { dataFiles, delimiterOption, whole, type DataOptions, type MissingGiven } from './data-files.js';
import { UsageError } from './io.js';

// Written from here too: a cached measure (measure-cache.ts) has the findings without this module.
export { writeDataFindings } from './data-findings.js';

export interface MeasureOptions extends DataOptions {
  year?: number;
  by?: Breakdown;
  minCell?: number;
  /** Which targets to measure (default all). */
  select?: (d: DecisionView, t: Target) => boolean;
  missingGiven: MissingGiven;
}

export interface Measured {
  plan: AttainmentPlan;
  data: AttainmentData;
  /** Data files the run meant to read that could not be read (a default that is absent is not one). */
  unreadable: DatasetRead[];
  badRows: number;
  errors: Diagnostic[];
}

/** Reads the data the selected targets need; findings are values (see `writeDataFindings`). */
export async function readTargetData(plans: PlanSet, env: CommandEnv, opts: MeasureOptions): Promise<Measured> {
  // Reading CSV makes millions of short-lived strings; a young generation larger than the default
  // collects them less often. 16 MB semispaces were as fast as 32 or 64 on the 1M-staff benchmark
  // (3.7–4.0 s each) with 60–100 MB less peak memory, the training file's thread running beside it.
  setFlagsFromString('--max-semi-space-size=16');
  const plan = planAttainment(plans, {
    asOf: env.asOf,
    ...(opts.year !== undefined ? { year: opts.year } : {}),
    ...(opts.select ? { select: opts.select } : {}),
  });
  const { files, missing, notes } = dataFiles(plans, plan.datasets, opts, env.io.cwd, opts.missingGiven);
  const delimiter = delimiterOption(opts.delimiter);
  const read = { ...(delimiter !== undefined ? { delimiter } : {}), ...(opts.headerRow !== undefined ? { headerRow: whole(opts.headerRow, '--header-row', 1, 1_000_000) } : {}) };
  const data = await loadData({ plans, files, filters: plan.filters, read, ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}) });
  // A file named on the command line that turns out to be no data (a damaged workbook): a usage error, one message.
  const notData = data.issues.find((d) => (d.code === 'DATA_NOT_DATA' || d.code === 'DATA_SHEET_UNKNOWN') && data.reads.some((r) => r.given && r.file === d.file));
  if (notData) throw new UsageError(`${notData.message}${notData.hint ? `; ${notData.hint}` : ''}`);
  data.reads.push(...missing);
  data.issues.unshift(...notes);
  const unreadable = data.reads.filter((r) => r.failed && (r.given || files.has(r.dataset)));
  const badRows = data.reads.reduce((a, r) => a + r.rowsExcluded, 0);
  return { plan, data, unreadable, badRows, errors: data.issues.filter((d) => d.severity === 'error') };
}

/** The attainment report over data already read. */
export function measure(plans: PlanSet, m: Measured, opts: Pick<MeasureOptions, 'by' | 'minCell'>): AttainmentReport {
  return computeAttainment(plans, m.plan, m.data, { ...(opts.by ? { by: opts.by } : {}), minCell: opts.minCell ?? DEFAULT_MIN_CELL });
}
