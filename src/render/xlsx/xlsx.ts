// The xlsx formatters of render, tasks, overdue, status, targets and attainment: sheets built from
// the report, written by exceljs. Imported only when --format xlsx is asked for.

import type { AppendixReport } from '../../report/appendix-tables.js';
import type { AttainmentReport } from '../../report/attainment/attainment.js';
import type { OverdueReport } from '../../report/overdue.js';
import type { StatusReport } from '../../report/status.js';
import type { TargetsReport } from '../../report/targets.js';
import type { TasksReport } from '../../report/tasks.js';
import type { BinaryFormatter } from '../context.js';
import { appendixSheets, attainmentSheets, overdueSheets, statusSheets, targetsSheets, tasksSheets } from './sheets.js';
import { writeWorkbook } from './workbook.js';

export const appendixAsXlsx: BinaryFormatter<AppendixReport> = (r, ctx) => writeWorkbook(appendixSheets(r, ctx));
export const tasksAsXlsx: BinaryFormatter<TasksReport> = (r, ctx) => writeWorkbook(tasksSheets(r, ctx));
export const overdueAsXlsx: BinaryFormatter<OverdueReport> = (r, ctx) => writeWorkbook(overdueSheets(r, ctx));
export const statusAsXlsx: BinaryFormatter<StatusReport> = (r, ctx) => writeWorkbook(statusSheets(r, ctx));
export const targetsAsXlsx: BinaryFormatter<TargetsReport> = (r, ctx) => writeWorkbook(targetsSheets(r, ctx));
export const attainmentAsXlsx: BinaryFormatter<AttainmentReport> = (r, ctx) => writeWorkbook(attainmentSheets(r, ctx));
