// The sample generator is deterministic, and data/sample/ is exactly what it makes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module script without types
import { generate, prng } from '../../scripts/sample-data.mjs';

const FILES = ['staff.csv', 'trainings.csv', 'coverage.csv', 'budget.csv'];

describe('npm run sample-data', () => {
  it('the seeded generator repeats itself', () => {
    const a = prng('x');
    const b = prng('x');
    const c = prng('y');
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
  });

  it('regenerates the bundled sample byte for byte', async () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-sample-'));
    try {
      await generate({ out });
      for (const f of FILES) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join('data/sample', f), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('makes exactly the number of trainings asked for, with synthetic ids only', async () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-sample-'));
    try {
      const r = await generate({ out, staff: 300, trainings: 1234, seed: 't' });
      expect(r).toMatchObject({ staff: 300, trainings: 1234 });
      const staff = readFileSync(join(out, 'staff.csv'), 'utf8').trim().split('\n');
      expect(staff).toHaveLength(301);
      expect(staff.slice(1).every((l) => /^NV\d{7},/.test(l))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
