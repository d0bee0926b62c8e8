// The kinds of plan file, told apart by their top-level key, and their schemas.

import type { z } from 'zod';
import { DatasetsFile } from './datasets.js';
import { DecisionFile } from './decision.js';
import { LeadersFile } from './leaders.js';
import { UnitsFile } from './units.js';

export const FILE_SCHEMAS = {
  decision: DecisionFile,
  units: UnitsFile,
  leaders: LeadersFile,
  datasets: DatasetsFile,
} as const satisfies Record<string, z.ZodType>;

export type FileKind = keyof typeof FILE_SCHEMAS;
export const FILE_KINDS = Object.keys(FILE_SCHEMAS) as FileKind[];

/** The top-level key that marks each kind. */
export const KIND_KEY: Record<FileKind, string> = { decision: 'decision', units: 'units', leaders: 'leaders', datasets: 'datasets' };

export function kindOfKeys(keys: readonly string[]): FileKind | undefined {
  return FILE_KINDS.find((k) => keys.includes(KIND_KEY[k]));
}
