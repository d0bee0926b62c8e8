// The plan files of one side of a diff: a git revision (read with `git show` in a child process),
// the working tree, or a directory — as {path, bytes} contents for checkPlanContents.

import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { LoadError } from './load-error.js';
import { listPlanFiles } from './load-plans.js';

export interface PlanContents {
  /** How the side is named in output: "HEAD", "working tree", a directory. */
  label: string;
  kind: 'git' | 'worktree' | 'dir';
  /** The plans directory it was read from, for messages ("HEAD:plans", "old/plans"). */
  where: string;
  /** The commit a git side resolved to. */
  commit?: string;
  /** Paths relative to the repository root (git, working tree) or the working directory (dir). */
  contents: { path: string; bytes: Buffer }[];
}

const MAX_OUTPUT = 64 * 1024 * 1024;

function git(args: string[], cwd: string): Promise<{ ok: true; stdout: Buffer } | { ok: false; message: string; missing: boolean }> {
  return new Promise((done) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } }, (err, stdout, stderr) => {
      if (err) {
        const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
        done({ ok: false, missing, message: (stderr.toString('utf8').trim().split('\n')[0] ?? '') || err.message });
      } else {
        done({ ok: true, stdout });
      }
    });
  });
}

/** The top directory of the git repository that holds `cwd`. */
export async function gitRoot(cwd: string): Promise<string> {
  const r = await git(['rev-parse', '--show-toplevel'], cwd);
  if (!r.ok) {
    throw new LoadError(r.missing ? 'git is not installed (plan diff reads revisions with git)' : `not inside a git repository (${r.message}); give two directories to compare instead`);
  }
  return r.stdout.toString('utf8').trim();
}

/** The plans directory relative to the repository root, with forward slashes and no trailing slash. */
export function plansPathInRepo(root: string, cwd: string, plansDir: string): string {
  // --plans is taken relative to the repository root, so `plan diff` means the same from any subdirectory.
  const abs = isAbsolute(plansDir) ? plansDir : resolve(root, plansDir);
  const rel = relative(root, abs).split('\\').join('/');
  if (rel.startsWith('..')) throw new LoadError(`--plans ${plansDir} is outside the repository ${relative(cwd, root) || '.'}`);
  return rel === '' ? '.' : rel;
}

function isPlanPath(path: string): boolean {
  return /\.ya?ml$/i.test(path) && !path.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules');
}

/** Every plan file under `plansPath` as it is in revision `rev`. A revision git does not know is a LoadError (exit 2). */
export async function readRevision(root: string, rev: string, plansPath: string): Promise<PlanContents> {
  if (rev.startsWith('-')) throw new LoadError(`not a revision: ${rev}`);
  const verified = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], root);
  if (!verified.ok) throw new LoadError(`unknown revision "${rev}" (not a commit of this repository)`);
  const commit = verified.stdout.toString('utf8').trim();
  const listed = await git(['ls-tree', '-r', '-z', '--full-tree', '--name-only', commit, '--', plansPath === '.' ? '.' : plansPath], root);
  if (!listed.ok) throw new LoadError(`cannot list ${plansPath} at ${rev}: ${listed.message}`);
  const paths = listed.stdout
    .toString('utf8')
    .split('\0')
    .filter((p) => p !== '' && isPlanPath(p))
    .sort();
  const contents = await Promise.all(
    paths.map(async (path) => {
      const shown = await git(['show', `${commit}:${path}`], root);
      if (!shown.ok) throw new LoadError(`cannot read ${rev}:${path}: ${shown.message}`);
      return { path, bytes: shown.stdout };
    }),
  );
  return { label: rev, kind: 'git', where: `${rev}:${plansPath}`, commit, contents };
}

/** Every plan file under a directory on disk; paths are shown relative to `base`. */
export function readDirectory(dir: string, base: string, label: string, kind: 'worktree' | 'dir'): PlanContents {
  let st;
  try {
    st = statSync(dir);
  } catch {
    // A working tree whose plans directory was deleted has no plans: that is a difference, not an error.
    if (kind === 'worktree') return { label, kind, where: relative(base, dir) || '.', contents: [] };
    throw new LoadError(`directory not found: ${relative(base, dir) || dir}`);
  }
  if (!st.isDirectory()) throw new LoadError(`not a directory: ${relative(base, dir) || dir}`);
  const contents = listPlanFiles(dir).map((abs) => {
    const path = relative(base, abs).split('\\').join('/');
    try {
      return { path, bytes: readFileSync(abs) };
    } catch (e) {
      throw new LoadError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  });
  return { label, kind, where: relative(base, dir) || '.', contents };
}
