// Short labels for derived states, shared by every renderer, in either language:
// "overdue 12d" / "quá hạn 12 ngày", "due in 3d" / "còn 3 ngày", "done 2d late" / "hoàn thành, trễ 2 ngày".

import type { DerivedState } from '../report/task-state.js';
import { formatInt } from './i18n/format.js';
import type { Lang } from './i18n/lang.js';

export interface Stateful {
  state: string;
  daysLate: number | null;
  daysLeft: number | null;
  late: boolean | null;
}

export function stateLabel(t: Stateful, lang: Lang): string {
  const words = STATE_WORDS_OF[lang] as Record<string, string>;
  // Counts of days with the language's separators ("quá hạn 2.161 ngày", "overdue 2,161d").
  const days = (n: number | null) => (n === null ? '' : formatInt(n, lang));
  if (lang === 'vi') {
    switch (t.state) {
      case 'overdue':
        return `quá hạn ${days(t.daysLate)} ngày`;
      case 'due-soon':
        return t.daysLeft === 0 ? 'đến hạn hôm nay' : `còn ${days(t.daysLeft)} ngày`;
      case 'done':
        return t.late ? `hoàn thành, trễ ${days(t.daysLate)} ngày` : 'hoàn thành';
      default:
        return words[t.state] ?? t.state;
    }
  }
  switch (t.state) {
    case 'overdue':
      return `overdue ${days(t.daysLate)}d`;
    case 'due-soon':
      return t.daysLeft === 0 ? 'due today' : `due in ${days(t.daysLeft)}d`;
    case 'done':
      return t.late ? `done ${days(t.daysLate)}d late` : 'done';
    default:
      return words[t.state] ?? t.state;
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

/** The same in Vietnamese, lower case as it reads after a count: "3 quá hạn", "2 sắp đến hạn". */
export const STATE_WORDS_VI: Record<DerivedState, string> = {
  overdue: 'quá hạn',
  'due-soon': 'sắp đến hạn',
  'in-progress': 'đang thực hiện',
  open: 'trong thời hạn',
  'not-started-yet': 'chưa đến thời gian bắt đầu',
  ongoing: 'thường xuyên',
  waiting: 'chờ sự kiện',
  done: 'hoàn thành',
  cancelled: 'đã hủy',
};

export const STATE_WORDS_OF: Record<Lang, Record<DerivedState, string>> = { vi: STATE_WORDS_VI, en: STATE_WORDS };
