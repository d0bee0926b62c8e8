// Checked files → PlanSet: registries by id, tasks with inherited leads, resolved refs and periods.

import type { DatasetsFile } from '../model/datasets.js';
import type { DecisionFile } from '../model/decision.js';
import type { Leader } from '../model/leaders.js';
import type { Period } from '../model/period.js';
import { type IdOf, resolveLeaders, resolveUnits } from '../model/refs.js';
import type { DatasetView, DecisionView, DutyView, PlanSet, TaskView } from '../model/plan-set.js';
import type { Unit } from '../model/units.js';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { parsePeriod } from '../period/parse-period.js';
import type { SourceFile } from './source-file.js';
import { leaderNameIndex, type NameIndex, unitNameIndex } from './registry-names.js';
import { eachTask } from './walk.js';

function period(text: string | undefined): Period | null {
  if (text === undefined) return null;
  const r = parsePeriod(text);
  return r.ok ? r.period : null;
}

/** The id a file's text names (id, name, code or alias); the text itself when it names none (checks report that). */
function idOfIn(names: NameIndex | undefined): IdOf {
  return (text) => {
    const m = names?.resolve(text);
    return m && (m.kind === 'id' || m.kind === 'name') ? m.id : text;
  };
}

/** A dataset's default file, written relative to the YAML that defines it, as a path from the working directory. */
export function defaultFileOf(yamlPath: string, file: string): string {
  if (isAbsolute(file)) return file;
  const dir = dirname(yamlPath);
  return normalize(dir === '.' ? file : join(dir, file));
}

export function fileKey(path: string): string {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? path;
  return base.replace(/\.ya?ml$/i, '');
}

export function resolveDecision(
  src: SourceFile,
  data: DecisionFile,
  unitById: Map<string, Unit>,
  leaderById: Map<string, Leader>,
  names: { units?: NameIndex; leaders?: NameIndex } = {},
): DecisionView {
  const unitId = idOfIn(names.units);
  const leaderId = idOfIn(names.leaders);
  const key = fileKey(src.path);
  const term = period(data.decision.term);
  const tasks: TaskView[] = [];
  for (const t of eachTask(data)) {
    const { task, group } = t;
    // A task the document gives no time runs for the decision's term ("giai đoạn 2022 - 2025").
    const undated = task.when === undefined && task.start === undefined && task.due === undefined;
    const when = undated && term ? { ...term, fromTerm: true } : period(task.when);
    const lead = resolveUnits(task.lead ?? group.lead, unitById, unitId) ?? { ids: [], asWritten: '' };
    const pos = src.spanAt(t.taskPath);
    tasks.push({
      decision: data.decision.number,
      decisionKey: key,
      id: task.id,
      no: task.no ?? task.id,
      content: task.content,
      lead,
      support: resolveUnits(task.support, unitById, unitId),
      leader: resolveLeaders(task.leader, leaderById, leaderId),
      start: when ?? period(task.start),
      due: when ?? period(task.due),
      dependsOn: task.depends_on ?? [],
      occurred: task.occurred ?? null,
      within: task.within ?? null,
      product: task.product ?? null,
      status: {
        state: task.status?.state ?? 'not-started',
        on: task.status?.on ?? null,
        reason: task.status?.reason ?? null,
        notes: task.status?.notes ?? [],
        periodsDone: task.status?.done_periods ?? [],
      },
      place: {
        part: t.part,
        partId: t.partId,
        groupNo: group.no,
        groupTitle: group.title ?? resolveUnits(group.lead, unitById)?.asWritten ?? '',
      },
      source: { file: src.path, line: pos.line, column: pos.column },
      path: [...t.taskPath] as (string | number)[],
    });
  }
  const duties: DutyView[] = (data.reporting ?? []).map((r, i) => {
    const pos = src.spanAt(['reporting', i]);
    return {
      decision: data.decision.number,
      decisionKey: key,
      id: r.id,
      text: r.text,
      section: r.section ?? null,
      from: resolveUnits(r.from, unitById, unitId),
      to: resolveUnits(r.to, unitById, unitId) ?? { ids: [], asWritten: '' },
      due: r.due.map((phrase) => period(phrase)).filter((p): p is Period => p !== null),
      first: r.first ?? null,
      last: r.last ?? null,
      submitted: r.submitted ?? [],
      source: { file: src.path, line: pos.line, column: pos.column },
      path: ['reporting', i],
    };
  });
  return { key, file: src.path, number: data.decision.number, meta: data.decision, term, data, tasks, duties };
}

export function buildPlanSet(
  units: Unit[],
  leaders: Leader[],
  decisions: { src: SourceFile; data: DecisionFile }[],
  datasets: { src: SourceFile; data: DatasetsFile }[] = [],
): PlanSet {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const leaderById = new Map(leaders.map((l) => [l.id, l]));
  const names = { units: unitNameIndex(units), leaders: leaderNameIndex(leaders) };
  const views = decisions.map(({ src, data }) => resolveDecision(src, data, unitById, leaderById, names));
  // A stable order: by signing date, then number.
  views.sort((a, b) => (a.meta.signed < b.meta.signed ? -1 : a.meta.signed > b.meta.signed ? 1 : a.number < b.number ? -1 : 1));
  const datasetViews: DatasetView[] = datasets.flatMap(({ src, data }) =>
    data.datasets.map((d) => ({ ...d, defaultFile: defaultFileOf(src.path, d.file), definedIn: src.path })),
  );
  return { units, unitById, leaders, leaderById, decisions: views, datasets: datasetViews };
}
