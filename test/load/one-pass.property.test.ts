import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/load/check-files.js';

// Mistakes typed into a real decision file, line by line, from a fixed seed: whatever the mistake,
// checking never throws and lists each file's
// findings in line order.
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0; b |= 0; c |= 0; d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const registries = ['units.yaml', 'provinces.yaml', 'leaders.yaml', 'datasets.yaml'].map((f) => ({ path: `plans/${f}`, bytes: readFileSync(`plans/${f}`) }));
const decision = readFileSync('plans/qd-88-bhxh-2024.yaml', 'utf8');

const MUTATIONS: ((line: string, rnd: () => number) => string)[] = [
  (l) => l.replace(/: (\S)/, ': $1: x'), // a colon in the value
  (l) => l.replace(/^ {2}/, '\t'), // a tab
  (l) => l.replace(/: (\S)/, ': "$1'), // an unclosed quote
  (l) => ' ' + l, // one space too many
  (l) => l.replace(/^(\s*)(\w+):/, '$1$2x:'), // a misspelt key
  (l) => l.replace(/Tháng (\d+)/, 'Tháng 1$1'), // a month out of range
  (l) => l.replace(/vu-\w+/, 'vu-zz'), // an unknown unit
  () => '', // a line lost
];

describe('one pass over a file with mistakes', () => {
  it('never throws and keeps the findings of a file in line order', () => {
    const rnd = sfc32(12, 34, 56, 78);
    const lines = decision.split('\n');
    let checked = 0;
    for (let round = 0; round < 30; round++) {
      const copy = [...lines];
      const changed = new Set<number>();
      for (let k = 0; k < 3; k++) {
        const i = 20 + Math.floor(rnd() * (copy.length - 21));
        const next = MUTATIONS[Math.floor(rnd() * MUTATIONS.length)]!(copy[i]!, rnd);
        if (next !== copy[i]) changed.add(i);
        copy[i] = next;
      }
      const text = copy.join('\n');
      const r = checkFiles([...registries, { path: 'plans/qd-88-bhxh-2024.yaml', bytes: new TextEncoder().encode(text) }]);
      const mine = r.diagnostics.filter((d) => d.file === 'plans/qd-88-bhxh-2024.yaml');
      const order = mine.map((d) => d.line * 10_000 + d.column);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const d of mine) expect(d.line).toBeGreaterThanOrEqual(0);
      if (changed.size > 0) checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
