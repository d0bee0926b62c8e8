// Reading Word and Excel files back in tests without the libraries that wrote them: the zip through
// fflate, the XML through a small parser here, so a test sees what Word or Excel would see.

import { strFromU8, unzipSync } from 'fflate';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: (XmlNode | string)[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );
}

/** A well-formed XML document as a tree (no DTDs; enough for OOXML parts). */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [] };
  const stack: XmlNode[] = [root];
  const re = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(re)) {
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.children.push(m[1]);
    else if (m[2] !== undefined) {
      if (top.name !== m[2]) throw new Error(`XML: </${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = unescape(a[2] ?? a[3] ?? '');
      const node: XmlNode = { name: m[3], attrs, children: [] };
      top.children.push(node);
      if (m[5] !== '/') stack.push(node);
    } else if (m[6] !== undefined) top.children.push(unescape(m[6]));
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1]!.name}> not closed`);
  return root;
}

export function kids(n: XmlNode, name: string): XmlNode[] {
  return n.children.filter((c): c is XmlNode => typeof c !== 'string' && c.name === name);
}

export function kid(n: XmlNode, name: string): XmlNode | undefined {
  return kids(n, name)[0];
}

/** Every descendant with this name, in document order (not descending into a match). */
export function findAll(n: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of n.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    else out.push(...findAll(c, name));
  }
  return out;
}

export function textOf(n: XmlNode): string {
  return n.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function part(files: Record<string, Uint8Array>, name: string): XmlNode {
  const f = files[name];
  if (!f) throw new Error(`no part ${name} in the package (has ${Object.keys(files).join(', ')})`);
  return parseXml(strFromU8(f));
}

// --- Word -----------------------------------------------------------------------------------------

export interface WordCell {
  text: string;
  span: number;
  bold: boolean;
}
export interface WordRow {
  header: boolean;
  cantSplit: boolean;
  cells: WordCell[];
}

/** A paragraph's text: its runs' <w:t> joined. */
export function paragraphText(p: XmlNode): string {
  return findAll(p, 'w:t').map(textOf).join('');
}

function cellOf(tc: XmlNode): WordCell {
  const ps = findAll(tc, 'w:p');
  const span = kid(kid(tc, 'w:tcPr') ?? { name: '', attrs: {}, children: [] }, 'w:gridSpan');
  const runs = findAll(tc, 'w:r').filter((r) => findAll(r, 'w:t').length > 0);
  return {
    text: ps.map(paragraphText).join('\n'),
    span: span ? Number(span.attrs['w:val']) : 1,
    bold: runs.length > 0 && runs.every((r) => kid(r, 'w:rPr') !== undefined && kid(kid(r, 'w:rPr')!, 'w:b') !== undefined),
  };
}

export function wordTables(doc: XmlNode): WordRow[][] {
  return findAll(doc, 'w:tbl').map((tbl) =>
    kids(tbl, 'w:tr').map((tr) => {
      const pr = kid(tr, 'w:trPr');
      return { header: !!pr && !!kid(pr, 'w:tblHeader'), cantSplit: !!pr && !!kid(pr, 'w:cantSplit'), cells: kids(tr, 'w:tc').map(cellOf) };
    }),
  );
}

/** The body's paragraphs outside tables, as text, in order. */
export function wordParagraphs(doc: XmlNode): string[] {
  const body = kid(kid(doc, 'w:document')!, 'w:body')!;
  return kids(body, 'w:p').map(paragraphText);
}

export interface WordSection {
  width: number;
  height: number;
  orient: string | null;
  margin: Record<string, number>;
}

export function wordSections(doc: XmlNode): WordSection[] {
  return findAll(doc, 'w:sectPr').map((s) => {
    const sz = kid(s, 'w:pgSz')!;
    const mar = kid(s, 'w:pgMar')!;
    return {
      width: Number(sz.attrs['w:w']),
      height: Number(sz.attrs['w:h']),
      orient: sz.attrs['w:orient'] ?? null,
      margin: Object.fromEntries(Object.entries(mar.attrs).map(([k, v]) => [k.replace('w:', ''), Number(v)])),
    };
  });
}
