// Issue 9, defect 4: suggestions at a bounded cost. Distances are checked against values worked
// out by hand; the bounds by what they return (the time is in bench/hostile.mjs).

import { describe, expect, it } from 'vitest';
import { closest, editDistance, MAX_SUGGEST_LENGTH, typoReach } from '../../src/load/did-you-mean.js';
import { capMessage, echo, MAX_MESSAGE } from '../../src/load/echo.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['vu-c', 'vu-a', 1], // one substitution
    ['dua', 'due', 1],
    ['ab', 'ba', 1], // one transposition
    ['kitten', 'sitting', 3],
    ['bhxh-tinhh', 'bhxh-tinh', 1], // one deletion
    ['abc', '', 3],
  ])('%j ↔ %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it.each([
    ['kitten', 'sitting', 2, 3], // 3 > limit 2: gives up with limit + 1
    ['kitten', 'sitting', 3, 3],
    ['a'.repeat(50), 'b'.repeat(50), 4, 5],
    ['short', 'a much longer candidate', 2, 3], // the lengths alone rule it out
  ])('%j ↔ %j with limit %i is %i', (a, b, limit, d) => {
    expect(editDistance(a, b, limit)).toBe(d);
  });
});

describe('closest', () => {
  const units = new Set(['vu-a', 'vu-b', 'bhxh-tinh', 'bhxh-ha-noi', 'vu-tckt']);
  it.each([
    ['vu-c', 'vu-a'], // the first of equally close candidates
    ['bhxh-tinhh', 'bhxh-tinh'],
    ['BHXH-HA-NOI', 'bhxh-ha-noi'], // case does not count
    ['vu-tcktt', 'vu-tckt'],
    ['xyz', undefined], // nothing within reach
    ['v', undefined], // a one-letter word matches nothing by typo
  ])('%j → %j', (word, expected) => {
    expect(closest(word, units)).toBe(expected);
  });

  it('gives no suggestion for a value longer than any typo (64,000 characters)', () => {
    expect(closest('vu-a' + 'x'.repeat(64_000), units)).toBeUndefined();
    expect(closest('vu-a' + 'x'.repeat(MAX_SUGGEST_LENGTH - 4), units)).toBeUndefined();
  });

  it('answers the same when asked again (the per-value cache) and follows a list that grew', () => {
    const list = ['alpha', 'beta'];
    expect(closest('alpah', list)).toBe('alpha');
    expect(closest('alpah', list)).toBe('alpha');
    list.push('gamma');
    expect(closest('gamm', list)).toBe('gamma');
  });

  it('reach grows with the word: 2 for short words, a third of longer ones', () => {
    expect([3, 6, 9, 12, 30].map(typoReach)).toEqual([2, 2, 3, 4, 10]);
  });
});

describe('echoed values are capped', () => {
  it('echo keeps short values and cuts long ones to 80 characters and a count', () => {
    expect(echo('vu-a')).toBe('vu-a');
    expect(echo('x'.repeat(64_000))).toBe(`${'x'.repeat(80)}… (64000 characters)`);
  });

  it('capMessage keeps a message to its start and end', () => {
    const long = `unit "${'y'.repeat(100_000)}" is not in the registry`;
    const capped = capMessage(long);
    expect(capped.length).toBeLessThanOrEqual(MAX_MESSAGE + 40);
    expect(capped.startsWith('unit "yyy')).toBe(true);
    expect(capped.endsWith('" is not in the registry')).toBe(true);
  });
});
