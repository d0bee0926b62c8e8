// The Word and Excel entries of the format registries: each loads its renderer (and the docx or
// exceljs library under it) through import() only when that format is asked for, so no other
// format, and no start-up, pays for them (test/cli/startup-lazy.test.ts).

import type { AppendixReport } from '../report/appendix-tables.js';
import type { AttainmentReport } from '../report/attainment/attainment.js';
import type { OverdueReport } from '../report/overdue.js';
import type { ReportDocument } from '../report/report.js';
import type { StatusReport } from '../report/status.js';
import type { TargetsReport } from '../report/targets.js';
import type { TasksReport } from '../report/tasks.js';
import type { BinaryFormatter } from './context.js';

export const appendixXlsx: BinaryFormatter<AppendixReport> = async (r, ctx) => (await import('./xlsx/xlsx.js')).appendixAsXlsx(r, ctx);
export const tasksXlsx: BinaryFormatter<TasksReport> = async (r, ctx) => (await import('./xlsx/xlsx.js')).tasksAsXlsx(r, ctx);
export const overdueXlsx: BinaryFormatter<OverdueReport> = async (r, ctx) => (await import('./xlsx/xlsx.js')).overdueAsXlsx(r, ctx);
export const statusXlsx: BinaryFormatter<StatusReport> = async (r, ctx) => (await import('./xlsx/xlsx.js')).statusAsXlsx(r, ctx);
export const targetsXlsx: BinaryFormatter<TargetsReport> = async (r, ctx) => (await import('./xlsx/xlsx.js')).targetsAsXlsx(r, ctx);
export const attainmentXlsx: BinaryFormatter<AttainmentReport> = async (r, ctx) => (await import('./xlsx/xlsx.js')).attainmentAsXlsx(r, ctx);
export const appendixDocx: BinaryFormatter<AppendixReport> = async (r, ctx) => (await import('./docx/appendix-docx.js')).appendixAsDocx(r, ctx);
export const reportDocx: BinaryFormatter<ReportDocument> = async (r, ctx) => (await import('./docx/report-docx.js')).reportAsDocx(r, ctx);
