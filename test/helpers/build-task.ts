// A builder for TaskView values: the pure report layer's input, without files.

import type { TaskView } from '../../src/model/plan-set.js';
import { parsePeriod } from '../../src/period/parse-period.js';

function period(text: string | undefined) {
  if (text === undefined) return null;
  const r = parsePeriod(text);
  if (!r.ok) throw new Error(r.message);
  return r.period;
}

export interface TaskSpec {
  id?: string;
  start?: string;
  due?: string;
  when?: string;
  state?: TaskView['status']['state'];
  on?: string;
  notes?: { on: string; note: string }[];
  occurred?: string;
  within?: string;
  dependsOn?: string[];
  periodsDone?: { period: string; on: string }[];
}

export function task(spec: TaskSpec = {}): TaskView {
  const when = period(spec.when);
  return {
    decision: '1/QĐ-TEST',
    decisionKey: 'qd-test',
    id: spec.id ?? '1.1',
    no: spec.id ?? '1.1',
    content: 'Nội dung',
    lead: { ids: ['vu-a'], asWritten: 'Vụ A' },
    support: null,
    leader: null,
    start: when ?? period(spec.start),
    due: when ?? period(spec.due),
    dependsOn: spec.dependsOn ?? [],
    occurred: spec.occurred ?? null,
    within: spec.within ?? null,
    product: null,
    status: { state: spec.state ?? 'not-started', on: spec.on ?? null, reason: null, notes: spec.notes ?? [], periodsDone: spec.periodsDone ?? [] },
    place: { part: 'appendix', partId: 'a', groupNo: '1', groupTitle: 'Vụ A' },
    source: { file: 'plans/test.yaml', line: 1, column: 1 },
    path: [],
  };
}
