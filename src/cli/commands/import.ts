// plan import FILE.docx: a decision's Word file → a draft plan file, with a TODO wherever a cell
// could not be resolved. The docx reader loads only here.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { readRegistries } from '../../load/import/read-registries.js';
import type { ImportedDecision } from '../../load/import/imported-decision.js';
import type { DraftPlan } from '../../load/import/decision-yaml.js';
import { sniffFile } from '../../load/import/sniff.js';
import { writeFailure, writeNewFile } from '../../load/write-plan-file.js';
import { commandEnv, type CommonOptions } from '../context.js';
import { UsageError, type Io } from '../io.js';

/** The largest file read: a decision with its appendices is well under a megabyte of XML. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The TODOs listed on stderr; the draft marks every one. */
const MAX_TODOS_LISTED = 50;

export interface ImportOptions extends CommonOptions {
  out?: string;
  force?: boolean;
}

/** A path or text as it may be shown on a terminal: control characters made visible. */
function shown(s: string): string {
  return s.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readInput(file: string, cwd: string): Uint8Array {
  const path = resolve(cwd, file);
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`file not found: ${shown(file)}`);
  }
  if (st.isDirectory()) throw new UsageError(`${shown(file)} is a directory; plan import reads one Word file (.docx)`);
  if (st.size > MAX_IMPORT_BYTES) throw new UsageError(`${shown(file)} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; not read`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${shown(file)}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

function summary(d: ImportedDecision, draft: DraftPlan): string {
  let groups = 0;
  let tasks = 0;
  let refs = 0;
  let resolved = 0;
  for (const a of d.appendices)
    for (const g of a.groups) {
      groups++;
      tasks += g.tasks.length + g.contents.length;
      for (const ref of [g.lead, ...g.tasks.flatMap((t) => [t.lead, t.support, t.leader])]) {
        if (!ref) continue;
        refs++;
        if (!ref.todo) resolved++;
      }
    }
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  return `${n(d.appendices.length, 'appendix', 'appendices')}, ${n(groups, 'group')}, ${n(tasks, 'task')}; units and leaders resolved in ${resolved} of ${refs} cells; ${n(draft.todos.length, 'TODO')}`;
}

export async function run(file: string, opts: ImportOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  if (opts.force && !opts.out) throw new UsageError('--force goes with --out FILE (it allows replacing that file)');
  const outPath = opts.out ? resolve(io.cwd, opts.out) : undefined;
  if (outPath && existsSync(outPath) && !opts.force) throw new UsageError(`${shown(opts.out!)} exists; add --force to replace it`);

  const bytes = readInput(file, io.cwd);
  const kind = sniffFile(bytes);
  if (kind.kind === 'other') throw new UsageError(`${shown(file)} ${kind.problem}`);
  // A .docx, or the text of a decision as the legal-document sites publish it.
  const blocks = kind.kind === 'text' ? (await import('../../load/import/read-legal-text.js')).readLegalText(kind.text) : (await import('../../load/import/read-docx.js')).readDocx(bytes);
  if ('problem' in blocks) throw new UsageError(`${shown(file)} ${blocks.problem}`);
  const tables = blocks.filter((b) => b.kind === 'table').length;
  if (tables === 0) throw new UsageError(`${shown(file)} has no table: plan import reads a decision's appendix tables (columns TT or STT, Nội dung …)`);

  const plansAbs = resolve(io.cwd, env.plansDir);
  if (!existsSync(plansAbs) || !statSync(plansAbs).isDirectory()) throw new UsageError(`plans directory not found: ${shown(env.plansDir)} (--plans names the directory with units.yaml and leaders.yaml)`);
  const registries = readRegistries(plansAbs);
  if (registries.units.length === 0 || registries.leaders.length === 0)
    throw new UsageError(`no ${registries.units.length === 0 ? 'unit' : 'leader'} registry could be read in ${shown(env.plansDir)}${registries.unreadable.length > 0 ? ' (run "plan validate" for its findings)' : ''}; plan import resolves names through units.yaml and leaders.yaml`);
  const { buildDecision } = await import('../../load/import/build-decision.js');
  const { decisionAsYaml } = await import('../../load/import/decision-yaml.js');
  const decision = buildDecision(blocks, { units: registries.units, leaders: registries.leaders });
  if (decision.appendices.length === 0)
    throw new UsageError(`${shown(file)} has ${tables} table${tables === 1 ? '' : 's'}, none with an appendix header (a TT or STT column and a Nội dung … or Nhiệm vụ column)`);
  const draft = decisionAsYaml(decision, { source: basename(file) });

  const target = opts.out ? shown(opts.out) : 'stdout';
  if (outPath) {
    try {
      writeNewFile(outPath, draft.text, Boolean(opts.force));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${shown(opts.out!)} exists; add --force to replace it`);
      throw new UsageError(`cannot write ${shown(opts.out!)}: ${writeFailure(e)}`);
    }
  } else io.stdout.write(draft.text);
  io.stderr.write(`plan import: ${shown(basename(file))} → ${target}: ${summary(decision, draft)}\n`);
  for (const t of draft.todos.slice(0, MAX_TODOS_LISTED)) {
    const where = t.place ? ` (${t.place.appendix}, table row ${t.place.row}, ${t.place.column})` : '';
    io.stderr.write(`  ${opts.out ? shown(opts.out) : 'line'}:${t.line}: TODO${shown(where)}: ${shown(t.message)}\n`);
  }
  if (draft.todos.length > MAX_TODOS_LISTED) io.stderr.write(`  … and ${draft.todos.length - MAX_TODOS_LISTED} more, each marked \`# TODO:\` in the draft\n`);
  if (draft.todos.length > 0) io.stderr.write(`Settle the TODOs, then run "plan validate${opts.out ? ` ${shown(opts.out)}` : ''}".\n`);
  return 0;
}
