// plan import on hand-made Word files: merged cells, line breaks, a two-row header, names resolved
// or left as TODOs that `plan validate` points at; files that are not a .docx; --out and --force.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { load as jsYamlLoad } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runBin, runMain } from '../helpers/cli.js';
import { fixtureDocx, HEADING, type FixtureRow } from '../helpers/docx-fixture.js';

const PLANS = join(ROOT, 'plans');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, bytes: Uint8Array | string) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
/** A .docx with its document XML changed (to make it hostile). */
function withDocumentXml(docx: Uint8Array, change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(docx);
  parts['word/document.xml'] = strToU8(change(strFromU8(parts['word/document.xml']!)));
  return zipSync(parts);
}
const importIt = (...args: string[]) => runMain(['import', ...args, '--plans', PLANS], { cwd: dir });

/** Nothing a terminal would act on: no C0 but newline, no DEL, no C1, no bidirectional override. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const HEADER: FixtureRow[] = [
  [
    { text: 'TT', merge: 'restart' },
    { text: 'Nội dung nhiệm vụ', merge: 'restart' },
    { text: 'Đơn vị chủ trì', merge: 'restart' },
    { text: 'Đơn vị phối hợp', merge: 'restart' },
    { text: 'Thời gian', span: 2 },
    { text: 'Lãnh đạo phụ trách', merge: 'restart' },
  ],
  [{ merge: 'continue' }, { merge: 'continue' }, { merge: 'continue' }, { merge: 'continue' }, 'Bắt đầu', 'Hoàn thành', { merge: 'continue' }],
];

const BODY: FixtureRow[] = [
  ['I', { text: 'Cải cách thể chế', span: 6 }],
  ['1', 'Xây dựng Đề án A\nvà trình ban hành', { text: 'Vụ TCCB', merge: 'restart' }, 'Vụ Pháp chế; Bộ Ngoại vụ', 'Tháng 01/2026', 'Quý II/2026', 'PTGĐ Lê Hùng Sơn'],
  ['2', 'Sửa đổi quy chế B', { merge: 'continue' }, '- Vụ Pháp chế\n\n- Trung tâm CNTT', { text: 'Sau khi Luật được ban hành', span: 2 }, 'PTGĐ Phạm Văn Z'],
  ['2', 'Tổng kết C', 'TCCB', '', 'Tháng 13/2026', 'Tháng 12/2026', 'Tổng Giám đốc'],
];

describe('a decision with merged cells, line breaks and names to check', () => {
  let out = '';
  let r: Awaited<ReturnType<typeof runMain>>;
  beforeAll(async () => {
    const docx = write('hand.docx', await fixtureDocx({ before: HEADING, rows: [...HEADER, ...BODY] }));
    out = join(dir, 'plans-out');
    mkdirSync(out);
    r = await importIt(docx, '--out', join(out, 'qd-999.yaml'));
  });

  it('reads the heading', () => {
    expect(r.code).toBe(0);
    const d = jsYamlLoad(readFileSync(join(out, 'qd-999.yaml'), 'utf8')) as { decision: Record<string, unknown> };
    expect(d.decision).toMatchObject({
      number: '999/QĐ-BHXH',
      title: 'Ban hành Kế hoạch thử nghiệm năm 2026',
      issuer: 'Bảo hiểm xã hội Việt Nam',
      signed: '2026-03-15',
      signer: 'Nguyễn Thế Mạnh',
      signer_title: 'Tổng Giám đốc',
      place: 'Hà Nội',
      legal_basis: ['Quyết định số 1/QĐ-BHXH ngày 02/01/2026 của Bảo hiểm xã hội Việt Nam'],
    });
  });

  it('reads the two-row header, the group row merged across, the lead merged down, the period merged across', () => {
    const d = jsYamlLoad(readFileSync(join(out, 'qd-999.yaml'), 'utf8')) as { appendices: Record<string, unknown>[] };
    expect(d.appendices).toHaveLength(1);
    const a = d.appendices[0]!;
    expect(a).toMatchObject({ id: 'phu-luc', label: 'PHỤ LỤC', title: 'NHIỆM VỤ NĂM 2026', note: '(Kèm theo Quyết định số 999/QĐ-BHXH)' });
    expect(a['columns']).toEqual([
      { field: 'no', header: 'TT' },
      { field: 'content', header: 'Nội dung nhiệm vụ' },
      { field: 'lead', header: 'Đơn vị chủ trì' },
      { field: 'support', header: 'Đơn vị phối hợp' },
      { field: 'start', header: 'Thời gian Bắt đầu' },
      { field: 'due', header: 'Thời gian Hoàn thành' },
      { field: 'leader', header: 'Lãnh đạo phụ trách' },
    ]);
    expect(a['groups']).toEqual([
      {
        no: 'I',
        title: 'Cải cách thể chế',
        tasks: [
          {
            id: 'I.1',
            no: '1',
            content: 'Xây dựng Đề án A và trình ban hành',
            lead: { units: ['vu-tccb'], as_written: 'Vụ TCCB' },
            support: { units: ['vu-pc', 'Bộ Ngoại vụ'], as_written: 'Vụ Pháp chế; Bộ Ngoại vụ' },
            start: 'Tháng 01/2026',
            due: 'Quý II/2026',
            leader: 'ptgd-le-hung-son',
          },
          {
            id: 'I.2',
            no: '2',
            content: 'Sửa đổi quy chế B',
            lead: { units: ['vu-tccb'], as_written: 'Vụ TCCB' },
            support: { units: ['vu-pc', 'tt-cntt'], as_written: '- Vụ Pháp chế\n- Trung tâm CNTT' },
            when: 'Sau khi Luật được ban hành',
            leader: 'PTGĐ Phạm Văn Z',
          },
          {
            id: 'I.2',
            no: '2',
            content: 'Tổng kết C',
            lead: { units: ['vu-tccb'], as_written: 'TCCB' },
            start: 'Tháng 13/2026',
            due: 'Tháng 12/2026',
            leader: 'tgd-nguyen-the-manh',
          },
        ],
      },
    ]);
  });

  it('prints the summary and each TODO with its line, table row and column', () => {
    expect(r.stderr).toContain('1 appendix, 1 group, 3 tasks; units and leaders resolved in 6 of 8 cells; 4 TODOs');
    const todos = r.stderr.split('\n').filter((l) => l.includes(': TODO'));
    expect(todos).toHaveLength(4);
    expect(todos[0]).toMatch(/qd-999\.yaml:\d+: TODO \(phu-luc, table row 4, Đơn vị phối hợp\): .*"Bộ Ngoại vụ" matches no unit .*units\.yaml/);
    expect(todos[1]).toMatch(/table row 5, Lãnh đạo phụ trách\): .*"PTGĐ Phạm Văn Z" is no leader .*leaders\.yaml/);
    expect(todos[2]).toMatch(/table row 6, TT\): .*I\.2 is used twice/);
    expect(todos[3]).toMatch(/table row 6, Thời gian Bắt đầu\): .*"Tháng 13\/2026"/);
  });

  it('states the line of each `# TODO:` comment', () => {
    const text = readFileSync(join(out, 'qd-999.yaml'), 'utf8');
    const todoLines = text.split('\n').flatMap((l, k) => (l.includes('# TODO:') ? [k + 1] : []));
    expect(todoLines).toHaveLength(4);
    const stated = r.stderr.split('\n').flatMap((l) => (/qd-999\.yaml:(\d+): TODO/.exec(l) ? [Number(/qd-999\.yaml:(\d+): TODO/.exec(l)![1])] : []));
    expect(stated).toEqual(todoLines);
  });
});

// Names (schema findings) and periods or ids (checks) in separate drafts, and all of them in one:
// `plan validate` reports every finding of a file in one run, each draft on its TODO lines only.
describe.each([
  ['every kind of TODO at once', [...BODY, ['3', '', 'Vụ Pháp chế', '', 'Tháng 1/2026', 'Tháng 2/2026', 'PTGĐ Lê Hùng Sơn']], 5],
  ['names that match no registry entry and a row without content', [BODY[0]!, BODY[1]!, BODY[2]!, ['3', '', 'Vụ Pháp chế', '', 'Tháng 1/2026', 'Tháng 2/2026', 'PTGĐ Lê Hùng Sơn']], 3],
  [
    'periods that are not one (one long enough for a folded block) and a task number used twice',
    [
      BODY[0]!,
      ['1', 'A', 'Vụ Pháp chế', '', 'Tháng 13/2026', 'Tháng 12/2026', 'PTGĐ Lê Hùng Sơn'],
      ['1', 'B', 'Vụ Pháp chế', '', 'Tháng 1/2026', 'Tháng 14/2026 đến hết quý thứ năm của năm hai nghìn không trăm hai mươi sáu cho các đơn vị', 'PTGĐ Lê Hùng Sơn'],
    ],
    3,
  ],
] as [string, FixtureRow[], number][])('a draft with %s', (name, rows, expected) => {
  it('has a `# TODO:` on exactly the lines `plan validate` reports as errors', async () => {
    const out = mkdtempSync(join(dir, 'validate-'));
    for (const f of ['units.yaml', 'provinces.yaml', 'leaders.yaml']) writeFileSync(join(out, f), readFileSync(join(PLANS, f)));
    const docx = write(`${name.replace(/\W+/g, '-')}.docx`, await fixtureDocx({ before: HEADING, rows: [...HEADER, ...rows] }));
    const r = await importIt(docx, '--out', join(out, 'qd-999.yaml'));
    expect(r.code).toBe(0);
    const text = readFileSync(join(out, 'qd-999.yaml'), 'utf8');
    const todoLines = text.split('\n').flatMap((l, k) => (l.includes('# TODO:') ? [k + 1] : []));
    expect(todoLines).toHaveLength(expected);
    const v = await runMain(['validate', join(out, 'qd-999.yaml'), '--plans', out, '--format', 'json']);
    const errors = (JSON.parse(v.stdout) as { diagnostics: { severity: string; line: number }[] }).diagnostics.filter((d) => d.severity === 'error');
    expect([...new Set(errors.map((e) => e.line))].sort((a, b) => a - b)).toEqual(todoLines);
    expect(v.code).toBe(1);
  });
});

describe('a document that does not show the heading', () => {
  it('says which decision fields to add, on the line `plan validate` reports', async () => {
    const out = mkdtempSync(join(dir, 'heading-'));
    for (const f of ['units.yaml', 'provinces.yaml', 'leaders.yaml']) writeFileSync(join(out, f), readFileSync(join(PLANS, f)));
    const docx = write('no-heading.docx', await fixtureDocx({ before: ['Số: 5/QĐ-BHXH', 'PHỤ LỤC'], rows: [['TT', 'Nội dung', 'Đơn vị chủ trì'], ['1', 'Việc', 'Vụ Pháp chế']] }));
    const r = await importIt(docx, '--out', join(out, 'qd-5.yaml'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/qd-5\.yaml:6: TODO: the document does not show the decision's title, issuer, signed, signer/);
    const v = await runMain(['validate', join(out, 'qd-5.yaml'), '--plans', out, '--format', 'json']);
    const errors = (JSON.parse(v.stdout) as { diagnostics: { severity: string; line: number; message: string }[] }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((e) => e.line)).toEqual([6, 6, 6, 6]);
  });
});

const RELS = (main: string) => `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`;

describe('files that are not a Word document with a table', () => {
  const cases: [string, () => Promise<Uint8Array | string>, RegExp][] = [
    ['a PDF', async () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x00, 0x1b, 0x9b]), Buffer.from('1 0 obj\n')]), /is a PDF document, not a Word document/],
    ['a workbook', async () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }), /is an Excel workbook \(\.xlsx\), not a Word document/],
    // As Excel and LibreOffice write a workbook: its relationships name xl/workbook.xml the main part (it was read as a document with no table).
    ['a workbook with its relationships', async () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8(RELS('xl/workbook.xml')), 'xl/workbook.xml': strToU8('<workbook/>') }), /is an Excel workbook \(\.xlsx\), not a Word document/],
    ['a presentation with its relationships', async () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8(RELS('ppt/presentation.xml')), 'ppt/presentation.xml': strToU8('<p/>') }), /is a PowerPoint presentation \(\.pptx\), not a Word document/],
    ['a plain zip', async () => zipSync({ 'notes.txt': strToU8('\u001b[31mhello') }), /is a zip archive without a Word document in it/],
    ['a truncated .docx', async () => (await fixtureDocx({ before: HEADING, rows: [...HEADER, ...BODY] })).subarray(0, 3000), /is a damaged or truncated zip archive/],
    ['a .docx without a table', async () => fixtureDocx({ before: HEADING }), /has no table: plan import reads a decision's appendix tables/],
    ['a .docx whose only table is not an appendix', async () => fixtureDocx({ before: HEADING, rows: [['Nơi nhận:', 'TỔNG GIÁM ĐỐC']] }), /has 1 table, none with an appendix header/],
    ['an old .doc', async () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0x1b]), /is an old-format Office file/],
    ['an empty file', async () => '', /is empty/],
    ['a text with no appendix table', async () => 'Số: 1/QĐ-BHXH\nHà Nội, ngày 1 tháng 1 năm 2026\nQUYẾT ĐỊNH\n', /holds no appendix table that plan import can read/],
    ['a binary file', async () => Buffer.from([0x41, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x42]), /is a binary file, not a Word document/],
    ['a UTF-16 text', async () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Số: 1/QĐ-BHXH\n', 'utf16le')]), /is neither a Word document \(\.docx\) nor UTF-8 text \(save a text as UTF-8\)/],
    ['control characters in the XML', async () => withDocumentXml(await fixtureDocx({ before: HEADING, rows: [...HEADER, BODY[1]!] }), (x) => x.replace('Tháng 01/2026', 'Tháng 01/2026\u0007\u001b[2J')), /is a damaged \.docx: its document XML is not well-formed/],
    ['an entity bomb in the XML', async () => withDocumentXml(await fixtureDocx({ before: HEADING, rows: [...HEADER, BODY[1]!] }), (x) => x.replace('<w:document', '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document').replace('Tháng 01/2026', '&b;')), /is a damaged \.docx: its document XML is not well-formed/],
  ];

  it.each(cases)('%s: one message naming the file, exit 2, no bytes of it echoed', async (name, make, message) => {
    const file = write(`bad-${name.replace(/\W+/g, '-')}.docx`, await make());
    const r = await importIt(file, '--out', join(dir, 'never.yaml'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^plan: \S+bad-/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(existsSync(join(dir, 'never.yaml'))).toBe(false);
  });

  it('a directory is not a file', async () => {
    const r = await importIt(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a directory; plan import reads one Word file/);
  });
});

describe('control characters inside cell text', () => {
  it('never reach the terminal: C1 and bidirectional controls are dropped from the draft and the messages', async () => {
    const hostile = ['1', 'Nội dung \u009b31m đỏ\u202e', 'Vụ \u0085Không Có', '', 'Tháng 1/2026', 'Tháng 2/2026', 'PTGĐ Lê Hùng Sơn'];
    const file = write('hostile.docx', await fixtureDocx({ before: HEADING, rows: [...HEADER, hostile] }));
    const r = await importIt(file);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
    expect(r.stdout).toContain('Nội dung 31m đỏ');
    // The unknown unit is a TODO, named without its control character.
    expect(r.stderr).toContain('"Vụ Không Có" matches no unit');
  });
});

describe('the text of a decision as the legal-document sites publish it', () => {
  // Flattened as those pages are: one cell per line, wrapped lines indented, a reference on its own line.
  const TEXT = [
    'BẢO HIỂM XÃ HỘI',
    '  VIỆT NAM',
    '-------',
    'CỘNG HÒA XÃ HỘI',
    '  CHỦ NGHĨA VIỆT NAM',
    'Số: 77/QĐ-BHXH',
    'Hà Nội, ngày 05',
    '  tháng 02 năm 2026',
    'QUYẾT ĐỊNH',
    'VỀ VIỆC THỬ',
    'TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM',
    'Căn cứ Quyết định số',
    '1/QĐ-BHXH',
    'ngày 02/01/2026 của Bảo hiểm xã hội Việt Nam;',
    'Nơi nhận:',
    '- Lưu: VT.',
    'TỔNG GIÁM ĐỐC',
    'Nguyễn Thế Mạnh',
    'PHỤ LỤC',
    'NHIỆM VỤ',
    '(Kèm theo Quyết định số 77/QĐ-BHXH)',
    'TT',
    'Nội dung',
    '  công việc',
    'Đơn vị chủ trì',
    'Đơn vị phối hợp',
    'Thời gian thực hiện',
    '1',
    'Nhóm một',
    '1.1',
    'Sửa đổi Nghị định số',
    '30/2016/NĐ-CP',
    'ngày 28/4/2016 \u009b31m',
    'Vụ Pháp chế',
    'Vụ Tổ chức',
    '  cán bộ',
    'Năm 2026',
    '1.2',
    'Rà soát quy định',
    'Vụ TCCB',
    'Quý II/2026',
    'Tải Văn bản tiếng Việt',
  ].join('\n');

  it('reads the heading and rebuilds the table: wrapped lines, the reference, a row without its support cell', async () => {
    const r = await importIt(write('published.txt', TEXT));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    const d = jsYamlLoad(r.stdout) as { decision: Record<string, unknown>; appendices: { columns: unknown[]; groups: unknown[] }[] };
    expect(d.decision).toMatchObject({ number: '77/QĐ-BHXH', signed: '2026-02-05', issuer: 'Bảo hiểm xã hội Việt Nam', signer: 'Nguyễn Thế Mạnh', title: 'VỀ VIỆC THỬ' });
    expect(d.decision['legal_basis']).toEqual(['Quyết định số 1/QĐ-BHXH ngày 02/01/2026 của Bảo hiểm xã hội Việt Nam']);
    expect(d.appendices[0]!.columns).toEqual([
      { field: 'no', header: 'TT' },
      { field: 'content', header: 'Nội dung công việc' },
      { field: 'lead', header: 'Đơn vị chủ trì' },
      { field: 'support', header: 'Đơn vị phối hợp' },
      { field: 'when', header: 'Thời gian thực hiện' },
    ]);
    expect(d.appendices[0]!.groups).toEqual([
      {
        no: '1',
        title: 'Nhóm một',
        tasks: [
          { id: '1.1', content: 'Sửa đổi Nghị định số 30/2016/NĐ-CP ngày 28/4/2016 31m', lead: 'vu-pc', support: 'vu-tccb', when: 'Năm 2026' },
          { id: '1.2', content: 'Rà soát quy định', lead: { units: ['vu-tccb'], as_written: 'Vụ TCCB' }, when: 'Quý II/2026' },
        ],
      },
    ]);
  });
});

describe('--out and --force', () => {
  let docx = '';
  beforeAll(async () => {
    docx = write('ok.docx', await fixtureDocx({ before: HEADING, rows: [...HEADER, BODY[0]!, BODY[1]!] }));
  });

  it('without --out the draft goes to stdout and the summary to stderr', async () => {
    const r = await importIt(docx);
    expect(r.code).toBe(0);
    expect((jsYamlLoad(r.stdout) as { decision: { number: string } }).decision.number).toBe('999/QĐ-BHXH');
    expect(r.stdout).toMatch(/^# yaml-language-server: \$schema=\.\/schema\/decision\.schema\.json\n/);
    expect(r.stderr).toMatch(/^plan import: ok\.docx → stdout: 1 appendix, 1 group, 1 task; units and leaders resolved in 2 of 3 cells; 1 TODO\n/);
    expect(r.stderr).toMatch(/^ {2}line:\d+: TODO/m);
  });

  it('refuses to replace a file without --force, replaces it with --force, leaves no temporary file', async () => {
    const target = join(dir, 'out', 'draft.yaml');
    mkdirSync(join(dir, 'out'), { recursive: true });
    writeFileSync(target, 'keep me\n');
    const refused = await importIt(docx, '--out', target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/draft\.yaml exists; add --force to replace it/);
    expect(readFileSync(target, 'utf8')).toBe('keep me\n');
    const forced = await importIt(docx, '--out', target, '--force');
    expect(forced.code).toBe(0);
    expect((jsYamlLoad(readFileSync(target, 'utf8')) as { decision: { signed: string } }).decision.signed).toBe('2026-03-15');
    expect(readdirSync(join(dir, 'out'))).toEqual(['draft.yaml']);
  });

  it('a directory that does not exist: one message, exit 2', async () => {
    const r = await importIt(docx, '--out', join(dir, 'no-such-dir', 'draft.yaml'));
    expect(r.code).toBe(2);
    // In the words every --out uses (README), not an error code.
    expect(r.stderr).toMatch(/^plan: cannot write \S+draft\.yaml: its directory does not exist\n$/);
  });

  it('--force alone is a usage error', async () => {
    const r = await importIt(docx, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--force goes with --out FILE/);
  });
});

describe('end to end through bin/plan.js', () => {
  it('imports a .docx and refuses a PDF', async () => {
    const docx = write('e2e.docx', await fixtureDocx({ before: HEADING, rows: [...HEADER, BODY[0]!, BODY[1]!] }));
    const ok = runBin(['import', docx, '--plans', PLANS], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('number: 999/QĐ-BHXH');
    const pdf = write('e2e.pdf', Buffer.from('%PDF-1.4\n\u0000\u001b[2J'));
    const bad = runBin(['import', pdf, '--plans', PLANS], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`plan: ${pdf} is a PDF document, not a Word document (.docx): open it in Word and save it as .docx\n`);
  });
});
