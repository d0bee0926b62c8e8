// Training records folded into runs, before the staff file is known: a run is a stretch of rows of
// one person (exports list a person's courses together), with the OR of the `trained` filters its
// rows pass, its first row, row count and first/last day. The fold needs nothing from the staff
// file, keeps no table of persons (memory stays flat in the file's size), and hands runs on in
// batches of plain typed arrays, so it can run on another thread while the staff file is read.

import type { TrainedFilter } from '../../model/data.js';
import type { Dataset } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { dayNumber } from '../../period/calendar.js';
import { readDataset, type ReadOptions, type UnitLookup } from './read-dataset.js';

/** Bit masks of the filters a value passes, one Uint32 word per 32 filters. */
export function masksFor(filters: TrainedFilter[], words: number, test: (f: TrainedFilter, k: number) => boolean): Uint32Array {
  const m = new Uint32Array(words);
  filters.forEach((f, k) => {
    if (test(f, k)) m[k >>> 5]! |= 1 << (k & 31);
  });
  return m;
}

/** Runs in one batch: person ids in one string (separated), the rest in typed arrays (transferable). */
export interface RunBatch {
  count: number;
  idText: string;
  separator: string;
  masks: Uint32Array;
  firstRow: Int32Array;
  rows: Int32Array;
  minDay: Int32Array;
  maxDay: Int32Array;
}

/** What the fold says of the file once it is read. */
export interface FoldEnd {
  /** The person column, for findings about rows whose person is unknown. */
  person: { column: number; header: string } | null;
  encoding: string | null;
  format: 'csv' | 'xlsx' | null;
  delimiter: string | null;
  sheet: string | null;
  headerRow: number | null;
  rowsRead: number;
  rowsExcluded: number;
  rowsSkipped: number;
  failed: Diagnostic | null;
  issues: Diagnostic[];
  counts: [Diagnostic['code'], number][];
}

export interface EventsFold extends FoldEnd {
  words: number;
  batches: RunBatch[];
}

export interface FoldRequest {
  ds: Dataset;
  filters: TrainedFilter[];
  words: number;
  path: string;
  display: string;
  units: UnitLookup;
  read?: ReadOptions;
}

const BATCH = 65536;

/** Collects runs and cuts them into batches. */
class Batcher {
  private ids: string[] = [];
  private masks: Uint32Array;
  private firstRow = new Int32Array(BATCH);
  private rows = new Int32Array(BATCH);
  private minDay = new Int32Array(BATCH);
  private maxDay = new Int32Array(BATCH);
  n = 0;
  constructor(
    private readonly words: number,
    private readonly emit: (b: RunBatch) => void,
  ) {
    this.masks = new Uint32Array(BATCH * words);
  }
  /** Opens a run; returns its slot in the current batch. */
  open(id: string, row: number, day: number): number {
    if (this.n === BATCH) this.flush();
    const s = this.n++;
    this.ids.push(id);
    this.firstRow[s] = row;
    this.minDay[s] = day;
    this.maxDay[s] = day;
    return s;
  }
  row(s: number, day: number): void {
    this.rows[s]!++;
    if (day < this.minDay[s]!) this.minDay[s] = day;
    if (day > this.maxDay[s]!) this.maxDay[s] = day;
  }
  or(s: number, a: Uint32Array, b: Uint32Array, c: Uint32Array): void {
    const base = s * this.words;
    for (let w = 0; w < this.words; w++) this.masks[base + w]! |= a[w]! & b[w]! & c[w]!;
  }
  flush(): void {
    if (this.n === 0) return;
    const n = this.n;
    // Ids come from trimmed CSV cells; a NUL in one is beyond any export, but then use a rarer separator.
    const separator = this.ids.some((id) => id.includes('\u0000')) ? '\u0000\u0001\u0000' : '\u0000';
    this.emit({
      count: n,
      idText: this.ids.join(separator),
      separator,
      masks: this.masks.slice(0, n * this.words),
      firstRow: this.firstRow.slice(0, n),
      rows: this.rows.slice(0, n),
      minDay: this.minDay.slice(0, n),
      maxDay: this.maxDay.slice(0, n),
    });
    this.ids = [];
    this.masks.fill(0);
    this.rows.fill(0);
    this.n = 0;
  }
}

/** Folds a training file, handing each batch of runs to `emit` as it fills. */
export async function foldEventRuns(req: FoldRequest, emit: (b: RunBatch) => void): Promise<FoldEnd> {
  const { ds, filters, words } = req;
  const fromDays = filters.map((f) => (f.from === null ? -Infinity : dayNumber(f.from)));
  const toDays = filters.map((f) => dayNumber(f.to));
  const byTopic: (Uint32Array | undefined)[] = [];
  const byDay = new Map<number, Uint32Array>();
  const byAbroad = [-1, 0, 1].map((a) => masksFor(filters, words, (f) => f.abroad === null || (a !== -1 && f.abroad === (a === 1))));
  const noTopic = masksFor(filters, words, (f) => f.topics === null);
  const anyTopic = masksFor(filters, words, () => true);
  const runs = new Batcher(words, emit);
  let personAt = -1;
  let dateAt = -1;
  let topicAt = -1;
  let abroadAt = -1;
  let person: FoldEnd['person'] = null;
  let lastId: string | undefined;
  let slot = -1;
  const r = await readDataset(
    req.ds,
    req.path,
    req.display,
    req.units,
    {
      // Only what the join needs: the rest of the row is never stored.
      columns: (d) => new Set([d.person, d.date, d.topic, d.abroad].filter((c): c is string => c !== undefined)),
      row(ctx, values) {
        if (personAt < 0) {
          personAt = ctx.readers.findIndex((x) => x.col.name === ds.person);
          dateAt = ctx.readers.findIndex((x) => x.col.name === ds.date);
          topicAt = ctx.readers.findIndex((x) => x.col.name === ds.topic);
          abroadAt = ctx.readers.findIndex((x) => x.col.name === ds.abroad);
          const pr = ctx.readers[personAt]!;
          person = { column: pr.index, header: pr.header };
        }
        const id = ctx.cells[ctx.readers[personAt]!.index]!.trim();
        const day = values[dateAt]!;
        // A new person opens a run (a full batch is handed on first, so slots restart at 0).
        if (id !== lastId) {
          slot = runs.open(id, ctx.row, day);
          lastId = id;
        }
        runs.row(slot, day);
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
            tm = noTopic;
          }
        }
        runs.or(slot, dm, tm, byAbroad[abroadAt >= 0 ? values[abroadAt]! + 1 : 0]!);
      },
    },
    req.read,
  );
  runs.flush();
  return { person, encoding: r.encoding, format: r.format, delimiter: r.delimiter, sheet: r.sheet, headerRow: r.headerRow, rowsRead: r.rowsRead, rowsExcluded: r.rowsExcluded, rowsSkipped: r.rowsSkipped, failed: r.failed, issues: r.issues, counts: [...r.counts] };
}

/** Folds a training file in this thread. */
export async function foldEvents(req: FoldRequest): Promise<EventsFold> {
  const batches: RunBatch[] = [];
  const end = await foldEventRuns(req, (b) => batches.push(b));
  return { ...end, words: req.words, batches };
}

/** Walks the runs of a fold in order: each person id with its run's slot in its batch. */
export function* eachRun(fold: EventsFold): Generator<[id: string, batch: RunBatch, slot: number]> {
  for (const b of fold.batches) {
    let at = 0;
    for (let s = 0; s < b.count; s++) {
      const end = b.idText.indexOf(b.separator, at);
      const id = b.idText.slice(at, end < 0 ? b.idText.length : end);
      at = end < 0 ? b.idText.length : end + b.separator.length;
      yield [id, b, s];
    }
  }
}
