// What a data file is, by its bytes and never by its name: text (CSV), an .xlsx workbook, or one of
// the files analysts send by mistake (PDF, Word, an old .xls, OpenDocument, a plain zip, any binary),
// each with a message saying what it is and what to do.

import { closeSync, openSync, readSync } from 'node:fs';
import { readZipDirectory, type ZipEntry } from './zip-directory.js';
import { CONTROL_CLASS, hex } from '../../model/inert-text.js';

export type FileKind = 'text' | 'xlsx' | 'xlsb' | 'ods' | 'docx' | 'pptx' | 'odf' | 'zip' | 'pdf' | 'xls' | 'doc' | 'ole2' | 'gzip' | 'binary' | 'empty';

export interface Sniffed {
  kind: FileKind;
  /** For a workbook: its zip entries (the reader finds its sheets there). */
  entries?: ZipEntry[];
  /** For a zip that cannot be read, or a binary file: why, in words. */
  detail?: string;
}

const HEAD_BYTES = 1 << 16;

const startsWith = (b: Uint8Array, ...xs: number[]) => xs.every((x, i) => b[i] === x);

function utf16(s: string): Buffer {
  return Buffer.from(s, 'utf16le');
}

/** The kind of a file from its first bytes and, for a zip, its entry names. Pure. */
export function sniffBytes(head: Uint8Array, zip?: { ok: true; entries: ZipEntry[] } | { ok: false; reason: string }): Sniffed {
  if (head.length === 0) return { kind: 'empty' };
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46)) return { kind: 'pdf' };
  if (startsWith(head, 0x1f, 0x8b)) return { kind: 'gzip' };
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    // An OLE2 compound file: the stream names tell a workbook from a Word document.
    const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
    if (b.includes(utf16('Workbook')) || b.includes(utf16('Book'))) return { kind: 'xls' };
    if (b.includes(utf16('WordDocument'))) return { kind: 'doc' };
    return { kind: 'ole2' };
  }
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04) || startsWith(head, 0x50, 0x4b, 0x05, 0x06)) {
    if (!zip) return { kind: 'zip' };
    if (!zip.ok) {
      // A damaged zip whose first entry names a workbook part is a damaged workbook.
      const first = Buffer.from(head.subarray(30, 30 + Math.min(200, Buffer.from(head).readUInt16LE(26)))).toString('latin1');
      return { kind: /^(xl\/|\[Content_Types\]\.xml|_rels\/|docProps\/)/.test(first) ? 'xlsx' : 'zip', detail: zip.reason };
    }
    const names = zip.entries.map((e) => e.name);
    if (names.includes('xl/workbook.xml')) return { kind: 'xlsx', entries: zip.entries };
    if (names.includes('xl/workbook.bin')) return { kind: 'xlsb' };
    if (names.some((n) => n.startsWith('word/'))) return { kind: 'docx' };
    if (names.some((n) => n.startsWith('ppt/'))) return { kind: 'pptx' };
    if (names.includes('mimetype')) {
      const mime = Buffer.from(head.subarray(38, 38 + 80)).toString('latin1');
      return mime.startsWith('application/vnd.oasis.opendocument.spreadsheet') ? { kind: 'ods' } : { kind: 'odf' };
    }
    return { kind: 'zip', detail: `${names.length} entr${names.length === 1 ? 'y' : 'ies'}${names.length ? `: ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}` : ''}` };
  }
  // UTF-16 text starts with its byte-order mark; otherwise a NUL byte means binary.
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) return { kind: 'text' };
  const nul = head.indexOf(0);
  if (nul >= 0) return { kind: 'binary', detail: `byte 0x00 at offset ${nul}` };
  return { kind: 'text' };
}

/** Reads a file's head (and zip directory) and tells its kind. Throws the file system's errors. */
export function sniffFile(path: string): Sniffed {
  const fd = openSync(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    head = buf.subarray(0, readSync(fd, buf, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
  const isZip = startsWith(head, 0x50, 0x4b, 0x03, 0x04) || startsWith(head, 0x50, 0x4b, 0x05, 0x06);
  return sniffBytes(head, isZip ? readZipDirectory(path) : undefined);
}

/** Control characters and other unprintables as escapes, so a name or cell from a file never drives the terminal. */
/** What printable() shows as an escape: the controls inertText shows, line and paragraph separators, and U+FFFD (a byte that did not decode). */
const PRINTABLE_NOT = new RegExp(`[${CONTROL_CLASS}\\u2028\\u2029\\ufffd]`, 'g');

export function printable(s: string): string {
  return s.replace(PRINTABLE_NOT, hex);
}

/** What the file is and what to do, for a file that is not data (undefined for text and readable workbooks). */
export function notDataMessage(s: Sniffed): { message: string; hint: string } | undefined {
  const asData = 'export the table as an Excel workbook (.xlsx) or as CSV UTF-8, and give that file';
  switch (s.kind) {
    case 'text':
      return undefined;
    case 'xlsx':
      return s.detail ? { message: `is an Excel workbook (.xlsx) that cannot be read: ${printable(s.detail)}`, hint: 'open it in Excel and save it again, or export the sheet as CSV UTF-8' } : undefined;
    case 'empty':
      return { message: 'is empty (0 bytes)', hint: asData };
    case 'pdf':
      return { message: 'is a PDF document, not a data file', hint: `a PDF's table cannot be read reliably; ${asData} from the system it came from` };
    case 'docx':
      return { message: 'is a Word document (.docx), not a data file', hint: 'copy its table into Excel and save it as .xlsx, or give the staff list the HR system exports' };
    case 'doc':
      return { message: 'is an old Word document (.doc), not a data file', hint: 'copy its table into Excel and save it as .xlsx' };
    case 'pptx':
      return { message: 'is a PowerPoint presentation (.pptx), not a data file', hint: asData };
    case 'xls':
      return { message: 'is an old Excel workbook (.xls, Excel 97–2003), which is not read', hint: 'open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or CSV UTF-8' };
    case 'ole2':
      return { message: 'is an old Microsoft Office file (a compound file, .xls or .doc), which is not read', hint: 'open it and save it as .xlsx or CSV UTF-8' };
    case 'xlsb':
      return { message: 'is an Excel binary workbook (.xlsb), which is not read', hint: 'save it as .xlsx (Excel Workbook) or CSV UTF-8' };
    case 'ods':
      return { message: 'is an OpenDocument spreadsheet (.ods), which is not read', hint: 'in LibreOffice, save it as .xlsx (Excel 2007-365) or CSV UTF-8' };
    case 'odf':
      return { message: 'is an OpenDocument file (text or presentation), not a data file', hint: asData };
    case 'zip':
      return { message: s.detail && /cut short|damaged|zip64/.test(s.detail) ? `is a zip archive that cannot be read: ${printable(s.detail)}` : `is a zip archive that holds no workbook${s.detail ? ` (${printable(s.detail)})` : ''}`, hint: 'unzip it and give the data file inside' };
    case 'gzip':
      return { message: 'is gzip-compressed', hint: 'decompress it first (gunzip FILE), then give the file inside' };
    case 'binary':
      return { message: `is not a text file or a workbook: it holds binary bytes (${s.detail ?? 'a NUL byte'})`, hint: asData };
  }
}
