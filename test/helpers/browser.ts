// Opening HTML in a real headless Chromium (Debian's chromium package, driven by playwright-core),
// collecting console errors, page errors, requests and dialogs. Skipped only when PLAN_SKIP_BROWSER=1
// is set explicitly; a missing Chromium fails the test that launches it.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './cli.js';

export const CHROMIUM = process.env['PLAN_CHROMIUM'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const skipBrowser = process.env['PLAN_SKIP_BROWSER'] === '1';

export interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

export interface Browser {
  /** Writes the HTML to a file and opens it. */
  open(name: string, html: string, viewport?: { width: number; height: number }): Promise<Opened>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium), or set PLAN_SKIP_BROWSER=1 to skip this test`);
  }
  const work = mkdtempSync(join(tmpdir(), 'plan-browser-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  // A fresh profile each run: no state carries over between runs.
  const context: BrowserContext = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return {
    async open(name, html, viewport) {
      const file = join(work, `${name}.html`);
      writeFileSync(file, html);
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const opened: Opened = { page, errors: [], requests: [], dialogs: [] };
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') opened.errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => opened.errors.push(`pageerror: ${e.message}`));
      page.on('request', (r) => opened.requests.push(r.url()));
      page.on('dialog', (d) => {
        opened.dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      return opened;
    },
    async close() {
      await context.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The MediaBox of a PDF's first page, in points (A4 landscape is 842 × 595). */
export function pdfPageSize(pdf: Buffer): [number, number] | null {
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  return box ? [Math.round(Number(box[1])), Math.round(Number(box[2]))] : null;
}
