// The report's charts for Word: the same SVG the HTML report draws, rendered to PNG with resvg
// (a prebuilt native module, loaded only here). Null when it cannot be loaded on this platform:
// the tables beside each chart carry the same figures.

import { renderHtml, type Html } from '../html/html.js';
import { xmlSafe } from '../office-text.js';

export interface ChartImage {
  png: Uint8Array;
  /** Size in CSS pixels, as the SVG draws it. */
  width: number;
  height: number;
  title: string;
  description: string;
}

const FONT = 'DejaVu Sans';

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The <svg> of a chart figure, with the font the page's CSS would give it. */
export function chartSvg(figure: Html): string | null {
  const m = /<svg\b[\s\S]*<\/svg>/.exec(xmlSafe(renderHtml(figure)));
  if (!m) return null;
  return m[0].replace(/^<svg\b/, `<svg font-family="${FONT}, Liberation Sans, Arial, sans-serif" font-size="12"`);
}

export async function chartImage(figure: Html | null): Promise<ChartImage | null> {
  if (!figure) return null;
  const svg = chartSvg(figure);
  if (!svg) return null;
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    ({ Resvg } = await import('@resvg/resvg-js'));
  } catch {
    return null;
  }
  const root = /^<svg\b[^>]*>/.exec(svg)![0];
  const width = Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(root)?.[1] ?? 900);
  const height = Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(root)?.[1] ?? 300);
  // Twice the drawn size, so the picture stays sharp when printed.
  let png: Uint8Array;
  try {
    const r = new Resvg(svg, { fitTo: { mode: 'width', value: Math.round(width * 2) }, font: { loadSystemFonts: true, defaultFontFamily: FONT }, background: '#ffffff' });
    png = new Uint8Array(r.render().asPng());
  } catch {
    return null;
  }
  const title = unescapeXml(/<title[^>]*>([\s\S]*?)<\/title>/.exec(svg)?.[1] ?? '');
  const description = unescapeXml(/<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg)?.[1] ?? '');
  return { png, width, height, title, description };
}
