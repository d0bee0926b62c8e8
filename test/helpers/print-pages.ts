// Where the page breaks of a printed HTML page fall, measured in Chromium: the print stylesheet is
// applied and the body is laid out as fixed-size columns of the printed page's box (Chromium
// fragments columns as it fragments pages, honouring break-inside/-after: avoid), with every
// forced page break turned into a column break. Each text fragment and each chart is then placed
// on its page from its boxes. The page count is returned too, to be checked against the PDF's.

import type { Page } from 'playwright-core';

export interface PrintedText {
  page: number;
  /** The heading (h1–h4, figcaption, caption) the text belongs to, or null for body text. */
  heading: string | null;
  /** The element that holds the text is inside the table of contents. */
  toc: boolean;
  /** … inside the document's main part (its sections, not its header). */
  main: boolean;
  text: string;
}

export interface PrintLayout {
  pages: number;
  texts: PrintedText[];
  /** Each figure.chart: the pages its boxes fall on. */
  charts: { caption: string; pages: number[] }[];
}

/** Lays the page out as printed on a page box of `width` × `height` CSS px (the page less its margins). */
export async function printLayout(page: Page, width: number, height: number): Promise<PrintLayout> {
  await page.emulateMedia({ media: 'print' });
  const script = `(() => {
    const W = ${width}, H = ${height};
    for (const e of document.querySelectorAll('body *')) {
      const s = getComputedStyle(e);
      if (['page', 'left', 'right', 'recto', 'verso'].includes(s.breakBefore)) e.style.breakBefore = 'column';
      if (['page', 'left', 'right', 'recto', 'verso'].includes(s.breakAfter)) e.style.breakAfter = 'column';
    }
    const st = document.createElement('style');
    st.textContent = 'html, body { margin: 0 !important; padding: 0 !important; } body { width: ' + W + 'px; height: ' + H + 'px; columns: ' + W + 'px; column-gap: 0; column-fill: auto; }';
    document.head.appendChild(st);
    const left = document.body.getBoundingClientRect().left;
    const pageOf = (x) => Math.floor((x - left + 0.5) / W);
    const HEADINGS = 'h1, h2, h3, h4, figcaption, caption';
    const texts = [];
    let last = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim()) continue;
      const el = n.parentElement;
      if (el.closest('title, desc, style')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const head = el.closest(HEADINGS);
      for (const r of range.getClientRects()) {
        if (r.width === 0 || r.height === 0) continue;
        const p = pageOf(r.left);
        last = Math.max(last, p);
        texts.push({ page: p, heading: head ? head.textContent.trim().slice(0, 80) : null, toc: el.closest('nav.toc') !== null, main: el.closest('main') !== null, text: n.textContent.trim().slice(0, 40) });
      }
    }
    const charts = [...document.querySelectorAll('figure.chart')].map((f) => ({
      caption: (f.querySelector('figcaption')?.textContent ?? '').trim(),
      pages: [...new Set([...f.getClientRects()].filter((r) => r.height > 0).map((r) => pageOf(r.left)))],
    }));
    return { pages: last + 1, texts, charts };
  })()`;
  return (await page.evaluate(script)) as PrintLayout;
}

/** Pages whose every text is a heading's. */
export function headingOnlyPages(l: PrintLayout): { page: number; headings: string[] }[] {
  const out: { page: number; headings: string[] }[] = [];
  for (let p = 0; p < l.pages; p++) {
    const on = l.texts.filter((t) => t.page === p);
    if (on.length > 0 && on.every((t) => t.heading !== null)) out.push({ page: p, headings: [...new Set(on.map((t) => t.heading!))] });
  }
  return out;
}

/** The number of /Type /Page objects of a PDF (its page count). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Headings whose page ends with them: the text after them starts the next page. */
export function strandedHeadings(l: PrintLayout): { page: number; heading: string }[] {
  const out: { page: number; heading: string }[] = [];
  l.texts.forEach((t, i) => {
    const next = l.texts[i + 1];
    if (t.heading !== null && next && next.page > t.page && next.heading !== t.heading) out.push({ page: t.page, heading: t.heading });
  });
  return out;
}
