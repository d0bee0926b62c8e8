// Bytes → text: UTF-8 only (a BOM is dropped); anything else is a finding with its position, never mojibake.

export type Decoded =
  | { ok: true; text: string; hadBom: boolean }
  | { ok: false; message: string; hint?: string; line: number; column: number; excerpt?: string };

const FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes a plan file. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return {
      ok: false,
      message: 'the file is UTF-16, not UTF-8',
      hint: 'save it as UTF-8 (in Notepad: Save as → Encoding: UTF-8)',
      line: 1,
      column: 1,
    };
  }
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: FATAL.decode(body), hadBom };
  } catch {
    const at = firstInvalidUtf8(body);
    const before = LENIENT.decode(body.subarray(0, Math.max(at, 0)));
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    let lineEnd = body.indexOf(0x0a, at);
    if (lineEnd < 0) lineEnd = body.length;
    const lineBytes = body.subarray(Buffer.byteLength(before.slice(0, lineStart)), lineEnd);
    const byte = body[at] ?? 0;
    return {
      ok: false,
      message: `the file is not UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} cannot start or continue a UTF-8 character`,
      // Vietnamese text that is not UTF-8 is nearly always a Windows-1258 export.
      hint: 'it looks like a legacy Vietnamese code page (Windows-1258); convert it first: iconv -f CP1258 -t UTF-8 FILE > FILE.utf8',
      line,
      column: before.length - lineStart + 1,
      excerpt: LENIENT.decode(lineBytes).replace(/\r$/, ''),
    };
  }
}
