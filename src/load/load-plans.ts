// Reads every plan file under a directory (plus any named files), checks them all, and builds the PlanSet.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { PlanSet } from '../model/plan-set.js';
import { foldName } from './rules/registries.js';
import { RULES } from './rules/index.js';
import type { CheckContext } from './rules/context.js';
import { readPlanFile, type PlanFile } from './read-plan-file.js';
import { buildPlanSet } from './resolve.js';
import { fileDiagnostic } from './source-file.js';

export interface LoadOptions {
  /** The plans directory. */
  dir: string;
  /** Extra files to read besides the directory's (files inside it are read once). */
  files?: string[];
  /** Working directory that paths are shown relative to. */
  cwd: string;
}

export interface LoadResult {
  plans?: PlanSet;
  files: PlanFile[];
  diagnostics: Diagnostic[];
  /** The display paths of every file read. */
  paths: string[];
  /** The display paths of the files named in `files` (directories expanded). */
  named: string[];
}

/** An I/O problem the user must fix before anything can be checked (exit code 2). */
export class LoadError extends Error {}

function listPlanFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.ya?ml$/i.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  // Far outside the working directory an absolute path reads better than ../../../..
  return rel === '' ? '.' : rel.split('/').filter((s) => s === '..').length > 3 && isAbsolute(abs) ? abs : rel;
}

export function loadPlans(opts: LoadOptions): LoadResult {
  const dirAbs = resolve(opts.cwd, opts.dir);
  let st;
  try {
    st = statSync(dirAbs);
  } catch {
    throw new LoadError(`plans directory not found: ${opts.dir}`);
  }
  if (!st.isDirectory()) throw new LoadError(`not a directory: ${opts.dir} (--plans names the directory of plan files)`);

  const abs = new Set(listPlanFiles(dirAbs));
  const named: string[] = [];
  for (const f of opts.files ?? []) {
    const p = resolve(opts.cwd, f);
    let fst;
    try {
      fst = statSync(p);
    } catch {
      throw new LoadError(`file not found: ${f}`);
    }
    for (const one of fst.isDirectory() ? listPlanFiles(p) : [p]) {
      abs.add(one);
      named.push(display(opts.cwd, one));
    }
  }

  const diagnostics: Diagnostic[] = [];
  const files: PlanFile[] = [];
  const paths: string[] = [];
  if (abs.size === 0) {
    diagnostics.push(fileDiagnostic('NO_PLANS', display(opts.cwd, dirAbs), `no plan files (*.yaml) in ${opts.dir}`, { hint: 'point --plans (or PLAN_DIR) at the directory that holds units.yaml and the decision files' }));
    return { files, diagnostics, paths, named };
  }
  for (const p of abs) {
    const shown = display(opts.cwd, p);
    paths.push(shown);
    let bytes: Buffer;
    try {
      bytes = readFileSync(p);
    } catch (e) {
      throw new LoadError(`cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const r = readPlanFile(shown, bytes);
    diagnostics.push(...r.diagnostics);
    if (r.file) files.push(r.file);
  }

  const ctx: CheckContext = {
    units: files.flatMap((f) => (f.kind === 'units' ? [{ src: f.src, data: f.data }] : [])),
    leaders: files.flatMap((f) => (f.kind === 'leaders' ? [{ src: f.src, data: f.data }] : [])),
    decisions: files.flatMap((f) => (f.kind === 'decision' ? [{ src: f.src, data: f.data }] : [])),
    unitIds: new Set(),
    leaderIds: new Set(),
    unitNames: new Map(),
    leaderNames: new Map(),
  };
  for (const { data } of ctx.units) {
    for (const u of data.units) {
      ctx.unitIds.add(u.id);
      for (const n of [u.name, u.code, ...(u.aliases ?? [])]) if (n) ctx.unitNames.set(foldName(n), u.id);
    }
  }
  for (const { data } of ctx.leaders) {
    for (const l of data.leaders) {
      ctx.leaderIds.add(l.id);
      for (const n of [l.display, l.name, ...(l.aliases ?? [])]) ctx.leaderNames.set(foldName(n), l.id);
    }
  }
  for (const rule of RULES) diagnostics.push(...rule(ctx));

  const failed = diagnostics.some((d) => d.severity === 'error');
  const plans = failed
    ? undefined
    : buildPlanSet(
        ctx.units.flatMap((u) => u.data.units),
        ctx.leaders.flatMap((l) => l.data.leaders),
        ctx.decisions,
      );
  return plans ? { plans, files, diagnostics, paths, named } : { files, diagnostics, paths, named };
}
