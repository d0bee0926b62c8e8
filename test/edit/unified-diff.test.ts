import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/edit/unified-diff.js';

/** Lines with their line breaks ("a\n", and a last line without one). */
function withBreaks(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Applies a unified diff strictly: every context and removed line must match where the header says. */
function applyPatch(oldText: string, patch: string): string {
  if (patch === '') return oldText;
  const old = withBreaks(oldText);
  const out: string[] = [];
  let at = 0; // next old line (0-based) not yet copied
  const lines = patch.split('\n').slice(2, -1);
  for (let i = 0; i < lines.length; i++) {
    const h = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(lines[i]!);
    if (!h) throw new Error(`not a hunk header: ${lines[i]}`);
    const aStart = Number(h[1]);
    const aLen = h[2] === undefined ? 1 : Number(h[2]);
    const bLen = h[4] === undefined ? 1 : Number(h[4]);
    const from = aLen === 0 ? aStart : aStart - 1;
    while (at < from) out.push(old[at++]!);
    let seenA = 0;
    let seenB = 0;
    while (i + 1 < lines.length && !lines[i + 1]!.startsWith('@@')) {
      const l = lines[++i]!;
      const line = l.slice(1) + (lines[i + 1] === '\\ No newline at end of file' ? '' : '\n');
      if (l[0] === ' ' || l[0] === '-') {
        if (old[at] !== line) throw new Error(`line ${at + 1} is ${JSON.stringify(old[at])}, the patch expects ${JSON.stringify(line)}`);
        at++;
        seenA++;
      }
      if (l[0] === ' ' || l[0] === '+') {
        out.push(line);
        seenB++;
      }
      if (lines[i + 1] === '\\ No newline at end of file') i++;
    }
    if (seenA !== aLen || seenB !== bLen) throw new Error(`hunk counts ${aLen},${bLen} but holds ${seenA},${seenB}`);
  }
  while (at < old.length) out.push(old[at++]!);
  return out.join('');
}

describe('unified diff', () => {
  it('matches diff -u for an insertion inside a file', () => {
    const a = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n') + '\n';
    const b = ['a', 'b', 'c', 'd', 'X', 'Y', 'e', 'f', 'g', 'h'].join('\n') + '\n';
    expect(unifiedDiff(a, b, 'a/f', 'b/f')).toBe('--- a/f\n+++ b/f\n@@ -2,6 +2,8 @@\n b\n c\n d\n+X\n+Y\n e\n f\n g\n');
  });

  it('joins changes six unchanged lines apart into one hunk and splits those seven apart, as diff -u does', () => {
    const a = Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n') + '\n';
    const near = a.replace('l5\n', 'L5\n').replace('l12\n', 'L12\n');
    expect(unifiedDiff(a, near, 'a', 'b').match(/^@@/gm)).toHaveLength(1);
    const far = a.replace('l5\n', 'L5\n').replace('l13\n', 'L13\n');
    expect(unifiedDiff(a, far, 'a', 'b').match(/^@@/gm)).toHaveLength(2);
  });

  it('marks a missing final newline as diff does', () => {
    expect(unifiedDiff('a\nb', 'a\nb\nc', 'a', 'b')).toBe('--- a\n+++ b\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n');
  });

  it('is empty for equal texts', () => expect(unifiedDiff('x\n', 'x\n', 'a', 'b')).toBe(''));

  it('applies back to the new text', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '', '  x'), { maxLength: 25 });
    fc.assert(
      fc.property(lines, lines, fc.boolean(), fc.boolean(), (a, b, na, nb) => {
        const at = a.join('\n') + (na && a.length > 0 ? '\n' : '');
        const bt = b.join('\n') + (nb && b.length > 0 ? '\n' : '');
        expect(applyPatch(at, unifiedDiff(at, bt, 'a', 'b'))).toBe(bt);
      }),
      { numRuns: 500 },
    );
  });
});
