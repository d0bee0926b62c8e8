// A small HTML (and inline SVG) builder that escapes everything it is given: text and attribute
// values from plan files or data can never become markup. Markup exists only as Html values.

import { inertText } from '../../model/inert-text.js';

/** Markup that is known to be safe: built by `h`, or a constant of this code base (`trusted`). */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type Child = Html | string | number | null | undefined | false | readonly Child[];
export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue>;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content or a quoted attribute value; control characters shown inert. */
export function escapeHtml(s: string): string {
  return inertText(s).replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]!);
}

// Names come from this code, never from data; a name outside these shapes is a bug.
const TAG = /^[a-zA-Z][a-zA-Z0-9-]*$/;
const ATTR = /^[a-zA-Z_:][a-zA-Z0-9_:.-]*$/;
/** A link within the page: `#` and an id of letters, digits, `-` and `_`. */
const FRAGMENT = /^#[A-Za-z][A-Za-z0-9_-]*$/;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// Elements whose content the browser does not parse as HTML (or that run code): never built from data.
const RAW_TEXT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'textarea']);

function children(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false) return;
  if (child instanceof Html) out.push(child.markup);
  else if (typeof child === 'string') out.push(escapeHtml(child));
  else if (typeof child === 'number') out.push(escapeHtml(String(child)));
  else for (const c of child) children(c, out);
}

function attributes(attrs: Attrs): string {
  let s = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (!ATTR.test(name)) throw new Error(`bad attribute name: ${name}`);
    // Event handlers would run code; URLs are not needed by any page we build, except links to a
    // place on the same page (a table of contents), whose ids this code makes.
    if (/^href$/i.test(name) && typeof value === 'string' && FRAGMENT.test(value)) {
      s += ` ${name}="${value}"`;
      continue;
    }
    if (/^on/i.test(name) || /^(href|src|action|formaction|xlink:href)$/i.test(name)) throw new Error(`attribute not allowed: ${name}`);
    if (value === null || value === undefined || value === false) continue;
    s += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return s;
}

/** An element: `h('td', { class: 'no' }, text)`. Text children are escaped; Html children are kept. */
export function h(tag: string, attrs: Attrs | null, ...content: Child[]): Html {
  if (!TAG.test(tag)) throw new Error(`bad tag name: ${tag}`);
  if (RAW_TEXT.has(tag.toLowerCase())) throw new Error(`<${tag}> is not built from data; use the page template`);
  const open = `<${tag}${attributes(attrs ?? {})}>`;
  if (VOID.has(tag)) return new Html(open);
  const out: string[] = [];
  children(content, out);
  return new Html(`${open}${out.join('')}</${tag}>`);
}

/** Children joined without a wrapping element. */
export function fragment(...content: Child[]): Html {
  const out: string[] = [];
  children(content, out);
  return new Html(out.join(''));
}

/** An id that can be linked to (`#id`) made from any text: lowercase ASCII letters, digits and hyphens. */
export function anchorId(...parts: string[]): string {
  const slug = parts
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(slug) ? slug : `x-${slug}`;
}

/** Markup written in this code base (a stylesheet, say). Never pass data through it. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

export function renderHtml(content: Child): string {
  const out: string[] = [];
  children(content, out);
  return out.join('');
}
