import { describe, expect, it } from 'vitest';
import { anchorId, escapeHtml, fragment, h, renderHtml, trusted } from '../../src/render/html/html.js';
import { htmlPage } from '../../src/render/html/page.js';

const HOSTILE = `<script>alert(1)</script> & "quotes" 'single'`;

describe('escapeHtml', () => {
  it.each([
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['&', '&amp;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['Bảo hiểm xã hội', 'Bảo hiểm xã hội'],
    ['&amp;', '&amp;amp;'],
  ])('%s → %s', (input, out) => {
    expect(escapeHtml(input)).toBe(out);
  });
});

describe('h', () => {
  it('escapes text children', () => {
    const out = renderHtml(h('td', null, HOSTILE));
    expect(out).toBe('<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;</td>');
    expect(out).not.toMatch(/<script/i);
  });

  it('escapes attribute values, so a quote cannot end the attribute', () => {
    const out = renderHtml(h('tr', { 'data-id': `x" onclick="alert(1)`, title: `a' onmouseover='b` }));
    expect(out).toBe('<tr data-id="x&quot; onclick=&quot;alert(1)" title="a&#39; onmouseover=&#39;b"></tr>');
  });

  it('keeps Html children and nests', () => {
    expect(renderHtml(h('tr', { class: 'group' }, h('th', { scope: 'rowgroup', colspan: 3 }, '1 & 2'), [h('td', null, 'a'), null, false, undefined]))).toBe(
      '<tr class="group"><th scope="rowgroup" colspan="3">1 &amp; 2</th><td>a</td></tr>',
    );
  });

  it('leaves out null, undefined and false attributes and writes true as a bare name', () => {
    expect(renderHtml(h('td', { colspan: null, hidden: true, class: undefined, lang: false }))).toBe('<td hidden></td>');
  });

  it('writes void elements without a closing tag', () => {
    expect(renderHtml(h('meta', { charset: 'utf-8' }))).toBe('<meta charset="utf-8">');
  });

  it.each([
    ['a tag name from data', () => h('td onclick=x', null)],
    ['a script element', () => h('script', null, 'alert(1)')],
    ['a style element', () => h('style', null, 'x')],
    ['an event handler', () => h('td', { onclick: 'alert(1)' })],
    ['an event handler in capitals', () => h('td', { ONLOAD: 'alert(1)' })],
    ['a URL attribute', () => h('a', { href: 'javascript:alert(1)' })],
    ['a link off the page', () => h('a', { href: 'https://example.org/#x' })],
    ['a fragment that is not a plain id', () => h('a', { href: '#x" onclick="alert(1)' })],
    ['a src attribute', () => h('img', { src: '#x' })],
    ['a bad attribute name', () => h('td', { 'x"y': '1' })],
  ])('refuses %s (a bug, never data)', (_name, build) => {
    expect(build).toThrow();
  });

  it('links to a place on the same page', () => {
    expect(renderHtml(h('a', { href: '#summary' }, 'Summary'))).toBe('<a href="#summary">Summary</a>');
  });

  it.each([
    [['88/QĐ-BHXH'], 'x-88-qd-bhxh'],
    [['appendix', 'qd-88-bhxh-2024', 'danh-muc'], 'appendix-qd-88-bhxh-2024-danh-muc'],
    [['Phụ lục <b>I</b> "x"'], 'phu-luc-b-i-b-x'],
  ])('anchorId(%j) is %s, which a link accepts', (parts, id) => {
    expect(anchorId(...parts)).toBe(id);
    expect(() => h('a', { href: `#${anchorId(...parts)}` })).not.toThrow();
  });

  it('numbers are text', () => {
    expect(renderHtml(fragment(1, ' ', h('b', null, 40)))).toBe('1 <b>40</b>');
  });

  it('trusted markup passes through unchanged (constants only)', () => {
    expect(renderHtml(h('p', null, trusted('<br>')))).toBe('<p><br></p>');
  });
});

describe('htmlPage', () => {
  const page = htmlPage({ title: HOSTILE, lang: 'vi', body: h('main', null, HOSTILE) });

  it('is a complete UTF-8 document in the given language', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
  });

  it('escapes its title and body', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('prints on A4 landscape and repeats table headers on each page', () => {
    expect(page).toContain('@page { size: A4 landscape;');
    expect(page).toMatch(/@media print \{[^]*thead \{ display: table-header-group; \}/);
  });

  it('forbids scripts and every external resource', () => {
    expect(page).toContain(`Content-Security-Policy" content="default-src &#39;none&#39;`);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<link|<img|@import|url\(/i);
  });

  it('refuses CSS that would close its element', () => {
    expect(() => htmlPage({ title: 't', lang: 'vi', body: '', css: '</style><script>alert(1)</script>' })).toThrow();
  });
});
