// Names in a cell → registry ids, against a small hand-written registry.
import { describe, expect, it } from 'vitest';
import type { Leader } from '../../../src/model/leaders.js';
import type { Unit } from '../../../src/model/units.js';
import { resolveLeaderCell, resolveUnitCell, unitIndex, unitNamed } from '../../../src/load/import/resolve-names.js';

const units: Unit[] = [
  { id: 'vu-tccb', code: 'TCCB', name: 'Vụ Tổ chức cán bộ', name_en: 'Personnel', kind: 'central', aliases: ['Vụ TCCB'] },
  { id: 'vu-tckt', code: 'TCKT', name: 'Vụ Tài chính - Kế toán', name_en: 'Finance', kind: 'central' },
  { id: 'vu-pc', code: 'PC', name: 'Vụ Pháp chế', name_en: 'Legal', kind: 'central' },
  { id: 'bhxh-tinh', name: 'BHXH các tỉnh, thành phố', name_en: 'Provinces', kind: 'group', aliases: ['BHXH các tỉnh'] },
  { id: 'don-vi-truc-thuoc', name: 'Các đơn vị trực thuộc BHXH Việt Nam', name_en: 'Units', kind: 'group', aliases: ['Các đơn vị'] },
  { id: 'bo-y-te', name: 'Bộ Y tế', name_en: 'Health', kind: 'external' },
];
const leaders: Leader[] = [
  { id: 'ptgd-le-hung-son', name: 'Lê Hùng Sơn', title: 'Phó Tổng Giám đốc', display: 'PTGĐ Lê Hùng Sơn' },
  { id: 'ptgd-chu-manh-sinh', name: 'Chu Mạnh Sinh', title: 'Phó Tổng Giám đốc', display: 'PTGĐ Chu Mạnh Sinh' },
  { id: 'tgd', name: 'Nguyễn Thế Mạnh', title: 'Tổng Giám đốc', display: 'Tổng Giám đốc' },
];
const index = unitIndex(units);

describe('resolveUnitCell', () => {
  it.each([
    ['the registry name', 'Vụ Tổ chức cán bộ', ['vu-tccb'], [], true],
    ['an alias', 'Vụ TCCB', ['vu-tccb'], [], false],
    ['a short code', 'TCCB', ['vu-tccb'], [], false],
    ['another case', 'vụ tổ chức cán bộ', ['vu-tccb'], [], false],
    ['no spaces around the hyphen', 'Vụ Tài chính-Kế toán', ['vu-tckt'], [], false],
    ['a list with ";" and "và"', 'Vụ Pháp chế và BHXH các tỉnh, thành phố; Bộ Y tế', ['vu-pc', 'bhxh-tinh', 'bo-y-te'], [], false],
    ['codes after "Các đơn vị:"', 'Các đơn vị: TCCB, PC, TCKT', ['vu-tccb', 'vu-pc', 'vu-tckt'], [], false],
    ['list items on their own lines', '- Vụ Pháp chế.\n- Bộ Y tế', ['vu-pc', 'bo-y-te'], [], false],
    ['"một số" for "các"', 'Một số đơn vị', ['don-vi-truc-thuoc'], [], false],
    ['words that only qualify', 'Các đơn vị có liên quan', ['don-vi-truc-thuoc'], [], false],
    ['a name the registry lacks', 'Vụ Pháp chế, Bộ Ngoại vụ', ['vu-pc'], ['Bộ Ngoại vụ'], false],
    ['a parenthesis that names no unit', 'BHXH các tỉnh (được lựa chọn)', ['bhxh-tinh'], ['(được lựa chọn)'], false],
    ['a parenthesis that names a unit', 'Bộ Y tế (Vụ Pháp chế)', ['bo-y-te', 'vu-pc'], [], false],
    ['"pc" in lower case is no code', 'pc', [], ['pc'], false],
  ])('%s: %j', (_name, text, ids, unresolved, exact) => {
    expect(resolveUnitCell(text, index)).toEqual({ ids, unresolved, exact });
  });
});

describe('unitNamed', () => {
  it.each([
    ['Vụ Tài chính - Kế toán', 'vu-tckt'],
    ['Vụ Tài chính-Kế toán', 'vu-tckt'],
    ['TCCB', 'vu-tccb'],
    ['Vụ Tổ chức', null],
    ['Cải cách thể chế', null],
  ])('%j → %j', (text, id) => {
    expect(unitNamed(text, index)).toBe(id);
  });
});

describe('resolveLeaderCell', () => {
  it.each([
    ['the display name', 'PTGĐ Lê Hùng Sơn', ['ptgd-le-hung-son'], [], true],
    ['another title form', 'Phó TGĐ Chu Mạnh Sinh', ['ptgd-chu-manh-sinh'], [], false],
    ['the name alone', 'Lê Hùng Sơn', ['ptgd-le-hung-son'], [], false],
    ['the name wrapped in the cell', 'Phó Tổng Giám đốc Lê\nHùng Sơn', [], ['Phó Tổng Giám đốc Lê', 'Hùng Sơn'], false],
    ['two leaders', 'PTGĐ Lê Hùng Sơn; PTGĐ Chu Mạnh Sinh', ['ptgd-le-hung-son', 'ptgd-chu-manh-sinh'], [], false],
    ['a title only one leader holds', 'Tổng Giám đốc', ['tgd'], [], true],
    ['someone not in the registry', 'PTGĐ Phạm Văn Z', [], ['PTGĐ Phạm Văn Z'], false],
  ])('%s: %j', (_name, text, ids, unresolved, exact) => {
    expect(resolveLeaderCell(text, leaders)).toEqual({ ids, unresolved, exact });
  });
});
