// The unit and leader registries of a plans directory, for `plan import`: read on their own, so a
// directory whose decision files still have findings (a draft being settled) can import another.

import { readFileSync } from 'node:fs';
import type { Leader } from '../../model/leaders.js';
import type { Unit } from '../../model/units.js';
import { listPlanFiles } from '../load-plans.js';
import { LoadError } from '../load-error.js';
import { readPlanFile } from '../read-plan-file.js';

export interface RegistryFiles {
  units: Unit[];
  leaders: Leader[];
  /** Registry files that could not be read as such (their findings are for `plan validate`). */
  unreadable: string[];
}

export function readRegistries(dir: string): RegistryFiles {
  const out: RegistryFiles = { units: [], leaders: [], unreadable: [] };
  for (const path of listPlanFiles(dir)) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new LoadError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    // Only registries matter here; a decision is not read past its first key.
    const text = new TextDecoder().decode(bytes.subarray(0, 4096));
    if (!/^(units|leaders):/m.test(text)) continue;
    const r = readPlanFile(path, bytes);
    if (r.file?.kind === 'units') out.units.push(...r.file.data.units);
    else if (r.file?.kind === 'leaders') out.leaders.push(...r.file.data.leaders);
    else out.unreadable.push(path);
  }
  return out;
}
