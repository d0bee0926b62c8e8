// Data findings on stderr, from a measure just read or from the measure cache (which has them
// without loading the CSV machinery).

import type { AttainmentData, DatasetRead } from '../model/data.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { diagnosticAsText } from '../render/diagnostics.js';
import { stderrRender, type CommandEnv } from './context.js';

/** Data findings shown on stderr before the rest are summarised by count. */
const SHOWN_ISSUES = 20;

/** What a measure found about the data, apart from the figures (a Measured is one). */
export interface DataFindings {
  data: Pick<AttainmentData, 'reads' | 'issues' | 'issueCounts'>;
  /** Data files the run meant to read that could not be read. */
  unreadable: DatasetRead[];
  badRows: number;
  errors: Diagnostic[];
}

/** Data findings on stderr: the first ones in full, bad rows counted per file, the rest counted. */
export function writeDataFindings(env: CommandEnv, m: DataFindings, opts: { strict?: boolean; allIn?: string } = {}): void {
  const strict = opts.strict === true;
  const io = env.io;
  const ctx = stderrRender(env);
  for (const d of m.data.issues.slice(0, SHOWN_ISSUES)) io.stderr.write(diagnosticAsText(d, ctx));
  for (const r of m.data.reads) {
    if (r.rowsExcluded > 0) {
      const byCode = m.data.issueCounts.filter((c) => c.file === r.file && c.code.startsWith('ROW_')).map((c) => `${c.count} ${c.code}`);
      io.stderr.write(`plan: ${r.file}: ${r.rowsExcluded} bad row${r.rowsExcluded === 1 ? '' : 's'} ${strict ? '' : 'excluded '}(${byCode.join(', ')})\n`);
    }
  }
  if (m.data.issues.length > SHOWN_ISSUES) io.stderr.write(`plan: … ${m.data.issues.length - SHOWN_ISSUES} more findings (all of them in ${opts.allIn ?? 'plan attainment --format json'})\n`);
}

