// Reading the source decisions (../shared/seeds) for fidelity tests.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['../../../shared/seeds', '../../shared/seeds'].map((p) => fileURLToPath(new URL(p, import.meta.url)));

/** The seeds directory beside the repository (CI places ../shared next to the clone). */
/** PLAN_SEEDS_DIR names it when the clone is elsewhere (a git worktree, say). */
export const SEEDS = process.env['PLAN_SEEDS_DIR'] || (CANDIDATES.find((p) => existsSync(p)) ?? CANDIDATES[0]!);

export function seedText(file: string): string {
  return readFileSync(`${SEEDS}/${file}`, 'utf8').normalize('NFC');
}

/** The text with all white space removed: table cells wrap and break mid-word in the sources. */
export function squeeze(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, '');
}
