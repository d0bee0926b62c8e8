// The rules a people file's rows meet beyond their cells: one row per person (the first is kept)
// and an active range that does not run backwards. `plan attainment` reads a staff file through
// them (load-data.ts) and `plan data inspect` counts its bad rows through them (inspect-file.ts),
// so both exclude the same rows.

import { NO_DAY } from '../../model/data.js';
import type { Dataset } from '../../model/datasets.js';
import { fromDayNumber } from '../../period/calendar.js';
import { IdTable } from './id-table.js';
import type { RowContext } from './read-dataset.js';

export class PeopleRows {
  /** The ids of the rows kept, each at its row's index among them. */
  readonly ids = new IdTable();
  private keyAt = -1;
  private fromAt = -1;
  private toAt = -1;

  constructor(private readonly ds: Dataset) {}

  /** Keeps a row whose cells all fit (true), or rejects it through `ctx` (false). */
  accept(ctx: RowContext, values: Float64Array): boolean {
    const ds = this.ds;
    if (this.keyAt < 0) {
      this.keyAt = ctx.readers.findIndex((x) => x.col.name === ds.key);
      this.fromAt = ctx.readers.findIndex((x) => x.col.name === ds.active_from);
      this.toAt = ctx.readers.findIndex((x) => x.col.name === ds.active_to);
    }
    const keyReader = ctx.readers[this.keyAt]!;
    const id = ctx.cells[keyReader.index]!.trim();
    if (this.ids.get(id) !== undefined) {
      ctx.reject('ROW_ID_DUPLICATE', keyReader, `${ds.key} "${id}" is already used by an earlier row; the first row is kept`, 'each person has one row');
      return false;
    }
    const { fromAt, toAt } = this;
    if (fromAt >= 0 && toAt >= 0 && values[fromAt]! > NO_DAY && values[toAt]! > NO_DAY && values[fromAt]! > values[toAt]!) {
      ctx.reject('ROW_ACTIVE_RANGE', ctx.readers[toAt]!, `${ds.active_to} ${fromDayNumber(values[toAt]!)} is before ${ds.active_from} ${fromDayNumber(values[fromAt]!)}`);
      return false;
    }
    this.ids.add(id);
    return true;
  }
}
