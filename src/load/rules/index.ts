// The semantic rules, run in order over all files after each passed its schema.

import type { Rule } from './context.js';
import { declaredCounts, noDependencyCycles, referencesResolve, uniqueDecisionNumbers, uniqueIdsInDecision } from './decisions.js';
import { datasetDefinitions } from './datasets.js';
import { measuresResolve } from './measures.js';
import { periodsRead, statusConsistent } from './periods.js';
import { recordsMatchPeriods } from './records.js';
import { unambiguousNames, uniqueRegistryIds, unitParents } from './registries.js';

export const RULES: readonly Rule[] = [
  uniqueRegistryIds,
  unambiguousNames,
  unitParents,
  uniqueDecisionNumbers,
  uniqueIdsInDecision,
  referencesResolve,
  noDependencyCycles,
  declaredCounts,
  periodsRead,
  statusConsistent,
  recordsMatchPeriods,
  datasetDefinitions,
  measuresResolve,
];
