// Which data file each dataset is read from: flags first (--staff, --trainings, --data NAME=FILE),
// then the dataset definition's default. Light (file system checks only), so a command can ask
// whether there is data at all before it loads the CSV machinery.

import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { DataFile } from '../load/data/load-data.js';
import { notDataMessage, printable, sniffFile } from '../load/data/sniff.js';
import type { DatasetRead } from '../model/data.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { PlanSet } from '../model/plan-set.js';
import { notFound } from './context.js';
import { UsageError } from './io.js';

/** The data flags: --staff, --trainings, --data NAME=FILE (repeatable), --encoding, --sheet, --delimiter, --header-row. */
export interface DataOptions {
  staff?: string;
  trainings?: string;
  data?: string[];
  encoding?: string;
  sheet?: string;
  delimiter?: string;
  headerRow?: string;
}

const DELIMITER_WORDS: Record<string, string> = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\t': '\t', '\\t': '\t', '|': '|', pipe: '|' };

/** --delimiter as the character it names; a usage error for anything else. */
export function delimiterOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = DELIMITER_WORDS[value.toLowerCase()];
  if (d === undefined) throw new UsageError(`--delimiter takes , ; tab or | (or comma, semicolon, pipe); got "${printable(value)}"`);
  return d;
}

/** --encoding as given, or a usage error for one no decoder knows (the decoders load only when it is given). */
export async function checkEncoding(value: string | undefined): Promise<void> {
  if (value === undefined) return;
  const { encodingKnown } = await import('../load/data/text-stream.js');
  if (!(await encodingKnown(value))) throw new UsageError(`--encoding: unknown encoding "${printable(value)}" (for example utf-8, windows-1258)`);
}

/** Just the data flags of a command's options (undefined ones left out). */
export function dataOptions(opts: DataOptions): DataOptions {
  const out: DataOptions = {};
  if (opts.staff !== undefined) out.staff = opts.staff;
  if (opts.trainings !== undefined) out.trainings = opts.trainings;
  if (opts.data !== undefined) out.data = opts.data;
  if (opts.encoding !== undefined) out.encoding = opts.encoding;
  if (opts.sheet !== undefined) out.sheet = opts.sheet;
  if (opts.delimiter !== undefined) out.delimiter = opts.delimiter;
  if (opts.headerRow !== undefined) out.headerRow = opts.headerRow;
  return out;
}

/**
 * What a data file named on the command line that does not exist means: a usage error (`plan
 * attainment`, whose job is the data), or a dataset without data (`plan status`, `plan report`,
 * which have everything else to show).
 */
export type MissingGiven = 'usage-error' | 'no-data';

export function whole(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(`${flag} takes a whole number from ${min} to ${max}; got "${value}"`);
  return Number(value);
}

function shown(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel.startsWith('..') && isAbsolute(abs) && rel.split('/').filter((s) => s === '..').length > 3 ? abs : rel || abs;
}

/** What is at a path: a regular file, nothing, or something else named as what it is. */
function kindOf(path: string): 'file' | 'missing' | 'a directory' | 'a named pipe (FIFO)' | 'a device' | 'a socket' | 'not a regular file' {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 'missing';
  }
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The file each dataset was given on the command line (usage errors for unknown names). */
export function givenFiles(plans: PlanSet, opts: DataOptions): Map<string, string> {
  const given = new Map<string, string>();
  const people = plans.datasets.filter((d) => d.kind === 'people');
  const staff = plans.datasets.find((d) => d.id === 'staff') ?? (people.length === 1 ? people[0] : undefined);
  if (opts.staff !== undefined) {
    if (!staff) throw new UsageError('--staff: no people dataset named "staff" is defined in the plans');
    given.set(staff.id, opts.staff);
  }
  if (opts.trainings !== undefined) {
    const ev = plans.datasets.find((d) => d.kind === 'events' && (d.id === 'trainings' || d.of === staff?.id));
    if (!ev) throw new UsageError('--trainings: no events dataset of the staff is defined in the plans');
    given.set(ev.id, opts.trainings);
  }
  for (const spec of opts.data ?? []) {
    const m = /^([^=]+)=(.+)$/.exec(spec);
    if (!m) throw new UsageError(`--data takes NAME=FILE, such as --data coverage=stats/coverage.csv; got "${spec}"`);
    const name = m[1]!.trim();
    if (!plans.datasets.some((d) => d.id === name)) throw notFound(`--data: no dataset "${name}"`, name, plans.datasets.map((d) => d.id));
    given.set(name, m[2]!);
  }
  return given;
}

/** Whether any data is there to measure: a file given, or a dataset's default file present. */
export function dataPresent(plans: PlanSet, opts: DataOptions, cwd: string): boolean {
  if (givenFiles(plans, opts).size > 0) return true;
  return plans.datasets.some((ds) => kindOf(resolve(cwd, ds.defaultFile)) === 'file');
}

/** Every data file a command could read: each dataset's default and every file given (absolute paths). */
export function dataCandidates(plans: PlanSet, opts: DataOptions, cwd: string): string[] {
  let given: Map<string, string>;
  try {
    given = givenFiles(plans, opts);
  } catch {
    given = new Map();
  }
  // FILE.xlsx#Sheet: both the file and a file called so (dataFiles decides which is read).
  const specs = [...given.values()].flatMap((f) => (f.lastIndexOf('#') > 0 ? [f, f.slice(0, f.lastIndexOf('#'))] : [f]));
  return [...plans.datasets.map((ds) => resolve(cwd, ds.defaultFile)), ...specs.map((f) => resolve(cwd, f))];
}

/** Which file each needed dataset is read from: flags first, then the definition's default. */
export function dataFiles(plans: PlanSet, needed: Set<string>, opts: DataOptions, cwd: string, missingGiven: MissingGiven): { files: Map<string, DataFile>; missing: DatasetRead[]; notes: Diagnostic[] } {
  const given = givenFiles(plans, opts);
  const files = new Map<string, DataFile>();
  const missing: DatasetRead[] = [];
  const notes: Diagnostic[] = [];
  for (const ds of plans.datasets) {
    if (!needed.has(ds.id)) continue;
    const spec = given.get(ds.id);
    // FILE.xlsx#Sheet names a sheet, unless a file is called so.
    const hash = spec !== undefined && kindOf(resolve(cwd, spec)) !== 'file' ? spec.lastIndexOf('#') : -1;
    const flag = hash > 0 ? spec!.slice(0, hash) : spec;
    const sheet = hash > 0 ? spec!.slice(hash + 1) : opts.sheet;
    const path = resolve(cwd, flag ?? ds.defaultFile);
    const display = shown(cwd, path);
    const kind = kindOf(path);
    if (kind !== 'file') {
      // A pipe or a device would block or never end; only a regular file is read as data.
      const what = kind === 'missing' ? 'does not exist' : `is ${kind === 'not a regular file' ? '' : `${kind}, `}not a regular file`;
      if (flag !== undefined && missingGiven === 'usage-error') {
        throw new UsageError(kind === 'missing' ? `data file not found: ${flag} (dataset ${ds.id})` : `${flag} ${what} (dataset ${ds.id})`);
      }
      const hint = ds.id === 'staff' ? 'give --staff FILE' : ds.kind === 'events' ? 'give --trainings FILE' : `give --data ${ds.id}=FILE`;
      if (flag !== undefined) {
        // Named but not there: the dataset has no data, and that is an error of the data, not of the run.
        missing.push({ dataset: ds.id, file: display, given: true, encoding: null, rowsRead: 0, rowsKept: 0, rowsExcluded: 0, failed: `the file ${display} ${what}` });
        notes.push({ code: 'DATA_FILE_MISSING', severity: 'error', message: `no file for dataset ${ds.id}: ${display} ${what}`, file: display, line: 0, column: 0, hint: `check the path given to ${hint.replace(/^give /, '').replace(/ .*$/, '')}` });
        continue;
      }
      // A default that is not there: its targets have no data; not an error of the run.
      missing.push({ dataset: ds.id, file: display, given: false, encoding: null, rowsRead: 0, rowsKept: 0, rowsExcluded: 0, failed: `the default file ${display} ${what}` });
      notes.push({ code: 'DATA_FILE_MISSING', severity: 'warning', message: `no file for dataset ${ds.id}: the default ${display} ${what}`, file: display, line: 0, column: 0, hint });
      continue;
    }
    // A Parquet file is binary by nature: the DuckDB engine reads it (and says so if it cannot).
    if (flag !== undefined && !/\.parquet$/i.test(path)) {
      // A file named on the command line that is no data (a PDF, a Word file, a zip) is a usage error: one message, what it is, what to do.
      let what;
      try {
        what = notDataMessage(sniffFile(path));
      } catch {
        what = undefined;
      }
      if (what) throw new UsageError(`${printable(display)} ${what.message} (dataset ${ds.id}); ${what.hint}`);
    }
    const file: DataFile = { path, display, given: flag !== undefined };
    if (sheet !== undefined && sheet !== '') file.sheet = sheet;
    if (flag === undefined && ds.synthetic) file.synthetic = true;
    files.set(ds.id, file);
  }
  return { files, missing, notes };
}
