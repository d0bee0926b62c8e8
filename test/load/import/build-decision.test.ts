// Document blocks (built by hand) → the imported decision and its draft text.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appendixId, buildDecision, tableGrid } from '../../../src/load/import/build-decision.js';
import { decisionAsYaml } from '../../../src/load/import/decision-yaml.js';
import type { DocBlock, DocCell, DocTable } from '../../../src/load/import/doc-model.js';
import type { Unit } from '../../../src/model/units.js';

const c = (text: string, more: Partial<DocCell> = {}): DocCell => ({ paragraphs: text === '' ? [] : text.split('\n\n'), span: 1, vmerge: null, ...more });
const p = (text: string): DocBlock => ({ kind: 'p', text });
const units: Unit[] = [
  { id: 'vu-tccb', code: 'TCCB', name: 'Vụ Tổ chức cán bộ', name_en: 'Personnel', kind: 'central' },
  { id: 'vu-pc', code: 'PC', name: 'Vụ Pháp chế', name_en: 'Legal', kind: 'central' },
];
const reg = { units, leaders: [{ id: 'ptgd-a', name: 'Nguyễn Văn A', title: 'Phó Tổng Giám đốc', display: 'PTGĐ Nguyễn Văn A' }] };

describe('appendixId', () => {
  it.each([
    ['PHỤ LỤC I', 0, 'phu-luc-1'],
    ['PHỤ LỤC II', 1, 'phu-luc-2'],
    ['PHỤ LỤC', 0, 'phu-luc'],
    ['DANH MỤC', 0, 'danh-muc'],
    [undefined, 2, 'phu-luc-3'],
  ])('%j → %j', (label, i, id) => {
    expect(appendixId(label, i)).toBe(id);
  });
});

describe('tableGrid', () => {
  it('places cells on the grid: gridBefore, spans across, merges down repeating the text above', () => {
    const t: DocTable = {
      kind: 'table',
      rows: [
        { before: 0, cells: [c('a'), c('b', { span: 2 }), c('d', { vmerge: 'restart' })] },
        { before: 1, cells: [c('x'), c('y'), c('', { vmerge: 'continue' })] },
      ],
    };
    expect(tableGrid(t).map((r) => r.map((g) => `${g.text}:${g.how}`))).toEqual([
      ['a:own', 'b:own', ':span', 'd:own'],
      [':own', 'x:own', 'y:own', 'd:merged'],
    ]);
  });
});

describe('buildDecision', () => {
  const table: DocTable = {
    kind: 'table',
    rows: [
      { before: 0, cells: [c('STT'), c('Nội dung'), c('Tổng số nhiệm vụ'), c('Thời gian thực hiện'), c('Lãnh đạo phụ trách'), c('Ghi chú')] },
      { before: 0, cells: [c('(1)'), c('(2)'), c('(3)'), c('(4)'), c('(5)'), c('(6)')] },
      { before: 0, cells: [c('1. Vụ Tổ chức cán bộ', { span: 2 }), c('2'), c('', { span: 3 })] },
      { before: 0, cells: [c('1.1'), c('Việc một'), c(''), c('Năm 2026'), c('PTGĐ Nguyễn Văn A'), c('Ưu tiên')] },
      { before: 0, cells: [c('1.2.'), c('Việc hai'), c(''), c('Mùa thu 2026'), c('PTGĐ Nguyễn Văn A'), c('')] },
      { before: 0, cells: [c('2'), c('Ban Không Có'), c('1'), c('', { span: 3 })] },
      { before: 0, cells: [c('2.1'), c('Việc ba'), c(''), c('Quý I/2026'), c('Nguyễn Văn A'), c('')] },
      { before: 0, cells: [c('Tổng số', { span: 2 }), c('3'), c('', { span: 3 })] },
    ],
  };
  const blocks: DocBlock[] = [p('Số: 12/KH-BHXH'), p('Hà Nội, ngày 31 tháng 12 năm 2025'), p('QUYẾT ĐỊNH'), p('Về việc thử'), p('PHỤ LỤC I'), p('Tiêu đề'), table];
  const d = buildDecision(blocks, reg);

  it('reads columns by their header words, skips the column-number row, keeps "Ghi chú" aside', () => {
    expect(d.appendices[0]!.columns.map((x) => x.field)).toEqual(['no', 'content', 'count', 'when', 'leader']);
    expect(d.appendices[0]!.otherColumns).toEqual(['Ghi chú']);
  });

  it('finds group rows (one merged from the number column), declared counts, the total', () => {
    const a = d.appendices[0]!;
    expect(a.groups.map((g) => [g.no, g.title, g.lead?.value.ids, g.declaredCount, g.tasks.map((t) => t.id.value)])).toEqual([
      ['1', 'Vụ Tổ chức cán bộ', ['vu-tccb'], 2, ['1.1', '1.2']],
      ['2', 'Ban Không Có', [], 1, ['2.1']],
    ]);
    expect([a.declaredTotal, a.totalLabel]).toEqual([3, 'Tổng số']);
    expect(a.groups[0]!.tasks[0]!.note).toBe('Ưu tiên');
  });

  it('marks what it could not read: the group row naming no unit, a period it cannot read', () => {
    const a = d.appendices[0]!;
    expect(a.groups[1]!.lead!.todo).toMatch(/"Ban Không Có" names no unit/);
    expect(a.groups[0]!.tasks[1]!.when).toMatchObject({ value: 'Mùa thu 2026', todo: expect.stringMatching(/check the period/) });
    expect(a.groups[0]!.tasks[0]!.when!.todo).toBeUndefined();
    // The leader's personal name alone settles it.
    expect(a.groups[1]!.tasks[0]!.leader!.value).toMatchObject({ ids: ['ptgd-a'], bare: false });
  });

  it('reads the number and date, and says which decision fields the document lacks', () => {
    expect(d.meta).toMatchObject({ number: '12/KH-BHXH', signed: '2025-12-31', place: 'Hà Nội', title: 'Về việc thử' });
    expect(d.missing).toEqual(['issuer', 'signer']);
  });

  it('writes the draft with a TODO comment on each line to check, and the lines it states are those', () => {
    const draft = decisionAsYaml(d, { source: 'x.docx' });
    const lines = draft.text.split('\n');
    expect(draft.todos.map((t) => lines[t.line - 1])).toEqual([
      expect.stringMatching(/^ {2}number: 12\/KH-BHXH # TODO: the document does not show the decision's issuer, signer/),
      expect.stringMatching(/^ +when: Mùa thu 2026 # TODO: check the period/),
      expect.stringMatching(/^ +lead: Ban Không Có # TODO: check the lead unit/),
    ]);
    const data = parse(draft.text) as { appendices: { groups: { lead: unknown; tasks: { id: string }[] }[] }[] };
    expect(data.appendices[0]!.groups.map((g) => g.lead)).toEqual(['vu-tccb', 'Ban Không Có']);
    expect(draft.text).toContain('# Ghi chú: Ưu tiên');
    expect(draft.text).toContain('# Not imported (no field holds them): Ghi chú');
  });
});

describe('todoCommentLines', () => {
  it('finds the comments, not cell text that reads "# TODO:"', async () => {
    const { todoCommentLines } = await import('../../../src/load/import/decision-yaml.js');
    const text = [
      'a:',
      '  content: >-', // 2
      '    Nội dung # TODO: not a comment',
      '    còn nữa',
      '  lead: Vụ X # TODO: check the lead unit', // 5
      '  note: "quoted # TODO: not a comment"',
      '  list:',
      '    - |-',
      '      - # TODO: text',
      '    - Bộ Y # TODO: check', // 10
      '',
    ].join('\n');
    expect(todoCommentLines(text)).toEqual([5, 10]);
  });

  it('a cell that reads "# TODO:" does not shift the stated lines', () => {
    const blocks: DocBlock[] = [
      p('Số: 1/QĐ-BHXH'),
      {
        kind: 'table',
        rows: [
          { before: 0, cells: [c('TT'), c('Nội dung'), c('Đơn vị chủ trì')] },
          { before: 0, cells: [c('1'), c('Việc # TODO: xong'), c('Vụ Không Có')] },
        ],
      },
    ];
    const draft = decisionAsYaml(buildDecision(blocks, reg), { source: 'x.docx' });
    const lines = draft.text.split('\n');
    expect(draft.todos.map((t) => lines[t.line - 1]!.trim())).toEqual([
      expect.stringMatching(/^number: 1\/QĐ-BHXH # TODO:/),
      expect.stringMatching(/^lead: Vụ Không Có # TODO: check the lead unit/),
    ]);
  });
});

describe('TODO wording', () => {
  it.each([
    ['Vụ Pháp chế (được chọn)', /check the supporting units: the parenthesis "\(được chọn\)" names no unit; if it only qualifies the names before it, delete this item/],
    ['Vụ Pháp chế, Ban Lạ', /check the supporting units: "Ban Lạ" matches no unit of the registry; use a unit id, or add the unit \(or an alias\) to units\.yaml/],
    ['A1, A2, A3, A4, A5', /"A1", "A2", "A3" and 2 more matches no unit/],
  ])('%j', (cell, message) => {
    const blocks: DocBlock[] = [
      { kind: 'table', rows: [{ before: 0, cells: [c('TT'), c('Nội dung'), c('Đơn vị chủ trì'), c('Đơn vị phối hợp')] }, { before: 0, cells: [c('1'), c('Việc'), c('Vụ Pháp chế'), c(cell)] }] },
    ];
    expect(buildDecision(blocks, reg).appendices[0]!.groups[0]!.tasks[0]!.support!.todo).toMatch(message);
  });
});

describe('a task row with nothing but its content', () => {
  it('is a task when numbered under the group, a group otherwise', () => {
    const blocks: DocBlock[] = [
      {
        kind: 'table',
        rows: [
          { before: 0, cells: [c('STT'), c('Nội dung'), c('Thời gian hoàn thành')] },
          { before: 0, cells: [c('1'), c('Vụ Pháp chế'), c('')] },
          { before: 0, cells: [c('1.1'), c('Việc có hạn'), c('Năm 2026')] },
          { before: 0, cells: [c('1.2'), c('Việc chưa có hạn'), c('')] },
          { before: 0, cells: [c('2'), c('Vụ Tổ chức cán bộ'), c('')] },
        ],
      },
    ];
    const groups = buildDecision(blocks, reg).appendices[0]!.groups;
    expect(groups.map((g) => [g.no, g.lead?.value.ids, g.tasks.map((t) => t.id.value)])).toEqual([
      ['1', ['vu-pc'], ['1.1', '1.2']],
      ['2', ['vu-tccb'], []],
    ]);
  });
});
