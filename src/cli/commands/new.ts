// plan new: a commented skeleton of a new decision file that validates as it stands.

import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { decisionSkeleton, fileIdOf } from '../../edit/decision-skeleton.js';
import { findDecision } from '../../report/select.js';
import { writeFailure, writeNewFile } from '../../load/write-plan-file.js';
import { commandEnv, loadCheckedPlans, parseDay, type CommonOptions } from '../context.js';
import { UsageError, type Io } from '../io.js';

export interface NewOptions extends CommonOptions {
  out?: string;
  signed?: string;
  title?: string;
  force?: boolean;
}

export async function run(number: string, opts: NewOptions, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  if (number.trim() === '' || /[\u0000-\u001f\u007f]/.test(number)) throw new UsageError('NUMBER is the document number as written, such as 999/KH-BHXH');
  const signed = opts.signed !== undefined ? parseDay(opts.signed, '--signed') : env.asOf;
  const plans = await loadCheckedPlans(env, 'nothing written');
  const existing = findDecision(plans, number);
  if (existing.ok && existing.value.number.normalize('NFC').toLowerCase() === number.normalize('NFC').trim().toLowerCase()) {
    throw new UsageError(`${number} is already encoded in ${existing.value.file}`);
  }
  const central = plans.units.filter((u) => u.kind === 'central');
  const lead = central[0] ?? plans.units[0]!;
  const reportTo = central.find((u) => u.id === 'vu-khdt') ?? lead;
  const group = plans.units.find((u) => u.kind === 'group' && (u.members ?? []).includes('province'));
  const ids = new Set(plans.datasets.map((d) => d.id));
  const toStdout = opts.out === '-';
  const target = toStdout ? undefined : resolve(io.cwd, opts.out ?? join(env.plansDir, `${fileIdOf(number, signed)}.yaml`));
  const schemaAbs = resolve(io.cwd, env.plansDir, 'schema', 'decision.schema.json');
  const fromDir = target ? dirname(target) : resolve(io.cwd, env.plansDir);
  const rel = relative(fromDir, schemaAbs).split('\\').join('/');
  const text = decisionSkeleton({
    number: number.normalize('NFC').trim(),
    signed,
    schemaRef: rel.startsWith('.') ? rel : `./${rel}`,
    leadUnit: { id: lead.id, name: lead.name },
    reportTo: { id: reportTo.id, name: reportTo.name },
    ...(group ? { support: { id: group.id, name: group.name } } : {}),
    ...(plans.leaders[0] ? { leader: { id: plans.leaders[0].id, display: plans.leaders[0].display } } : {}),
    staffMeasure: ids.has('staff') && ids.has('trainings'),
    ...(opts.title !== undefined ? { title: opts.title } : {}),
  });
  if (!target) {
    io.stdout.write(text);
    return 0;
  }
  const shown = relative(io.cwd, target) || target;
  if (existsSync(target) && !opts.force) throw new UsageError(`${shown} exists; give --force to overwrite it, or --out FILE (--out - for stdout)`);
  try {
    // The directory must be there, as for every --out (the plans directory is: its registries were read).
    writeNewFile(target, text, Boolean(opts.force));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${shown} exists; give --force to overwrite it, or --out FILE (--out - for stdout)`);
    throw new UsageError(`cannot write ${shown}: ${writeFailure(e)}`);
  }
  io.stderr.write(`plan: wrote ${shown}; fill it in from the document, then run "plan validate"\n`);
  return 0;
}
