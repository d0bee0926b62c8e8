// The Word reader (fflate, saxes) loads only when `plan import` reads a .docx: not at start-up, not
// with the import command's own chunk (which first checks what the file is).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticClosure } from '../helpers/bundle.js';


describe('the docx reader', () => {
  const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js'));
  const importChunk = chunks.find((f) => /^import-[A-Z0-9]+\.js$/.test(f));

  it.each([
    ['saxes', 'text data outside of root node'],
    ['fflate', 'invalid zip data'],
  ])('%s is in one chunk of its own, reached by no static import from the entry or the import command', (_name, marker) => {
    expect(importChunk).toBeDefined();
    // exceljs (the workbook reader) brings its own saxes, so the docx reader's copy is the one not in the excel chunk.
    // exceljs is shared by the workbook reader and the xlsx writer, so its chunk may have a generated
    // name, and the docx writer library bundles its own zip code: both are known by their text.
    const holding = chunks.filter((f) => {
      const text = readFileSync(join('dist/chunks', f), 'utf8');
      return !f.startsWith('excel-') && !text.includes('xl/worksheets/sheet') && !text.includes('w:tblHeader') && text.includes(marker);
    });
    expect(holding).toHaveLength(1);
    expect(staticClosure('dist/plan.js').includes(marker)).toBe(false);
    expect(staticClosure(join('dist/chunks', importChunk!)).includes(marker)).toBe(false);
  });
});
