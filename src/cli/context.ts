// Options every command shares (--plans, --as-of, --no-color, --format) and loading checked plans.

import type { Formatter, RenderContext } from '../render/context.js';
import { loadPlans } from '../load/load-plans.js';
import { cacheDir } from '../load/plan-cache.js';
import type { PlanSet } from '../model/plan-set.js';
import { resolve } from 'node:path';
import { isIsoDay } from '../period/calendar.js';
import { closest } from '../load/did-you-mean.js';
import { DEFAULT_LANG, LANGS, isLang, type Lang } from '../render/i18n/lang.js';
import { DEFAULT_PLANS_DIR, DEFAULT_WITHIN_DAYS } from './defaults.js';
import { Exit, UsageError, type Io } from './io.js';
import { notePlanFiles } from './replay.js';

export interface CommonOptions {
  plans?: string;
  asOf?: string;
  color?: boolean;
  format?: string;
  /** --lang: the language of human formats (env PLAN_LANG; default Vietnamese). */
  lang?: string;
  /** --out FILE, on the commands that write Word or Excel (src/cli/output.ts). */
  out?: string;
}

export interface CommandEnv {
  io: Io;
  plansDir: string;
  asOf: string;
  render: RenderContext;
}

export function parseDay(value: string, flag: string): string {
  if (!isIsoDay(value)) throw new UsageError(`${flag} takes a calendar day written YYYY-MM-DD, such as 2024-07-01; got "${value}"`);
  return value;
}

/** The days from 0001-01-01 to 9999-12-31: a window longer than the calendar means nothing more. */
const CALENDAR_DAYS = 3_652_058;

export function parseCount(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number of days; got "${value}"`);
  // Past 2^53 the number read would not be the one typed; past the calendar no day is left to reach.
  if (value.replace(/^0+(?=\d)/, '').length > 7 || Number(value) > CALENDAR_DAYS) throw new UsageError(`${flag} takes at most ${CALENDAR_DAYS.toLocaleString('en')} days (0001-01-01 to 9999-12-31); got ${value}`);
  return Number(value);
}

/** The language from --lang, else PLAN_LANG, else Vietnamese; anything else is a usage error. */
export function parseLang(flag: string | undefined, env: Io['env']): Lang {
  const value = flag ?? (env['PLAN_LANG'] || undefined);
  if (value === undefined) return DEFAULT_LANG;
  if (!isLang(value)) throw new UsageError(`${flag !== undefined ? '--lang' : 'PLAN_LANG'} takes one of ${LANGS.join(', ')}; got "${value}"`);
  return value;
}

/** --within DAYS, DEFAULT_WITHIN_DAYS when not given. */
export function withinDays(value: string | undefined): number {
  return value === undefined ? DEFAULT_WITHIN_DAYS : parseCount(value, '--within');
}

/**
 * The formatter a --format name picks from a report's registry. Commander already refused a name
 * not in src/render/formats.ts; this keeps a run module called any other way just as strict.
 */
export function formatter<F extends string, R>(registry: Record<F, Formatter<R>>, name: string | undefined): Formatter<R> {
  const names = Object.keys(registry) as F[];
  if (name === undefined) return registry[names[0]!];
  const found = names.find((n) => n === name);
  if (found === undefined) throw new UsageError(`--format takes ${names.join(', ')}; got "${name}"`);
  return registry[found];
}

export function commandEnv(opts: CommonOptions, io: Io): CommandEnv {
  // Given means given: an empty --as-of is refused (src/cli/empty-values.ts), never taken as today.
  const asOf = opts.asOf !== undefined ? parseDay(opts.asOf, '--as-of') : io.env['PLAN_AS_OF'] ? parseDay(io.env['PLAN_AS_OF'], 'PLAN_AS_OF') : io.today();
  const noColorEnv = io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '';
  const force = io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0';
  const color = opts.color !== false && !noColorEnv && (Boolean(io.stdout.isTTY) || force);
  // A terminal's own width; piped, COLUMNS or 80 (the width a table is checked at).
  const width = Number(io.env['COLUMNS']) || io.stdout.columns || 80;
  return {
    io,
    plansDir: opts.plans ?? (io.env['PLAN_DIR'] || DEFAULT_PLANS_DIR),
    asOf,
    render: { color, width: Math.max(40, width), lang: parseLang(opts.lang, io.env) },
  };
}

/** How findings are rendered on stderr: as stdout is, but in colour only when stderr is a terminal too. */
export function stderrRender(env: CommandEnv): RenderContext {
  return { ...env.render, color: env.render.color && Boolean(env.io.stderr.isTTY) };
}

/** Loads the plans and stops with exit code 1 (after printing the findings) if they do not validate. */
export async function loadCheckedPlans(env: CommandEnv, outcome = 'nothing reported'): Promise<PlanSet> {
  const dir = cacheDir(env.io.env);
  const r = await loadPlans(dir ? { dir: env.plansDir, cwd: env.io.cwd, cacheDir: dir } : { dir: env.plansDir, cwd: env.io.cwd });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.plans || errors.length > 0) {
    // Findings are rendered only when there are some: the warm path loads none of it.
    const { diagnosticAsText } = await import('../render/diagnostics.js');
    const ctx = stderrRender(env);
    const shown = errors.slice(0, 20);
    for (const d of shown) env.io.stderr.write(diagnosticAsText(d, ctx));
    if (errors.length > shown.length) env.io.stderr.write(`… and ${errors.length - shown.length} more\n`);
    env.io.stderr.write(`plan: the plan files have ${errors.length} error${errors.length === 1 ? '' : 's'}; ${outcome} (run "plan validate" for all findings)\n`);
    throw new Exit(1);
  }
  notePlanFiles(resolve(env.io.cwd, env.plansDir), r.paths.map((p) => resolve(env.io.cwd, p)));
  return r.plans;
}

/** A usage error for a name that matched nothing, with the closest candidate. */
export function notFound(message: string, query: string, candidates: string[]): UsageError {
  const guess = closest(query, candidates);
  return new UsageError(guess ? `${message}; did you mean "${guess}"?` : `${message}; known: ${candidates.slice(0, 12).join(', ')}${candidates.length > 12 ? ', …' : ''}`);
}
