// Header words → column fields, and the joining of a cell's lines.
import { describe, expect, it } from 'vitest';
import { headerField } from '../../../src/load/import/columns.js';
import { joinLines } from '../../../src/load/import/cell-text.js';

describe('headerField', () => {
  it.each([
    ['TT', 'no'],
    ['STT', 'no'],
    ['Số thứ tự', 'no'],
    ['Nội dung nhiệm vụ', 'content'],
    ['Nội dung công việc', 'content'],
    ['Nhiệm vụ', 'content'],
    ['Tổng số nhiệm vụ', 'count'],
    ['Đơn vị chủ trì', 'lead'],
    ['Đơn vị phối hợp', 'support'],
    ['Thời gian bắt đầu', 'start'],
    ['Thời gian hoàn thành', 'due'],
    ['Thời gian Hoàn thành', 'due'],
    ['Thời gian thực hiện', 'when'],
    ['Tiến độ', 'when'],
    ['Lãnh đạo Ngành phụ trách', 'leader'],
    ['Lãnh đạo phụ trách', 'leader'],
    ['Sản phẩm', 'product'],
    ['Phương thức bồi dưỡng', 'mode'],
    ['Ghi chú', 'note'],
    ['Kinh phí', null],
  ])('%j → %j', (header, field) => {
    expect(headerField(header)).toBe(field);
  });
});

describe('joinLines', () => {
  it.each([
    ['wrapped lines become one', ['Các Vụ, Ban nghiệp\nvụ liên quan'], 'Các Vụ, Ban nghiệp vụ liên quan'],
    ['paragraphs of a sentence too', ['Trung tâm Công nghệ', 'thông tin'], 'Trung tâm Công nghệ thông tin'],
    ['list items keep their line', ['- Cục quản lý giám sát\nkế toán.', '- Các Vụ, Ban liên quan'], '- Cục quản lý giám sát kế toán.\n- Các Vụ, Ban liên quan'],
    ['runs of space and tabs', ['  Tháng\t 01/2024  '], 'Tháng 01/2024'],
    ['empty lines dropped', ['', 'A', ''], 'A'],
  ])('%s', (_name, paragraphs, text) => {
    expect(joinLines(paragraphs)).toBe(text);
  });
});
