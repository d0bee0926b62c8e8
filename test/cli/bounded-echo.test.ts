// Issue 9, defect 4: a huge unknown value gets a finding of bounded size, quoted by its start and
// its length (no suggestion is searched for), and a huge header is not printed back whole.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'plan-echo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bounded findings for huge values', () => {
  it('an unknown support unit of 64,000 characters: UNIT_UNKNOWN quoting 80 characters and the length', async () => {
    const fixture = readFileSync(join(ROOT, 'test/fixtures/invalid/unit-unknown.yaml'), 'utf8');
    const file = join(work, 'huge-unit.yaml');
    writeFileSync(file, fixture.replace('support: vu-c', `support: vu-${'c'.repeat(64_000)}`));
    const r = await runMain(['validate', '--plans', 'test/fixtures/base', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const d = (JSON.parse(r.stdout) as { diagnostics: { code: string; message: string; hint?: string }[] }).diagnostics[0]!;
    expect(d.code).toBe('UNIT_UNKNOWN');
    expect(d.message).toBe(`unit "vu-${'c'.repeat(77)}… (64003 characters)" is not in the registry`);
    expect(d.hint).toBe(`if it is a new unit, add it to units.yaml: - { id: vu-${'c'.repeat(77)}… (64003 characters), name: …, name_en: …, kind: central }`);
    expect(r.stdout.length).toBeLessThan(2000);
  });

  it('a staff header of 200,000 characters missing a required column: the hint lists at most 30 headers of 40 characters', async () => {
    const file = join(work, 'wide-header.csv');
    const extra = Array.from({ length: 5000 }, (_, i) => `extra_column_with_a_long_name_${i}`).join(',');
    writeFileSync(file, `id,position,manager,birth_year,english_level,${extra}\nS01,,true,1970,5${',x'.repeat(5000)}\n`);
    const r = await runMain(['attainment', '--plans', 'test/fixtures/attainment/hand/plans', '--as-of', '2024-12-31', '--staff', file, '--format', 'json']);
    expect(r.stderr.length).toBeLessThan(3000);
    expect(r.stderr).toContain('the required column "unit" is missing');
    expect(r.stderr).toContain(', … (5005 columns)');
  });
});
