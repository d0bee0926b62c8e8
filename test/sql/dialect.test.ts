// Literals and names in the SQL: every value from a plan file goes through these, quoted by the
// standard rules. Expected texts are written out by hand.
import { describe, expect, it } from 'vitest';
import { comment } from '../../src/report/attainment/sql/compile-sql.js';
import { dateLiteral, ident, numberLiteral, textLiteral } from '../../src/report/attainment/sql/dialect.js';

describe('SQL literals', () => {
  it.each([
    ['giam-doc', "'giam-doc'"],
    ["x'; DROP TABLE staff; --", "'x''; DROP TABLE staff; --'"],
    ["''", "''''''"],
    ['a\\b', "'a\\b'"],
    ['Tiếng Việt', "'Tiếng Việt'"],
    ['line\nbreak', "'line\nbreak'"],
  ])('text %j → %s', (value, sql) => {
    expect(textLiteral(value)).toBe(sql);
  });

  it('a text with a NUL has no literal (the condition then matches nothing)', () => {
    expect(textLiteral('a\u0000b')).toBeNull();
  });

  it.each([
    ['staff', '"staff"'],
    ['staff-2024', '"staff-2024"'],
    ['year', '"year"'],
    ['we"ird', '"we""ird"'],
  ])('name %s → %s', (name, sql) => {
    expect(ident(name)).toBe(sql);
  });

  it.each([
    [4, '4'],
    [-5, '-5'],
    [12.5, '12.5'],
  ])('number %d → %s', (n, sql) => {
    expect(numberLiteral(n)).toBe(sql);
  });

  it('dates only from ISO days', () => {
    expect(dateLiteral('2024-12-31')).toBe("DATE '2024-12-31'");
    expect(() => dateLiteral("2024-12-31'; --")).toThrow();
  });

  it('a comment line cannot be ended early by a line break in what it names', () => {
    expect(comment('target a\nDROP TABLE staff')).toBe('-- target a?DROP TABLE staff');
    expect(comment('x\u2028y')).toBe('-- x?y');
  });
});
