// A decision's appendix tables as the document shows them: its columns, group rows with their
// counts, task and content rows with cells as written, and totals computed from the rows.

import type { ColumnField, ContentItem, Group, Task } from '../model/decision.js';
import type { UnitRef } from '../model/common.js';
import type { DecisionView, PlanSet, TaskView } from '../model/plan-set.js';
import { resolveLeaders, resolveUnits } from '../model/refs.js';
import type { DerivedStatus } from './task-state.js';
import { deriveAll } from './tasks.js';

export type TableField = ColumnField | 'state';

export interface TableColumn {
  field: TableField;
  /** The header as the document writes it (generic for body sections). */
  header: string;
}

export interface RowState {
  state: DerivedStatus['state'];
  daysLate: number | null;
  daysLeft: number | null;
  late: boolean | null;
}

export interface GroupRow {
  kind: 'group';
  no: string;
  cells: Partial<Record<TableField, string>>;
  /** Rows under the group, counted from the data. */
  count: number;
  declaredCount: number | null;
}

export interface ItemRow {
  kind: 'task' | 'content';
  id: string;
  no: string;
  cells: Partial<Record<TableField, string>>;
  /** One merged cell ("when") stands in both period columns. */
  mergedPeriod: boolean;
  state: RowState | null;
}

export interface TableGroup {
  row: GroupRow;
  rows: ItemRow[];
}

export interface AppendixTable {
  id: string;
  /** appendix: a table of the document; sections: the tasks of its body, shown with generic headers. */
  source: 'appendix' | 'sections';
  label: string | null;
  title: string | null;
  note: string | null;
  columns: TableColumn[];
  groups: TableGroup[];
  /** The total row the document shows (label as written), with the total computed from the rows. */
  total: { label: string | null; value: number; declared: number | null; shown: boolean };
}

export interface AppendixReport {
  decision: { number: string; key: string; title: string; issuer: string; signed: string };
  asOf: string | null;
  withStatus: boolean;
  tables: AppendixTable[];
}

/** Generic Vietnamese headers for body sections, which the document does not lay out as a table. */
export const SECTION_HEADERS: Record<ColumnField, string> = {
  no: 'TT',
  content: 'Nội dung nhiệm vụ',
  count: 'Số nhiệm vụ',
  lead: 'Đơn vị chủ trì',
  support: 'Đơn vị phối hợp',
  start: 'Thời gian bắt đầu',
  due: 'Thời gian hoàn thành',
  when: 'Thời gian thực hiện',
  leader: 'Lãnh đạo phụ trách',
  product: 'Sản phẩm',
  mode: 'Phương thức',
};

export const STATE_HEADER_VI = 'Tình trạng';

export interface AppendixOptions {
  /** Only this appendix (by id); undefined for all. */
  appendix?: string;
  /** The body sections instead of the appendices (the default for a decision with no appendix). */
  sections?: boolean;
  /** Add each task's derived state as of this day. */
  asOf?: string;
  within?: number;
}

interface Ctx {
  plans: PlanSet;
  taskById: Map<string, TaskView>;
  states: Map<TaskView, DerivedStatus> | null;
}

function unitsText(ctx: Ctx, ref: UnitRef | undefined): string {
  return resolveUnits(ref, ctx.plans.unitById)?.asWritten ?? '';
}

function periodCells(task: Task, columns: TableColumn[]): { cells: Partial<Record<TableField, string>>; merged: boolean } {
  const has = (f: TableField) => columns.some((c) => c.field === f);
  const cells: Partial<Record<TableField, string>> = {};
  if (has('start')) cells.start = task.start ?? task.when ?? '';
  if (has('due')) cells.due = task.due ?? task.when ?? '';
  if (has('when')) cells.when = task.when ?? [task.start, task.due].filter((p) => p !== undefined).join(' - ');
  return { cells, merged: task.when !== undefined && has('start') && has('due') };
}

function taskRow(ctx: Ctx, task: Task, columns: TableColumn[]): ItemRow {
  const view = ctx.taskById.get(task.id);
  const period = periodCells(task, columns);
  const cells: Partial<Record<TableField, string>> = { ...period.cells };
  for (const { field } of columns) {
    switch (field) {
      case 'no':
        cells.no = task.no ?? task.id;
        break;
      case 'content':
        cells.content = task.content;
        break;
      case 'lead':
        // A lead the group row names is shown there, not repeated on every task.
        cells.lead = unitsText(ctx, task.lead);
        break;
      case 'support':
        cells.support = unitsText(ctx, task.support);
        break;
      case 'leader':
        cells.leader = resolveLeaders(task.leader, ctx.plans.leaderById)?.asWritten ?? '';
        break;
      case 'product':
        cells.product = task.product ?? '';
        break;
      case 'count':
      case 'mode':
      case 'state':
        cells[field] = '';
        break;
    }
  }
  const s = view && ctx.states ? ctx.states.get(view) : undefined;
  return {
    kind: 'task',
    id: task.id,
    no: task.no ?? task.id,
    cells,
    mergedPeriod: period.merged,
    state: s ? { state: s.state, daysLate: s.daysLate, daysLeft: s.daysLeft, late: s.late } : null,
  };
}

function contentRow(item: ContentItem, columns: TableColumn[]): ItemRow {
  const cells: Partial<Record<TableField, string>> = {};
  for (const { field } of columns) cells[field] = field === 'no' ? (item.no ?? item.id) : field === 'content' ? item.content : field === 'mode' ? item.mode : '';
  return { kind: 'content', id: item.id, no: item.no ?? item.id, cells, mergedPeriod: false, state: null };
}

function groupRow(ctx: Ctx, group: Group, columns: TableColumn[]): GroupRow {
  const count = (group.tasks?.length ?? 0) + (group.contents?.length ?? 0);
  const lead = unitsText(ctx, group.lead);
  const cells: Partial<Record<TableField, string>> = {};
  for (const { field } of columns) {
    if (field === 'no') cells.no = group.no;
    else if (field === 'content') cells.content = group.title ?? lead;
    else if (field === 'count') cells.count = String(count);
    // 88/QĐ-BHXH's group row is the lead unit itself; elsewhere a group's lead goes in its column.
    else if (field === 'lead') cells.lead = group.title !== undefined && group.title !== lead ? lead : '';
    else cells[field] = '';
  }
  return { kind: 'group', no: group.no, cells, count, declaredCount: group.declared_count ?? null };
}

function buildTable(ctx: Ctx, spec: Omit<AppendixTable, 'groups' | 'total'>, groups: Group[], total: { label: string | null; declared: number | null }): AppendixTable {
  const tableGroups = groups.map((g) => ({
    row: groupRow(ctx, g, spec.columns),
    rows: [...(g.tasks ?? []).map((t) => taskRow(ctx, t, spec.columns)), ...(g.contents ?? []).map((c) => contentRow(c, spec.columns))],
  }));
  const value = tableGroups.reduce((n, g) => n + g.rows.length, 0);
  return { ...spec, groups: tableGroups, total: { label: total.label, value, declared: total.declared, shown: total.label !== null } };
}

/** The columns a body-section table needs: only those some row fills. */
function sectionColumns(ctx: Ctx, groups: Group[]): TableColumn[] {
  const tasks = groups.flatMap((g) => g.tasks ?? []);
  const fields: ColumnField[] = ['no', 'content'];
  const groupLeadDiffers = groups.some((g) => g.lead !== undefined && g.title !== undefined && g.title !== unitsText(ctx, g.lead));
  if (groupLeadDiffers || tasks.some((t) => t.lead !== undefined)) fields.push('lead');
  if (tasks.some((t) => t.support !== undefined)) fields.push('support');
  if (tasks.some((t) => t.when !== undefined || t.start !== undefined || t.due !== undefined)) fields.push('when');
  if (tasks.some((t) => t.leader !== undefined)) fields.push('leader');
  if (tasks.some((t) => t.product !== undefined)) fields.push('product');
  return fields.map((field) => ({ field, header: SECTION_HEADERS[field] }));
}

export type AppendixResult = { ok: true; report: AppendixReport } | { ok: false; message: string; candidates: string[] };

/** The ids `--appendix` accepts for a decision. */
export function appendixIds(d: DecisionView): string[] {
  return (d.data.appendices ?? []).map((a) => a.id);
}

/** Builds the tables of one decision: its appendices (or one of them), or its body sections. */
export function buildAppendixReport(plans: PlanSet, d: DecisionView, opts: AppendixOptions = {}): AppendixResult {
  const states = opts.asOf !== undefined ? deriveAll(plans, opts.asOf, opts.within) : null;
  const ctx: Ctx = { plans, taskById: new Map(d.tasks.map((t) => [t.id, t])), states };
  const stateColumn: TableColumn[] = states ? [{ field: 'state', header: STATE_HEADER_VI }] : [];
  const appendices = d.data.appendices ?? [];
  const tables: AppendixTable[] = [];
  const useSections = opts.sections === true || (appendices.length === 0 && opts.appendix === undefined);

  if (opts.appendix !== undefined) {
    const a = appendices.find((x) => x.id === opts.appendix);
    if (!a) {
      const ids = appendixIds(d);
      return {
        ok: false,
        message: ids.length === 0 ? `${d.number} has no appendix; leave out --appendix to render the tasks of its body sections` : `${d.number} has no appendix "${opts.appendix}"; its appendices: ${ids.join(', ')}`,
        candidates: ids,
      };
    }
  }

  if (useSections) {
    const groups = d.data.sections ?? [];
    if (groups.length > 0) {
      const columns = [...sectionColumns(ctx, groups), ...stateColumn];
      tables.push(buildTable(ctx, { id: 'sections', source: 'sections', label: null, title: null, note: null, columns }, groups, { label: null, declared: null }));
    }
  } else {
    for (const a of appendices) {
      if (opts.appendix !== undefined && a.id !== opts.appendix) continue;
      // A table of training contents has no tasks, so nothing to give a state.
      const hasTasks = a.groups.some((g) => (g.tasks?.length ?? 0) > 0);
      const columns = [...a.columns.map((c) => ({ field: c.field, header: c.header })), ...(hasTasks ? stateColumn : [])];
      tables.push(
        buildTable(ctx, { id: a.id, source: 'appendix', label: a.label ?? null, title: a.title, note: a.note ?? null, columns }, a.groups, {
          label: a.total_label ?? null,
          declared: a.declared_total ?? null,
        }),
      );
    }
  }

  return {
    ok: true,
    report: {
      decision: { number: d.number, key: d.key, title: d.meta.title, issuer: d.meta.issuer, signed: d.meta.signed },
      asOf: opts.asOf ?? null,
      withStatus: states !== null,
      tables,
    },
  };
}
