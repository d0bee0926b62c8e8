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

const WORDS = {
  vi: { cols: ['Mã', 'Viết tắt', 'Tên', 'Tên tiếng Anh', 'Loại'], units: (n: number) => `${n} đơn vị` },
  en: { cols: ['ID', 'Code', 'Name', 'English name', 'Kind'], units: (n: number) => `${n} units` },
};

/** The unit kinds as words (the registry's codes stay in JSON). */
const KIND_VI: Record<string, string> = { agency: 'cơ quan', central: 'trung ương', province: 'tỉnh', district: 'huyện', external: 'bên ngoài', group: 'nhóm' };

const drawUnitsAsTable: TextFormatter<UnitsReport> = (r, ctx) => {
  const w = WORDS[ctx.lang];
  return (
    textTable(
      [{ header: w.cols[0]!, max: 20 }, { header: w.cols[1]!, max: 8 }, { header: w.cols[2]!, flex: true }, { header: w.cols[3]!, flex: true }, { header: w.cols[4]!, max: 10 }],
      r.units.map((u) => [u.id, u.code ?? '', u.name, u.name_en, ctx.lang === 'vi' ? (KIND_VI[u.kind] ?? u.kind) : u.kind]),
      ctx,
    ) + `${w.units(r.units.length)}\n`
  );
};

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
