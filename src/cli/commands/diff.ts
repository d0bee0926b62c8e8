// plan diff: two sides (git revisions, the working tree or directories), each checked like any
// plan set, then compared task by task.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkPlanContents } from '../../load/load-plans.js';
import { cacheDir } from '../../load/plan-cache.js';
import { gitRoot, plansPathInRepo, readDirectory, readRevision, type PlanContents } from '../../load/plan-sources.js';
import type { PlanSet } from '../../model/plan-set.js';
import { diffPlans, summarizeDiff } from '../../report/diff.js';
import { DIFF_FORMATS, type DiffSide } from '../../render/diff.js';
import { diagnosticAsText } from '../../render/diagnostics.js';
import { commandEnv, formatter, stderrRender, type CommandEnv, type CommonOptions } from '../context.js';
import { Exit, type Io } from '../io.js';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

interface Repo {
  root: string;
  plansPath: string;
}

async function loadSide(env: CommandEnv, spec: string | undefined, repo: () => Promise<Repo>): Promise<PlanContents> {
  // A directory wins over a revision of the same name; write refs/heads/NAME for such a branch.
  if (spec !== undefined && isDirectory(resolve(env.io.cwd, spec))) return readDirectory(resolve(env.io.cwd, spec), env.io.cwd, spec, 'dir');
  const r = await repo();
  if (spec === undefined) return readDirectory(resolve(r.root, r.plansPath), r.root, 'working tree', 'worktree');
  return readRevision(r.root, spec, r.plansPath);
}

async function checkSide(env: CommandEnv, side: PlanContents, role: string): Promise<{ plans: PlanSet; failed?: undefined } | { plans?: undefined; failed: string }> {
  // Content-keyed like every checked-plans cache entry: a side whose files are unchanged since the
  // last diff (HEAD, usually) skips the YAML and schema work. One entry per side of a repository.
  const dir = cacheDir(env.io.env);
  const id = `diff ${side.kind === 'dir' ? resolve(env.io.cwd, side.label) : `${side.kind} ${side.where}`} ${env.io.cwd}`;
  const checked = await checkPlanContents(side.contents, side.where, dir ? { dir, id } : undefined);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (checked.plans && errors.length === 0) return { plans: checked.plans };
  const ctx = stderrRender(env);
  let out = `plan diff: the ${role} side (${side.label}) does not validate: ${errors.length} error${errors.length === 1 ? '' : 's'}\n`;
  for (const d of errors.slice(0, 20)) out += diagnosticAsText(side.kind === 'git' ? { ...d, file: `${side.label}:${d.file}` } : d, ctx);
  if (errors.length > 20) out += `… and ${errors.length - 20} more\n`;
  return { failed: out };
}

export async function run(base: string | undefined, head: string | undefined, opts: CommonOptions & { exitCode?: boolean }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  let repo: Promise<Repo> | undefined;
  const getRepo = () =>
    (repo ??= gitRoot(io.cwd).then((root) => ({ root, plansPath: plansPathInRepo(root, io.cwd, env.plansDir) })));
  const baseSide = await loadSide(env, base ?? 'HEAD', getRepo);
  const headSide = await loadSide(env, head, getRepo);
  const [a, b] = await Promise.all([checkSide(env, baseSide, 'base'), checkSide(env, headSide, 'head')]);
  if (!a.plans || !b.plans) {
    io.stderr.write((a.plans ? '' : a.failed) + (b.plans ? '' : b.failed));
    throw new Exit(1);
  }
  const diff = diffPlans(a.plans, b.plans);
  const side = (s: PlanContents): DiffSide => ({ label: s.label, kind: s.kind, commit: s.commit ?? null });
  io.stdout.write(await formatter(DIFF_FORMATS, opts.format)({ base: side(baseSide), head: side(headSide), diff }, env.render));
  return opts.exitCode && summarizeDiff(diff).total > 0 ? 1 : 0;
}
