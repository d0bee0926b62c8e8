// Any cell text survives the draft: written by the yaml Document API, read back by js-yaml, the
// content is the cell's text as the importer joins it (control characters dropped, NFC).
import fc from 'fast-check';
import { load as jsYamlLoad } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildDecision } from '../../../src/load/import/build-decision.js';
import { joinLines } from '../../../src/load/import/cell-text.js';
import { cleanText } from '../../../src/load/import/clean-text.js';
import { decisionAsYaml } from '../../../src/load/import/decision-yaml.js';
import type { DocBlock } from '../../../src/load/import/doc-model.js';

const reg = { units: [{ id: 'vu-pc', code: 'PC', name: 'Vụ Pháp chế', name_en: 'Legal', kind: 'central' as const }], leaders: [{ id: 'a', name: 'Nguyễn Văn A', title: 'Phó Tổng Giám đốc', display: 'PTGĐ Nguyễn Văn A' }] };
const cell = (text: string) => ({ paragraphs: [cleanText(text)], span: 1, vmerge: null });
// Text with the characters YAML cares about, Vietnamese letters and line breaks.
const tricky = fc.stringMatching(/^[A-Za-zÀ-ỹĐđ0-9 :#'"|>\-[\]{},&*!%@`?\n\t\u0085\u2028\u202e]{1,80}$/);

describe('the draft keeps every cell', () => {
  it('content, support and period as written, whatever the characters', () => {
    fc.assert(
      fc.property(tricky, tricky, tricky, (content, support, period) => {
        fc.pre(joinLines([cleanText(content)]) !== '' && joinLines([cleanText(support)]) !== '' && joinLines([cleanText(period)]) !== '');
        const blocks: DocBlock[] = [
          { kind: 'p', text: 'Số: 1/QĐ-BHXH' },
          { kind: 'table', rows: [{ before: 0, cells: [cell('TT'), cell('Nội dung'), cell('Đơn vị phối hợp'), cell('Thời gian thực hiện'), cell('Đơn vị chủ trì')] }, { before: 0, cells: [cell('1.1'), cell(content), cell(support), cell(period), cell('Vụ Pháp chế')] }] },
        ];
        const draft = decisionAsYaml(buildDecision(blocks, reg), { source: 'x.docx' });
        const data = jsYamlLoad(draft.text) as { appendices: { groups: { tasks: { content: string; support: unknown; when: string }[] }[] }[] };
        const task = data.appendices[0]!.groups[0]!.tasks[0]!;
        expect(task.content).toBe(joinLines([cleanText(content)]));
        expect(task.when).toBe(joinLines([cleanText(period)]));
        const s = task.support as string | { as_written: string };
        expect(typeof s === 'string' ? s : s.as_written).toBe(joinLines([cleanText(support)]));
        // Every TODO stated stands on a line that carries one.
        const lines = draft.text.split('\n');
        for (const t of draft.todos) expect(lines[t.line - 1]).toMatch(/# TODO: /);
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
