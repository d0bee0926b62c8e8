import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanSet } from '../../src/model/plan-set.js';
import { buildAppendixReport, type AppendixReport, type RowState } from '../../src/report/appendix-tables.js';
import { appendixAsCsv, appendixAsJson, appendixAsMarkdown, appendixAsTable, flatRows } from '../../src/render/appendix.js';
import { appendixAsHtml } from '../../src/render/appendix-html.js';
import { rowStateLabel } from '../../src/render/appendix-labels.js';
import { PLAIN, type RenderContext } from '../../src/render/context.js';
import { displayWidth } from '../../src/render/width.js';
import { loadPlanSet } from '../helpers/plans.js';

let fixture: PlanSet;
const EN: RenderContext = { ...PLAIN, lang: 'en' };

beforeAll(async () => {
  fixture = await loadPlanSet('test/fixtures/render/plans');
});

function report(asOf?: string, set = fixture): AppendixReport {
  const r = buildAppendixReport(set, set.decisions[0]!, asOf ? { asOf } : {});
  if (!r.ok) throw new Error(r.message);
  return r.report;
}

describe('hostile cells stay inert', () => {
  it('HTML: markup in content, units, leaders, titles is text, never elements or attributes', () => {
    const html = appendixAsHtml(report('2024-07-01'), PLAIN);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>|<i>/);
    // No tag carries an event handler (the words survive only as escaped text).
    for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).not.toMatch(/\son\w+=/i);
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('<td class="content">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</td>');
    expect(html).toContain('PTGĐ A&#39; onmouseover=&#39;alert(4)');
    expect(html).toContain('<title>1/QĐ-TEST: Quyết định &lt;b&gt;thử&lt;/b&gt; &amp; &quot;kiểm tra&quot;</title>');
  });

  it('Markdown: no raw HTML, no emphasis or links, pipes and line breaks escaped', () => {
    const md = appendixAsMarkdown(report(), PLAIN);
    expect(md).not.toMatch(/<script|<img|<b>|<i>/i);
    expect(md).toContain('| 1.1 | &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" |');
    expect(md).toContain('- Vụ B \\| phối hợp<br>- &lt;img src=x onerror=alert(2)&gt;');
    expect(md).toContain('\\*nhấn mạnh\\* \\_nghiêng\\_ \\[liên kết\\](javascript:alert(3))');
    // Every table line has as many cells as the header: no pipe leaked from a cell.
    const table = md.split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    expect(new Set(table.map(cells)).size).toBe(1);
  });

  it('CSV: formula-like cells are neutralised, the file starts with a BOM', () => {
    const csv = appendixAsCsv(report(), PLAIN);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(`'+SUM(A1:A2) and @cmd`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});

describe('appendixAsHtml', () => {
  const html = () => appendixAsHtml(report('2024-07-01'), PLAIN);

  it('is a semantic table: caption with label, title and note, a header row, one tbody per group', () => {
    const h = html();
    expect(h).toContain('<caption><span class="label">PHỤ LỤC &lt;i&gt;I&lt;/i&gt;</span><span class="title">Danh mục | nhiệm vụ</span><span class="note">(Ban hành kèm theo Quyết định số 1/QĐ-TEST)</span></caption>');
    expect(h).toContain('<thead><tr><th scope="col" class="no">STT</th><th scope="col" class="content">Nội dung nhiệm vụ</th>');
    expect(h.match(/<tbody>/g)).toHaveLength(2);
  });

  it('a group row: number, title heading its row group, count, then one empty cell for the rest', () => {
    expect(html()).toContain('<tr class="group"><td class="no">1</td><th scope="rowgroup" class="content">Vụ A</th><td class="count">3</td><td colspan="5"></td></tr>');
  });

  it('a merged period cell spans both period columns', () => {
    expect(html()).toContain('<td class="period merged" colspan="2">Sau khi Chính phủ ban hành Nghị định</td>');
  });

  it('the total row: label across number and content, the computed total under the count', () => {
    expect(html()).toContain('<tfoot><tr class="total"><th scope="row" colspan="2">TỔNG SỐ</th><td class="count">4</td><td colspan="5"></td></tr></tfoot>');
  });

  it('states carry their class and a Vietnamese label', () => {
    expect(html()).toContain('<td class="state state-overdue">Quá hạn 1 ngày</td>');
  });

  it('is Vietnamese, with English headers marked as such under --lang en', () => {
    const en = appendixAsHtml(report('2024-07-01'), EN);
    expect(en).toContain('<html lang="vi">');
    expect(en).toContain('<thead lang="en"><tr><th scope="col" class="no">No.</th><th scope="col" class="content">Content</th><th scope="col" class="count">Tasks</th>');
    expect(en).toContain('>TOTAL</th>');
    expect(en).toContain('overdue 1d');
  });
});

describe('totals are computed, never copied', () => {
  it('a declared total that disagrees with the rows is not what is shown', () => {
    // Validation rejects such a file; build one past it to prove the render counts for itself.
    const d = structuredClone(fixture.decisions[0]!);
    d.data.appendices![0]!.declared_total = 99;
    d.data.appendices![0]!.groups[0]!.declared_count = 7;
    const set = { ...fixture, decisions: [d] };
    const r = report(undefined, set);
    expect(r.tables[0]!.total).toMatchObject({ value: 4, declared: 99 });
    const json = JSON.parse(appendixAsJson(r, PLAIN));
    expect(json.tables[0].total).toEqual({ label: 'TỔNG SỐ', value: 4, declared: 99 });
    expect(json.tables[0].groups[0]).toMatchObject({ count: 3, declaredCount: 7 });
    expect(appendixAsMarkdown(r, PLAIN)).toContain('| **TỔNG SỐ** | **4** |');
  });
});

describe('flatRows', () => {
  it('group, task and total rows in document order', () => {
    expect(flatRows(report().tables[0]!, PLAIN).map((r) => `${r.kind}:${r.id}`)).toEqual(['group:1', 'task:1.1', 'task:1.2', 'task:1.3', 'group:2', 'task:2.1', 'total:']);
  });
});

describe('appendixAsCsv', () => {
  it('one row per table row, with its kind, under the document headers', () => {
    const lines = appendixAsCsv(report('2024-07-01'), PLAIN).replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('quyet_dinh,phu_luc,loai_dong,id,STT,Nội dung nhiệm vụ,Tổng số nhiệm vụ,Đơn vị phối hợp,Thời gian bắt đầu,Thời gian hoàn thành,Lãnh đạo phụ trách,Tình trạng');
    expect(lines.slice(1, -1).map((l) => l.split(',')[2])).toEqual(['group', 'task', 'task', 'task', 'group', 'task', 'total']);
    expect(lines[1]).toBe('1/QĐ-TEST,phu-luc,group,1,1,Vụ A,3,,,,,');
    // The state column holds the state key, for scripts.
    expect(lines[2]!.endsWith(',overdue')).toBe(true);
    expect(lines.at(-2)).toBe('1/QĐ-TEST,phu-luc,total,,,TỔNG SỐ,4,,,,,');
    expect(lines.at(-1)).toBe('');
  });

  it('English headers under --lang en', () => {
    const head = appendixAsCsv(report(), EN).replace('\uFEFF', '').split('\r\n')[0];
    expect(head).toBe('decision,appendix,row,id,No.,Content,Tasks,Supporting units,Start,Finish,Responsible leader');
  });
});

describe('appendixAsJson', () => {
  it('carries schemaVersion, columns, groups with counts, rows with cells, the total', () => {
    const j = JSON.parse(appendixAsJson(report('2024-07-01'), PLAIN));
    expect(j.schemaVersion).toBe(1);
    expect(j.decision.number).toBe('1/QĐ-TEST');
    const t = j.tables[0];
    expect(t.columns.map((c: { field: string }) => c.field)).toEqual(['no', 'content', 'count', 'support', 'start', 'due', 'leader', 'state']);
    expect(t.groups.map((g: { no: string; count: number }) => [g.no, g.count])).toEqual([['1', 3], ['2', 1]]);
    expect(t.groups[0].rows[1]).toMatchObject({ kind: 'task', id: '1.2', mergedPeriod: true, state: { state: 'waiting' } });
    expect(t.groups[0].rows[0].cells.content).toBe('<script>alert(1)</script> & "quotes"');
  });
});

describe('appendixAsTable', () => {
  it('fits the terminal width, lines aligned whatever the diacritics', () => {
    for (const width of [80, 100, 160]) {
      const out = appendixAsTable(report('2024-07-01'), { ...PLAIN, width });
      const lines = out.split('\n').filter((l) => /^[│┌├└]/.test(l));
      const widths = new Set(lines.map(displayWidth));
      expect(widths.size).toBe(1);
      expect([...widths][0]).toBeLessThanOrEqual(width);
    }
  });

  it('shows headers, group rows, the total and the row count', () => {
    const out = appendixAsTable(report(), { ...PLAIN, width: 160 });
    expect(out).toContain('Nội dung nhiệm vụ');
    expect(out).toMatch(/│ 1\s+│ Vụ A\s+│\s+3 │/);
    expect(out).toMatch(/│\s+│ TỔNG SỐ\s+│\s+4 │/);
    expect(out).toContain('4 nhiệm vụ trong 2 nhóm');
  });
});

describe('row state labels in Vietnamese', () => {
  it.each([
    [{ state: 'overdue', daysLate: 3246, daysLeft: null, late: null }, 'Quá hạn 3.246 ngày'],
    [{ state: 'due-soon', daysLate: null, daysLeft: 1200, late: null }, 'Còn 1.200 ngày'],
    [{ state: 'due-soon', daysLate: null, daysLeft: 0, late: null }, 'Đến hạn hôm nay'],
    [{ state: 'done', daysLate: 1785, daysLeft: null, late: true }, 'Hoàn thành, trễ 1.785 ngày'],
    [{ state: 'done', daysLate: 0, daysLeft: null, late: false }, 'Hoàn thành'],
  ] as const)('%j → %s (day counts grouped with ".")', (s, want) => {
    expect(rowStateLabel(s as RowState, { lang: 'vi' })).toBe(want);
  });
});
