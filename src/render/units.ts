// The unit registry as a table or JSON.

import type { Unit } from '../model/units.js';
import type { Formatter, TextFormatter } from './context.js';
import type { UnitFormat } from './formats.js';
import { asJson } from './json.js';
import { textTable } from './text-table.js';
import { inertFormatter } from './inert-report.js';

export interface UnitsReport {
  units: Unit[];
}

const drawUnitsAsTable: TextFormatter<UnitsReport> = (r, ctx) =>
  textTable(
    [{ header: 'ID', max: 20 }, { header: 'Code', max: 8 }, { header: 'Name', flex: true }, { header: 'English name', flex: true }, { header: 'Kind', max: 9 }],
    r.units.map((u) => [u.id, u.code ?? '', u.name, u.name_en, u.kind]),
    ctx,
  ) + `${r.units.length} units\n`;

export const unitsAsJson: TextFormatter<UnitsReport> = (r) =>
  asJson({
    units: r.units.map((u) => ({
      id: u.id,
      code: u.code ?? null,
      name: u.name,
      nameEn: u.name_en,
      kind: u.kind,
      aliases: u.aliases ?? [],
      tags: u.tags ?? [],
      parent: u.parent ?? null,
    })),
  });

/** The terminal view; text from the files shown inert. */
export const unitsAsTable = inertFormatter(drawUnitsAsTable);

export const UNIT_FORMATS: Record<UnitFormat, Formatter<UnitsReport>> = { table: unitsAsTable, json: unitsAsJson };
