// `plan data inspect`: what the tool makes of a data file before any figure is computed — its
// format, encoding, delimiter, sheet, the header row found, each header's column, sample values and
// how they read, bad rows by reason, and the aliases that would map what did not.

import type { BadRowGroup, FileInspection, InspectedColumn, Suggestion } from '../../model/data-inspection.js';
import type { Dataset } from '../../model/datasets.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { closest } from '../did-you-mean.js';
import { mapHeader } from './columns.js';
import { DataFileError } from './text-stream.js';
import { readDataset, type ColumnReader, type ReadOptions, type UnitLookup } from './read-dataset.js';
import { bareLabel, isoOfDay } from './values.js';
import { openRows } from './open-rows.js';
import { PeopleRows } from './people-rows.js';
import { printable } from './sniff.js';

const SAMPLES = 3;

const words = (s: string) => new Set(bareLabel(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''));

/** How much a header resembles any of a column's labels: 1 for a typo's reach, else the share of words in common. */
function likeness(header: string, labels: string[]): number {
  if (closest(header, labels) !== undefined) return 1;
  const a = words(header);
  let best = 0;
  for (const l of labels) {
    const b = words(l);
    const common = [...a].filter((w) => b.has(w)).length;
    const all = new Set([...a, ...b]).size;
    if (all > 0) best = Math.max(best, common / all);
  }
  return best;
}
const FIRST_POSITIONS = 3;

function readable(r: ColumnReader, value: number, cell: string): string | number | boolean | null {
  switch (r.col.type) {
    case 'integer':
      return Number.isNaN(value) ? null : value;
    case 'boolean':
      return value < 0 ? null : value === 1;
    case 'date':
      return value === -2147483648 ? null : isoOfDay(value);
    case 'text':
      if (r.isKey) return cell.trim();
      return r.dict[value] ?? null;
    default:
      return value < 0 ? null : (r.dict[value] ?? null);
  }
}

/** Which dataset a file is most likely of: the one whose columns its best early row maps most of (one pass over the first rows). */
export async function guessDataset<D extends Dataset>(datasets: D[], path: string, display: string, opts: ReadOptions): Promise<D> {
  const best = new Map<D, number>(datasets.map((d) => [d, 0]));
  const score = (cells: string[]) => Math.max(...datasets.map((ds) => mapHeader(ds, cells, display).index.size));
  try {
    const rows = await openRows(path, display, opts, score);
    let n = 0;
    await rows.read({
      row(cells) {
        for (const ds of datasets) best.set(ds, Math.max(best.get(ds)!, mapHeader(ds, cells, display).index.size));
        return ++n < 30;
      },
      quoteError() {},
    });
  } catch (e) {
    // The file's problem is reported by the inspection itself.
    if (!(e instanceof DataFileError)) throw e;
  }
  let pick = datasets[0]!;
  for (const [ds, s] of best) if (s > best.get(pick)!) pick = ds;
  return pick;
}

export async function inspectFile(ds: Dataset, path: string, display: string, units: UnitLookup, opts: ReadOptions): Promise<FileInspection> {
  const samples = new Map<string, Map<string, string | number | boolean | null>>();
  let good = 0;
  // A people file's rows meet the rules `plan attainment` reads it by (one row per person, ranges forward).
  const people = ds.kind === 'people' ? new PeopleRows(ds) : undefined;
  const r = await readDataset(
    ds,
    path,
    display,
    units,
    {
      row(ctx, values) {
        if (people && !people.accept(ctx, values)) return;
        good++;
        ctx.readers.forEach((reader, k) => {
          let m = samples.get(reader.col.name);
          if (!m) samples.set(reader.col.name, (m = new Map()));
          const cell = ctx.cells[reader.index] ?? '';
          if (m.size >= SAMPLES || m.has(cell) || cell.trim() === '') return;
          m.set(cell, readable(reader, values[k]!, cell));
        });
      },
    },
    opts,
  );
  let sheets: string[] = [];
  try {
    sheets = (await openRows(path, display, opts)).sheets;
  } catch {
    // the failure is in r.failed already
  }
  const header = r.header;
  const columns: InspectedColumn[] = [];
  const suggestions: Suggestion[] = [];
  const byIndex = new Map<number, string>();
  if (header) for (const [name, i] of header.map.index) byIndex.set(i, name);
  const unusedColumns = ds.columns.filter((c) => !header || !header.map.index.has(c.name));
  header?.cells.forEach((raw, i) => {
    const name = byIndex.get(i) ?? null;
    const col = name ? ds.columns.find((c) => c.name === name)! : undefined;
    const text = printable(raw.normalize('NFC').trim());
    columns.push({
      position: i + 1,
      header: text,
      column: name,
      type: col?.type ?? null,
      required: Boolean(col?.required) || name === ds.key || name === ds.person || name === ds.date,
      samples: [...(samples.get(name ?? '') ?? new Map<string, string | number | boolean | null>())].map(([t, value]) => ({ text: printable(t), value })),
    });
    if (!name && text !== '') {
      // A header that names nothing: suggest the column not yet mapped that it most resembles (required ones first).
      const ranked = unusedColumns.map((c) => ({ c, score: likeness(text, [c.name, ...(c.aliases ?? [])]) + (c.required ? 0.01 : 0) })).sort((a, b) => b.score - a.score);
      const guess = ranked[0] && ranked[0].score >= 0.5 ? ranked[0].c : undefined;
      if (guess) suggestions.push({ kind: 'header', column: guess.name, text, value: null });
    }
  });
  const missing = ds.columns.filter((c) => (c.required || c.name === ds.key || c.name === ds.person || c.name === ds.date) && !(header?.map.index.has(c.name) ?? false)).map((c) => ({ column: c.name, aliases: c.aliases ?? [] }));
  // Bad rows by reason, the first positions of each.
  const groups = new Map<Diagnostic['code'], BadRowGroup>();
  for (const [code, count] of r.counts) if (code.startsWith('ROW_')) groups.set(code, { code, count, first: [] });
  const unknownValues = new Map<string, Set<string>>();
  for (const d of r.issues) {
    const g = groups.get(d.code);
    if (g && g.first.length < FIRST_POSITIONS) g.first.push({ row: d.row ?? d.line, cell: d.cell ?? null, column: d.field ?? null, value: d.value ?? null, message: d.message });
    if (d.code === 'ROW_VALUE_UNKNOWN' && d.field && d.value !== undefined) {
      const set = unknownValues.get(d.field) ?? new Set<string>();
      set.add(d.value.trim());
      unknownValues.set(d.field, set);
    }
  }
  for (const [field, values] of unknownValues) {
    const col = ds.columns.find((c) => c.name === field);
    for (const v of values) {
      const labels = new Map<string, string>();
      for (const x of col?.values ?? []) labels.set(x, x);
      for (const [x, ls] of Object.entries(col?.value_aliases ?? {})) for (const l of ls) labels.set(l, x);
      let near: string | undefined;
      let score = 0.5;
      for (const l of labels.keys()) {
        const k = likeness(v, [l]);
        if (k > score || (k === score && near === undefined)) [near, score] = [l, k];
      }
      suggestions.push({ kind: 'value', column: field, text: v, value: near !== undefined ? labels.get(near)! : null });
    }
  }
  return {
    file: display,
    dataset: ds.id,
    format: r.format,
    encoding: r.encoding,
    delimiter: r.delimiter,
    sheet: r.sheet,
    sheets,
    headerRow: r.failed && !r.headerRow ? null : r.headerRow,
    rowsRead: r.rowsRead,
    rowsGood: good,
    rowsExcluded: r.rowsExcluded,
    rowsSkipped: r.rowsSkipped,
    columns,
    missing,
    badRows: [...groups.values()],
    findings: r.issues.filter((d) => !d.code.startsWith('ROW_')),
    personsUnchecked: ds.kind === 'events' && ds.person && ds.of ? { column: ds.person, dataset: ds.of } : null,
    suggestions,
    failed: r.failed ? r.failed.message : good === 0 && r.rowsRead > 0 ? `no row can be used: all ${r.rowsRead} data rows are bad` : null,
  };
}
