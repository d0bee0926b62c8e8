import { describe, expect, it } from 'vitest';
import { IdTable } from '../../src/load/data/id-table.js';

describe('IdTable', () => {
  it.each([
    ['plain ids', ['NV0000001', 'NV0000002', 'NV0000003']],
    ['the empty id and a space', ['', ' ', 'a']],
    ['Vietnamese, composed and decomposed (different ids)', ['Nguyễn', 'Nguye\u0302\u0303n', 'nguyễn']],
    ['ids beyond the BMP', ['😀1', '😀2', '𝔘']],
  ])('%s: each found at its index, nothing else found', (_name, ids) => {
    const t = new IdTable();
    ids.forEach((id, i) => expect(t.add(id)).toBe(i));
    ids.forEach((id, i) => expect(t.get(id)).toBe(i));
    expect(t.get('absent')).toBeUndefined();
    expect(t.size).toBe(ids.length);
  });

  it('keeps every index through many growths (against a Map)', () => {
    const t = new IdTable();
    const m = new Map<string, number>();
    // A fixed sequence with repeats, as a staff file with duplicate ids has.
    let x = 12345;
    for (let n = 0; n < 200_000; n++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const id = `P${x % 150_000}`;
      if (t.get(id) === undefined) t.add(id);
      if (!m.has(id)) m.set(id, m.size);
    }
    expect(t.size).toBe(m.size);
    for (const [id, i] of m) expect(t.get(id)).toBe(i);
    expect(t.get('P150000')).toBeUndefined();
  });
});
