// plan status fits a screen: the bundled plans as of 2026-12-01 at 80 columns in at most 60 lines,
// the whole plan set first, a duty's overdue years collapsed into one run; --full still lists every
// overdue instance (counted against plan overdue's JSON, an independent path through the report).

import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { runMain } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2026-12-01'];

interface OverdueJson {
  tasks: { kind: 'task' | 'reporting'; decision: string; id: string; period: string | null; state: string; daysLate: number | null }[];
}

describe('plan status at 80 columns as of 2026-12-01', () => {
  it('fits in 60 lines of at most 80 columns, in both languages, the totals first', async () => {
    for (const lang of ['vi', 'en']) {
      const r = await runMain(['status', ...AS_OF, '--lang', lang], { env: { COLUMNS: '80' } });
      expect(r.code).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.length, r.stdout).toBeLessThanOrEqual(60);
      for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
      expect(lines[1]).toMatch(lang === 'vi' ? /^Tổng cộng 5 quyết định, 115 nhiệm vụ: / : /^All 5 decisions, 115 tasks: /);
    }
  });

  it.each(['40', '60', '100'])('fits %s columns too', async (columns) => {
    for (const lang of ['vi', 'en']) {
      const r = await runMain(['status', ...AS_OF, '--lang', lang], { env: { COLUMNS: columns } });
      for (const l of r.stdout.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(Number(columns));
    }
  });

  it('piped without COLUMNS: 80 columns', async () => {
    const r = await runMain(['status', ...AS_OF]);
    for (const l of r.stdout.split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
    expect(Math.max(...r.stdout.split('\n').map((l) => stringWidth(l)))).toBeGreaterThan(70);
  });

  it('a yearly duty on one line: its overdue years as one run, then the next', async () => {
    const r = await runMain(['status', ...AS_OF, '--decision', '146/QĐ-TTg'], { env: { COLUMNS: '200' } });
    // 146/QĐ-TTg's yearly report to the Prime Minister, 2016–2030: nothing submitted, so 2016–2025 are late.
    expect(r.stdout).toContain('báo cáo hàng năm → Thủ tướng Chính phủ: 2016–2025 quá hạn (10 kỳ), 2026 đến hạn sau 30 ngày');
  });

  it('no figure is split across lines at 80 columns', async () => {
    const r = await runMain(['status', ...AS_OF]);
    // A line that ends in a digit and a next line that starts with one would be a number cut in two;
    // so would a count cut from its word ("13" / "thường xuyên").
    const lines = r.stdout.split('\n');
    lines.forEach((l, i) => {
      const next = lines[i + 1] ?? '';
      expect(/\d$/.test(l) && /^\s*[\d.,%]/.test(next), `${l} / ${next}`).toBe(false);
    });
    for (const l of lines) expect(l, l).not.toMatch(/(^|·)\s*\d+$/);
  });

  it('--full lists every overdue task and reporting period that plan overdue lists', async () => {
    const overdue = JSON.parse((await runMain(['overdue', ...AS_OF, '--format', 'json'])).stdout) as OverdueJson;
    const items = overdue.tasks.filter((t) => t.state === 'overdue');
    expect(items.length).toBeGreaterThan(90);
    const r = await runMain(['status', ...AS_OF, '--full', '--lang', 'en'], { env: { COLUMNS: '80' } });
    const text = r.stdout;
    // Each decision's block, from its heading to the next decision's.
    const blocks = new Map<string, string>();
    const heads = [...text.matchAll(/^(\S+\/QĐ-\S+)  /gm)];
    heads.forEach((m, i) => blocks.set(m[1]!, text.slice(m.index, heads[i + 1]?.index ?? text.length)));
    for (const t of items) {
      const block = blocks.get(t.decision)!;
      // Days late as plan overdue counts them, grouped as English writes numbers ("3,622").
      const late = escape(`overdue ${t.daysLate!.toLocaleString('en-US')}d`);
      const pattern = t.kind === 'task' ? new RegExp(`^ {4}${escape(t.period ? `${t.id} [${t.period}]` : t.id)} +${late}`, 'm') : new RegExp(`^ {6}${escape(t.period!)} +${late} +due `, 'm');
      expect(block, `${t.decision} ${t.id} ${t.period ?? ''}`).toMatch(pattern);
    }
    const shown = (text.match(/ overdue [\d,]+d/g) ?? []).length;
    expect(shown).toBe(items.length);
    expect(text.split('\n').length).toBeGreaterThan(300);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
