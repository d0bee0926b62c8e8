// A zip file's central directory, read from the file's end without unpacking anything: the names,
// sizes and offsets of its entries, and whether they all lie inside the file (a cut-off download
// is caught here, before any reader sees it). Also one small entry inflated (workbook.xml).

import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Parses the central directory from the file's tail bytes (`tail` ends at the file's end, `size` is the file's length). */
export function parseZipDirectory(tail: Uint8Array, size: number, readAt: (offset: number, length: number) => Uint8Array): ZipDirectory {
  const b = Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength);
  let at = -1;
  for (let i = b.length - 22; i >= 0; i--) {
    if (b.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return { ok: false, reason: 'its end (the zip directory) is missing: the file is cut short or damaged' };
  const count = b.readUInt16LE(at + 10);
  const dirSize = b.readUInt32LE(at + 12);
  const dirOffset = b.readUInt32LE(at + 16);
  if (dirOffset === 0xffffffff || count === 0xffff) return { ok: false, reason: 'it is a zip64 archive (over 4 GB or 65,535 entries), which is not read' };
  if (dirOffset + dirSize > size) return { ok: false, reason: 'its zip directory points past the end of the file: the file is cut short or damaged' };
  const dir = Buffer.from(readAt(dirOffset, dirSize));
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: 'its zip directory is damaged' };
    const method = dir.readUInt16LE(p + 10);
    const crc = dir.readUInt32LE(p + 16);
    const compressedSize = dir.readUInt32LE(p + 20);
    const sizeU = dir.readUInt32LE(p + 24);
    const nameLen = dir.readUInt16LE(p + 28);
    const extraLen = dir.readUInt16LE(p + 30);
    const commentLen = dir.readUInt16LE(p + 32);
    const offset = dir.readUInt32LE(p + 42);
    const name = dir.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (offset + 30 + compressedSize > size) return { ok: false, reason: `its entry ${JSON.stringify(name)} runs past the end of the file: the file is cut short` };
    entries.push({ name, method, crc, compressedSize, size: sizeU, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, entries };
}

/** Reads a zip file's directory (at most its last 64 KiB + 22 bytes hold the end record). */
export function readZipDirectory(path: string): ZipDirectory {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const n = Math.min(size, 65557);
    const tail = Buffer.alloc(n);
    readSync(fd, tail, 0, n, size - n);
    return parseZipDirectory(tail, size, (offset, length) => {
      const buf = Buffer.alloc(length);
      const got = readSync(fd, buf, 0, length, offset);
      return buf.subarray(0, got);
    });
  } finally {
    closeSync(fd);
  }
}

/** The bytes of one (small) entry, inflated; undefined when it cannot be read. */
export function readZipEntry(path: string, entry: ZipEntry, limit = 16 << 20): Buffer | undefined {
  if (entry.size > limit || entry.compressedSize > limit) return undefined;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(30);
    readSync(fd, head, 0, 30, entry.offset);
    if (head.readUInt32LE(0) !== LOCAL) return undefined;
    const start = entry.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    const data = Buffer.alloc(entry.compressedSize);
    readSync(fd, data, 0, entry.compressedSize, start);
    if (entry.method === 0) return data;
    if (entry.method !== 8) return undefined;
    return inflateRawSync(data);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Where an entry's data starts (past its local header). */
function dataStart(path: string, entry: ZipEntry): number | undefined {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(30);
    readSync(fd, head, 0, 30, entry.offset);
    if (head.readUInt32LE(0) !== LOCAL) return undefined;
    return entry.offset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
}

/**
 * Inflates an entry and checks its length and CRC-32 against the directory: a damaged workbook is
 * caught here, with a reason, rather than in a reader that may stop without a word. Resolves with
 * the problem, or undefined when the entry is sound.
 */
export function verifyZipEntry(path: string, entry: ZipEntry): Promise<string | undefined> {
  const start = dataStart(path, entry);
  if (start === undefined) return Promise.resolve(`its part ${JSON.stringify(entry.name)} is damaged (no local header)`);
  if (entry.method !== 0 && entry.method !== 8) return Promise.resolve(`its part ${JSON.stringify(entry.name)} is compressed by method ${entry.method}, which is not read`);
  return new Promise((resolve) => {
    let crc = 0;
    let size = 0;
    const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
    const stream = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
    const damaged = () => resolve(`its part ${JSON.stringify(entry.name)} is damaged (the compressed data does not unpack)`);
    raw.on('error', damaged);
    stream.on('error', damaged);
    stream.on('data', (chunk: Buffer) => {
      crc = crc32(chunk, crc);
      size += chunk.length;
    });
    stream.on('end', () => resolve(size !== entry.size || crc >>> 0 !== entry.crc ? `its part ${JSON.stringify(entry.name)} is damaged (its checksum does not match)` : undefined));
  });
}
