// Formatters on hand-built reports, each output compared whole (as ESLint's formatter tests do):
// colour off, and once with colour on. Every line below was checked by eye against the report.

import { describe, expect, it } from 'vitest';
import type { TargetsReport } from '../../src/report/targets.js';
import type { TaskRow, TasksReport } from '../../src/report/tasks.js';
import { TASK_FORMATS, tasksAsJson } from '../../src/render/tasks.js';
import { TARGET_FORMATS, targetsAsJson } from '../../src/render/targets.js';
import { UNIT_FORMATS, unitsAsJson, type UnitsReport } from '../../src/render/units.js';

// The English words (the Vietnamese ones are checked in test/cli/lang.test.ts and test/render/i18n.test.ts).
const ctx = { color: false, width: 60, lang: 'en' as const };

const targets: TargetsReport = {
  targets: [
    { decision: '9/QĐ-T', decisionKey: 'qd-9', id: 'ti-le-a', text: 'Tỷ lệ cán bộ được bồi dưỡng | "đạt" 80%', subject: null, short: null, section: '2.1', kind: 'numeric', comparator: 'at_least', threshold: 80, every: 'year', by: null },
    { decision: '9/QĐ-T', decisionKey: 'qd-9', id: 'chi-phi', text: '=Chi phí không quá 5%', subject: 'chi phí', short: null, section: '3', kind: 'numeric', comparator: 'at_most', threshold: 5, every: null, by: 2025 },
  ],
};

const units: UnitsReport = {
  units: [
    { id: 'vu-a', code: 'A', name: 'Vụ Tài chính - Kế toán', name_en: 'Department of Finance', kind: 'central', aliases: ['TCKT'] },
    { id: 'bhxh-tinh', name: 'BHXH các tỉnh, thành phố', name_en: 'Provincial offices', kind: 'group' },
  ],
} as UnitsReport;

const TARGETS_TABLE = [
  '9/QĐ-T: 2 targets',
  '┌─────────┬─────────────────────┬───────┬────────────┬─────┐',
  '│ ID      │ Target              │ Rule  │ When       │ §   │',
  '├─────────┼─────────────────────┼───────┼────────────┼─────┤',
  '│ ti-le-a │ Tỷ lệ cán bộ được   │ ≥ 80% │ every year │ 2.1 │',
  '│         │ bồi dưỡng | "đạt"   │       │            │     │',
  '│         │ 80%                 │       │            │     │',
  '├─────────┼─────────────────────┼───────┼────────────┼─────┤',
  '│ chi-phi │ chi phí             │ ≤ 5%  │ by 2025    │ 3   │',
  '└─────────┴─────────────────────┴───────┴────────────┴─────┘',
  '2 targets',
  '',
].join('\n');

describe('targets formatters', () => {
  it('table: grouped by decision, the subject where there is one, wrapped to 60 columns', () => {
    expect(TARGET_FORMATS.table(targets, ctx)).toBe(TARGETS_TABLE);
  });

  it('table with colour: bold heading and headers, nothing else changed', () => {
    const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
    const coloured = TARGETS_TABLE.replace('9/QĐ-T: 2 targets', bold('9/QĐ-T: 2 targets')).replace(
      '│ ID      │ Target              │ Rule  │ When       │ §   │',
      `│ ${bold('ID')}      │ ${bold('Target')}              │ ${bold('Rule')}  │ ${bold('When')}       │ ${bold('§')}   │`,
    );
    expect(TARGET_FORMATS.table(targets, { ...ctx, color: true })).toBe(coloured);
  });

  it('md: the pipe in a cell escaped', () => {
    expect(TARGET_FORMATS.md(targets, ctx)).toBe(
      [
        '| Decision | ID | Section | Target | Rule | When |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 9/QĐ-T | ti-le-a | 2.1 | Tỷ lệ cán bộ được bồi dưỡng \\| "đạt" 80% | ≥ 80% | every year |',
        '| 9/QĐ-T | chi-phi | 3 | =Chi phí không quá 5% | ≤ 5% | by 2025 |',
        '',
      ].join('\n'),
    );
  });

  it('csv: BOM, CRLF, quotes doubled, a formula-like cell neutralised', () => {
    expect(TARGET_FORMATS.csv(targets, ctx)).toBe(
      '\uFEFF' +
        [
          'decision,id,section,kind,comparator,threshold,every,by,subject,text',
          '9/QĐ-T,ti-le-a,2.1,numeric,at_least,80,year,,,"Tỷ lệ cán bộ được bồi dưỡng | ""đạt"" 80%"',
          "9/QĐ-T,chi-phi,3,numeric,at_most,5,,2025,chi phí,'=Chi phí không quá 5%",
          '',
        ].join('\r\n'),
    );
  });

  it('json: the report itself, with schemaVersion first', () => {
    expect(JSON.parse(targetsAsJson(targets, ctx))).toEqual({ schemaVersion: 1, ...targets });
    expect(targetsAsJson(targets, ctx).startsWith('{\n  "schemaVersion": 1,\n  "targets": [\n    {\n      "decision": "9/QĐ-T",')).toBe(true);
  });

  it('table: a report without targets says so', () => {
    expect(TARGET_FORMATS.table({ targets: [] }, ctx)).toBe('No target statements.\n');
  });
});

describe('units formatters', () => {
  it('table: names wrapped on word boundaries, the count under it', () => {
    expect(UNIT_FORMATS.table(units, ctx)).toBe(
      [
        '┌───────────┬──────┬──────────────┬──────────────┬─────────┐',
        '│ ID        │ Code │ Name         │ English name │ Kind    │',
        '├───────────┼──────┼──────────────┼──────────────┼─────────┤',
        '│ vu-a      │ A    │ Vụ Tài chính │ Department   │ central │',
        '│           │      │ - Kế toán    │ of Finance   │         │',
        '├───────────┼──────┼──────────────┼──────────────┼─────────┤',
        '│ bhxh-tinh │      │ BHXH các     │ Provincial   │ group   │',
        '│           │      │ tỉnh, thành  │ offices      │         │',
        '│           │      │ phố          │              │         │',
        '└───────────┴──────┴──────────────┴──────────────┴─────────┘',
        '2 units',
        '',
      ].join('\n'),
    );
  });

  it('json: the contract fields, nulls and empty lists where nothing is given', () => {
    expect(JSON.parse(unitsAsJson(units, ctx))).toEqual({
      schemaVersion: 1,
      units: [
        { id: 'vu-a', code: 'A', name: 'Vụ Tài chính - Kế toán', nameEn: 'Department of Finance', kind: 'central', aliases: ['TCKT'], tags: [], parent: null },
        { id: 'bhxh-tinh', code: null, name: 'BHXH các tỉnh, thành phố', nameEn: 'Provincial offices', kind: 'group', aliases: [], tags: [], parent: null },
      ],
    });
  });
});

const base: Omit<TaskRow, 'id' | 'content' | 'state' | 'daysLate' | 'daysLeft' | 'due' | 'notes' | 'lastNote'> = {
  decision: '9/QĐ-T',
  decisionKey: 'qd-9',
  group: 'Vụ A',
  lead: ['vu-a'],
  leadAsWritten: 'Vụ A',
  support: [],
  supportAsWritten: null,
  leader: 'PTGĐ Nguyễn Văn A',
  leaderIds: ['ptgd-a'],
  start: { text: 'Tháng 01/2024', kind: 'month', from: '2024-01-01', to: '2024-01-31' },
  product: null,
  late: null,
  waitingOn: null,
  stale: false,
  file: 'plans/qd-9.yaml',
  line: 20,
};
const tasks: TasksReport = {
  asOf: '2024-07-01',
  tasks: [
    { ...base, id: '1.1', content: 'Xây dựng kế hoạch *chuyển đổi số* năm 2024', due: { text: 'Tháng 6/2024', kind: 'month', from: '2024-06-01', to: '2024-06-30' }, state: 'overdue', daysLate: 1, daysLeft: null, lastNote: '2024-03-01', notes: [{ on: '2024-03-01', note: 'Đã họp' }] },
    { ...base, id: '1.2', content: 'Tổ chức thực hiện', start: null, due: { text: 'Thường xuyên', kind: 'ongoing', from: null, to: null }, state: 'ongoing', daysLate: null, daysLeft: null, lastNote: null, notes: [] },
  ],
};

const TASKS_TABLE = [
  '9/QĐ-T: 2 tasks',
  '┌─────┬───────────────────────────┬──────┬──────────────┬────────────┐',
  '│ ID  │ Task                      │ Lead │ Due          │ State      │',
  '├─────┼───────────────────────────┼──────┼──────────────┼────────────┤',
  '│ 1.1 │ Xây dựng kế hoạch *chuyển │ Vụ A │ Tháng 6/2024 │ overdue 1d │',
  '│     │ đổi số* năm 2024          │      │ 2024-06-30   │            │',
  '├─────┼───────────────────────────┼──────┼──────────────┼────────────┤',
  '│ 1.2 │ Tổ chức thực hiện         │ Vụ A │ Thường xuyên │ ongoing    │',
  '└─────┴───────────────────────────┴──────┴──────────────┴────────────┘',
  '2 tasks, as of 2024-07-01',
  '',
].join('\n');

describe('tasks formatters', () => {
  const wide = { ...ctx, width: 70 };

  it('table: the due phrase over its last day, the state with days late', () => {
    expect(TASK_FORMATS.table(tasks, wide)).toBe(TASKS_TABLE);
  });

  it('table with colour: overdue in bold red, headers bold, nothing else changed', () => {
    const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
    const coloured = TASKS_TABLE.replace('9/QĐ-T: 2 tasks', bold('9/QĐ-T: 2 tasks'))
      .replace('│ ID  │ Task                      │ Lead │ Due          │ State      │', `│ ${bold('ID')}  │ ${bold('Task')}                      │ ${bold('Lead')} │ ${bold('Due')}          │ ${bold('State')}      │`)
      .replace('│ overdue 1d │', `│ \u001b[31m${bold('overdue 1d')}\u001b[39m │`);
    expect(TASK_FORMATS.table(tasks, { ...wide, color: true })).toBe(coloured);
  });

  it('md: the emphasis of the content escaped', () => {
    expect(TASK_FORMATS.md(tasks, wide)).toBe(
      [
        '_As of 2024-07-01: 2 tasks._',
        '',
        '| Decision | ID | Task | Lead | Support | Leader | Start | Due | State |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        '| 9/QĐ-T | 1.1 | Xây dựng kế hoạch \\*chuyển đổi số\\* năm 2024 | Vụ A |  | PTGĐ Nguyễn Văn A | Tháng 01/2024 | Tháng 6/2024 | overdue 1d |',
        '| 9/QĐ-T | 1.2 | Tổ chức thực hiện | Vụ A |  | PTGĐ Nguyễn Văn A |  | Thường xuyên | ongoing |',
        '',
      ].join('\n'),
    );
  });

  it('csv: one row per task, ISO days and codes, empty cells for nothing', () => {
    expect(TASK_FORMATS.csv(tasks, wide)).toBe(
      '\uFEFF' +
        [
          'decision,id,content,lead,lead_as_written,support,support_as_written,leader,start,start_kind,start_from,start_to,due,due_kind,due_from,due_to,state,days_late,days_left,file,line',
          '9/QĐ-T,1.1,Xây dựng kế hoạch *chuyển đổi số* năm 2024,vu-a,Vụ A,,,PTGĐ Nguyễn Văn A,Tháng 01/2024,month,2024-01-01,2024-01-31,Tháng 6/2024,month,2024-06-01,2024-06-30,overdue,1,,plans/qd-9.yaml,20',
          '9/QĐ-T,1.2,Tổ chức thực hiện,vu-a,Vụ A,,,PTGĐ Nguyễn Văn A,,,,,Thường xuyên,ongoing,,,ongoing,,,plans/qd-9.yaml,20',
          '',
        ].join('\r\n'),
    );
  });

  it('json: the report itself, notes included', () => {
    expect(JSON.parse(tasksAsJson(tasks, wide))).toEqual({ schemaVersion: 1, ...tasks });
  });

  it('table: nothing matches', () => {
    expect(TASK_FORMATS.table({ asOf: '2024-07-01', tasks: [] }, wide)).toBe('No tasks match, as of 2024-07-01.\n');
  });
});
