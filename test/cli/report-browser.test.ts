// The HTML of `plan report` opened in a real headless Chromium: the sections, the table of contents,
// the tables and the two charts are there (counted against the commands that compute the same
// figures), nothing errs or is fetched, it prints on A4 landscape without overflowing, and a hostile
// plan stays text. A screenshot and a PDF go to test-artifacts/report.png and report.pdf.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, pdfPageSize, skipBrowser, type Browser, type Opened } from '../helpers/browser.js';
import { ROOT, runBin } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2025-12-31'];

function json<T>(...args: string[]): T {
  const r = runBin(args);
  if (r.code !== 0) throw new Error(`plan ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

function report(...args: string[]): string {
  const r = runBin(['report', '--format', 'html', ...args]);
  if (r.code !== 0) throw new Error(`plan report exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** The tables `plan render` draws for each bundled decision: its appendices, or one of its body sections. */
function expectedPlanTables(): number {
  const files = ['qd-88-bhxh-2024.yaml', 'qd-456-bhxh-2022.yaml', 'qd-185-bhxh-2025.yaml', 'qd-1320-bhxh-2020.yaml', 'qd-146-ttg-2016.yaml'];
  return files.reduce((n, f) => {
    const doc = parse(readFileSync(join(ROOT, 'plans', f), 'utf8')) as { appendices?: unknown[]; sections?: unknown[] };
    return n + (doc.appendices?.length ? doc.appendices.length : doc.sections?.length ? 1 : 0);
  }, 0);
}

let browser: Browser;

describe.skipIf(skipBrowser)('plan report --format html in headless Chromium', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe('the bundled plans and sample data as of 2025-12-31', () => {
    let o: Opened;
    beforeAll(async () => {
      o = await browser.open('report', report(...AS_OF));
    }, 60_000);

    it('six sections with headings, and a table of contents whose every link lands', async () => {
      const { page } = o;
      expect(await page.locator('main > section.part > h2').allInnerTexts()).toEqual([
        '1. Tổng hợp theo quyết định',
        expect.stringMatching(/^2\. Nhiệm vụ và báo cáo quá hạn \(\d+\)$/),
        expect.stringMatching(/^3\. Sắp đến hạn \(trong 30 ngày tới\) \(\d+\)$/),
        expect.stringMatching(/^4\. Chế độ báo cáo định kỳ \(\d+\)$/),
        '5. Kết quả thực hiện chỉ tiêu',
        '6. Phụ lục kèm tình trạng thực hiện',
      ]);
      const links = await page.locator('nav.toc a').count();
      expect(links).toBe(6 + 5);
      expect(await page.evaluate("[...document.querySelectorAll('nav.toc a')].every((a) => document.getElementById(a.getAttribute('href').slice(1)) !== null)")).toBe(true);
      expect(await page.evaluate('new Set([...document.querySelectorAll("[id]")].map((e) => e.id)).size === document.querySelectorAll("[id]").length')).toBe(true);
      expect(await page.evaluate('document.documentElement.lang')).toBe('vi');
      expect(await page.title()).toBe('Báo cáo tình hình thực hiện kế hoạch (31/12/2025)');
    });

    it('the tables hold what plan overdue, plan attainment and plan render give', async () => {
      const { page } = o;
      const overdue = json<{ tasks: { state: string }[] }>('overdue', ...AS_OF, '--within', '30', '--format', 'json').tasks;
      expect(await page.locator('table.report-overdue > tbody > tr').count()).toBe(overdue.filter((t) => t.state === 'overdue').length);
      expect(await page.locator('table.report-due-soon > tbody > tr').count()).toBe(overdue.filter((t) => t.state === 'due-soon').length);
      const targets = json<{ targets: unknown[] }>('attainment', ...AS_OF, '--format', 'json').targets;
      expect(await page.locator('table.report-targets > tbody > tr').count()).toBe(targets.length);
      expect(await page.locator('table.plan').count()).toBe(expectedPlanTables());
      expect(await page.locator('table.plan td.state').count()).toBeGreaterThan(100);
    });

    it('charts: a segment per decision and state in use; per decision, a row per target with a threshold', async () => {
      const { page } = o;
      const all = json<{ targets: { decision: string; threshold: number | null }[] }>('attainment', ...AS_OF, '--format', 'json').targets;
      expect(await page.locator('figure.chart > svg[role="img"]').count()).toBe(1 + new Set(all.filter((t) => t.threshold !== null).map((t) => t.decision)).size);
      const status = json<{ decisions: { counts: Record<string, number> }[] }>('status', ...AS_OF, '--no-attainment', '--format', 'json');
      const segments = status.decisions.reduce((n, d) => n + Object.values(d.counts).filter((c) => c > 0).length, 0);
      expect(await page.locator('svg.chart-stacked g.seg rect').count()).toBe(segments);
      const targets = json<{ targets: { threshold: number | null; value: number | null }[] }>('attainment', ...AS_OF, '--format', 'json').targets;
      expect(await page.locator('svg.chart-threshold g.target').count()).toBe(targets.filter((t) => t.threshold !== null).length);
      expect(await page.locator('svg.chart-threshold rect.value').count()).toBe(targets.filter((t) => t.threshold !== null && t.value !== null).length);
      expect(await page.locator('svg.chart-threshold line.threshold').count()).toBe(targets.filter((t) => t.threshold !== null).length);
      for (const rect of await page.locator('svg.chart rect').all()) expect((await rect.boundingBox())!.width).toBeGreaterThan(0);
      // Every word of a chart is inside it.
      for (const svg of await page.locator('figure.chart > svg').all()) {
        const box = (await svg.boundingBox())!;
        for (const text of await svg.locator('text').all()) {
          const t = (await text.boundingBox())!;
          expect(t.x).toBeGreaterThanOrEqual(box.x - 1);
          expect(t.x + t.width, await text.innerHTML()).toBeLessThanOrEqual(box.x + box.width + 1);
        }
      }
    });

    it('no console errors, nothing fetched; a full-page screenshot', async () => {
      expect(o.errors).toEqual([]);
      expect(o.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
      await o.page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    });

    it('prints on A4 landscape, and nothing is wider than the printed page', async () => {
      const { page } = o;
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(join(ARTIFACTS, 'report.pdf'), pdf);
      expect(pdfPageSize(pdf)).toEqual([842, 595]);
      // The printable width: 297 mm less 2 × 12 mm margins, at 96 px per inch.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: Math.floor((273 / 25.4) * 96), height: 800 });
      const overflow = await page.evaluate(
        "[...document.querySelectorAll('table, figure, svg')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((e) => e.className.baseVal ?? e.className)",
      );
      expect(overflow).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
      await page.emulateMedia({ media: 'screen' });
    });
  });

  it('hostile plan words are text: no script runs, no element or attribute comes from them', async () => {
    const o = await browser.open('report-hostile', report('--plans', 'test/fixtures/render/plans', '--as-of', '2024-12-01'));
    const { page } = o;
    expect(await page.locator('script, img, b, i, u').count()).toBe(0);
    expect(await page.locator('table.report-overdue td.task').first().innerText()).toBe('<script>alert(1)</script> & "quotes" | pipe [x](javascript:alert(8))');
    expect(await page.locator('table.report-overdue td.lead').first().innerText()).toBe('Vụ <b>C</b> & "đơn vị"');
    expect(await page.locator('table.report-targets td.task').last().innerText()).toBe('ti-le-svg: Tỷ lệ </svg><script>alert(7)</script> đạt 80%');
    expect(await page.locator('svg.chart-threshold g.target').last().locator('text > title').textContent()).toBe('Tỷ lệ </svg><script>alert(7)</script> đạt 80%: 2/QĐ-TEST ti-le-svg · Tỷ lệ </svg><script>alert(7)</script> đạt 80%');
    expect(await page.locator('figure.chart > svg').count()).toBeGreaterThanOrEqual(2);
    for (const cell of await page.locator('td').all()) await cell.hover();
    expect(o.dialogs).toEqual([]);
    expect(o.errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'report-hostile.png'), fullPage: true });
  }, 60_000);
});
