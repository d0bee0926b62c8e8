// Visits the tasks and content rows of a decision file together with their paths in the file.

import type { ContentItem, DecisionFile, Group, Task } from '../model/decision.js';
import type { NodePath } from './source-file.js';

export interface GroupVisit {
  group: Group;
  path: NodePath;
  part: 'appendix' | 'section';
  partId: string;
}

export function* eachGroup(data: DecisionFile): Generator<GroupVisit> {
  for (const [ai, a] of (data.appendices ?? []).entries()) {
    for (const [gi, group] of a.groups.entries()) {
      yield { group, path: ['appendices', ai, 'groups', gi], part: 'appendix', partId: a.id };
    }
  }
  for (const [si, group] of (data.sections ?? []).entries()) {
    yield { group, path: ['sections', si], part: 'section', partId: group.no };
  }
}

export type TaskVisit = GroupVisit & { task: Task; taskPath: NodePath };

// Every rule walks every task: list them once per decision file (the data is not changed after
// it is read), not once per rule.
const taskVisits = new WeakMap<DecisionFile, readonly TaskVisit[]>();

export function eachTask(data: DecisionFile): readonly TaskVisit[] {
  let visits = taskVisits.get(data);
  if (!visits) {
    const out: TaskVisit[] = [];
    for (const g of eachGroup(data)) {
      const tasks = g.group.tasks ?? [];
      for (let ti = 0; ti < tasks.length; ti++) out.push({ ...g, task: tasks[ti]!, taskPath: [...g.path, 'tasks', ti] });
    }
    visits = out;
    taskVisits.set(data, visits);
  }
  return visits;
}

export function* eachContent(data: DecisionFile): Generator<GroupVisit & { item: ContentItem; itemPath: NodePath }> {
  for (const g of eachGroup(data)) {
    for (const [ci, item] of (g.group.contents ?? []).entries()) {
      yield { ...g, item, itemPath: [...g.path, 'contents', ci] };
    }
  }
}
