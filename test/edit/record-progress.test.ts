import { describe, expect, it } from 'vitest';
import { dutyEdit, editNode, EditError, taskEdit, type Recording } from '../../src/edit/record-progress.js';

const T0 = ['sections', 0, 'tasks', 0];

/** A decision file around one section's tasks, as text. */
function file(tasks: string, opts: { eol?: string; head?: string } = {}): string {
  const text = `# header comment
decision:
  number: 1/QĐ-X   # the number
  title: "Tiêu đề"
${opts.head ?? ''}sections:
  - no: "1"
    lead: vu-a
    tasks:
${tasks}`;
  return opts.eol ? text.replace(/\n/g, opts.eol) : text;
}

type Case = [name: string, before: string, rec: Recording, state: string | null, after: string, path?: (string | number)[]];

const CASES: Case[] = [
  [
    'adds a status block after the last key, keeping a trailing comment on its line',
    file('      - id: "1.1"\n        content: >-\n          Nội dung dài\n          gấp dòng\n        due: Tháng 3/2024   # hạn\n\n      # next\n      - id: "1.2"\n        content: x\n'),
    { kind: 'done', on: '2024-03-20' },
    null,
    file('      - id: "1.1"\n        content: >-\n          Nội dung dài\n          gấp dòng\n        due: Tháng 3/2024   # hạn\n        status:\n          state: done\n          on: 2024-03-20\n\n      # next\n      - id: "1.2"\n        content: x\n'),
  ],
  [
    'edits a flow status in place',
    file('      - id: "1.1"\n        content: x\n        status: { state: not-started }  # chưa\n'),
    { kind: 'done', on: '2024-03-20' },
    'not-started',
    file('      - id: "1.1"\n        content: x\n        status: { state: done, on: 2024-03-20 }  # chưa\n'),
  ],
  [
    'replaces a value and keeps its comment; a new key goes where the schema lists it',
    file('      - id: "1.1"\n        content: x\n        status:\n          state: in-progress   # đang làm\n          notes:\n            - on: 2024-01-02\n              note: bắt đầu\n'),
    { kind: 'done', on: '2024-03-20' },
    'in-progress',
    file('      - id: "1.1"\n        content: x\n        status:\n          state: done   # đang làm\n          on: 2024-03-20\n          notes:\n            - on: 2024-01-02\n              note: bắt đầu\n'),
  ],
  [
    'appends a note in the style of the list, quoting what needs it',
    file('      - id: "1.1"\n        content: x\n        status:\n          state: in-progress\n          notes:\n            - { on: 2024-01-02, note: bắt đầu }\n'),
    { kind: 'progress', on: '2024-02-01', note: 'Đã trình: dự thảo "lần 2"' },
    'in-progress',
    file("      - id: \"1.1\"\n        content: x\n        status:\n          state: in-progress\n          on: 2024-02-01\n          notes:\n            - { on: 2024-01-02, note: bắt đầu }\n            - on: 2024-02-01\n              note: 'Đã trình: dự thảo \"lần 2\"'\n"),
  ],
  [
    'a note on a task not started starts it; text over several lines stays on one, escaped',
    file('      - id: "1.1"\n        content: x\n'),
    { kind: 'progress', on: '2024-02-01', note: 'dòng một\ndòng hai' },
    null,
    file('      - id: "1.1"\n        content: x\n        status:\n          state: in-progress\n          on: 2024-02-01\n          notes:\n            - on: 2024-02-01\n              note: "dòng một\\ndòng hai"\n'),
  ],
  [
    'keeps CRLF line breaks',
    file('      - id: "1.1"\n        content: x\n', { eol: '\r\n' }),
    { kind: 'done', on: '2024-03-20' },
    null,
    file('      - id: "1.1"\n        content: x\n        status:\n          state: done\n          on: 2024-03-20\n', { eol: '\r\n' }),
  ],
  [
    'adds the final line break a file lacked',
    file('      - id: "1.1"\n        content: x'),
    { kind: 'done', on: '2024-03-20' },
    null,
    file('      - id: "1.1"\n        content: x\n        status:\n          state: done\n          on: 2024-03-20'),
  ],
  [
    "follows the file's four-space indentation and unindented lists",
    `decision:\n    number: 1/QĐ-X\nsections:\n-   no: "1"\n    tasks:\n    -   id: "1.1"\n        content: x\n`,
    { kind: 'progress', on: '2024-02-01', note: 'ghi chú' },
    null,
    `decision:\n    number: 1/QĐ-X\nsections:\n-   no: "1"\n    tasks:\n    -   id: "1.1"\n        content: x\n        status:\n            state: in-progress\n            on: 2024-02-01\n            notes:\n            -   on: 2024-02-01\n                note: ghi chú\n`,
  ],
  [
    'done drops the reason of an earlier cancellation',
    file('      - id: "1.1"\n        content: x\n        status:\n          state: cancelled\n          on: 2024-01-10\n          reason: Gộp   # tạm\n          notes: [{ on: 2024-01-02, note: a }]\n'),
    { kind: 'done', on: '2024-03-20' },
    'cancelled',
    file('      - id: "1.1"\n        content: x\n        status:\n          state: done\n          on: 2024-03-20\n          notes: [{ on: 2024-01-02, note: a }]\n'),
  ],
  [
    'cancels with a reason',
    file('      - id: "1.1"\n        content: x\n        due: Tháng 6/2024\n'),
    { kind: 'cancel', on: '2024-05-01', reason: 'Không còn phù hợp' },
    null,
    file('      - id: "1.1"\n        content: x\n        due: Tháng 6/2024\n        status:\n          state: cancelled\n          on: 2024-05-01\n          reason: Không còn phù hợp\n'),
  ],
  [
    'records an event and its allowed time after the period, before the product',
    file("      - id: \"1.1\"\n        content: x\n        when: Sau khi Bộ ban hành Thông tư\n        product: 'Văn bản'\n"),
    { kind: 'occurred', on: '2024-09-15', within: '3 tháng' },
    null,
    file("      - id: \"1.1\"\n        content: x\n        when: Sau khi Bộ ban hành Thông tư\n        occurred: 2024-09-15\n        within: 3 tháng\n        product: 'Văn bản'\n"),
  ],
  [
    'corrects a recorded event day in place',
    file('      - id: "1.1"\n        content: x\n        when: Sau khi Bộ ban hành Thông tư\n        occurred: "2024-09-15"\n'),
    { kind: 'occurred', on: '2024-09-16' },
    null,
    file('      - id: "1.1"\n        content: x\n        when: Sau khi Bộ ban hành Thông tư\n        occurred: 2024-09-16\n'),
  ],
  [
    'edits a task written as a flow mapping',
    file('      - { id: "1.1", content: x, due: Tháng 3/2024 }\n      - id: "1.2"\n        content: y\n'),
    { kind: 'done', on: '2024-03-20' },
    null,
    file('      - { id: "1.1", content: x, due: Tháng 3/2024, status: { state: done, on: 2024-03-20 } }\n      - id: "1.2"\n        content: y\n'),
  ],
  [
    'records a period of a recurring task',
    file('      - id: "1.1"\n        content: x\n        when: Hằng năm\n'),
    { kind: 'done-period', period: '2024', on: '2024-12-20' },
    null,
    file('      - id: "1.1"\n        content: x\n        when: Hằng năm\n        status:\n          state: in-progress\n          done_periods:\n            - period: "2024"\n              on: 2024-12-20\n'),
  ],
];

describe('recording progress in a task node', () => {
  it.each(CASES)('%s', (_name, before, rec, state, after) => {
    const r = editNode(before, T0, taskEdit(rec, state));
    expect(r.text).toBe(after);
    expect(before.slice(0, r.start)).toBe(after.slice(0, r.start));
    expect(before.slice(r.end)).toBe(after.slice(after.length - (before.length - r.end)));
  });

  it('the same record again changes nothing, quoting included', () => {
    const text = file('      - id: "1.1"\n        content: x\n        status:\n          state: done\n          on: "2024-03-20"\n          notes:\n            - on: 2024-01-02\n              note: a\n');
    expect(editNode(text, T0, taskEdit({ kind: 'done', on: '2024-03-20' }, 'done')).text).toBe(text);
    expect(editNode(text, T0, taskEdit({ kind: 'progress', on: '2024-01-02', note: 'a' }, 'done')).text).toBe(text);
  });

  it('refuses a status that is an alias of another node', () => {
    const text = file('      - id: "1.1"\n        content: x\n        status: &s { state: in-progress }\n      - id: "1.2"\n        content: y\n        status: *s\n');
    expect(() => editNode(text, ['sections', 0, 'tasks', 1], taskEdit({ kind: 'done', on: '2024-03-20' }, 'in-progress'))).toThrow(EditError);
  });

  it('refuses text that does not parse', () => {
    expect(() => editNode('a: [1, 2\n', ['a'], taskEdit({ kind: 'done', on: '2024-03-20' }, null))).toThrow(EditError);
  });
});

describe('recording a report in a duty node', () => {
  const duty = (body: string) => `decision:\n  number: 1/QĐ-X\nreporting:\n  - id: bao-cao\n    due: ["trước ngày 15 tháng 11"]\n${body}`;
  const R0 = ['reporting', 0];

  it('starts the list of submissions', () => {
    expect(editNode(duty('    last: 2025\n'), R0, dutyEdit('2024', '2024-11-10')).text).toBe(duty('    last: 2025\n    submitted:\n      - period: "2024"\n        on: 2024-11-10\n'));
  });

  it('appends to a flow list in its style', () => {
    expect(editNode(duty('    submitted: [{ period: "2023", on: 2023-11-10 }]\n'), R0, dutyEdit('2024', '2024-11-10')).text).toBe(
      duty('    submitted: [{ period: "2023", on: 2023-11-10 }, { period: "2024", on: 2024-11-10 }]\n'),
    );
  });

  it('corrects the day of a period already recorded', () => {
    expect(editNode(duty('    submitted:\n      - period: "2023"\n        on: 2023-11-10   # nộp qua mạng\n'), R0, dutyEdit('2023', '2023-11-12')).text).toBe(
      duty('    submitted:\n      - period: "2023"\n        on: 2023-11-12   # nộp qua mạng\n'),
    );
  });
});
