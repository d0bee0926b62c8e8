// Reads the datasets a set of measures needs: people into columnar tables, their training records
// folded into one bit per `trained` filter (memory stays flat in the number of training rows), and
// aggregate figures with exact integers.

import type { AttainmentData, ColumnData, DatasetRead, EventsSummary, PeopleTable, Table, TrainedFilter } from '../../model/data.js';
import type { Dataset } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { PlanSet } from '../../model/plan-set.js';
import { dayNumber, fromDayNumber } from '../../period/calendar.js';
import { foldHeader } from '../fold.js';
import { readDataset, type ColumnReader, type DatasetResult, type UnitLookup } from './read-dataset.js';

export interface DataFile {
  /** Path to open (absolute or relative to the process's working directory). */
  path: string;
  /** Path as shown to the user. */
  display: string;
  /** Named on the command line (a missing one is a usage error there). */
  given: boolean;
}

export interface DataRequest {
  plans: PlanSet;
  /** The file of each dataset to read. */
  files: Map<string, DataFile>;
  /** The `trained` filters of each people dataset, in bit order. */
  filters: Map<string, TrainedFilter[]>;
  encoding?: string;
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

function summarise(ds: Dataset, file: DataFile, r: DatasetResult, kept: number): DatasetRead {
  return {
    dataset: ds.id,
    file: file.display,
    given: file.given,
    encoding: r.encoding,
    rowsRead: r.rowsRead,
    rowsKept: r.failed ? 0 : kept,
    rowsExcluded: r.rowsExcluded,
    failed: r.failed ? r.failed.message : null,
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

async function readPeople(ds: Dataset, file: DataFile, units: UnitLookup, into: Collected, encoding?: string) {
  const ids = new Map<string, number>();
  const idList: string[] = [];
  let builder: ColumnsBuilder | undefined;
  let keyAt = -1;
  let fromAt = -1;
  let toAt = -1;
  const r = await readDataset(
    ds,
    file.path,
    file.display,
    units,
    {
      row(ctx, values) {
        if (!builder) {
          builder = new ColumnsBuilder(ctx.readers);
          keyAt = ctx.readers.findIndex((x) => x.col.name === ds.key);
          fromAt = ctx.readers.findIndex((x) => x.col.name === ds.active_from);
          toAt = ctx.readers.findIndex((x) => x.col.name === ds.active_to);
        }
        const keyReader = ctx.readers[keyAt]!;
        const id = ctx.cells[keyReader.index]!.trim();
        const first = ids.get(id);
        if (first !== undefined) {
          ctx.reject('ROW_ID_DUPLICATE', keyReader, `${ds.key} "${id}" is already used by an earlier row; the first row is kept`, 'each person has one row');
          return;
        }
        if (fromAt >= 0 && toAt >= 0 && values[fromAt]! > -2147483648 && values[toAt]! > -2147483648 && values[fromAt]! > values[toAt]!) {
          ctx.reject('ROW_ACTIVE_RANGE', ctx.readers[toAt]!, `${ds.active_to} ${fromDayNumber(values[toAt]!)} is before ${ds.active_from} ${fromDayNumber(values[fromAt]!)}`);
          return;
        }
        ids.set(id, idList.length);
        idList.push(id);
        builder.push(values);
      },
    },
    encoding,
  );
  collect(into, file, r);
  into.reads.push(summarise(ds, file, r, idList.length));
  if (r.failed) return undefined;
  return { ids, columns: builder?.build() ?? new Map<string, ColumnData>(), rows: idList.length };
}

/** Bit masks of the filters a value passes, one Uint32 word per 32 filters. */
function masksFor(filters: TrainedFilter[], words: number, test: (f: TrainedFilter, k: number) => boolean): Uint32Array {
  const m = new Uint32Array(words);
  filters.forEach((f, k) => {
    if (test(f, k)) m[k >>> 5]! |= 1 << (k & 31);
  });
  return m;
}

async function readEvents(ds: Dataset, people: { ids: Map<string, number>; table: PeopleTable }, filters: TrainedFilter[], file: DataFile, units: UnitLookup, into: Collected, encoding?: string): Promise<EventsSummary | undefined> {
  const words = people.table.words;
  const trained = people.table.trained;
  const fromDays = filters.map((f) => (f.from === null ? -Infinity : dayNumber(f.from)));
  const toDays = filters.map((f) => dayNumber(f.to));
  const byTopic: (Uint32Array | undefined)[] = [];
  const byDay = new Map<number, Uint32Array>();
  const byAbroad = [-1, 0, 1].map((a) => masksFor(filters, words, (f) => f.abroad === null || (a !== -1 && f.abroad === (a === 1))));
  const anyTopic = masksFor(filters, words, () => true);
  let personAt = -1;
  let dateAt = -1;
  let topicAt = -1;
  let abroadAt = -1;
  let lastId = '';
  let lastIndex: number | undefined;
  let first = Infinity;
  let last = -Infinity;
  let kept = 0;
  const r = await readDataset(
    ds,
    file.path,
    file.display,
    units,
    {
      // Only what the join needs: the rest of the row is never stored.
      columns: (d) => new Set([d.person, d.date, d.topic, d.abroad].filter((c): c is string => c !== undefined)),
      row(ctx, values) {
        if (personAt < 0) {
          personAt = ctx.readers.findIndex((x) => x.col.name === ds.person);
          dateAt = ctx.readers.findIndex((x) => x.col.name === ds.date);
          topicAt = ctx.readers.findIndex((x) => x.col.name === ds.topic);
          abroadAt = ctx.readers.findIndex((x) => x.col.name === ds.abroad);
        }
        const personReader = ctx.readers[personAt]!;
        const id = ctx.cells[personReader.index]!.trim();
        // Exports list a person's courses together: most rows repeat the previous row's person.
        const i = id === lastId ? lastIndex : people.ids.get(id);
        lastId = id;
        lastIndex = i;
        if (i === undefined) {
          ctx.reject('ROW_PERSON_UNKNOWN', personReader, `${ds.person} "${id}" is not in ${people.table.file} (or its row there was excluded)`, 'a training row names a person of the staff file');
          return;
        }
        kept++;
        const day = values[dateAt]!;
        if (day < first) first = day;
        if (day > last) last = day;
        if (filters.length === 0) return;
        let dm = byDay.get(day);
        if (!dm) {
          dm = masksFor(filters, words, (_f, k) => day >= fromDays[k]! && day <= toDays[k]!);
          byDay.set(day, dm);
        }
        let tm = anyTopic;
        if (topicAt >= 0) {
          const code = values[topicAt]!;
          if (code >= 0) {
            let m = byTopic[code];
            if (!m) {
              const topic = ctx.readers[topicAt]!.dict[code]!;
              m = masksFor(filters, words, (f) => f.topics === null || f.topics.includes(topic));
              byTopic[code] = m;
            }
            tm = m;
          } else {
            tm = masksFor(filters, words, (f) => f.topics === null);
          }
        }
        const am = byAbroad[abroadAt >= 0 ? values[abroadAt]! + 1 : 0]!;
        const base = i * words;
        for (let w = 0; w < words; w++) trained[base + w]! |= dm[w]! & tm[w]! & am[w]!;
      },
    },
    encoding,
  );
  collect(into, file, r);
  into.reads.push(summarise(ds, file, r, kept));
  if (r.failed) return undefined;
  return { dataset: ds.id, file: file.display, rows: kept, firstDay: kept ? fromDayNumber(first) : null, lastDay: kept ? fromDayNumber(last) : null };
}

async function readTotals(ds: Dataset, file: DataFile, units: UnitLookup, into: Collected, encoding?: string): Promise<Table | undefined> {
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
    encoding,
  );
  collect(into, file, r);
  into.reads.push(summarise(ds, file, r, rows));
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
    const read = await readPeople(ds, file, units, into, req.encoding);
    if (!read) continue;
    const filters = req.filters.get(id) ?? [];
    const words = Math.max(1, Math.ceil(filters.length / 32));
    const table: PeopleTable = { dataset: id, file: file.display, rows: read.rows, columns: read.columns, trained: new Uint32Array(read.rows * words), words };
    people.set(id, table);
    for (const [eid, efile] of req.files) {
      const eds = byId.get(eid);
      if (!eds || eds.kind !== 'events' || eds.of !== id) continue;
      const summary = await readEvents(eds, { ids: read.ids, table }, filters, efile, units, into, req.encoding);
      if (summary) events.set(eid, summary);
    }
  }
  for (const [id, file] of req.files) {
    const ds = byId.get(id);
    if (!ds || ds.kind !== 'totals') continue;
    const t = await readTotals(ds, file, units, into, req.encoding);
    if (t) totals.set(id, t);
  }
  return { people, events, totals, reads: into.reads, issues: into.issues, issueCounts: into.counts };
}
