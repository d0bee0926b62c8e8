// Reads a .docx (a zip of XML parts) into paragraphs and tables, through fflate and saxes.
//
// Why these two and not mammoth: an appendix table is read by its grid — gridSpan (merged across),
// vMerge (merged down), w:br line breaks and several paragraphs per cell — and mammoth's HTML keeps
// only part of that (no vMerge continuation, breaks folded into <br> next to <p>), so it would need
// an HTML parser on top. The document XML through a strict streaming parser gives all of it, with
// no DTD or entity expansion, and loads only when `plan import` runs.

import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { cleanText } from './clean-text.js';
import type { DocBlock, DocCell, DocRow, NotADocument } from './doc-model.js';

const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** The largest document part read (uncompressed); a zip bomb stops here, before inflating. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

/** The name of the main document part, from the package relationships (word/document.xml by default). */
function mainPartName(names: Set<string>, rels: Uint8Array | undefined): string {
  if (rels) {
    const text = new TextDecoder().decode(rels);
    const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(text);
    const target = m ? /Target="([^"]+)"/.exec(m[0])?.[1] : undefined;
    if (target) {
      const name = target.replace(/^\//, '');
      if (names.has(name)) return name;
    }
  }
  return 'word/document.xml';
}

/** The document part of a zip, or why there is none. */
export function documentXml(bytes: Uint8Array): { xml: Uint8Array } | NotADocument {
  const names = new Set<string>();
  let tooBig = false;
  let files: Record<string, Uint8Array>;
  try {
    // First pass: names only (nothing is inflated).
    unzipSync(bytes, {
      filter: (f) => {
        names.add(f.name);
        return false;
      },
    });
    const main = mainPartName(names, names.has('_rels/.rels') ? unzipSync(bytes, { filter: (f) => f.name === '_rels/.rels' && f.originalSize < 1 << 20 })['_rels/.rels'] : undefined);
    // The package's main part names what it is: a workbook's or a presentation's is no document
    // (read as one, a workbook was "a file with no table").
    const office = /^xl\//.test(main) ? 'xl/workbook.xml' : /^ppt\//.test(main) ? 'ppt/presentation.xml' : null;
    if (!names.has(main) || office) {
      if (office === 'xl/workbook.xml' || (!office && names.has('xl/workbook.xml'))) return { problem: 'is an Excel workbook (.xlsx), not a Word document (.docx)' };
      if (office === 'ppt/presentation.xml' || names.has('ppt/presentation.xml')) return { problem: 'is a PowerPoint presentation (.pptx), not a Word document (.docx)' };
      if (names.has('content.xml') && names.has('mimetype')) return { problem: 'is an OpenDocument file (.odt/.ods), not a Word document: save it from the office program as .docx' };
      return { problem: 'is a zip archive without a Word document in it (no word/document.xml): not a .docx' };
    }
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name !== main) return false;
        if (f.originalSize > MAX_PART_BYTES) tooBig = true;
        return !tooBig;
      },
    });
    if (tooBig) return { problem: `holds a document part larger than ${MAX_PART_BYTES / 1024 / 1024} MiB; not read` };
    const xml = files[main];
    if (!xml) return { problem: 'is a damaged .docx: its document part cannot be read' };
    if (xml.length > MAX_PART_BYTES) return { problem: `holds a document part larger than ${MAX_PART_BYTES / 1024 / 1024} MiB; not read` };
    return { xml };
  } catch {
    return { problem: 'is a damaged or truncated zip archive: it cannot be read as a .docx' };
  }
}

interface CellBuild extends DocCell {
  current: string[] | null;
}

/**
 * Paragraphs and tables of the document body, in order. Text inside nested tables joins its outer
 * cell; deleted text (tracked changes), field codes and fallback copies of drawings are skipped.
 */
export function parseDocumentXml(xml: Uint8Array): DocBlock[] | NotADocument {
  const blocks: DocBlock[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failure: string | null = null;
  parser.on('error', (e) => {
    // saxes prefixes its message with line:column; keep only the position, never the file's text.
    const pos = /^(\d+:\d+)/.exec(e.message)?.[1];
    failure ??= `is a damaged .docx: its document XML is not well-formed${pos ? ` (at ${pos})` : ''}`;
  });

  let tableDepth = 0;
  let rows: DocRow[] = [];
  let row: DocRow | null = null;
  let cell: CellBuild | null = null;
  let para: string[] | null = null; // the text pieces of the current paragraph
  let inText = false;
  let skip = 0; // depth inside an element whose text is not shown
  const stack: string[] = [];

  const isW = (t: SaxesTagNS) => W_NAMESPACES.has(t.uri);
  const attr = (t: SaxesTagNS, local: string): string | undefined => {
    for (const a of Object.values(t.attributes)) if (a.local === local && (W_NAMESPACES.has(a.uri) || a.uri === '')) return a.value;
    return undefined;
  };
  const endParagraph = () => {
    if (para === null) return;
    const text = cleanText(para.join(''));
    para = null;
    if (cell && tableDepth >= 1) cell.paragraphs.push(text);
    else if (tableDepth === 0) blocks.push({ kind: 'p', text });
  };

  parser.on('opentag', (t) => {
    const local = isW(t) ? t.local : t.uri === MC_NAMESPACE ? `mc:${t.local}` : `?:${t.local}`;
    stack.push(local);
    if (skip > 0 || local === 'delText' || local === 'instrText' || local === 'del' || local === 'mc:Fallback' || local === 'footnoteReference') {
      skip++;
      return;
    }
    switch (local) {
      case 'tbl':
        endParagraph();
        tableDepth++;
        if (tableDepth === 1) rows = [];
        break;
      case 'tr':
        if (tableDepth === 1) row = { before: 0, cells: [] };
        break;
      case 'gridBefore':
        if (tableDepth === 1 && row) row.before = Math.max(0, Math.min(64, Number(attr(t, 'val')) || 0));
        break;
      case 'tc':
        if (tableDepth === 1) cell = { paragraphs: [], span: 1, vmerge: null, current: null };
        break;
      case 'gridSpan':
        if (tableDepth === 1 && cell) cell.span = Math.max(1, Math.min(64, Number(attr(t, 'val')) || 1));
        break;
      case 'vMerge':
        if (tableDepth === 1 && cell) cell.vmerge = attr(t, 'val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'p':
        // A paragraph inside a nested table adds to the outer cell as its own line.
        if (para === null) para = [];
        break;
      case 't':
        inText = true;
        break;
      case 'tab':
        // w:tab inside w:tabs (paragraph properties) is a tab stop, not text.
        if (para !== null && stack[stack.length - 2] === 'r') para.push('\t');
        break;
      case 'br':
      case 'cr':
        if (para !== null) para.push('\n');
        break;
      case 'noBreakHyphen':
        if (para !== null) para.push('-');
        break;
      default:
        break;
    }
  });
  parser.on('text', (s) => {
    if (inText && skip === 0 && para !== null) para.push(s);
  });
  parser.on('closetag', () => {
    const local = stack.pop();
    if (skip > 0) {
      skip--;
      return;
    }
    switch (local) {
      case 't':
        inText = false;
        break;
      case 'p':
        if (tableDepth > 1) {
          if (cell && para !== null) cell.paragraphs.push(cleanText(para.join('')));
          para = null;
        } else endParagraph();
        break;
      case 'tc':
        if (tableDepth === 1 && cell && row) {
          endParagraph();
          row.cells.push({ paragraphs: cell.paragraphs, span: cell.span, vmerge: cell.vmerge });
          cell = null;
        }
        break;
      case 'tr':
        if (tableDepth === 1 && row) rows.push(row);
        if (tableDepth === 1) row = null;
        break;
      case 'tbl':
        tableDepth--;
        if (tableDepth === 0) blocks.push({ kind: 'table', rows });
        break;
      default:
        break;
    }
  });

  try {
    parser.write(new TextDecoder('utf-8', { fatal: false }).decode(xml)).close();
  } catch {
    failure ??= 'is a damaged .docx: its document XML cannot be read';
  }
  if (failure) return { problem: failure };
  return blocks;
}

/** A .docx file's bytes → its blocks, or why it is not a readable Word document. */
export function readDocx(bytes: Uint8Array): DocBlock[] | NotADocument {
  const part = documentXml(bytes);
  if ('problem' in part) return part;
  return parseDocumentXml(part.xml);
}
