// What a file given to `plan import` is, from its first bytes: a .docx goes on to be read, anything
// else gets one sentence naming what it is (never its bytes).

export type FileKind = { kind: 'zip' } | { kind: 'text'; text: string } | { kind: 'other'; problem: string };

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return { kind: 'other', problem: 'is empty' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'other', problem: 'is a PDF document, not a Word document (.docx): open it in Word and save it as .docx' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { kind: 'other', problem: 'is an old-format Office file (.doc or .xls), not a .docx: open it in Word and save it as .docx' };
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { kind: 'other', problem: 'is an RTF document, not a .docx: open it in Word and save it as .docx' };
  if (startsWith(bytes, [0x1f, 0x8b]) || startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]))
    return { kind: 'other', problem: 'is a compressed archive (gzip, rar or 7z), not a .docx' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'other', problem: 'is neither a Word document (.docx) nor UTF-8 text (save a text as UTF-8)' };
  }
  // Text with NUL or many control characters is binary that happens to decode.
  const controls = text.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (controls > 0) return { kind: 'other', problem: 'is a binary file, not a Word document (.docx)' };
  return { kind: 'text', text: text.replace(/^\uFEFF/, '') };
}
