// Record rules: every `submitted` / `done_periods` entry names a period the duty or task has, once.

import type { Diagnostic } from '../../model/diagnostic.js';
import type { Period } from '../../model/period.js';
import { yearOf } from '../../period/calendar.js';
import { parsePeriod } from '../../period/parse-period.js';
import { dutySchedule, periodsOfYear, recurrenceOfLabel } from '../../period/recurrence.js';
import type { NodePath, SourceFile } from '../source-file.js';
import { eachTask } from '../walk.js';
import type { Rule } from './context.js';

function read(text: string | undefined): Period | undefined {
  if (text === undefined) return undefined;
  const r = parsePeriod(text);
  return r.ok ? r.period : undefined;
}

function checkRecords(
  src: SourceFile,
  records: { period: string }[],
  path: NodePath,
  what: string,
  every: Period['every'],
  first: number,
  last: number | undefined,
  out: Diagnostic[],
): void {
  const seen = new Set<string>();
  for (const [i, rec] of records.entries()) {
    const at = [...path, i, 'period'];
    const label = recurrenceOfLabel(rec.period);
    const example = every ? periodsOfYear(every, Math.max(first, 2025)).map((p) => p.period).join(', ') : '';
    if (!label || label.every !== every) {
      out.push(src.diagnostic('RECORD_PERIOD_INVALID', `${what} has no period "${rec.period}"`, at, { hint: `its periods are written like ${example}` }));
    } else if (label.year < first || (last !== undefined && label.year > last)) {
      out.push(
        src.diagnostic('RECORD_PERIOD_INVALID', `${what} runs ${first}–${last ?? '…'}; "${rec.period}" is outside it`, at, {
          hint: 'check the year, or the first/last years of the duty',
        }),
      );
    } else if (seen.has(rec.period)) {
      out.push(src.diagnostic('RECORD_PERIOD_INVALID', `${what} records period "${rec.period}" twice`, at, { hint: 'keep one record per period' }));
    }
    seen.add(rec.period);
  }
}

export const recordsMatchPeriods: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { src, data } of ctx.decisions) {
    const term = read(data.decision.term);
    const termFirst = term?.from ? yearOf(term.from) : yearOf(data.decision.signed);
    const termLast = term?.to ? yearOf(term.to) : undefined;
    for (const [i, r] of (data.reporting ?? []).entries()) {
      const periods = r.due.map(read).filter((p): p is Period => p !== undefined);
      if (periods.length !== r.due.length) continue; // periodsRead reports the phrase
      if (periods.some((p) => p.kind !== 'annual-deadline' && p.kind !== 'recurring')) continue; // periodsRead reports PERIOD_KIND
      const schedule = dutySchedule(periods);
      if (!schedule.ok) {
        out.push(src.diagnostic('VALUE_INVALID', `reporting duty ${r.id}: ${schedule.message}`, ['reporting', i, 'due']));
        continue;
      }
      checkRecords(src, r.submitted ?? [], ['reporting', i, 'submitted'], `reporting duty ${r.id}`, schedule.every, r.first ?? termFirst, r.last ?? termLast, out);
    }
    for (const { task, taskPath } of eachTask(data)) {
      const done = task.status?.done_periods;
      if (!done) continue;
      const due = read(task.when ?? task.due);
      const path = [...taskPath, 'status', 'done_periods'];
      if (due?.kind !== 'recurring' || !due.every) {
        out.push(src.diagnostic('RECORD_PERIOD_INVALID', `task ${task.id} does not recur, so it has no periods to record`, path, { key: true, hint: 'record the task as a whole: `state: done` with `on:`' }));
        continue;
      }
      const start = read(task.start);
      const first = start?.from ? yearOf(start.from) : termFirst;
      checkRecords(src, done, path, `task ${task.id}`, due.every, first, termLast, out);
    }
  }
  return out;
};
