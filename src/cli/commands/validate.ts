// plan validate: every finding in every plan file, in text, JSON or GitHub annotation form.

import { countErrors } from '../../model/diagnostic.js';
import { loadPlans } from '../../load/load-plans.js';
import { VALIDATE_FORMATS, type ValidationReport } from '../../render/diagnostics.js';
import { commandEnv, formatter, type CommonOptions } from '../context.js';
import type { Io } from '../io.js';

export async function run(files: string[], opts: CommonOptions & { strict?: boolean }, io: Io): Promise<number> {
  const env = commandEnv(opts, io);
  const r = await loadPlans({ dir: env.plansDir, files, cwd: io.cwd });
  const scope = files.length > 0 ? new Set(r.named) : undefined;
  // Findings about files outside the named ones are context, not the subject; a directory-wide finding always counts.
  const diagnostics = scope ? r.diagnostics.filter((d) => scope.has(d.file)) : r.diagnostics;
  const report: ValidationReport = { files: scope ? [...scope] : r.paths, diagnostics, strict: Boolean(opts.strict) };
  io.stdout.write(await formatter(VALIDATE_FORMATS, opts.format)(report, env.render));
  return countErrors(diagnostics, report.strict) > 0 ? 1 : 0;
}
