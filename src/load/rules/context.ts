// What every semantic rule sees: the schema-checked files with their sources, and the registries.

import type { Diagnostic } from '../../model/diagnostic.js';
import type { DatasetsFile } from '../../model/datasets.js';
import type { DecisionFile } from '../../model/decision.js';
import type { LeadersFile } from '../../model/leaders.js';
import type { UnitsFile } from '../../model/units.js';
import type { SourceFile } from '../source-file.js';

export interface CheckContext {
  units: { src: SourceFile; data: UnitsFile }[];
  leaders: { src: SourceFile; data: LeadersFile }[];
  decisions: { src: SourceFile; data: DecisionFile }[];
  datasets: { src: SourceFile; data: DatasetsFile }[];
  unitIds: Set<string>;
  leaderIds: Set<string>;
  /** Unit names, codes and aliases → id, for hints when a file names a unit instead of its id. */
  unitNames: Map<string, string>;
  leaderNames: Map<string, string>;
}

export type Rule = (ctx: CheckContext) => Diagnostic[];
