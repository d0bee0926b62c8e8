// --format docx through the command line, read back from the package's XML (not the docx library):
// plan render writes the document's tables; plan report holds every section, its tables and charts.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runMain } from '../helpers/cli.js';
import { findAll, part, unzip, wordGrids, wordParagraphs, wordSections, wordTables } from '../helpers/ooxml.js';
import { planWords } from '../helpers/plan-words.js';

const dir = mkdtempSync(join(tmpdir(), 'plan-docx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function docx(args: string[], name: string) {
  const out = join(dir, name);
  const r = await runMain([...args, '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const files = unzip(readFileSync(out));
  const doc = part(files, 'word/document.xml');
  return { files, doc, tables: wordTables(doc), grids: wordGrids(doc), paragraphs: wordParagraphs(doc), sections: wordSections(doc) };
}

describe('plan render --format docx --out', () => {
  it('88/QĐ-BHXH: one table with all 40 tasks and the total row, the header repeated, on a landscape section', async () => {
    const { tables, sections, paragraphs } = await docx(['render', '88/QĐ-BHXH', '--format', 'docx'], '88.docx');
    expect(tables).toHaveLength(1);
    const rows = tables[0]!;
    expect(rows[0]!.header).toBe(true);
    // Task rows are numbered "1.1" … as in the document; 40 of them, under 17 group rows.
    const tasks = rows.filter((r) => /^\d+\.\d+$/.test(r.cells[0]!.text));
    expect(tasks).toHaveLength(40);
    const last = rows[rows.length - 1]!;
    expect(last.cells.map((c) => c.text)).toEqual(expect.arrayContaining(['TỔNG SỐ', '40']));
    expect(sections).toHaveLength(1);
    expect(sections[0]!.orient).toBe('landscape');
    expect(paragraphs).toContain('DANH MỤC');
    expect(paragraphs).toContain('(Ban hành kèm theo Quyết định số 88/QĐ-BHXH ngày 30 tháng 01 năm 2024 của BHXH Việt Nam)');
  });
});

describe('plan report --format docx', () => {
  it('holds every section in order, their tables, both charts as images with a description, and each decision’s appendices', async () => {
    const { files, doc, tables, paragraphs, sections } = await docx(['report', '--format', 'docx', '--as-of', '2025-12-31'], 'report.docx');
    const md = await runMain(['report', '--as-of', '2025-12-31']);
    expect(md.code).toBe(0);
    // The Markdown report's section headings, in order, are the Word document's headings.
    const headings = [...md.stdout.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.replace(/\\/g, ''));
    expect(headings).toHaveLength(6);
    const at = headings.map((h) => paragraphs.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Headings are Word headings (so they show in the navigation pane and a table of contents).
    const styled = findAll(doc, 'w:pStyle').map((s) => s.attrs['w:val']);
    expect(styled.filter((s) => s === 'Heading1')).toHaveLength(6);
    // The as-of day in Vietnamese form.
    expect(paragraphs.some((p) => p.includes('31/12/2025'))).toBe(true);
    // Tables: the summary, overdue, due soon, duties, data, targets, then each decision's tables.
    expect(tables.length).toBeGreaterThanOrEqual(6 + 5);
    expect(tables[0]![0]!.cells.map((c) => c.text)[0]).toBe('Quyết định');
    for (const t of tables) expect(t[0]!.header).toBe(true);
    // 88's appendix with its state column: 40 tasks.
    const t88 = tables.find((t) => t.filter((r) => /^\d+\.\d+$/.test(r.cells[0]!.text)).length === 40 && t[0]!.cells.some((c) => c.text === 'Tình trạng'));
    expect(t88).toBeDefined();
    // The states chart and one targets chart per decision with a numeric threshold (as the HTML
    // report draws them), PNG images, each with the chart's description as alternative text.
    const targets = JSON.parse((await runMain(['targets', '--format', 'json'])).stdout) as { targets: { decision: string; threshold: number | null }[] };
    const charted = new Set(targets.targets.filter((t) => t.threshold !== null).map((t) => t.decision));
    expect(charted.size).toBeGreaterThan(1);
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1 + charted.size);
    for (const f of media) expect([...files[f]!.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    const alts = findAll(doc, 'wp:docPr').map((d) => d.attrs['descr'] ?? '');
    expect(alts).toHaveLength(1 + charted.size);
    expect(alts[0]).toMatch(/88\/QĐ-BHXH: Quá hạn \d+/);
    // Every page landscape A4.
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.orient).toBe('landscape');
  });
});

describe('plan report --format docx: the tables\' columns', () => {
  const ITEM_HEADER = ['Quyết định', 'Mục', 'Nội dung', 'Đơn vị chủ trì', 'Lãnh đạo phụ trách', 'Nơi nhận báo cáo', 'Hạn', 'Tình trạng'];

  let report: Awaited<ReturnType<typeof docx>>;
  beforeAll(async () => {
    report = await docx(['report', '--format', 'docx', '--as-of', '2025-12-31'], 'report-columns.docx');
  });

  it('overdue and due soon: a task\'s leader under "Lãnh đạo phụ trách", a duty\'s receiving body (as its plan file writes it) under "Nơi nhận báo cáo", its leader cell empty', async () => {
    const { tables } = report;
    const items = (JSON.parse((await runMain(['overdue', '--as-of', '2025-12-31', '--within', '30', '--format', 'json'])).stdout) as { tasks: { kind: string; decision: string; id: string; state: string }[] }).tasks;
    const lists = tables.filter((t) => JSON.stringify(t[0]!.cells.map((c) => c.text)) === JSON.stringify(ITEM_HEADER));
    // The overdue list, then the due-soon list.
    expect(lists).toHaveLength(2);
    const rows = [...lists[0]!.slice(1), ...lists[1]!.slice(1)];
    expect(rows).toHaveLength(items.length);
    const words = planWords();
    const col = (h: string) => ITEM_HEADER.indexOf(h);
    let duties = 0;
    let leaders = 0;
    items.forEach((it, i) => {
      const cells = rows[i]!.cells.map((c) => c.text);
      expect(cells[col('Quyết định')]).toBe(it.decision);
      if (it.kind === 'reporting') {
        duties++;
        expect(cells[col('Nơi nhận báo cáo')], `${it.decision} ${it.id}`).toBe(words.recipient.get(`${it.decision} ${it.id}`));
        expect(cells[col('Lãnh đạo phụ trách')]).toBe('');
      } else {
        const leader = words.leader.get(`${it.decision} ${it.id}`);
        if (leader !== undefined) leaders++;
        expect(cells[col('Lãnh đạo phụ trách')]).toBe(leader ?? '');
        expect(cells[col('Nơi nhận báo cáo')]).toBe('');
      }
    });
    expect(duties).toBeGreaterThan(5);
    expect(leaders).toBeGreaterThan(5);
  });

  it('the targets table: "Còn thiếu" is wide enough to hold its widest figure on one line', () => {
    const { tables, grids } = report;
    // Its widest figure is "+16.853.958". Times New Roman's digits are half an em, 120 twips at
    // 12 pt ("+" a little more, "." half that); the cell has 80 twips of margin each side.
    const at = tables.findIndex((t) => t[0]!.cells.some((c) => c.text === 'Còn thiếu') && t[0]!.cells.some((c) => c.text === 'Ghi chú'));
    expect(at).toBeGreaterThanOrEqual(0);
    const needed = tables[at]![0]!.cells.findIndex((c) => c.text === 'Còn thiếu');
    const widest = Math.max(...tables[at]!.slice(1).map((r) => r.cells[needed]!.text.length));
    expect(widest).toBeGreaterThanOrEqual('+1.234.567'.length);
    expect(grids[at]![needed]).toBeGreaterThanOrEqual(widest * 120 + 160);
  });
});

describe('--lang en', () => {
  it('Word and Excel renders take English headers and fixed labels; the content stays as written', async () => {
    const { tables, paragraphs } = await docx(['render', '88', '--format', 'docx', '--lang', 'en', '--with-status', '--as-of', '2024-07-01'], '88-en.docx');
    expect(tables[0]![0]!.cells.map((c) => c.text)).toEqual(['No.', 'Content', 'Tasks', 'Supporting units', 'Start', 'Finish', 'Responsible leader', 'State']);
    expect(paragraphs).toContain('State as of 2024-07-01');
    expect(paragraphs).toContain('DANH MỤC');
    const last = tables[0]![tables[0]!.length - 1]!;
    expect(last.cells.map((c) => c.text)).toEqual(expect.arrayContaining(['TOTAL', '40']));
  });
});

describe('--out with a text format', () => {
  it('writes the same text as stdout would get', async () => {
    const out = join(dir, 'tasks.csv');
    const r = await runMain(['tasks', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const piped = await runMain(['tasks', '--format', 'csv']);
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
    expect(piped.stdout.length).toBeGreaterThan(1000);
  });
});

describe('binary output', () => {
  it('is refused on a terminal with a hint, before anything is read', async () => {
    const r = await runMain(['render', '88', '--format', 'docx', '--plans', 'no-such-dir'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--format docx writes a Word document, which a terminal cannot show: give --out FILE, or redirect it/);
    const x = await runMain(['tasks', '--format', 'xlsx'], { tty: true });
    expect(x.code).toBe(2);
    expect(x.stderr).toMatch(/--format xlsx writes an Excel workbook/);
  });

  it('goes whole to a piped stdout (end to end, bytes intact)', () => {
    const r = spawnSync(process.execPath, [BIN, 'tasks', '--format', 'xlsx', '--as-of', '2024-07-01'], { cwd: ROOT, env: { PATH: process.env['PATH'], PLAN_CACHE: '0' } });
    expect(r.status).toBe(0);
    expect(r.stderr.toString()).toBe('');
    const out = new Uint8Array(r.stdout);
    expect(String.fromCharCode(out[0]!, out[1]!)).toBe('PK');
    expect(Object.keys(unzip(out))).toContain('xl/workbook.xml');
  });

  it('the built bin writes Word files with the bundled docx chunk and the external chart renderer', () => {
    for (const [args, name] of [
      [['render', '456', '--format', 'docx'], 'bin-456.docx'],
      [['report', '--decision', '88', '--format', 'docx', '--as-of', '2024-07-01'], 'bin-report.docx'],
    ] as const) {
      const out = join(dir, name);
      const r = spawnSync(process.execPath, [BIN, ...args, '--out', out], { cwd: ROOT, env: { PATH: process.env['PATH'], PLAN_CACHE: '0' }, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const files = unzip(readFileSync(out));
      expect(wordTables(part(files, 'word/document.xml')).length).toBeGreaterThanOrEqual(name === 'bin-456.docx' ? 2 : 3);
      if (name === 'bin-report.docx') expect(Object.keys(files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('--out replaces the file atomically and leaves no temporary file; a missing directory is an I/O error', async () => {
    const out = join(dir, 'atomic', 'x.docx');
    const bad = await runMain(['render', '88', '--format', 'docx', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot write --out .*x\.docx: its directory does not exist/);
    const target = join(dir, 'replace.docx');
    writeFileSync(target, 'old');
    const r = await runMain(['render', '88', '--format', 'docx', '--out', target]);
    expect(r.code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
