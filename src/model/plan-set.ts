// The loaded plans after checks: registries by id and every task with its owners and periods resolved.

import type { Dataset } from './datasets.js';
import type { DecisionFile, DecisionMeta } from './decision.js';
import type { Leader } from './leaders.js';
import type { Period } from './period.js';
import type { Unit } from './units.js';

/** Ids a table cell names, and the cell as written. */
export interface ResolvedRef {
  ids: string[];
  asWritten: string;
}

export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

export interface TaskStatus {
  state: 'not-started' | 'in-progress' | 'done' | 'cancelled';
  on: string | null;
  reason: string | null;
  notes: { on: string; note: string }[];
  /** For a recurring task: the periods recorded as done. */
  periodsDone: PeriodRecord[];
}

/** A period of a recurring duty or task recorded as done ("2025", "2025-H1") and the day. */
export interface PeriodRecord {
  period: string;
  on: string;
}

export interface TaskView {
  /** The decision's document number, e.g. "88/QĐ-BHXH". */
  decision: string;
  /** The decision file's id (its file name without extension). */
  decisionKey: string;
  id: string;
  /** The number the document shows. */
  no: string;
  content: string;
  lead: ResolvedRef;
  support: ResolvedRef | null;
  leader: ResolvedRef | null;
  start: Period | null;
  due: Period | null;
  dependsOn: string[];
  occurred: string | null;
  within: string | null;
  product: string | null;
  status: TaskStatus;
  /** Where the task stands in the document. */
  place: { part: 'appendix' | 'section'; partId: string; groupNo: string; groupTitle: string };
  source: SourcePos;
  /** Path of the task node in its file, for editing it in place. */
  path: (string | number)[];
}

/** A recurring reporting duty of a decision (its `reporting:` entries). */
export interface DutyView {
  decision: string;
  decisionKey: string;
  id: string;
  text: string;
  section: string | null;
  /** Who reports; null where the document names no one. */
  from: ResolvedRef | null;
  to: ResolvedRef;
  /** The deadline phrases, read ("trước ngày 15 tháng 11", "Hằng năm"). */
  due: Period[];
  /** First and last year as written; null to take the decision's term. */
  first: number | null;
  last: number | null;
  submitted: PeriodRecord[];
  source: SourcePos;
  /** Path of the duty node in its file, for editing it in place. */
  path: (string | number)[];
}

export interface DecisionView {
  key: string;
  file: string;
  number: string;
  meta: DecisionMeta;
  term: Period | null;
  data: DecisionFile;
  tasks: TaskView[];
  duties: DutyView[];
}

/** A dataset definition with its default file resolved against the YAML file that defines it. */
export interface DatasetView extends Dataset {
  /** The default file as a path relative to the working directory (or absolute). */
  defaultFile: string;
  /** The YAML file that defines the dataset. */
  definedIn: string;
}

export interface PlanSet {
  units: Unit[];
  unitById: Map<string, Unit>;
  leaders: Leader[];
  leaderById: Map<string, Leader>;
  decisions: DecisionView[];
  datasets: DatasetView[];
}
