// The HTML of `plan render` opened in a real headless Chromium (Debian's chromium package, driven by
// playwright-core): the tables are there, nothing errs, nothing is fetched, hostile cells stay text.
// Screenshots go to test-artifacts/. Skipped only when PLAN_SKIP_BROWSER=1 is set explicitly; a
// missing Chromium fails the test.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h } from '../../src/render/html/html.js';
import { htmlPage } from '../../src/render/html/page.js';
import { stackedBarChart, thresholdChart } from '../../src/render/html/svg-charts.js';
import { ARTIFACTS, findChromium, launchBrowser, pdfPageSize, skipBrowser, SYSTEM_CHROMIUM, type Browser } from '../helpers/browser.js';
import { runBin } from '../helpers/cli.js';

let browser: Browser;
const open = (name: string, html: string) => browser.open(name, html);

function render(...args: string[]): string {
  const r = runBin(['render', ...args, '--format', 'html'], { env: { PLAN_AS_OF: '2024-07-01' } });
  if (r.code !== 0) throw new Error(`plan render ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

describe.skipIf(skipBrowser)('plan render --format html in headless Chromium', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('uses /usr/bin/chromium when it is there, else the Chromium npm installed (PLAN_SYSTEM_CHROMIUM=0 forces that one)', async () => {
    const found = await findChromium();
    if (process.env['PLAN_CHROMIUM']) expect(found.from).toBe('PLAN_CHROMIUM');
    else if (process.env['PLAN_SYSTEM_CHROMIUM'] === '0' || !existsSync(SYSTEM_CHROMIUM)) {
      expect(found.from).toBe('npm');
      expect(found.path.startsWith('/usr/')).toBe(false);
    } else expect(found).toEqual({ path: SYSTEM_CHROMIUM, from: 'system' });
    expect(existsSync(found.path)).toBe(true);
  });

  it('88/QĐ-BHXH: 40 task rows under 17 group rows, TỔNG SỐ 40, no errors, nothing fetched', async () => {
    const o = await open('render-88', render('88/QĐ-BHXH', '--with-status'));
    const { page } = o;
    expect(await page.locator('table.plan').count()).toBe(1);
    expect(await page.locator('table.plan > tbody > tr.task').count()).toBe(40);
    expect(await page.locator('table.plan > tbody > tr.group').count()).toBe(17);
    expect(await page.locator('table.plan > tbody').count()).toBe(17);
    expect((await page.locator('tfoot tr.total').innerText()).replace(/\s+/g, ' ').trim()).toBe('TỔNG SỐ 40');
    expect(await page.locator('caption .label').innerText()).toBe('DANH MỤC');
    expect(await page.locator('thead th').allInnerTexts()).toEqual([
      'STT',
      'Nội dung nhiệm vụ',
      'Tổng số nhiệm vụ',
      'Đơn vị phối hợp',
      'Thời gian bắt đầu',
      'Thời gian hoàn thành',
      'Lãnh đạo Ngành phụ trách',
      'Tình trạng',
    ]);
    // The merged "Sau khi …" cell spans both period columns, as in the document.
    expect(await page.locator('tr[data-id="1.3"] td.period.merged').getAttribute('colspan')).toBe('2');
    // Expressions as strings: the tests are type-checked without the DOM library.
    expect(await page.evaluate('document.documentElement.lang')).toBe('vi');
    expect(await page.evaluate('document.characterSet')).toBe('UTF-8');
    expect(o.errors).toEqual([]);
    expect(o.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'render-88.png'), fullPage: true });
    // Printed, the page is A4 landscape (@page size): 842 × 595 points.
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(ARTIFACTS, 'render-88.pdf'), pdf);
    expect(pdfPageSize(pdf)).toEqual([842, 595]);
  });

  it('456/QĐ-BHXH: both appendices, 35 content rows in 9 groups and 15 tasks in 6', async () => {
    const o = await open('render-456', render('456/QĐ-BHXH'));
    const { page } = o;
    expect(await page.locator('table.plan').count()).toBe(2);
    const count = (id: string, cls: string) => page.locator(`table[data-appendix="${id}"] > tbody > tr.${cls}`).count();
    expect([await count('phu-luc-1', 'group'), await count('phu-luc-1', 'content')]).toEqual([9, 35]);
    expect([await count('phu-luc-2', 'group'), await count('phu-luc-2', 'task')]).toEqual([6, 15]);
    expect(o.errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'render-456.png'), fullPage: true });
  });

  it('185/QĐ-BHXH: six groups, every task with its product', async () => {
    const o = await open('render-185', render('185/QĐ-BHXH'));
    const { page } = o;
    expect(await page.locator('tbody > tr.group').count()).toBe(6);
    const products = await page.locator('tbody > tr.task td.product').allInnerTexts();
    expect(products.length).toBe(await page.locator('tbody > tr.task').count());
    expect(products.every((p) => p.trim() !== '')).toBe(true);
    expect(o.errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'render-185.png'), fullPage: true });
  });

  it('hostile cells are inert: no script runs, no element or attribute comes from data', async () => {
    const r = runBin(['render', '1/QĐ-TEST', '--plans', 'test/fixtures/render/plans', '--format', 'html', '--with-status'], { env: { PLAN_AS_OF: '2024-07-01' } });
    expect(r.code).toBe(0);
    const o = await open('render-hostile', r.stdout);
    const { page } = o;
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('tr[data-id="1.1"] td.content').innerText()).toBe('<script>alert(1)</script> & "quotes"');
    expect(await page.locator('tr[data-id="1.2"] td.support').innerText()).toBe('- Vụ B | phối hợp\n- <img src=x onerror=alert(2)>');
    expect(await page.title()).toBe('1/QĐ-TEST: Quyết định <b>thử</b> & "kiểm tra"');
    await page.locator('tr[data-id="1.3"] td.leader').hover();
    expect(o.dialogs).toEqual([]);
    expect(o.errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'render-hostile.png'), fullPage: true });
  });

  it('the SVG charts for plan report draw without script or network', async () => {
    const body = h(
      'main',
      null,
      h(
        'figure',
        { class: 'chart' },
        h('figcaption', null, 'Tasks by state per decision'),
        stackedBarChart({
          id: 'states',
          title: 'Tasks by state per decision',
          rows: [
            { label: '88/QĐ-BHXH', counts: { overdue: 12, 'due-soon': 3, open: 18, waiting: 4, done: 3 } },
            { label: '185/QĐ-BHXH', counts: { ongoing: 9, 'not-started-yet': 13 } },
            { label: '456/QĐ-BHXH', counts: { open: 15 } },
          ],
        }),
      ),
      h(
        'figure',
        { class: 'chart' },
        h('figcaption', null, 'Value against threshold per target'),
        thresholdChart({
          id: 'targets',
          title: 'Value against threshold per target',
          rows: [
            { label: 'cc-phap-luat-dao-duc', value: 72.5, threshold: 80, comparator: 'at_least', met: false },
            { label: 'vc-ky-nang', value: 91, threshold: 70, comparator: 'at_least', met: true },
            { label: 'ngoai-ngu-2025', value: null, threshold: 50, comparator: 'more_than', met: null },
          ],
        }),
      ),
    );
    const o = await open('charts', htmlPage({ title: 'Charts', lang: 'vi', body }));
    const { page } = o;
    expect(await page.locator('svg[role="img"]').count()).toBe(2);
    expect(await page.locator('svg.chart-stacked g.seg').count()).toBe(8);
    expect(await page.locator('svg.chart-threshold line.threshold').count()).toBe(3);
    const bar = await page.locator('svg.chart-stacked g.seg rect').first().boundingBox();
    expect(bar!.width).toBeGreaterThan(0);
    expect(o.errors).toEqual([]);
    expect(o.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'charts.png'), fullPage: true });
  });
});
