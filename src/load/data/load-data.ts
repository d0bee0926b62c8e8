// Reads the datasets a set of measures needs: people into columnar tables, their training records
// folded into one bit per `trained` filter (memory stays flat in the number of training rows), and
// aggregate figures with exact integers.

import { NO_DAY, type AttainmentData, type ColumnData, type DatasetRead, type EventsSummary, type PeopleTable, type Table, type TrainedFilter } from '../../model/data.js';
import type { Dataset } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { PlanSet } from '../../model/plan-set.js';
import { fromDayNumber } from '../../period/calendar.js';
import { foldHeader } from '../fold.js';
import { eachRun, foldEvents, type EventsFold, type FoldRequest } from './fold-events.js';
import { foldInWorker, useWorker } from './fold-in-worker.js';
import type { IdTable } from './id-table.js';
import { PeopleRows } from './people-rows.js';
import { MAX_ISSUES_PER_FILE, plural, readDataset, type ColumnReader, type DatasetResult, type ReadOptions, type UnitLookup } from './read-dataset.js';

export interface DataFile {
  /** Path to open (absolute or relative to the process's working directory). */
  path: string;
  /** Path as shown to the user. */
  display: string;
  /** Named on the command line (a missing one is a usage error there). */
  given: boolean;
  /** The sheet of a workbook (FILE.xlsx#Sheet or --sheet). */
  sheet?: string;
  /** The default file of a dataset marked synthetic. */
  synthetic?: boolean;
}

export interface DataRequest {
  plans: PlanSet;
  /** The file of each dataset to read. */
  files: Map<string, DataFile>;
  /** The `trained` filters of each people dataset, in bit order. */
  filters: Map<string, TrainedFilter[]>;
  encoding?: string;
  /** How every file is read (--delimiter, --header-row); a file's sheet is its own. */
  read?: ReadOptions;
}

function readOptions(req: DataRequest, file: DataFile): ReadOptions {
  const o: ReadOptions = { ...req.read };
  if (req.encoding !== undefined) o.encoding = req.encoding;
  if (file.sheet !== undefined) o.sheet = file.sheet;
  return o;
}

export function unitLookup(plans: PlanSet): UnitLookup {
  const byName = new Map<string, string>();
  for (const u of plans.units) for (const n of [u.name, u.code, ...(u.aliases ?? [])]) if (n) byName.set(foldHeader(n), u.id);
  return { ids: new Set(plans.units.map((u) => u.id)), byName };
}

/** A typed array grown by doubling: a million rows never sit in a plain JS array. */
class Grow {
  private buf: Float64Array | Int32Array;
  length = 0;
  constructor(private readonly kind: 'f64' | 'i32') {
    this.buf = kind === 'f64' ? new Float64Array(1024) : new Int32Array(1024);
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = this.kind === 'f64' ? new Float64Array(this.buf.length * 2) : new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  /** The values, trimmed to length (a copy, so the slack is freed). */
  done(): Float64Array | Int32Array {
    return this.buf.slice(0, this.length);
  }
}

/** Column arrays grown row by row into typed arrays. */
class ColumnsBuilder {
  private readonly data: Grow[];
  private readonly bigs: (bigint | null)[][];
  constructor(private readonly readers: ColumnReader[]) {
    this.data = readers.map((r) => new Grow(r.col.type === 'integer' ? 'f64' : 'i32'));
    this.bigs = readers.map(() => []);
  }
  push(values: Float64Array): void {
    for (let k = 0; k < this.readers.length; k++) {
      const r = this.readers[k]!;
      if (r.isKey) continue;
      this.data[k]!.push(values[k]!);
      if (r.bigs) this.bigs[k]!.push(r.big);
    }
  }
  build(): Map<string, ColumnData> {
    const out = new Map<string, ColumnData>();
    this.readers.forEach((r, k) => {
      if (r.isKey) return;
      const col: ColumnData = { name: r.col.name, type: r.col.type };
      const xs = this.data[k]!.done();
      switch (r.col.type) {
        case 'integer':
          col.nums = xs as Float64Array;
          if (r.bigs) col.bigs = this.bigs[k]!;
          break;
        case 'boolean':
          col.bools = Int8Array.from(xs);
          break;
        case 'date':
          col.days = xs as Int32Array;
          break;
        default:
          col.codes = xs as Int32Array;
          col.dict = r.dict;
      }
      out.set(r.col.name, col);
    });
    return out;
  }
}


/**
 * What was read of a file. A file whose rows are all bad fails (no table of zeros is ever
 * measured from it): the result is marked failed with the reason.
 */
function summarise(ds: Dataset, file: DataFile, r: DatasetResult, kept: number): DatasetRead {
  if (!r.failed && kept === 0 && r.rowsRead > 0) {
    const codes = [...r.counts].filter(([c]) => c.startsWith('ROW_')).map(([c, n]) => `${n} ${c}`);
    r.failed = {
      code: 'DATA_EMPTY',
      severity: 'error',
      message: `no row of ${file.display} can be used: all ${plural(r.rowsRead, 'data row')} are bad (${codes.join(', ')})`,
      file: file.display,
      line: 0,
      column: 0,
      hint: 'the first bad rows are listed above; `plan data inspect FILE` shows how each column reads',
    };
    r.issues.push(r.failed);
    r.counts.set('DATA_EMPTY', (r.counts.get('DATA_EMPTY') ?? 0) + 1);
  }
  return {
    dataset: ds.id,
    file: file.display,
    given: file.given,
    encoding: r.encoding,
    format: r.format,
    delimiter: r.delimiter,
    sheet: r.sheet,
    headerRow: r.headerRow,
    rowsRead: r.rowsRead,
    rowsKept: r.failed ? 0 : kept,
    rowsExcluded: r.rowsExcluded,
    rowsSkipped: r.rowsSkipped,
    synthetic: file.synthetic === true,
    failed: r.failed ? r.failed.message : null,
    failedCode: r.failed ? r.failed.code : null,
  };
}

interface Collected {
  issues: Diagnostic[];
  counts: { file: string; code: string; count: number }[];
  reads: DatasetRead[];
}

function collect(into: Collected, file: DataFile, r: DatasetResult): void {
  into.issues.push(...r.issues);
  for (const [code, count] of r.counts) into.counts.push({ file: file.display, code, count });
}

async function readPeople(ds: Dataset, file: DataFile, units: UnitLookup, into: Collected, read: ReadOptions) {
  const people = new PeopleRows(ds);
  const ids = people.ids;
  let builder: ColumnsBuilder | undefined;
  const r = await readDataset(
    ds,
    file.path,
    file.display,
    units,
    {
      row(ctx, values) {
        builder ??= new ColumnsBuilder(ctx.readers);
        if (people.accept(ctx, values)) builder.push(values);
      },
    },
    read,
  );
  const summary = summarise(ds, file, r, ids.size);
  collect(into, file, r);
  into.reads.push(summary);
  if (r.failed) return undefined;
  const columns = builder?.build() ?? new Map<string, ColumnData>();
  deriveBirthYear(ds, columns);
  return { ids, columns, rows: ids.size };
}

/** A file with a birth date ("Ngày sinh") and no birth year: the year is the birth date's. */
function deriveBirthYear(ds: Dataset, columns: Map<string, ColumnData>): void {
  if (!ds.birth_date || !ds.birth_year || columns.has(ds.birth_year)) return;
  const days = columns.get(ds.birth_date)?.days;
  if (!days) return;
  const nums = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) nums[i] = days[i] === NO_DAY ? NaN : Number(fromDayNumber(days[i]!).slice(0, 4));
  columns.set(ds.birth_year, { name: ds.birth_year, type: 'integer', nums });
}

/** Starts the fold of a training file: on a second thread when the file is large enough to gain by it. */
function startFold(req: FoldRequest): Promise<EventsFold> {
  return useWorker(req.path) ? foldInWorker(req) : foldEvents(req);
}

/**
 * Joins a training file's fold to the people read from the staff file: each person's filter bits;
 * rows of a person the staff file does not have (or excluded) are bad rows, one finding per person.
 */
function joinEvents(ds: Dataset, fold: EventsFold, people: { ids: IdTable; table: PeopleTable }, file: DataFile, into: Collected): EventsSummary | undefined {
  const { words } = fold;
  const trained = people.table.trained;
  const counts = new Map(fold.counts);
  const unknown: Diagnostic[] = [];
  let unknownRows = 0;
  let kept = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const [id, b, s] of eachRun(fold)) {
    const i = people.ids.get(id);
    const rows = b.rows[s]!;
    if (i === undefined) {
      unknownRows += rows;
      const d: Diagnostic = {
        code: 'ROW_PERSON_UNKNOWN',
        severity: 'error',
        message: `${ds.person} "${id}" is not in ${people.table.file} (or its row there was excluded)${rows > 1 ? `; ${rows} rows from here on name this person` : ''}`,
        file: file.display,
        line: b.firstRow[s]!,
        column: fold.person ? fold.person.column + 1 : 0,
        row: b.firstRow[s]!,
        hint: 'a training row names a person of the staff file',
      };
      if (fold.person) {
        d.field = ds.person!;
        d.header = fold.person.header;
        d.value = id;
      }
      unknown.push(d);
      continue;
    }
    kept += rows;
    if (b.minDay[s]! < first) first = b.minDay[s]!;
    if (b.maxDay[s]! > last) last = b.maxDay[s]!;
    const from = s * words;
    const to = i * words;
    for (let w = 0; w < words; w++) trained[to + w]! |= b.masks[from + w]!;
  }
  if (unknownRows > 0) counts.set('ROW_PERSON_UNKNOWN', (counts.get('ROW_PERSON_UNKNOWN') ?? 0) + unknownRows);
  // Findings in row order, the first MAX_ISSUES_PER_FILE errors in full (as readDataset keeps them).
  const all = [...fold.issues, ...unknown].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  let errors = 0;
  const issues = all.filter((d) => d.severity === 'warning' || errors++ < MAX_ISSUES_PER_FILE);
  const result: DatasetResult = {
    encoding: fold.encoding,
    format: fold.format,
    delimiter: fold.delimiter,
    sheet: fold.sheet,
    headerRow: fold.headerRow,
    rowsRead: fold.rowsRead,
    rowsExcluded: fold.rowsExcluded + unknownRows,
    rowsSkipped: fold.rowsSkipped,
    failed: fold.failed,
    readers: [],
    issues,
    counts,
  };
  const summary = summarise(ds, file, result, kept);
  collect(into, file, result);
  into.reads.push(summary);
  if (result.failed) return undefined;
  return { dataset: ds.id, file: file.display, rows: kept, firstDay: kept ? fromDayNumber(first) : null, lastDay: kept ? fromDayNumber(last) : null };
}

async function readTotals(ds: Dataset, file: DataFile, units: UnitLookup, into: Collected, read: ReadOptions): Promise<Table | undefined> {
  let builder: ColumnsBuilder | undefined;
  let rows = 0;
  const r = await readDataset(
    ds,
    file.path,
    file.display,
    units,
    {
      exact: true,
      row(ctx, values) {
        builder ??= new ColumnsBuilder(ctx.readers);
        builder.push(values);
        rows++;
      },
    },
    read,
  );
  const summary = summarise(ds, file, r, rows);
  collect(into, file, r);
  into.reads.push(summary);
  if (r.failed) return undefined;
  return { dataset: ds.id, file: file.display, rows, columns: builder?.build() ?? new Map() };
}

export async function loadData(req: DataRequest): Promise<AttainmentData> {
  const units = unitLookup(req.plans);
  const into: Collected = { issues: [], counts: [], reads: [] };
  const people = new Map<string, PeopleTable>();
  const events = new Map<string, EventsSummary>();
  const totals = new Map<string, Table>();
  const byId = new Map(req.plans.datasets.map((d) => [d.id, d]));
  for (const [id, file] of req.files) {
    const ds = byId.get(id);
    if (!ds || ds.kind !== 'people') continue;
    const filters = req.filters.get(id) ?? [];
    const words = Math.max(1, Math.ceil(filters.length / 32));
    // Training files fold without the staff file, so they start first (a second core reads them).
    const folds: [Dataset, DataFile, Promise<EventsFold>][] = [];
    for (const [eid, efile] of req.files) {
      const eds = byId.get(eid);
      if (!eds || eds.kind !== 'events' || eds.of !== id) continue;
      const fold = startFold({ ds: eds, filters, words, path: efile.path, display: efile.display, units, read: readOptions(req, efile) });
      // Awaited below; a rejection must not go unhandled while the staff file is read.
      fold.catch(() => undefined);
      folds.push([eds, efile, fold]);
    }
    const read = await readPeople(ds, file, units, into, readOptions(req, file));
    if (!read) {
      await Promise.allSettled(folds.map((f) => f[2]));
      continue;
    }
    const table: PeopleTable = { dataset: id, file: file.display, rows: read.rows, columns: read.columns, trained: new Uint32Array(read.rows * words), words };
    people.set(id, table);
    for (const [eds, efile, fold] of folds) {
      const summary = joinEvents(eds, await fold, { ids: read.ids, table }, efile, into);
      if (summary) events.set(eds.id, summary);
    }
  }
  for (const [id, file] of req.files) {
    const ds = byId.get(id);
    if (!ds || ds.kind !== 'totals') continue;
    const t = await readTotals(ds, file, units, into, readOptions(req, file));
    if (t) totals.set(id, t);
  }
  return { people, events, totals, reads: into.reads, issues: into.issues, issueCounts: into.counts };
}
