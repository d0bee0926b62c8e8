// Plan file contents → checked files, every diagnostic, and the PlanSet when nothing is wrong.

import type { Diagnostic } from '../model/diagnostic.js';
import type { PlanSet } from '../model/plan-set.js';
import { readPlanFile, type PlanFile } from './read-plan-file.js';
import { buildPlanSet } from './resolve.js';
import type { CheckContext } from './rules/context.js';
import { RULES } from './rules/index.js';
import { foldName } from './rules/registries.js';

export interface Checked {
  files: PlanFile[];
  diagnostics: Diagnostic[];
  plans?: PlanSet;
}

export function checkFiles(contents: { path: string; bytes: Uint8Array }[]): Checked {
  const diagnostics: Diagnostic[] = [];
  const files: PlanFile[] = [];
  // Files with findings, as far as they could be read: the rules check them too (read-plan-file.ts).
  const partial = new Map<string, (d: Diagnostic) => boolean>();
  const checked: PlanFile[] = [];
  for (const { path, bytes } of contents) {
    const r = readPlanFile(path, bytes);
    diagnostics.push(...r.diagnostics);
    if (r.file) files.push(r.file);
    if (r.file) checked.push(r.file);
    else if (r.partial) {
      checked.push(r.partial);
      partial.set(r.partial.src.path, r.unreliable ?? (() => false));
    }
  }

  const ctx: CheckContext = {
    units: checked.flatMap((f) => (f.kind === 'units' ? [{ src: f.src, data: f.data }] : [])),
    leaders: checked.flatMap((f) => (f.kind === 'leaders' ? [{ src: f.src, data: f.data }] : [])),
    decisions: checked.flatMap((f) => (f.kind === 'decision' ? [{ src: f.src, data: f.data }] : [])),
    datasets: checked.flatMap((f) => (f.kind === 'datasets' ? [{ src: f.src, data: f.data }] : [])),
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
  for (const rule of RULES) {
    for (const d of rule(ctx)) if (!partial.get(d.file)?.(d)) diagnostics.push(d);
  }
  sortByPosition(diagnostics);

  const failed = diagnostics.some((d) => d.severity === 'error');
  const plans = failed
    ? undefined
    : buildPlanSet(
        ctx.units.flatMap((u) => u.data.units),
        ctx.leaders.flatMap((l) => l.data.leaders),
        ctx.decisions,
        ctx.datasets,
      );
  return plans ? { files, diagnostics, plans } : { files, diagnostics };
}

/** Each file's findings in line order, files in the order they were read (a stable sort). */
function sortByPosition(diagnostics: Diagnostic[]): void {
  const fileOrder = new Map<string, number>();
  for (const d of diagnostics) if (!fileOrder.has(d.file)) fileOrder.set(d.file, fileOrder.size);
  diagnostics.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line || a.column - b.column);
}
