// The leader registry as a table or JSON.

import type { Leader } from '../model/leaders.js';
import type { Formatter } from './context.js';
import type { LeaderFormat } from './formats.js';
import { asJson } from './json.js';
import { textTable } from './text-table.js';

export interface LeadersReport {
  leaders: Leader[];
}

export const leadersAsTable: Formatter<LeadersReport> = (r, ctx) =>
  textTable(
    [{ header: 'ID', max: 24 }, { header: 'Display', flex: true }, { header: 'Name', max: 22 }, { header: 'Title', max: 20 }, { header: 'Aliases', flex: true }],
    r.leaders.map((l) => [l.id, l.display, l.name, l.title, (l.aliases ?? []).join('; ')]),
    ctx,
  ) + `${r.leaders.length} leader${r.leaders.length === 1 ? '' : 's'}\n`;

export const leadersAsJson: Formatter<LeadersReport> = (r) =>
  asJson({
    leaders: r.leaders.map((l) => ({ id: l.id, display: l.display, name: l.name, title: l.title, aliases: l.aliases ?? [] })),
  });

export const LEADER_FORMATS: Record<LeaderFormat, Formatter<LeadersReport>> = { table: leadersAsTable, json: leadersAsJson };
