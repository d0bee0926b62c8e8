// The document XML → blocks, on hand-written XML: what Word puts in a cell besides text.
import { describe, expect, it } from 'vitest';
import { parseDocumentXml } from '../../../src/load/import/read-docx.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const doc = (body: string, ns = W) => new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${ns}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}</w:body></w:document>`);
const p = (inner: string) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

describe('parseDocumentXml', () => {
  it('reads runs, hyperlinks, breaks and tabs; skips deleted text, field codes and fallback copies', () => {
    const blocks = parseDocumentXml(
      doc(
        p(
          `${r('Quyết định số ')}<w:hyperlink r:id="x" xmlns:r="r">${r('1813/QĐ-TTg')}</w:hyperlink><w:r><w:br/><w:t>ngày</w:t><w:tab/><w:t>28</w:t></w:r>` +
            `<w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del><w:ins>${r(' thêm')}</w:ins><w:r><w:instrText> PAGE </w:instrText></w:r>` +
            `<mc:AlternateContent><mc:Choice>${r(' A')}</mc:Choice><mc:Fallback>${r(' A')}</mc:Fallback></mc:AlternateContent>`,
        ),
      ),
    );
    expect(blocks).toEqual([{ kind: 'p', text: 'Quyết định số 1813/QĐ-TTg\nngày\t28 thêm A' }]);
  });

  it('reads a table: gridBefore, gridSpan, vMerge, several paragraphs, a nested table joining its cell', () => {
    const tc = (inner: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;
    const blocks = parseDocumentXml(
      doc(
        `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r('a')), '<w:gridSpan w:val="2"/>')}${tc(p(r('b')) + p(r('c')), '<w:vMerge w:val="restart"/>')}</w:tr>` +
          `<w:tr>${tc(p(r('x')))}${tc(`<w:tbl><w:tr>${tc(p(r('n1')))}${tc(p(r('n2')))}</w:tr></w:tbl>${p('')}`)}${tc(p(''), '<w:vMerge/>')}</w:tr></w:tbl>${p(r('after'))}`,
      ),
    );
    expect(blocks).toEqual([
      {
        kind: 'table',
        rows: [
          { before: 1, cells: [{ paragraphs: ['a'], span: 2, vmerge: null }, { paragraphs: ['b', 'c'], span: 1, vmerge: 'restart' }] },
          { before: 0, cells: [{ paragraphs: ['x'], span: 1, vmerge: null }, { paragraphs: ['n1', 'n2', ''], span: 1, vmerge: null }, { paragraphs: [''], span: 1, vmerge: 'continue' }] },
        ],
      },
      { kind: 'p', text: 'after' },
    ]);
  });

  it('reads Strict OOXML (another namespace) alike', () => {
    expect(parseDocumentXml(doc(p(r('Số: 1/QĐ-BHXH')), 'http://purl.oclc.org/ooxml/wordprocessingml/main'))).toEqual([{ kind: 'p', text: 'Số: 1/QĐ-BHXH' }]);
  });

  it.each([
    ['an undefined entity', doc(p(r('&bomb;')))],
    ['a C0 character reference', doc(p(r('&#27;[2J')))],
    ['cut short', doc(p(r('x'))).subarray(0, 200)],
  ])('%s: damaged, with a position and none of its text', (_name, xml) => {
    const out = parseDocumentXml(xml);
    expect(out).toMatchObject({ problem: expect.stringMatching(/^is a damaged \.docx: its document XML (is not well-formed|cannot be read)/) });
    expect(JSON.stringify(out)).not.toMatch(/bomb|\[2J/);
  });
});
