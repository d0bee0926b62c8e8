// plan data inspect FILE: what the tool makes of a data file (format, encoding, delimiter, header,
// columns, sample values, bad rows, suggested aliases) before any figure is computed.

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { guessDataset, inspectFile } from '../../load/data/inspect-file.js';
import { unitLookup } from '../../load/data/load-data.js';
import { notDataMessage, printable, sniffFile } from '../../load/data/sniff.js';
import { INSPECT_FORMATS } from '../../render/data-inspect.js';
import { commandEnv, loadCheckedPlans, notFound, type CommonOptions } from '../context.js';
import { checkEncoding, delimiterOption, whole } from '../data-files.js';
import { UsageError, type Io } from '../io.js';

export interface InspectOptions extends CommonOptions {
  dataset?: string;
  sheet?: string;
  delimiter?: string;
  headerRow?: string;
  encoding?: string;
}

export async function run(fileArg: string, opts: InspectOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  await checkEncoding(opts.encoding);
  const delimiter = delimiterOption(opts.delimiter);
  const headerRow = opts.headerRow !== undefined ? whole(opts.headerRow, '--header-row', 1, 1_000_000) : undefined;
  // FILE.xlsx#Sheet names a sheet, unless a file is called so.
  let file = fileArg;
  let sheet = opts.sheet;
  const hash = fileArg.lastIndexOf('#');
  if (!existsSync(resolve(io.cwd, fileArg)) && hash > 0) {
    file = fileArg.slice(0, hash);
    sheet = fileArg.slice(hash + 1);
  }
  const path = resolve(io.cwd, file);
  if (!existsSync(path)) throw new UsageError(`data file not found: ${printable(file)}`);
  if (!statSync(path).isFile()) throw new UsageError(`${printable(file)} is a directory, not a data file`);
  const kind = notDataMessage(sniffFile(path));
  if (kind) throw new UsageError(`${printable(file)} ${kind.message}; ${kind.hint}`);
  const plans = await loadCheckedPlans(env);
  const read = { ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}), ...(delimiter !== undefined ? { delimiter } : {}), ...(sheet !== undefined ? { sheet } : {}), ...(headerRow !== undefined ? { headerRow } : {}) };
  let ds = plans.datasets.find((d) => d.id === opts.dataset);
  if (opts.dataset !== undefined && !ds) throw notFound(`--dataset: no dataset "${opts.dataset}"`, opts.dataset, plans.datasets.map((d) => d.id));
  ds ??= await guessDataset(plans.datasets, path, file, read);
  const report = await inspectFile(ds, path, file, unitLookup(plans), read);
  if (report.findings.some((f) => f.code === 'DATA_NOT_DATA' || f.code === 'DATA_SHEET_UNKNOWN')) {
    const f = report.findings.find((x) => x.code === 'DATA_NOT_DATA' || x.code === 'DATA_SHEET_UNKNOWN')!;
    throw new UsageError(`${f.message}${f.hint ? `; ${f.hint}` : ''}`);
  }
  io.stdout.write(await INSPECT_FORMATS[(opts.format ?? 'table') as keyof typeof INSPECT_FORMATS](report, env.render));
  return report.failed ? 1 : 0;
}
