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

/** Each table's column widths in twips (its <w:tblGrid>), in the order of wordTables. */
export function wordGrids(doc: XmlNode): number[][] {
  return findAll(doc, 'w:tbl').map((tbl) => {
    const grid = kid(tbl, 'w:tblGrid');
    return grid ? kids(grid, 'w:gridCol').map((g) => Number(g.attrs['w:w'])) : [];
  });
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

// --- Excel ----------------------------------------------------------------------------------------

export interface SheetCell {
  ref: string;
  /** The cell's type attribute: s (shared string), inlineStr, str, n (number, also the default), b, e. */
  type: string;
  /** The text of a string cell, the number of a numeric cell. */
  value: string | number | null;
  formula: string | null;
  /** The number format code its style applies (General when none). */
  format: string;
  bold: boolean;
}

export interface Sheet {
  name: string;
  /** Cells by reference ("A1"). */
  cells: Map<string, SheetCell>;
  /** Rows as arrays of cells from column A, by row number. */
  rows: Map<number, (SheetCell | undefined)[]>;
  frozenRows: number;
  autoFilter: string | null;
  widths: Map<number, number>;
}

const BUILTIN_FORMATS: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 14: 'mm-dd-yy' };

export function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function readWorkbook(bytes: Uint8Array): Sheet[] {
  const files = unzip(bytes);
  const wb = part(files, 'xl/workbook.xml');
  const rels = part(files, 'xl/_rels/workbook.xml.rels');
  const target = new Map(findAll(rels, 'Relationship').map((r) => [r.attrs['Id']!, r.attrs['Target']!]));
  // As Excel reads cell text: `_xHHHH_` is the character HHHH (so a literal one is written `_x005F_xHHHH_`).
  const decode = (t: string) => t.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const shared = files['xl/sharedStrings.xml'] ? findAll(part(files, 'xl/sharedStrings.xml'), 'si').map((si) => decode(findAll(si, 't').map(textOf).join(''))) : [];
  const styles = part(files, 'xl/styles.xml');
  const numFmts = new Map(findAll(styles, 'numFmt').map((n) => [Number(n.attrs['numFmtId']), n.attrs['formatCode']!]));
  const fonts = findAll(kid(findAll(styles, 'styleSheet')[0] ?? styles, 'fonts') ?? styles, 'font').map((f) => kid(f, 'b') !== undefined && kid(f, 'b')!.attrs['val'] !== '0');
  const xfs = kids(findAll(styles, 'cellXfs')[0]!, 'xf').map((x) => {
    const id = Number(x.attrs['numFmtId'] ?? 0);
    return { format: numFmts.get(id) ?? BUILTIN_FORMATS[id] ?? `#${id}`, bold: fonts[Number(x.attrs['fontId'] ?? 0)] ?? false };
  });
  return findAll(wb, 'sheet').map((s) => {
    const path = 'xl/' + target.get(s.attrs['r:id']!)!.replace(/^\/?xl\//, '');
    const x = part(files, path);
    const cells = new Map<string, SheetCell>();
    const rows = new Map<number, (SheetCell | undefined)[]>();
    for (const row of findAll(x, 'row')) {
      const list: (SheetCell | undefined)[] = [];
      for (const c of kids(row, 'c')) {
        const type = c.attrs['t'] ?? 'n';
        const v = kid(c, 'v');
        const f = kid(c, 'f');
        const raw = v ? textOf(v) : null;
        // A styled cell with no value is an empty cell, as Excel shows it.
        if (raw === null && type !== 'inlineStr' && !f) continue;
        const value = type === 's' ? shared[Number(raw)]! : type === 'inlineStr' ? findAll(c, 't').map(textOf).join('') : type === 'n' ? (raw === null ? null : Number(raw)) : raw;
        const xf = xfs[Number(c.attrs['s'] ?? 0)] ?? { format: 'General', bold: false };
        const cell: SheetCell = { ref: c.attrs['r']!, type, value, formula: f ? textOf(f) : null, format: xf.format, bold: xf.bold };
        cells.set(cell.ref, cell);
        list[columnIndex(cell.ref)] = cell;
      }
      rows.set(Number(row.attrs['r']), list);
    }
    const pane = findAll(x, 'pane')[0];
    const af = findAll(x, 'autoFilter')[0];
    const widths = new Map<number, number>();
    for (const col of findAll(x, 'col')) for (let i = Number(col.attrs['min']); i <= Number(col.attrs['max']); i++) widths.set(i - 1, Number(col.attrs['width']));
    return {
      name: s.attrs['name']!,
      cells,
      rows,
      frozenRows: pane && pane.attrs['state'] === 'frozen' ? Number(pane.attrs['ySplit'] ?? 0) : 0,
      autoFilter: af?.attrs['ref'] ?? null,
      widths,
    };
  });
}

/** An Excel serial day (1900 system) as an ISO day. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}
