// Opening HTML in a real headless Chromium driven by playwright-core, collecting console errors,
// page errors, requests and dialogs. The browser is Debian's chromium at /usr/bin/chromium when it
// is there, otherwise the headless Chromium that `npm install` brings in @sparticuz/chromium (a
// binary inside the package, unpacked on first use), so a fresh clone needs no system package.
// PLAN_CHROMIUM names another binary; PLAN_SYSTEM_CHROMIUM=0 skips /usr/bin/chromium (to check the
// npm one); PLAN_SKIP_BROWSER=1 skips the browser tests explicitly.

import { existsSync, mkdirSync, mkdtempSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './cli.js';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const skipBrowser = process.env['PLAN_SKIP_BROWSER'] === '1';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Unpacks the npm Chromium once; test files run in parallel, so one unpacks while the others wait. */
async function npmChromium(): Promise<string> {
  const lock = join(tmpdir(), 'plan-test-chromium.lock');
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) rmdirSync(lock);
      await sleep(100);
    }
  }
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    return await packaged.executablePath();
  } finally {
    rmdirSync(lock);
  }
}

/** Which Chromium the browser tests use, and where it came from. */
export async function findChromium(): Promise<{ path: string; from: 'PLAN_CHROMIUM' | 'system' | 'npm' }> {
  const named = process.env['PLAN_CHROMIUM'];
  if (named) return { path: named, from: 'PLAN_CHROMIUM' };
  if (process.env['PLAN_SYSTEM_CHROMIUM'] !== '0' && existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, from: 'system' };
  return { path: await npmChromium(), from: 'npm' };
}

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
  const { path } = await findChromium();
  const work = mkdtempSync(join(tmpdir(), 'plan-browser-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  // A fresh profile each run: no state carries over between runs.
  const context: BrowserContext = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: path,
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
