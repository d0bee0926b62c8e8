// Cell text as exports write it: labels, dates, numbers, delimiters, file kinds, rows below a table.
import { describe, expect, it } from 'vitest';
import { DATE_FORMS } from '../../src/model/datasets.js';
import { dayNumberOf } from '../../src/period/calendar.js';
import { looksDelimitedBy, sniffDelimiter } from '../../src/load/data/csv-dialect.js';
import { hasFooterText, isBlankRow, isFooterText } from '../../src/load/data/non-data-rows.js';
import { notDataMessage, printable, sniffBytes } from '../../src/load/data/sniff.js';
import { excelSerialToDay, foldLabel, lookUpValue, parseDayText, parseWholeNumber, valueLookup } from '../../src/load/data/values.js';
import { cellRef, cellText, columnLetters, parseSheets } from '../../src/load/data/workbook-rows.js';
import { parseZipDirectory } from '../../src/load/data/zip-directory.js';
import { storedZip } from '../helpers/zip.js';

describe('foldLabel', () => {
  it.each([
    ['Mã cán bộ', 'mã cán bộ'],
    ['  MÃ   CÁN BỘ  ', 'mã cán bộ'],
    ['Mã cán bộ (*)', 'mã cán bộ'],
    ['Mã cán bộ:', 'mã cán bộ'],
    ['* Mã cán bộ *', 'mã cán bộ'],
    ['ma_can_bo', 'ma can bo'],
    ['Ma\u0303 ca\u0301n bô\u0323', 'mã cán bộ'], // NFD as some exports write it
  ])('%j → %j', (input, folded) => expect(foldLabel(input)).toBe(folded));
});

describe('value aliases', () => {
  const lookup = valueLookup({ values: ['cong-chuc', 'vien-chuc', 'other'], value_aliases: { 'cong-chuc': ['Công chức', 'CC'], other: ['Hợp đồng lao động', 'HĐLĐ'] } });
  it.each([
    ['Công chức', 'cong-chuc'],
    ['CÔNG CHỨC', 'cong-chuc'],
    ['Cong chuc', 'cong-chuc'],
    ['cc', 'cong-chuc'],
    ['HĐLĐ', 'other'],
    ['Hợp đồng  lao động', 'other'],
    ['vien-chuc', 'vien-chuc'],
    ['Viên chức biên chế', undefined],
  ])('%j → %j', (text, value) => expect(lookUpValue(lookup, text)).toBe(value));
});

describe('parseDayText: day first always', () => {
  const day = (y: number, m: number, d: number) => ({ ok: true, value: dayNumberOf(y, m, d) });
  it.each([
    ['2026-03-14', day(2026, 3, 14)],
    ['14/03/2026', day(2026, 3, 14)],
    ['4/3/2026', day(2026, 3, 4)],
    ['03/04/2024', day(2024, 4, 3)],
    ['14-03-2026', day(2026, 3, 14)],
    ['14.03.2026', day(2026, 3, 14)],
    ['29/02/2024', day(2024, 2, 29)],
    [' 14/03/2026 ', day(2026, 3, 14)],
    ['2024-03-15 00:00:00', day(2024, 3, 15)],
  ])('%j reads', (text, expected) => expect(parseDayText(text)).toEqual(expected));
  it.each([
    ['29/02/2023', /not a day of the calendar/],
    ['03/14/2026', /not a day of the calendar/], // month first is never guessed
    ['14/03/26', /two-digit year/],
    ['14/03-2026', /not a date/],
    ['2024-02-30', /not a day of the calendar/],
    ['March 3, 2024', /not a date/],
  ])('%j is refused', (text, message) => {
    const r = parseDayText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
  it('a month-first date gets a hint that the reading is day first', () => {
    const r = parseDayText('03/14/2026');
    expect(!r.ok && r.hint).toMatch(/day first/);
  });
  it('only the forms a dataset declares', () => {
    expect(parseDayText('14.03.2026', ['yyyy-mm-dd', 'dd/mm/yyyy']).ok).toBe(false);
    expect(parseDayText('4/3/2026', ['dd/mm/yyyy']).ok).toBe(false);
    expect(parseDayText('04/03/2026', ['dd/mm/yyyy']).ok).toBe(true);
    expect(DATE_FORMS).toHaveLength(5);
  });
});

describe('excelSerialToDay (1900 date system)', () => {
  it.each([
    [1, dayNumberOf(1900, 1, 1)],
    [59, dayNumberOf(1900, 2, 28)],
    [61, dayNumberOf(1900, 3, 1)],
    [25569, 0],
    [45366, dayNumberOf(2024, 3, 15)],
    [45366.75, dayNumberOf(2024, 3, 15)],
  ])('%d → its day', (serial, day) => expect(excelSerialToDay(serial)).toEqual({ ok: true, value: day }));
  it('60, the 29 February 1900 Excel invents, is refused', () => expect(excelSerialToDay(60).ok).toBe(false));
  it('0 and negative numbers are refused', () => expect([excelSerialToDay(0).ok, excelSerialToDay(-5).ok]).toEqual([false, false]));
});

describe('parseWholeNumber', () => {
  it.each([
    ['1234567', 'detect', '1234567'],
    ['1.234.567', 'detect', '1234567'],
    ['1 234 567', 'detect', '1234567'],
    ['1.234', 'vi', '1234'],
    ['-12', 'plain', '-12'],
  ] as const)('%j (%s) → %s', (text, format, value) => expect(parseWholeNumber(text, format)).toEqual({ ok: true, value }));
  it.each([
    ['1.234', 'detect', /ambiguous/],
    ['12,5', 'detect', /not a whole number/],
    ['1.234.567', 'plain', /not a whole number/],
    ['1,234,567', 'detect', /commas are decimal marks/],
    ['1.23.456', 'vi', /not a whole number/],
  ] as const)('%j (%s) is refused', (text, format, message) => {
    const r = parseWholeNumber(text, format);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message + (r.hint ?? '')).toMatch(message);
  });
});

describe('sniffDelimiter', () => {
  const header = (cells: string[]) => cells.filter((c) => ['Mã cán bộ', 'Đơn vị', 'Phân loại', 'id', 'unit', 'category', 'tags'].includes(c)).length;
  it.each([
    ['comma', 'id,unit,category,tags\nS1,vu-a,cong-chuc,a;b\nS2,vu-a,cong-chuc,\n', ','],
    ['semicolon', 'Mã cán bộ;Đơn vị;Phân loại\nS1;vu-a;CC\n', ';'],
    ['tab', 'Mã cán bộ\tĐơn vị\tPhân loại\nS1\tvu-a\tCC\n', '\t'],
    ['pipe', 'Mã cán bộ|Đơn vị|Phân loại\nS1|vu-a|CC\n', '|'],
    ['semicolon under title rows', 'DANH SÁCH CÁN BỘ;;\nBHXH tỉnh;;\nMã cán bộ;Đơn vị;Phân loại\nS1;vu-a;CC\n', ';'],
    ['comma with semicolons inside cells', 'id,unit,category,tags\nS1,vu-a,cong-chuc,"a;b;c"\n', ','],
  ])('%s', (_name, text, d) => expect(sniffDelimiter(text, true, header).delimiter).toBe(d));
  it('with no expected header, the delimiter that splits the rows evenly', () => expect(sniffDelimiter('a;b;c\n1;2;3\n4;5;6\n', true).delimiter).toBe(';'));
  it('names the delimiter a header looks split by', () => {
    expect(looksDelimitedBy('Mã cán bộ;Đơn vị;Phân loại', ',')).toBe(';');
    expect(looksDelimitedBy('id,unit', ',')).toBeUndefined();
  });
});

describe('sniffBytes: a file by its bytes', () => {
  const zip = (entries: Record<string, string>) => {
    const b = storedZip(entries);
    return [b, parseZipDirectory(b, b.length, (o, l) => b.subarray(o, o + l))] as const;
  };
  it.each([
    ['xlsx', { '[Content_Types].xml': '<x/>', 'xl/workbook.xml': '<w/>' }],
    ['docx', { '[Content_Types].xml': '<x/>', 'word/document.xml': '<w/>' }],
    ['pptx', { 'ppt/presentation.xml': '<p/>' }],
    ['zip', { 'staff.csv': 'id\n' }],
    ['xlsb', { 'xl/workbook.bin': 'x' }],
  ])('a zip holding %s parts', (kind, entries) => {
    const [b, dir] = zip(entries);
    expect(sniffBytes(b.subarray(0, 4096), dir).kind).toBe(kind);
  });
  it('an OpenDocument spreadsheet by its mimetype entry', () => {
    const [b, dir] = zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<c/>' });
    expect(sniffBytes(b, dir).kind).toBe('ods');
  });
  it.each([
    ['pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3', 'latin1')],
    ['gzip', Buffer.from([0x1f, 0x8b, 8, 0])],
    ['xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('Workbook', 'utf16le')])],
    ['doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('WordDocument', 'utf16le')])],
    ['binary', Buffer.from([0x41, 0x00, 0x42])],
    ['text', Buffer.from('id,unit\n')],
    ['text', Buffer.from([0xff, 0xfe, 0x41, 0x00])],
    ['empty', Buffer.alloc(0)],
  ])('%s', (kind, bytes) => expect(sniffBytes(bytes).kind).toBe(kind));
  it('a zip cut short is named so', () => {
    const [b] = zip({ 'xl/workbook.xml': '<w/>', 'xl/worksheets/sheet1.xml': '<s/>' });
    const cut = b.subarray(0, b.length - 30);
    const s = sniffBytes(cut, parseZipDirectory(cut, cut.length, (o, l) => cut.subarray(o, o + l)));
    expect(s.kind).toBe('xlsx');
    expect(notDataMessage(s)!.message).toMatch(/cannot be read: .*cut short/);
  });
  it('every kind that is no data has a message and a hint; text and a sound workbook have none', () => {
    for (const kind of ['pdf', 'docx', 'doc', 'xls', 'ods', 'zip', 'binary', 'gzip', 'empty', 'xlsb', 'pptx', 'odf', 'ole2'] as const) {
      const m = notDataMessage({ kind });
      expect(m?.message.length, kind).toBeGreaterThan(5);
      expect(m?.hint.length, kind).toBeGreaterThan(5);
    }
    expect(notDataMessage({ kind: 'text' })).toBeUndefined();
    expect(notDataMessage({ kind: 'xlsx', entries: [] })).toBeUndefined();
  });
  it('control characters are escaped as text', () => expect(printable('a\u001b[31mb\u0000')).toBe('a\\x1b[31mb\\x00'));
});

describe('rows that are no data', () => {
  it.each(['Tổng cộng', 'TỔNG CỘNG:', 'Tổng số', 'Cộng', 'Người lập biểu', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký, ghi rõ họ tên)', 'Hà Nội, ngày 15 tháng 3 năm 2026', 'ngày … tháng … năm …', 'TONG CONG', 'ngay15thang3nam2026'])('%j ends the table', (t) => expect(isFooterText(t)).toBe(true));
  it.each(['Giám đốc', 'Công chức', 'NV0000001', 'nv-0001', 'ABC_12', 'Cong', 'Cộng tác viên', ''])('%j does not', (t) => expect(isFooterText(t)).toBe(false));
  it('a blank row is blank', () => {
    expect(isBlankRow(['', '  ', ''])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
    expect(hasFooterText(['', 'Tổng cộng', '12'])).toBe(true);
  });
});

describe('workbook cells', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('column %d is %s', (n, letters) => expect(columnLetters(n)).toBe(letters));
  it('cell references quote a sheet name with spaces', () => {
    expect(cellRef('Sheet1', 7, 3)).toBe('Sheet1!C7');
    expect(cellRef('Danh sách', 5, 9)).toBe("'Danh sách'!I5");
    expect(cellRef("O'Neil", 1, 1)).toBe("'O''Neil'!A1");
  });
  it.each([
    [new Date(Date.UTC(2024, 2, 15)), '2024-03-15'],
    [42, '42'],
    [0.1 + 0.2, '0.3'],
    [true, 'true'],
    [null, ''],
    [{ richText: [{ text: 'Công ' }, { text: 'chức' }] }, 'Công chức'],
    [{ formula: 'A1+1', result: 5 }, '5'],
    [{ error: '#N/A' }, '#N/A'],
    [{ text: 'link', hyperlink: 'http://x' }, 'link'],
  ])('%j as text', (v, text) => expect(cellText(v)).toBe(text));
  it('the sheets in tab order, names decoded, hidden ones marked', () => {
    const wb = '<workbook><sheets><sheet name="Ghi ch&#250;" sheetId="2" state="hidden" r:id="rId2"/><sheet name="Danh s&#225;ch &amp; b" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const rels = '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>';
    expect(parseSheets(wb, rels)).toEqual([
      { name: 'Ghi chú', part: 'xl/worksheets/sheet2.xml', hidden: true },
      { name: 'Danh sách & b', part: 'xl/worksheets/sheet1.xml', hidden: false },
    ]);
  });
});
