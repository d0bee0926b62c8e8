import { describe, expect, it } from 'vitest';
import Table from 'cli-table3';
import { textTable } from '../../src/render/text-table.js';
import { displayWidth, padDisplay, widthMemoStats, wrapText } from '../../src/render/width.js';

describe('displayWidth', () => {
  it.each([
    ['Việt Nam', 8],
    ['Vie\u0323\u0302t Nam', 8], // decomposed: marks take no column
    ['Đề án “Nghiên cứu”', 18],
    ['\u001b[31mQuá hạn\u001b[39m', 7],
    ['漢字', 4],
    ['', 0],
  ])('%j is %i columns', (s, w) => expect(displayWidth(s)).toBe(w));

  it('pads by display width, not code units', () => {
    expect(padDisplay('Vie\u0323\u0302t', 6)).toBe('Vie\u0323\u0302t  ');
  });
});

describe('wrapText', () => {
  it.each([
    ['Xây dựng kế hoạch đào tạo', 10, ['Xây dựng', 'kế hoạch', 'đào tạo']],
    ['a\nb c', 10, ['a', 'b c']],
    // An id longer than the column breaks after a hyphen, not mid-word.
    ['vc-dao-duc-ky-nang-nghe-nghiep', 16, ['vc-dao-duc-ky-', 'nang-nghe-nghiep']],
    ['vc-dao-duc-ky-nang-nghe-nghiep', 12, ['vc-dao-duc-', 'ky-nang-', 'nghe-nghiep']],
    ['Quyết định số 1813/QĐ-TTg', 9, ['Quyết', 'định số', '1813/QĐ-', 'TTg']],
    // No hyphen: split between letters, keeping a letter and its marks together.
    ['Nghiêncứuthựctiễn', 6, ['Nghiên', 'cứuthự', 'ctiễn']],
  ])('%j in %i columns', (text, width, lines) => {
    const out = wrapText(text, width);
    expect(out).toEqual(lines);
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(width);
  });
});

// Issue 9, defect 3: one unbroken word of hundreds of thousands of characters (the time is in
// bench/wrap.mjs; here the result, and that the width memo stays bounded).
describe('wrapText on a very long word', () => {
  it('cuts a 320,000-character word into 4,000 lines of exactly 80 columns, losing nothing', () => {
    const word = 'ab'.repeat(160_000);
    const lines = wrapText(word, 80);
    expect(lines.length).toBe(4000);
    expect(lines.every((l) => l === 'ab'.repeat(40))).toBe(true);
  });

  it('keeps grapheme clusters whole and breaks after hyphens inside a long word', () => {
    const word = 'Nghiê\u0300n-'.repeat(3000); // 7 columns (decomposed marks take none) per repeat
    const lines = wrapText(word, 20);
    expect(lines.join('')).toBe(word);
    // Each line ends at the last hyphen that fits: two repeats, 14 columns.
    expect(lines[0]).toBe('Nghiê\u0300n-Nghiê\u0300n-');
    expect(lines.length).toBe(1500);
  });

  it('keeps the width memo bounded: no text longer than 256 characters, at most 20,000 entries', () => {
    wrapText('x'.repeat(100_000) + ' y', 40);
    for (let i = 0; i < 30_000; i++) displayWidth(`cell ${i}`);
    const { entries, longestKey } = widthMemoStats();
    expect(longestKey).toBeLessThanOrEqual(256);
    expect(entries).toBeLessThanOrEqual(20_000);
  });
});

// A long table is drawn in blocks (cli-table3's layout is quadratic in its cells): the result must
// be the table cli-table3 draws in one piece, here drawn by cli-table3 itself with the same widths.
describe('textTable of many rows', () => {
  it.each([1, 249, 250, 251, 500, 777])('%i rows: the same as one cli-table3 table', (n) => {
    const ctx = { color: false, width: 60, lang: 'vi' as const };
    const cols = [{ header: 'Mục', max: 8 }, { header: 'Nội dung', flex: true }];
    const rows = Array.from({ length: n }, (_x, i) => [`${i + 1}`, i % 3 === 0 ? 'Xây dựng kế hoạch đào tạo, bồi dưỡng công chức năm 2025' : 'Báo cáo']);
    const got = textTable(cols, rows, ctx);
    const widths = [...got.split('\n')[0]!.matchAll(/─+/g)].map((m) => m[0].length);
    const one = new Table({ head: cols.map((c) => c.header), colWidths: widths, style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 }, wordWrap: false });
    for (const r of rows) one.push(r.map((cell, ci) => wrapText(cell, widths[ci]! - 2).join('\n')));
    expect(got).toBe(one.toString() + '\n');
  });
});
