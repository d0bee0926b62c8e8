// Damaged Word files: bytes of a valid .docx flipped, or its document XML cut or spliced. Every one
// ends in a draft (exit 0) or one message (exit 2) — never a stack trace, never a control character.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';
import { fixtureDocx, HEADING } from '../helpers/docx-fixture.js';

const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
let dir = '';
let docx: Uint8Array = new Uint8Array();
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plan-import-fuzz-'));
  docx = await fixtureDocx({
    before: HEADING,
    rows: [
      ['TT', 'Nội dung', 'Đơn vị chủ trì', 'Thời gian thực hiện'],
      ['1', 'Việc một\ndòng hai', 'Vụ Pháp chế', 'Năm 2026'],
      ['2', '- ý a\n\n- ý b', 'Vụ TCCB', 'Quý I/2026'],
    ],
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function outcome(bytes: Uint8Array, n: number) {
  const file = join(dir, `f${n}.docx`);
  writeFileSync(file, bytes);
  const r = await runMain(['import', file, '--plans', join(ROOT, 'plans')], { cwd: dir });
  expect([0, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(CONTROL);
  expect(r.stdout).not.toMatch(CONTROL);
  if (r.code === 2) expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('damaged .docx files', () => {
  it('bytes flipped anywhere in the zip', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
        const bytes = docx.slice();
        for (const [at, b] of flips) bytes[at % bytes.length] = b;
        await outcome(bytes, n++);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('the document XML cut short or spliced with stray text', async () => {
    const parts = unzipSync(docx);
    const xml = strFromU8(parts['word/document.xml']!);
    let n = 100;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: xml.length }), fc.string({ maxLength: 12 }), async (at, junk) => {
        // Short junk: the XML cut at `at` (and the junk appended); longer junk: spliced in at `at`.
        const changed = junk.length > 6 ? xml.slice(0, at) + junk + xml.slice(at) : xml.slice(0, at) + junk;
        await outcome(zipSync({ ...parts, 'word/document.xml': strToU8(changed) }), n++);
      }),
      { numRuns: 40, seed: 8 },
    );
  });
});
