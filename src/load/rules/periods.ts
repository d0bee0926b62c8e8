// Period rules: every phrase reads, start does not fall after due, recurring phrases only where they fit.

import type { Diagnostic } from '../../model/diagnostic.js';
import type { Period } from '../../model/period.js';
import { addMonths } from '../../period/calendar.js';
import { parsePeriod } from '../../period/parse-period.js';
import type { NodePath, SourceFile } from '../source-file.js';
import { eachTask } from '../walk.js';
import type { Rule } from './context.js';

function read(src: SourceFile, text: string | undefined, path: NodePath, out: Diagnostic[]): Period | undefined {
  if (text === undefined) return undefined;
  const r = parsePeriod(text);
  if (r.ok) return r.period;
  out.push(src.diagnostic(r.code, r.message, path, r.hint ? { hint: r.hint } : {}));
  return undefined;
}

/** How long before signing a task's start period may end without a warning (a task carried over). */
export const START_GRACE_MONTHS = 6;

const YEARLY_ONLY: Period['kind'][] = ['annual-deadline'];

export const periodsRead: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { src, data } of ctx.decisions) {
    const term = read(src, data.decision.term, ['decision', 'term'], out);
    if (term && !['year', 'year-range', 'ongoing'].includes(term.kind)) {
      out.push(src.diagnostic('PERIOD_KIND', `a decision's term is a year or a range of years, not "${term.text}"`, ['decision', 'term']));
    }
    for (const { task, taskPath } of eachTask(data)) {
      const start = read(src, task.start, [...taskPath, 'start'], out);
      const due = read(src, task.due, [...taskPath, 'due'], out);
      const when = read(src, task.when, [...taskPath, 'when'], out);
      if (task.when !== undefined && (task.start !== undefined || task.due !== undefined)) {
        out.push(
          src.diagnostic('PERIOD_CONFLICT', `task ${task.id} has both "when" and "${task.start !== undefined ? 'start' : 'due'}"`, [...taskPath, 'when'], {
            key: true,
            hint: '"when" is one cell for start and finish; use either it or start/due',
          }),
        );
      }
      for (const [p, field] of [
        [start, 'start'],
        [due, 'due'],
        [when, 'when'],
      ] as const) {
        if (p && YEARLY_ONLY.includes(p.kind)) {
          out.push(src.diagnostic('PERIOD_KIND', `"${p.text}" is a yearly deadline; it belongs in a reporting duty, not a task's ${field}`, [...taskPath, field]));
        }
      }
      if (start?.from && due?.to && start.from > due.to) {
        out.push(src.diagnostic('START_AFTER_DUE', `task ${task.id} starts (${start.from}, "${start.text}") after it is due (${due.to}, "${due.text}")`, [...taskPath, 'start'], { hint: 'check the two period cells against the document' }));
      }
      const waiting = [start, due, when].some((p) => p?.kind === 'waiting');
      if (task.within !== undefined && !waiting) {
        out.push(src.diagnostic('PERIOD_CONFLICT', `task ${task.id} gives "within" but does not wait on an event`, [...taskPath, 'within'], { key: true, hint: '"within" is the time allowed after a "Sau khi …" event' }));
      }
      if (task.occurred !== undefined && !waiting) {
        out.push(src.diagnostic('OCCURRED_UNUSED', `task ${task.id} records an event but its periods do not wait on one`, [...taskPath, 'occurred'], { severity: 'warning', key: true }));
      }
      const signed = data.decision.signed;
      const end = (due ?? when)?.to;
      const endField = task.due !== undefined ? 'due' : 'when';
      if (end && end < signed) {
        out.push(src.diagnostic('DUE_BEFORE_SIGNED', `task ${task.id} is due (${end}) before the decision was signed (${signed})`, [...taskPath, endField], { severity: 'warning' }));
      }
      // A task that began before the term and runs past it is a longer project the decision takes
      // part in (88/QĐ-BHXH 15.3: "Năm 2023" to "Năm 2025" in the 2024 programme), not a slip of the year.
      const longer = term?.from && (start ?? when)?.from && (start ?? when)!.from! < term.from;
      if (end && term?.to && end > term.to && !longer) {
        out.push(
          src.diagnostic('DUE_AFTER_TERM', `task ${task.id} is due (${end}, "${(due ?? when)!.text}") after the decision's term ends (${term.to}, "${term.text}")`, [...taskPath, endField], {
            severity: 'warning',
            hint: 'check the year against the document',
          }),
        );
      }
      // A start period that ended well before signing is most likely a wrong year; a task already
      // under way when the decision was signed (a quarter or a month before) is carried over.
      const begin = (start ?? when)?.to;
      if (begin && begin < addMonths(signed, -START_GRACE_MONTHS)) {
        out.push(
          src.diagnostic('START_BEFORE_SIGNED', `task ${task.id} starts (${(start ?? when)!.text}, over by ${begin}) long before the decision was signed (${signed})`, [...taskPath, task.start !== undefined ? 'start' : 'when'], {
            severity: 'warning',
            hint: 'check the year against the document',
          }),
        );
      }
    }
    for (const [i, r] of (data.reporting ?? []).entries()) {
      for (const [j, phrase] of r.due.entries()) {
        const p = read(src, phrase, ['reporting', i, 'due', j], out);
        if (p && p.kind !== 'annual-deadline' && !(p.kind === 'recurring' && (p.every === 'year' || p.every === 'half'))) {
          out.push(
            src.diagnostic('PERIOD_KIND', `a reporting deadline recurs each year; "${p.text}" does not`, ['reporting', i, 'due', j], {
              hint: 'write "trước ngày 15 tháng 11" or "Hằng năm"',
            }),
          );
        }
      }
      if (r.first !== undefined && r.last !== undefined && r.first > r.last) {
        out.push(src.diagnostic('VALUE_INVALID', `reporting duty ${r.id} starts in ${r.first}, after its last year ${r.last}`, ['reporting', i, 'first']));
      }
    }
  }
  return out;
};

export const statusConsistent: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  for (const { src, data } of ctx.decisions) {
    for (const { task, taskPath } of eachTask(data)) {
      const s = task.status;
      if (!s) continue;
      if (s.state === 'not-started' && s.on !== undefined) {
        out.push(src.diagnostic('STATUS_INVALID', `a not-started task has no date of completion`, [...taskPath, 'status', 'on'], { key: true, hint: 'remove `on:` or set `state: done`' }));
      }
      if (s.reason !== undefined && s.state !== 'cancelled') {
        out.push(src.diagnostic('STATUS_INVALID', `only a cancelled task has a reason`, [...taskPath, 'status', 'reason'], { key: true }));
      }
    }
  }
  return out;
};
