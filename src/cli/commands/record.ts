// plan done / progress / occurred / cancel: record progress in a plan file without hand-editing it.
// The file is edited in place at the task's (or duty's) node only, checked with the loader before
// it is written, and replaced atomically; --dry-run prints the change as a unified diff instead.

import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { DecisionView, DutyView, PlanSet, TaskView } from '../../model/plan-set.js';
import { decodeText } from '../../load/decode-text.js';
import { loadPlans } from '../../load/load-plans.js';
import { LOCK_WAIT_MS, LockTimeoutError, lockPlanFile, type PlanLock } from '../../load/plan-lock.js';
import { assertWritable, ConcurrentEditError, readPlanBytes, ReadOnlyError, writePlanFile } from '../../load/write-plan-file.js';
import { dutyEdit, editNode, EditError, taskEdit, type Recording } from '../../edit/record-progress.js';
import type { MapEdit } from '../../edit/yaml-splice.js';
import { unifiedDiff } from '../../edit/unified-diff.js';
import { endOfSpan, parseDuration } from '../../period/duration.js';
import { dutySchedule, recurrenceOfLabel, taskDeadlines, type Deadline } from '../../period/recurrence.js';
import { LAST_YEAR, yearOf } from '../../period/calendar.js';
import { yearSpan } from '../../report/recurring.js';
import { findDecision } from '../../report/select.js';
import { diagnosticAsText } from '../../render/diagnostics.js';
import { commandEnv, loadCheckedPlans, notFound, parseDay, stderrRender, type CommandEnv, type CommonOptions } from '../context.js';
import { UsageError, type Io } from '../io.js';

export type RecordCommand = 'done' | 'progress' | 'occurred' | 'cancel';

export interface RecordOptions extends CommonOptions {
  on?: string;
  period?: string;
  note?: string;
  within?: string;
  reason?: string;
  dryRun?: boolean;
  force?: boolean;
}

/** Every period label from a span of years, for a period that was mistyped. */
function labels(deadlines: (year: number) => Deadline[], first: number, last: number): string[] {
  const out: string[] = [];
  for (let y = first; y <= last; y++) for (const d of deadlines(y)) out.push(d.period);
  return out;
}

function checkPeriod(period: string, what: string, deadlines: (year: number) => Deadline[], first: number, last: number | null, asOf: string): void {
  const known = labels(deadlines, first, last ?? Math.max(first, Math.min(LAST_YEAR, yearOf(asOf) + 1)));
  const label = recurrenceOfLabel(period);
  const fits = label !== undefined && deadlines(label.year).some((d) => d.period === period) && label.year >= first && (last === null || label.year <= last);
  if (!fits) throw notFound(`${what} has no period "${period}" (it runs ${first}–${last ?? '…'})`, period, known);
}

function nonEmpty(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs some text`);
  return value;
}

interface Target {
  path: (string | number)[];
  edit: MapEdit;
  /** What the confirmation says after the decision number. */
  done: string;
  /** "task 4.1" or "duty bao-cao-nam", for messages. */
  node: string;
}

function dutyTarget(cmd: RecordCommand, d: DecisionView, duty: DutyView, opts: RecordOptions, on: string, asOf: string): Target {
  if (cmd !== 'done') throw new UsageError(`"${duty.id}" is a reporting duty of ${d.number}, not a task; record a report with: plan done ${d.number} ${duty.id} --period YEAR`);
  const schedule = dutySchedule(duty.due);
  if (!schedule.ok) throw new UsageError(`reporting duty ${duty.id}: ${schedule.message}`);
  const span = yearSpan(duty.first, duty.last, d.term, d.meta.signed, asOf);
  const example = schedule.deadlines(yearOf(asOf))[0]!.period;
  if (opts.period === undefined) throw new UsageError(`a reporting duty is done one period at a time: add --period (such as --period ${example})`);
  checkPeriod(opts.period, `reporting duty ${duty.id}`, schedule.deadlines, span.first, duty.last ?? (d.term?.to ? yearOf(d.term.to) : null), asOf);
  return { path: duty.path, edit: dutyEdit(opts.period, on), done: `report ${duty.id} for ${opts.period} submitted on ${on}`, node: `duty ${duty.id}` };
}

/** The day an in-progress task's work is dated from: its `on`, else its earliest note. */
function startedOn(task: TaskView): string | null {
  if (task.status.state !== 'in-progress') return null;
  return task.status.on ?? task.status.notes.reduce<string | null>((a, n) => (a === null || n.on < a ? n.on : a), null);
}

function taskTarget(cmd: RecordCommand, d: DecisionView, task: TaskView, opts: RecordOptions, on: string, asOf: string): Target {
  const target = (recording: Recording, done: string): Target => ({ path: task.path, edit: taskEdit(recording, task.status.state, startedOn(task)), done, node: `task ${task.id}` });
  const recurring = task.due?.kind === 'recurring' && task.due.every ? task.due.every : undefined;
  switch (cmd) {
    case 'done': {
      if (opts.period === undefined) return target({ kind: 'done', on }, `task ${task.id} done on ${on}`);
      if (!recurring) throw new UsageError(`task ${task.id} does not recur ("${task.due?.text ?? d.term?.text ?? 'no period'}"), so it has no periods; leave out --period to record it done`);
      const span = yearSpan(null, null, d.term, d.meta.signed, asOf);
      const first = task.start?.from ? Math.max(span.first, yearOf(task.start.from)) : span.first;
      checkPeriod(opts.period, `task ${task.id}`, (y) => taskDeadlines(recurring, y), first, d.term?.to ? yearOf(d.term.to) : null, asOf);
      return target({ kind: 'done-period', period: opts.period, on }, `task ${task.id}, period ${opts.period}, done on ${on}`);
    }
    case 'progress':
      return target({ kind: 'progress', on, note: opts.note! }, `task ${task.id}: progress note of ${on}`);
    case 'occurred': {
      const waits = [task.start, task.due].some((p) => p?.kind === 'waiting');
      if (!waits) throw new UsageError(`task ${task.id} does not wait on an event (its period is "${task.due?.text ?? task.start?.text ?? d.term?.text ?? 'none'}"); "plan occurred" records the day a "Sau khi …" event happened`);
      const within = opts.within ?? task.within ?? undefined;
      const duration = within ? parseDuration(within) : undefined;
      const due = duration ? `, so it is due ${endOfSpan(on, duration)} (${within} later)` : '';
      return target(opts.within === undefined ? { kind: 'occurred', on } : { kind: 'occurred', on, within: opts.within }, `task ${task.id}: its event occurred on ${on}${due}`);
    }
    case 'cancel':
      return target(opts.reason === undefined ? { kind: 'cancel', on } : { kind: 'cancel', on, reason: opts.reason }, `task ${task.id} cancelled on ${on}`);
  }
}

function findTarget(plans: PlanSet, cmd: RecordCommand, decisionArg: string, itemArg: string, opts: RecordOptions, on: string, asOf: string): { decision: DecisionView; target: Target } {
  const found = findDecision(plans, decisionArg);
  if (!found.ok) throw notFound(found.message, decisionArg, plans.decisions.flatMap((d) => [d.number, d.key]));
  const d = found.value;
  const task = d.tasks.find((t) => t.id === itemArg);
  if (task) return { decision: d, target: taskTarget(cmd, d, task, opts, on, asOf) };
  const duty = d.duties.find((r) => r.id === itemArg);
  if (duty) return { decision: d, target: dutyTarget(cmd, d, duty, opts, on, asOf) };
  const ids = [...d.tasks.map((t) => t.id), ...d.duties.map((r) => r.id)];
  throw notFound(`${d.number} has no task or reporting duty "${itemArg}"`, itemArg, ids);
}

export async function run(cmd: RecordCommand, decisionArg: string, itemArg: string, opts: RecordOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  const on = opts.on !== undefined ? parseDay(opts.on, '--on') : env.asOf;
  // A task done after the as-of day has not been done yet: most likely a typo. (A future note,
  // event or cancellation can be planned, and is recorded with a note that reports do not count it.)
  if (cmd === 'done' && on > env.asOf && !opts.force) {
    throw new UsageError(`--on ${on} is after the as-of day ${env.asOf}: that has not happened yet; check the date, or give --force to record it anyway`);
  }
  nonEmpty(opts.note, '--note');
  nonEmpty(opts.reason, '--reason');
  if (opts.within !== undefined) {
    if (!parseDuration(opts.within)) throw new UsageError(`--within takes a duration such as "30 ngày", "3 tháng", "1 năm" (or "30 days"); got "${opts.within}"`);
    // Written as the schema spells it: "3 Tháng " → "3 tháng".
    opts = { ...opts, within: opts.within.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ') };
  }
  const plans = await loadCheckedPlans(env, 'nothing changed');
  const { decision, target } = findTarget(plans, cmd, decisionArg, itemArg, opts, on, env.asOf);

  const file = decision.file;
  // A plan file reached through a link is edited where it lives; the link stays a link.
  const abs = realpathSync(resolve(io.cwd, file));
  const where = relative(io.cwd, abs) || file;
  if (!opts.dryRun) {
    try {
      assertWritable(abs);
    } catch (e) {
      if (e instanceof ReadOnlyError) throw new UsageError(`${e.message}; nothing changed`);
      throw e;
    }
  }
  // From reading the file to renaming the new one over it, this command alone edits it: another
  // recorder waits here, then edits what this one wrote.
  let lock: PlanLock | undefined;
  if (!opts.dryRun) {
    try {
      const wait = Number(io.env['PLAN_LOCK_WAIT_MS']);
      lock = await lockPlanFile(abs, Number.isFinite(wait) && wait >= 0 ? wait : LOCK_WAIT_MS);
    } catch (e) {
      if (e instanceof LockTimeoutError) {
        io.stderr.write(`plan: ${e.message}\n`);
        return 1;
      }
      throw new UsageError(`cannot lock ${where}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    for (const name of lock.cleaned) io.stderr.write(`plan: removed ${name}, left behind by an interrupted run\n`);
  }
  try {
    return await record({ io, env, opts, decision, target, file, abs, where, on });
  } finally {
    lock?.release();
  }
}

interface Recorder {
  io: Io;
  env: CommandEnv;
  opts: RecordOptions;
  decision: DecisionView;
  target: Target;
  /** The plan file as the plans name it, absolute, and as shown to the user. */
  file: string;
  abs: string;
  where: string;
  on: string;
}

/** Reads, edits, checks and writes the plan file (under its lock unless a dry run). */
async function record({ io, env, opts, decision, target, file, abs, where, on }: Recorder): Promise<number> {
  const original = readPlanBytes(abs);
  const decoded = decodeText(original);
  if (!decoded.ok) throw new UsageError(`${file}: ${decoded.message}`);
  const bom = decoded.hadBom ? '\uFEFF' : '';

  let text: string;
  try {
    text = editNode(decoded.text, target.path, target.edit).text;
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
    io.stderr.write(`plan: cannot record this in ${file} without touching text outside ${target.node}: ${e.message}; nothing changed\n`);
    return 1;
  }
  if (text === decoded.text) {
    io.stdout.write(`${decision.number} ${target.done}: already recorded in ${where}, nothing changed\n`);
    return 0;
  }

  // The edited text must pass every check the loader makes, with the other plan files as they are.
  const bytes = Buffer.from(bom + text, 'utf8');
  const checked = await loadPlans({ dir: env.plansDir, cwd: io.cwd, replace: { file, bytes } });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const ctx = stderrRender(env);
    for (const d of errors) io.stderr.write(diagnosticAsText(d, ctx));
    io.stderr.write(`plan: recording this would leave ${where} invalid (above); nothing changed\n`);
    return 1;
  }

  if (opts.dryRun) {
    io.stdout.write(unifiedDiff(decoded.text, text, `a/${where}`, `b/${where}`));
    return 0;
  }
  if (on > io.today()) io.stderr.write(`plan: note: ${on} is in the future; reports as of earlier days do not count it yet\n`);
  try {
    writePlanFile(abs, bytes, original);
  } catch (e) {
    if (e instanceof ConcurrentEditError) {
      io.stderr.write(`plan: ${e.message}\n`);
      return 1;
    }
    throw new UsageError(`cannot write ${where}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  io.stdout.write(`${decision.number} ${target.done} (${where})\n`);
  return 0;
}
