// Whether a people measure asks about trainings is read from its conditions' structure (compile.ts's
// walker), not from its JSON text: the word "trained" as a value is not a `trained` condition.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/model/measure.js';
import { eachTrained, usesTrained } from '../../src/report/attainment/compile.js';

const trained = { topic: ['ky-nang-so'], in: 'year' };

describe('usesTrained', () => {
  it.each<[string, (Condition | undefined)[], boolean]>([
    ['no conditions', [undefined, undefined], false],
    ['a field test', [{ category: 'cong-chuc' } as Condition], false],
    ['the word as a value', [{ position: 'trained' } as Condition, { tags: ['trained'] } as Condition], false],
    ['trained at the top', [undefined, { trained } as Condition], true],
    ['trained inside all', [{ all: [{ category: 'cong-chuc' }, { trained }] } as Condition], true],
    ['trained inside any inside not', [{ not: { any: [{ manager: true }, { trained }] } } as Condition], true],
  ])('%s', (_what, conditions, expected) => {
    expect(usesTrained(...conditions)).toBe(expected);
  });

  it('the walker visits every trained, in order', () => {
    const a = { topic: ['phap-luat'], in: 'year' };
    const b = { topic: ['ngoai-ngu'], in: 'year' };
    const seen: unknown[] = [];
    eachTrained({ all: [{ trained: a }, { not: { trained: b } }] } as Condition, (t) => seen.push(t));
    expect(seen).toEqual([a, b]);
  });
});
