// Plan text that XML cannot hold, or that Excel would decode, still makes files that open and show
// the text as written: control characters become U+FFFD, a literal "_x0041_" stays "_x0041_".
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../helpers/cli.js';
import { readWorkbook, unzip, part, wordTables } from '../helpers/ooxml.js';
import { tempPlans, type TempPlans } from '../helpers/temp-plans.js';

// XML 1.0 allows tab, LF, CR and everything from U+0020 but the surrogates, U+FFFE and U+FFFF.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

let t: TempPlans;
beforeAll(() => {
  t = tempPlans('test/fixtures/render/plans');
  const file = join(t.dir, 'plans', 'qd-1-test-2024.yaml');
  const text = readFileSync(file, 'utf8');
  const hostile = text.replace('content: =HYPERLINK("http://x","y")', 'content: "=HYPERLINK(\\"http://x\\",\\"y\\") \\a bell _x0041_ literal"');
  expect(hostile).not.toBe(text);
  writeFileSync(file, hostile);
});
afterAll(() => t.remove());

describe('hostile text in Word and Excel output', () => {
  it('docx: the document XML holds no character XML forbids; the bell is U+FFFD, the rest as written', async () => {
    const out = join(t.dir, 'x.docx');
    const r = await runMain(['render', '1/QĐ-TEST', '--plans', join(t.dir, 'plans'), '--format', 'docx', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = unzip(readFileSync(out));
    for (const [name, bytes] of Object.entries(files)) if (name.endsWith('.xml')) expect(NOT_XML.test(strFromU8(bytes)), name).toBe(false);
    const cells = wordTables(part(files, 'word/document.xml')).flat().flatMap((row) => row.cells.map((c) => c.text));
    expect(cells).toContain('=HYPERLINK("http://x","y") \uFFFD bell _x0041_ literal');
  });

  it('xlsx: a string cell reading "_x0041_" as typed, the bell as U+FFFD, no formula', async () => {
    const out = join(t.dir, 'x.xlsx');
    const r = await runMain(['tasks', '--plans', join(t.dir, 'plans'), '--format', 'xlsx', '--out', out]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    for (const [name, b] of Object.entries(unzip(bytes))) if (name.endsWith('.xml')) expect(NOT_XML.test(strFromU8(b)), name).toBe(false);
    const [sheet] = readWorkbook(bytes);
    const cell = [...sheet!.cells.values()].find((c) => String(c.value).startsWith('=HYPERLINK'))!;
    expect(cell).toMatchObject({ type: 's', formula: null, value: '=HYPERLINK("http://x","y") \uFFFD bell _x0041_ literal' });
  });
});
