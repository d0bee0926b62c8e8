// Short labels for derived states, shared by every renderer ("overdue 12d", "due in 3d", "done 2d late").

import type { DerivedState } from '../report/task-state.js';

export interface Stateful {
  state: string;
  daysLate: number | null;
  daysLeft: number | null;
  late: boolean | null;
}

export function stateLabel(t: Stateful): string {
  switch (t.state) {
    case 'overdue':
      return `overdue ${t.daysLate}d`;
    case 'due-soon':
      return t.daysLeft === 0 ? 'due today' : `due in ${t.daysLeft}d`;
    case 'done':
      return t.late ? `done ${t.daysLate}d late` : 'done';
    default:
      return t.state;
  }
}

/** How a count of tasks in a state reads: "3 overdue", "2 due soon", "1 not started yet". */
export const STATE_WORDS: Record<DerivedState, string> = {
  overdue: 'overdue',
  'due-soon': 'due soon',
  'in-progress': 'in progress',
  open: 'open',
  'not-started-yet': 'not started yet',
  ongoing: 'ongoing',
  waiting: 'waiting',
  done: 'done',
  cancelled: 'cancelled',
};
