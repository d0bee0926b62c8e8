// A CSV file's bytes → a stream of text: UTF-8 (BOM dropped), or a legacy Vietnamese export in
// Windows-1258 detected (chardet) and decoded (iconv-lite) with a warning; anything else is a finding
// at its line and column, never mojibake.

import { isAscii } from 'node:buffer';
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import type { Diagnostic } from '../../model/diagnostic.js';
import { firstInvalidUtf8 } from '../decode-text.js';

export const CHUNK_BYTES = 1 << 20;
const SAMPLE_BYTES = 1 << 16;

/** Stops reading a file: the finding says why (the dataset then has no data). */
export class DataFileError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export interface TextSource {
  encoding: string;
  /** Said when the file was not UTF-8 and was decoded from another encoding. */
  warning?: Diagnostic;
  chunks: AsyncIterable<string>;
}

const fileIssue = (code: Diagnostic['code'], file: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  code,
  severity: 'error',
  message,
  file,
  line: 0,
  column: 0,
  ...extra,
});

function readSample(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const n = readSync(fd, buf, 0, SAMPLE_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether the bytes from `at` to the end are the start of one UTF-8 character cut short: a lead byte
 * (0xC2–0xF4) and only continuation bytes after it, fewer than it needs. 0xFF near the end is no such thing.
 */
function cutShort(buf: Buffer, at: number): boolean {
  const lead = buf[at]!;
  if (lead < 0xc2 || lead > 0xf4) return false;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  if (buf.length - at >= need) return false;
  for (let i = at + 1; i < buf.length; i++) if ((buf[i]! & 0xc0) !== 0x80) return false;
  return true;
}

/** Valid UTF-8, allowing a sequence cut off by the sample's end. */
function sampleIsUtf8(sample: Buffer, complete: boolean): boolean {
  const at = firstInvalidUtf8(sample);
  return at < 0 || (!complete && cutShort(sample, at));
}

/** Where the first byte that is not UTF-8 stands: line, column (in characters) and the line's text. */
async function locateInvalidUtf8(path: string, display: string): Promise<Diagnostic> {
  let line = 1;
  let lineStart: Buffer[] = [];
  let offset = 0;
  let carry = Buffer.alloc(0);
  for await (const raw of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const chunk = Buffer.concat([carry, raw as Buffer]);
    const at = firstInvalidUtf8(chunk);
    // A sequence cut by the chunk's end is read with the next chunk.
    const cut = at >= 0 && cutShort(chunk, at) ? at : -1;
    const end = at < 0 ? chunk.length : cut >= 0 ? cut : at;
    for (let i = 0; i < end; i++) {
      if (chunk[i] === 0x0a) {
        line++;
        lineStart = [];
        offset = i + 1;
      }
    }
    if (at >= 0 && cut < 0) {
      const before = Buffer.concat([...lineStart, chunk.subarray(offset, at)]).toString('utf8');
      let lineEnd = chunk.indexOf(0x0a, at);
      if (lineEnd < 0) lineEnd = chunk.length;
      const excerpt = Buffer.concat([...lineStart, chunk.subarray(offset, lineEnd)]).toString('utf8').replace(/\r$/, '');
      const byte = chunk[at]!;
      return fileIssue('DATA_ENCODING', display, `the file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at line ${line}, column ${before.length + 1} cannot start or continue a UTF-8 character`, {
        line,
        column: before.length + 1,
        value: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        excerpt,
        endLine: line,
        endColumn: before.length + 2,
        hint: 'save the file as UTF-8, or name its encoding: --encoding windows-1258',
      });
    }
    lineStart.push(chunk.subarray(offset, end));
    offset = 0;
    carry = chunk.subarray(end);
  }
  return fileIssue('DATA_ENCODING', display, 'the file ends in the middle of a UTF-8 character', { hint: 'the file is cut short or not UTF-8' });
}

/** Whether a chunk ends inside a UTF-8 sequence (its last lead byte still waits for continuation bytes). */
function endsMidSequence(b: Buffer): boolean {
  for (let i = b.length - 1, k = 0; i >= 0 && k < 4; i--, k++) {
    const x = b[i]!;
    if (x < 0x80) return false;
    if (x >= 0xc0) return k + 1 < (x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : 2);
  }
  return false;
}

async function* utf8Chunks(path: string, display: string, skip: number): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending = false;
  try {
    for await (const raw of createReadStream(path, { highWaterMark: CHUNK_BYTES, start: skip })) {
      const chunk = raw as Buffer;
      // Plain ASCII (most of a staff export) needs no UTF-8 decoding: a byte is a character.
      if (!pending && isAscii(chunk)) {
        yield chunk.toString('latin1');
        continue;
      }
      yield decoder.decode(chunk, { stream: true });
      pending = endsMidSequence(chunk);
    }
    yield decoder.decode();
  } catch (e) {
    if (e instanceof TypeError) throw new DataFileError(await locateInvalidUtf8(path, display));
    throw e;
  }
}

const COMBINING = /[\u0300-\u036f]/;

// chardet and iconv-lite (with its code-page tables, most of this module's weight) load only for a
// file that is not UTF-8: the common case never pays for them.
const iconvLite = async () => (await import('iconv-lite')).default;

/** Decodes with iconv-lite and composes to NFC; a base letter and its marks never split across chunks. */
async function* legacyChunks(path: string, encoding: string, skip: number): AsyncIterable<string> {
  const decoder = (await iconvLite()).getDecoder(encoding);
  let pending = '';
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES, start: skip })) {
    let text = pending + decoder.write(chunk as Buffer);
    let cut = text.length;
    while (cut > 0 && COMBINING.test(text[cut - 1]!)) cut--;
    cut = Math.max(0, cut - 1);
    pending = text.slice(cut);
    text = text.slice(0, cut);
    if (text) yield text.normalize('NFC');
  }
  const rest = pending + (decoder.end() ?? '');
  if (rest) yield rest.normalize('NFC');
}

/** The encodings `--encoding` accepts (anything iconv-lite knows). */
export async function encodingKnown(name: string): Promise<boolean> {
  const n = name.toLowerCase().replace(/_/g, '-');
  return n === 'utf-8' || n === 'utf8' || (await iconvLite()).encodingExists(name);
}

/** Opens a data file as text: decides its encoding from its first 64 KiB (or `encoding`). */
export async function openText(path: string, display: string, encoding?: string): Promise<TextSource> {
  const sample = readSample(path);
  if (encoding !== undefined) {
    const norm = encoding.toLowerCase().replace(/_/g, '-');
    if (norm === 'utf-8' || norm === 'utf8') {
      const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf ? 3 : 0;
      return { encoding: 'utf-8', chunks: utf8Chunks(path, display, bom) };
    }
    return { encoding: norm, chunks: legacyChunks(path, encoding, 0) };
  }
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', chunks: utf8Chunks(path, display, 3) };
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    const enc = sample[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return {
      encoding: enc,
      warning: fileIssue('DATA_DECODED', display, `the file is ${enc.toUpperCase()} (it starts with that byte-order mark); read as such`, { severity: 'warning', hint: 'save it as UTF-8 to silence this' }),
      chunks: legacyChunks(path, enc, 2),
    };
  }
  const complete = sample.length < SAMPLE_BYTES;
  if (sampleIsUtf8(sample, complete)) return { encoding: 'utf-8', chunks: utf8Chunks(path, display, 0) };

  const chardet = (await import('chardet')).default;
  const guesses = chardet.analyse(sample);
  const best = guesses[0];
  if (best && best.name === 'windows-1258') {
    return {
      encoding: 'windows-1258',
      warning: fileIssue('DATA_DECODED', display, `the file is not UTF-8; it reads as Vietnamese in Windows-1258 (the legacy code page, ${best.confidence}% sure) and was decoded as such`, {
        severity: 'warning',
        hint: 'save it as UTF-8 to silence this, or pass --encoding to name the encoding',
      }),
      chunks: legacyChunks(path, 'windows-1258', 0),
    };
  }
  // Not Vietnamese in a code page we can vouch for: decoding on a guess would be mojibake.
  return {
    encoding: 'utf-8',
    chunks: (async function* () {
      const d = await locateInvalidUtf8(path, display);
      if (best) d.hint = `it looks like ${best.name}${best.lang ? ` (${best.lang})` : ''}; if so, pass --encoding ${best.name}, or save the file as UTF-8`;
      throw new DataFileError(d);
      yield '';
    })(),
  };
}
