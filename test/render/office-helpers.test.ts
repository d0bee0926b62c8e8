// The small pure pieces of Word and Excel output, table-first.
import { describe, expect, it } from 'vitest';
import { columnWidths, textWidth } from '../../src/render/docx/layout.js';
import { formatDay } from '../../src/render/i18n/format.js';
import { isoDayToDate } from '../../src/render/office-dates.js';
import { sheetText, xmlSafe } from '../../src/render/office-text.js';
import { uniqueSheetNames } from '../../src/render/xlsx/sheet-spec.js';

describe('formatDay', () => {
  it.each([
    ['2024-01-30', 'vi', '30/01/2024'],
    ['2024-12-01', 'vi', '01/12/2024'],
    ['2024-01-30', 'en', '2024-01-30'],
    ['Tháng 01/2024', 'vi', 'Tháng 01/2024'],
    ['', 'vi', ''],
  ] as const)('%s in %s → %s', (iso, lang, want) => expect(formatDay(iso, lang)).toBe(want));
});

describe('isoDayToDate', () => {
  it.each([
    ['2024-01-31', Date.UTC(2024, 0, 31)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['1999-12-31', Date.UTC(1999, 11, 31)],
  ])('%s is that day at UTC midnight, whatever the time zone', (iso, ms) => {
    const d = isoDayToDate(iso)!;
    expect(d.getTime()).toBe(ms);
    // 1900-system serial: 2024-01-31 is 45322 in Excel.
    if (iso === '2024-01-31') expect(d.getTime() / 86400000 + 25569).toBe(45322);
  });
  it('null for what is not a day', () => expect(isoDayToDate('2024')).toBeNull());
});

describe('text bound for OOXML', () => {
  it.each([
    ['plain Vietnamese: Hà Nội', 'plain Vietnamese: Hà Nội'],
    ['bell \u0007 and NUL \u0000', 'bell \uFFFD and NUL \uFFFD'],
    ['tab\tLF\nCR\r kept', 'tab\tLF\nCR\r kept'],
    ['lone \uD800 surrogate', 'lone \uFFFD surrogate'],
    ['pair \uD83D\uDE00 kept', 'pair \uD83D\uDE00 kept'],
    ['\uFFFE\uFFFF', '\uFFFD\uFFFD'],
  ])('xmlSafe(%j)', (s, want) => expect(xmlSafe(s)).toBe(want));

  it.each([
    ['_x0041_', '_x005F_x0041_'],
    ['a_x00e9_b _x12_', 'a_x005F_x00e9_b _x12_'],
    ['=HYPERLINK("x")', '=HYPERLINK("x")'],
  ])('sheetText(%j) escapes what Excel would decode', (s, want) => expect(sheetText(s)).toBe(want));
});

describe('uniqueSheetNames', () => {
  it.each([
    [['88/QĐ-BHXH'], ['88-QĐ-BHXH']],
    [['Quá hạn', 'quá hạn'], ['Quá hạn', 'quá hạn 2']],
    [['a'.repeat(40), 'a'.repeat(40)], ['a'.repeat(31), 'a'.repeat(29) + ' 2']],
    [['[x]:*?'], ['-x----']],
    [[''], ['Sheet']],
  ])('%j → %j', (names, want) => {
    const got = uniqueSheetNames(names);
    expect(got).toEqual(want);
    for (const n of got) expect(n.length).toBeLessThanOrEqual(31);
  });
});

describe('columnWidths', () => {
  it.each([[[1, 1, 1]], [[5, 34, 7, 16, 9, 9, 11]], [[3]]])('%j sums exactly to the landscape text width', (weights) => {
    const w = columnWidths(weights, textWidth(true));
    expect(w.reduce((a, b) => a + b, 0)).toBe(textWidth(true));
    expect(w.every((x) => x > 0)).toBe(true);
  });
  it('the landscape text width is 297 − 30 − 15 = 252 mm', () => expect(Math.round(textWidth(true) / 56.6929)).toBe(252));
});
