// The leader registry as a table or JSON.

import type { Leader } from '../model/leaders.js';
import type { Formatter, TextFormatter } from './context.js';
import type { LeaderFormat } from './formats.js';
import { asJson } from './json.js';
import { inertFormatter } from './inert-report.js';
import { textTable } from './text-table.js';

export interface LeadersReport {
  leaders: Leader[];
}

const WORDS = {
  vi: { cols: ['Mã', 'Tên trong bảng', 'Họ và tên', 'Chức vụ', 'Tên khác'], leaders: (n: number) => `${n} lãnh đạo` },
  en: { cols: ['ID', 'Display', 'Name', 'Title', 'Aliases'], leaders: (n: number) => `${n} leader${n === 1 ? '' : 's'}` },
};

const drawLeadersAsTable: TextFormatter<LeadersReport> = (r, ctx) => {
  const w = WORDS[ctx.lang];
  return (
    textTable(
      [{ header: w.cols[0]!, max: 24 }, { header: w.cols[1]!, flex: true }, { header: w.cols[2]!, max: 22 }, { header: w.cols[3]!, max: 20 }, { header: w.cols[4]!, flex: true }],
      r.leaders.map((l) => [l.id, l.display, l.name, l.title, (l.aliases ?? []).join('; ')]),
      ctx,
    ) + `${w.leaders(r.leaders.length)}\n`
  );
};

/** The terminal view; text from the files shown inert. */
export const leadersAsTable = inertFormatter(drawLeadersAsTable);

export const leadersAsJson: Formatter<LeadersReport> = (r) =>
  asJson({
    leaders: r.leaders.map((l) => ({ id: l.id, display: l.display, name: l.name, title: l.title, aliases: l.aliases ?? [] })),
  });

export const LEADER_FORMATS: Record<LeaderFormat, Formatter<LeadersReport>> = { table: leadersAsTable, json: leadersAsJson };
