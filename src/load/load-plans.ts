// Reads every plan file under a directory (plus any named files), checks them all, and builds the PlanSet.

import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { PlanSet } from '../model/plan-set.js';
import type { PlanFile } from './read-plan-file.js';
import { fileDiagnostic } from './file-diagnostic.js';
import { LoadError } from './load-error.js';
import { buildId, cacheKey, readCache, rememberPlanKey, writeCache } from './plan-cache.js';

export { LoadError };

export interface LoadOptions {
  /** The plans directory. */
  dir: string;
  /** Extra files to read besides the directory's (files inside it are read once). */
  files?: string[];
  /** Working directory that paths are shown relative to. */
  cwd: string;
  /** Directory of the checked-plans cache; absent to always read and check every file. */
  cacheDir?: string;
  /** Check the plans as they would be with this file's bytes instead (an edit before it is written); never cached. */
  replace?: { file: string; bytes: Uint8Array };
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


/** How deep and how wide a plans directory may go: `--plans /` by mistake ends in a message, not a crawl of the disk. */
const MAX_DEPTH = 4;
const MAX_ENTRIES = 20_000;

/** A symbolic link under the plans directory that was not followed, and why. */
export interface SkippedLink {
  path: string;
  reason: string;
}

/**
 * Every plan file (*.yaml, *.yml) under a directory, sorted, skipping dot-files and node_modules.
 * Symbolic links are followed when they lead to a file or directory inside the directory (a
 * decision kept once and linked from elsewhere in it); one that leads outside, nowhere, or to
 * something already read is not followed and is listed in `skipped`, so it is never passed over
 * in silence. Directories are visited once each by their real path: no loops.
 */
export function listPlanFiles(dir: string, skipped: SkippedLink[] = []): string[] {
  let root: string;
  try {
    root = realpathSync(dir);
  } catch (e) {
    throw new LoadError(`cannot read the directory ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const inside = (real: string) => real === root || real.startsWith(root + sep);
  const isPlan = (name: string) => /\.ya?ml$/i.test(name);
  const found: { path: string; real: string; link: boolean }[] = [];
  const visited = new Set<string>([root]);
  let seen = 0;
  const walk = (d: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      throw new LoadError(`cannot read the directory ${d}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    seen += entries.length;
    if (seen > MAX_ENTRIES) throw new LoadError(`${dir} holds more than ${MAX_ENTRIES} entries; is it the directory of plan files? (--plans, PLAN_DIR)`);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = join(d, entry.name);
      const link = entry.isSymbolicLink();
      if (!link && !entry.isDirectory() && !(entry.isFile() && isPlan(entry.name))) continue;
      let real: string;
      try {
        real = realpathSync(p);
      } catch {
        if (link && isPlan(entry.name)) skipped.push({ path: p, reason: 'it leads nowhere (a broken link)' });
        continue;
      }
      const st = statSync(real);
      if (st.isDirectory()) {
        if (link && !inside(real)) {
          skipped.push({ path: p, reason: `it leads outside ${dir}` });
          continue;
        }
        if (visited.has(real)) continue;
        visited.add(real);
        if (depth < MAX_DEPTH) walk(p, depth + 1);
      } else if (st.isFile() && isPlan(entry.name)) {
        if (link && !inside(real)) skipped.push({ path: p, reason: `it leads outside ${dir}` });
        else found.push({ path: p, real, link });
      }
    }
  };
  walk(dir, 0);
  // A file reached twice (itself and through a link) is read once, by its own name.
  const byReal = new Map<string, { path: string; link: boolean }>();
  for (const f of found) {
    const known = byReal.get(f.real);
    if (!known || (known.link && !f.link)) byReal.set(f.real, f);
  }
  const out: string[] = [];
  for (const f of found) {
    if (byReal.get(f.real)?.path === f.path) out.push(f.path);
    else if (f.link) skipped.push({ path: f.path, reason: 'it leads to a plan file already read' });
  }
  return out;
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  // Far outside the working directory an absolute path reads better than ../../../..
  return rel === '' ? '.' : rel.split('/').filter((s) => s === '..').length > 3 && isAbsolute(abs) ? abs : rel;
}

export async function loadPlans(opts: LoadOptions): Promise<LoadResult> {
  const dirAbs = resolve(opts.cwd, opts.dir);
  let st;
  try {
    st = statSync(dirAbs);
  } catch {
    throw new LoadError(`plans directory not found: ${opts.dir}`);
  }
  if (!st.isDirectory()) throw new LoadError(`not a directory: ${opts.dir} (--plans names the directory of plan files)`);

  const skipped: SkippedLink[] = [];
  const abs = new Set(listPlanFiles(dirAbs, skipped));
  const named: string[] = [];
  const empty: string[] = [];
  for (const f of opts.files ?? []) {
    const p = resolve(opts.cwd, f);
    let fst;
    try {
      fst = statSync(p);
    } catch {
      throw new LoadError(`file not found: ${f}`);
    }
    const inside = fst.isDirectory() ? listPlanFiles(p, skipped) : [p];
    if (inside.length === 0) {
      empty.push(display(opts.cwd, p));
      named.push(display(opts.cwd, p));
    }
    for (const one of inside) {
      abs.add(one);
      named.push(display(opts.cwd, one));
    }
  }

  const diagnostics: Diagnostic[] = empty.map((d) => fileDiagnostic('NO_PLANS', d, `no plan files (*.yaml) in ${d}`));
  for (const link of skipped) {
    diagnostics.push(
      fileDiagnostic('LINK_NOT_FOLLOWED', display(opts.cwd, link.path), `the symbolic link is not followed: ${link.reason}`, {
        severity: 'warning',
        hint: 'plan follows links only to files and directories inside the plans directory; copy the file in, or remove the link',
      }),
    );
  }
  const files: PlanFile[] = [];
  const paths: string[] = [];
  if (abs.size === 0) {
    diagnostics.push(fileDiagnostic('NO_PLANS', display(opts.cwd, dirAbs), `no plan files (*.yaml) in ${opts.dir}`, { hint: 'point --plans (or PLAN_DIR) at the directory that holds units.yaml and the decision files' }));
    return { files, diagnostics, paths, named };
  }
  const contents: { path: string; bytes: Uint8Array }[] = [];
  const replaced = opts.replace ? resolve(opts.cwd, opts.replace.file) : undefined;
  let unreadable = 0;
  for (const p of abs) {
    const shown = display(opts.cwd, p);
    paths.push(shown);
    try {
      contents.push({ path: shown, bytes: replaced !== undefined && p === replaced ? opts.replace!.bytes : readFileSync(p) });
    } catch (e) {
      // A finding like any other (file, code, what to do), so validate reports every file at once.
      unreadable++;
      const code = (e as NodeJS.ErrnoException).code;
      diagnostics.push(
        fileDiagnostic('FILE_READ', shown, `cannot read ${shown}: ${code === 'EACCES' ? 'permission denied' : (code ?? (e as Error).message)}`, {
          hint: code === 'EACCES' ? 'make the file readable (chmod a+r), or move it out of the plans directory' : 'check that the file is a readable regular file',
        }),
      );
    }
  }
  // An edit checked before it is written is not what is on disk, nor is a set missing a file that
  // could not be read: keep both out of the cache.
  const checked = await checkPlanContents(contents, opts.dir, opts.cacheDir && !opts.replace && unreadable === 0 ? { dir: opts.cacheDir, id: dirAbs } : undefined);
  diagnostics.push(...checked.diagnostics);
  files.push(...checked.files);
  const plans = checked.plans;
  return plans ? { plans, files, diagnostics, paths, named } : { files, diagnostics, paths, named };
}

/**
 * Checks plan files given as contents, without reading a directory (a git revision's files, say).
 * `where` names the set in the finding when it holds no plan file. With `cache`, checked plans
 * are kept under `id`, keyed by the exact contents and the build (plan-cache.ts).
 */
export async function checkPlanContents(
  contents: { path: string; bytes: Uint8Array }[],
  where = 'the plans directory',
  cache?: { dir: string; id: string },
): Promise<{ plans?: PlanSet; files: PlanFile[]; diagnostics: Diagnostic[] }> {
  if (contents.length === 0) {
    return { files: [], diagnostics: [fileDiagnostic('NO_PLANS', where, `no plan files (*.yaml) in ${where}`)] };
  }
  const build = buildId();
  const key = cache && build ? cacheKey(build, contents) : undefined;
  if (cache && key) {
    const hit = readCache(cache.dir, cache.id, key);
    if (hit) {
      rememberPlanKey(hit.plans, key);
      return { plans: hit.plans, files: [], diagnostics: hit.diagnostics };
    }
  }
  // Reading YAML and checking schemas is most of a cold start; load that code only when needed.
  const { checkFiles } = await import('./check-files.js');
  const checked = checkFiles(contents);
  if (checked.plans && cache && key) {
    writeCache(cache.dir, cache.id, key, checked.plans, checked.diagnostics);
    rememberPlanKey(checked.plans, key);
  }
  return checked;
}
