// edit/yaml-splice.ts on its own: each case a text, an edit at a path, and the exact text expected,
// written out by hand.

import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { applyMapEditToValue, applySplices, EditError, YamlSplicer, type MapEdit } from '../../src/edit/yaml-splice.js';

function splice(text: string, path: (string | number)[], edit: MapEdit): string {
  const s = new YamlSplicer(text, parseDocument(text));
  s.editAt(path, edit);
  return s.result();
}

const ORDER = ['a', 'b', 'c', 'd'];

describe('YamlSplicer', () => {
  it.each<[name: string, text: string, path: (string | number)[], edit: MapEdit, expected: string]>([
    ['a key after the last key ranked before it', 'm:\n  a: p\n  c: r\n', ['m'], { order: ORDER, set: { b: 'q' } }, 'm:\n  a: p\n  b: q\n  c: r\n'],
    ['a key before every other key', 'm:\n  b: q\n', ['m'], { order: ORDER, set: { a: 'p' } }, 'm:\n  a: p\n  b: q\n'],
    ['a value replaced in place, its comment kept', 'm:\n  a: p # one\n', ['m'], { order: ORDER, set: { a: 'z' } }, 'm:\n  a: z # one\n'],
    ['setIfAbsent leaves a present key alone', 'm:\n  a: p\n', ['m'], { order: ORDER, setIfAbsent: { a: 'z', b: 'q' } }, 'm:\n  a: p\n  b: q\n'],
    ['a key removed with its line', 'm:\n  a: p\n  b: q\n  c: r\n', ['m'], { order: ORDER, remove: ['b'] }, 'm:\n  a: p\n  c: r\n'],
    ['a nested map created', 'm:\n  a: p\n', ['m'], { order: ORDER, nested: { d: { order: ['x'], set: { x: 'y' } } } }, 'm:\n  a: p\n  d:\n    x: y\n'],
    ['a list item appended in the list style', 'm:\n  d:\n    - x: p\n', ['m'], { order: ORDER, lists: { d: { edit: { order: ['x'] }, create: { x: 'q' } } } }, 'm:\n  d:\n    - x: p\n    - x: q\n'],
    ['a flow map gets the key inline', 'm: { a: p }\n', ['m'], { order: ORDER, set: { b: 'q' } }, 'm: { a: p, b: q }\n'],
    ['four-space indentation followed', 'm:\n    a: p\n', ['m'], { order: ORDER, set: { b: 'q' } }, 'm:\n    a: p\n    b: q\n'],
    ['CRLF line ends kept', 'm:\r\n  a: p\r\n', ['m'], { order: ORDER, set: { b: 'q' } }, 'm:\r\n  a: p\r\n  b: q\r\n'],
    ['text that needs quotes is quoted', 'm:\n  a: p\n', ['m'], { order: ORDER, set: { b: 'x: y' } }, 'm:\n  a: p\n  b: "x: y"\n'],
    ['a number-like text stays text', 'm:\n  a: p\n', ['m'], { order: ORDER, set: { b: '1' } }, 'm:\n  a: p\n  b: "1"\n'],
    ['a map inside a list, by index', 'l:\n  - a: p\n  - a: q\n', ['l', 1], { order: ORDER, set: { b: 'r' } }, 'l:\n  - a: p\n  - a: q\n    b: r\n'],
  ])('%s', (_name, text, path, edit, expected) => {
    expect(splice(text, path, edit)).toBe(expected);
    // What the text now says is what the edit means on plain data.
    const before = (parseDocument(text).getIn(path) as { toJSON(): Record<string, unknown> }).toJSON();
    expect((parseDocument(expected).getIn(path) as { toJSON(): unknown }).toJSON()).toEqual(applyMapEditToValue(before, edit));
  });

  it('refuses a path that is not a mapping', () => {
    expect(() => splice('l: [1, 2]\n', ['l'], { order: ORDER, set: { a: '1' } })).toThrow(EditError);
  });
});

describe('applySplices', () => {
  it.each([
    ['one replacement', 'abcdef', [{ start: 1, end: 3, text: 'X' }], 'aXdef'],
    ['two, in any order given', 'abcdef', [{ start: 0, end: 1, text: 'A' }, { start: 5, end: 6, text: 'F' }], 'AbcdeF'],
    ['two insertions at one place keep the order they were made in', 'ab', [{ start: 1, end: 1, text: '1' }, { start: 1, end: 1, text: '2' }], 'a12b'],
    ['none', 'abc', [], 'abc'],
  ])('%s', (_name, text, splices, expected) => {
    expect(applySplices(text, splices)).toBe(expected);
  });
});
