// plan status: per decision, counts by state, overdue and due-soon items, waiting and stale tasks,
// reporting duties; and a summary of target attainment when there is data to measure.

import { buildStatusReport } from '../../report/status.js';
import { STATUS_FORMATS, statusAsFullText } from '../../render/status.js';
import { commandEnv, formatter, loadCheckedPlans, withinDays, type CommonOptions } from '../context.js';
import { checkEncoding, dataCandidates, dataOptions, dataPresent, type DataOptions } from '../data-files.js';
import { noteDataFiles } from '../replay.js';
import { selection, type FilterOptions } from '../filters.js';
import type { Io } from '../io.js';
import { checkOutput, writeOutput } from '../output.js';
import { issued } from '../issued.js';

export interface StatusOptions extends CommonOptions, FilterOptions, DataOptions {
  within?: string;
  /** false with --no-attainment. */
  attainment?: boolean;
  /** --full: the whole list in the terminal view instead of the summary that fits a screen. */
  full?: boolean;
}

export async function run(opts: StatusOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  // A Word or Excel file bound for a terminal is refused before any work.
  checkOutput(io, opts.format, opts.out, `plan status --format ${opts.format ?? ''}`);
  const within = withinDays(opts.within);
  const all = await loadCheckedPlans(env);
  // --decision is looked up among every decision, so one not yet issued is named as such, not unknown.
  const sel = selection(all, opts);
  const { plans, notYetIssued } = issued(env, all);
  const report = buildStatusReport(plans, env.asOf, sel, {
    within,
    filter: { decision: opts.decision ?? null, unit: opts.unit ?? null, leader: opts.leader ?? null },
  });
  // Of the decisions asked for: --decision 88 says nothing of another decision not yet issued.
  const unissued = notYetIssued.filter((d) => !sel.decisions || sel.decisions.has(d.key));
  if (unissued.length > 0) report.notYetIssued = unissued.map((d) => ({ decision: d.number, title: d.meta.title, signed: d.meta.signed }));
  await checkEncoding(opts.encoding);
  const data = dataOptions(opts);
  // Whatever data is there or not decides the summary: every file status could read keys a replay.
  noteDataFiles(dataCandidates(plans, data, io.cwd));
  if (opts.attainment !== false && dataPresent(plans, data, io.cwd)) {
    // The CSV parser and decoders load only when there is data to measure, and not at all when the
    // same measure is in the cache.
    const [{ measuredOnce }, { writeDataFindings }] = await Promise.all([import('../measure-cache.js'), import('../data-findings.js')]);
    // Targets are the organisation's: --decision narrows them, --unit and --leader do not.
    const { found, value } = await measuredOnce('status', plans, env, { ...data, select: (d) => !sel.decisions || sel.decisions.has(d.key), missingGiven: 'no-data' }, opts, async (m) => {
      const [{ measure }, { summariseAttainment }] = await Promise.all([import('../attainment-data.js'), import('../../report/attainment/summary.js')]);
      return summariseAttainment(measure(plans, m, {}));
    });
    writeDataFindings(env, found);
    report.attainment = value;
  }
  // --full picks the whole list for the terminal view; the other formats always hold everything.
  const format = formatter(STATUS_FORMATS, opts.format);
  await writeOutput(io, await (opts.full && format === STATUS_FORMATS.table ? statusAsFullText : format)(report, env.render), opts.out);
  return 0;
}
