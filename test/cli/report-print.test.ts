// The HTML report printed in Chromium: where its page breaks fall (test/helpers/print-pages.ts lays
// it out on the printed page box and places every text and chart on its page; the page count is
// checked against the PDF Chromium prints). No page holds only a heading, no heading ends a page,
// no chart is split between pages, and the table of contents shares its page.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchBrowser, skipBrowser, type Browser } from '../helpers/browser.js';
import { runBin } from '../helpers/cli.js';
import { headingOnlyPages, pdfPageCount, printLayout, strandedHeadings, type PrintLayout } from '../helpers/print-pages.js';

/** A4 landscape less the stylesheet's 12 mm margins, in CSS px (96 per inch). */
const PAGE_W = (273 / 25.4) * 96;
const PAGE_H = (186 / 25.4) * 96;

function report(...args: string[]): string {
  const r = runBin(['report', '--format', 'html', ...args]);
  if (r.code !== 0) throw new Error(`plan report exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

let browser: Browser;

describe.skipIf(skipBrowser)('plan report --format html printed to PDF in Chromium', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe.each([
    ['vi', '2026-12-01'],
    ['en', '2025-12-31'],
  ])('--lang %s as of %s', (lang, asOf) => {
    let layout: PrintLayout;
    let pdfPages: number;
    beforeAll(async () => {
      const o = await browser.open(`report-print-${lang}`, report('--as-of', asOf, '--lang', lang));
      const pdf = await o.page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(join(ARTIFACTS, `report-print-${lang}.pdf`), pdf);
      pdfPages = pdfPageCount(pdf);
      layout = await printLayout(o.page, PAGE_W, PAGE_H);
      await o.page.close();
    }, 120_000);

    it('the measured layout has the pages Chromium prints', () => {
      expect(pdfPages).toBeGreaterThan(5);
      expect(layout.pages).toBe(pdfPages);
      expect(layout.texts.length).toBeGreaterThan(1000);
    });

    it('no page holds only a heading, and no heading ends a page', () => {
      expect(headingOnlyPages(layout)).toEqual([]);
      expect(strandedHeadings(layout)).toEqual([]);
    });

    it('every chart is on one page', () => {
      expect(layout.charts.length).toBeGreaterThanOrEqual(2);
      for (const c of layout.charts) expect(c.pages, c.caption).toHaveLength(1);
    });

    it('the table of contents does not take a page of its own', () => {
      const tocPages = new Set(layout.texts.filter((t) => t.toc).map((t) => t.page));
      expect(tocPages.size).toBeGreaterThan(0);
      // The report's first section starts on the page the contents end on.
      for (const p of tocPages) expect(layout.texts.some((t) => t.page === p && t.main), `page ${p + 1}`).toBe(true);
    });
  });
});
