// Options every command shares (--plans, --as-of, --no-color, --format) and loading checked plans.

import { diagnosticAsText } from '../render/diagnostics.js';
import type { RenderContext } from '../render/context.js';
import { loadPlans } from '../load/load-plans.js';
import { cacheDir } from '../load/plan-cache.js';
import type { PlanSet } from '../model/plan-set.js';
import { isIsoDay } from '../period/calendar.js';
import { closest } from '../load/did-you-mean.js';
import { DEFAULT_LANG, LANGS, isLang, type Lang } from '../render/i18n/lang.js';
import { Exit, UsageError, type Io } from './io.js';

export interface CommonOptions {
  plans?: string;
  asOf?: string;
  color?: boolean;
  format?: string;
  /** --lang: the language of human formats (env PLAN_LANG; default Vietnamese). */
  lang?: string;
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

export function parseCount(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number of days; got "${value}"`);
  return Number(value);
}

/** The language from --lang, else PLAN_LANG, else Vietnamese; anything else is a usage error. */
export function parseLang(flag: string | undefined, env: Io['env']): Lang {
  const value = flag ?? (env['PLAN_LANG'] || undefined);
  if (value === undefined) return DEFAULT_LANG;
  if (!isLang(value)) throw new UsageError(`${flag !== undefined ? '--lang' : 'PLAN_LANG'} takes one of ${LANGS.join(', ')}; got "${value}"`);
  return value;
}

export function commandEnv(opts: CommonOptions, io: Io): CommandEnv {
  const asOfText = opts.asOf ?? io.env['PLAN_AS_OF'];
  const asOf = asOfText ? parseDay(asOfText, opts.asOf ? '--as-of' : 'PLAN_AS_OF') : io.today();
  const noColorEnv = io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '';
  const force = io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0';
  const color = opts.color !== false && !noColorEnv && (Boolean(io.stdout.isTTY) || force);
  // A terminal's own width; piped, COLUMNS or 80 (the width a table is checked at).
  const width = Number(io.env['COLUMNS']) || io.stdout.columns || 80;
  return {
    io,
    plansDir: opts.plans ?? io.env['PLAN_DIR'] ?? 'plans',
    asOf,
    render: { color, width: Math.max(40, width), lang: parseLang(opts.lang, io.env) },
  };
}

/** Loads the plans and stops with exit code 1 (after printing the findings) if they do not validate. */
export async function loadCheckedPlans(env: CommandEnv, outcome = 'nothing reported'): Promise<PlanSet> {
  const dir = cacheDir(env.io.env);
  const r = await loadPlans(dir ? { dir: env.plansDir, cwd: env.io.cwd, cacheDir: dir } : { dir: env.plansDir, cwd: env.io.cwd });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (!r.plans || errors.length > 0) {
    const ctx = { ...env.render, color: env.render.color && Boolean(env.io.stderr.isTTY) };
    const shown = errors.slice(0, 20);
    for (const d of shown) env.io.stderr.write(diagnosticAsText(d, ctx));
    if (errors.length > shown.length) env.io.stderr.write(`… and ${errors.length - shown.length} more\n`);
    env.io.stderr.write(`plan: the plan files have ${errors.length} error${errors.length === 1 ? '' : 's'}; ${outcome} (run "plan validate" for all findings)\n`);
    throw new Exit(1);
  }
  return r.plans;
}

/** A usage error for a name that matched nothing, with the closest candidate. */
export function notFound(message: string, query: string, candidates: string[]): UsageError {
  const guess = closest(query, candidates);
  return new UsageError(guess ? `${message}; did you mean "${guess}"?` : `${message}; known: ${candidates.slice(0, 12).join(', ')}${candidates.length > 12 ? ', …' : ''}`);
}
