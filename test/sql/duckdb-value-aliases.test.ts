// The DuckDB engine does not map value aliases of free-text columns yet: a file that uses them is
// refused with the column and a value named, never counted as written (which would differ, silently,
// from the in-process engine's figures).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runMain } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plan-duckdb-alias-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bundled sample staff file with one `giam-doc` written as its Vietnamese alias. */
function staffWithAlias(): string {
  const lines = readFileSync(join(ROOT, 'data/sample/staff.csv'), 'utf8').split('\n');
  const at = lines.findIndex((l, i) => i > 0 && l.split(',')[3] === 'giam-doc');
  expect(at).toBeGreaterThan(0);
  const cells = lines[at]!.split(',');
  cells[3] = 'Giám đốc';
  lines[at] = cells.join(',');
  const file = join(dir, 'staff.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('value aliases on the DuckDB path', () => {
  const args = ['attainment', '--as-of', '2025-12-31', '--format', 'json', '--lang', 'en'];

  it('a free-text column holding an alias is refused, naming the column and the value', async () => {
    const file = staffWithAlias();
    const r = await runMain([...args, '--staff', file, '--engine', 'duckdb']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DATA_ENGINE_UNSUPPORTED');
    expect(r.stderr).toContain('"Giám đốc" for giam-doc');
    expect(r.stderr).toContain('--engine js');
  });

  it('the in-process engine maps the alias and reads the same file with no finding', async () => {
    const file = staffWithAlias();
    const r = await runMain([...args, '--staff', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('DATA_ENGINE_UNSUPPORTED');
    const canonical = await runMain([...args]);
    // One cell written as its alias changes nothing: the figures are the canonical file's.
    const figures = (s: string) => (JSON.parse(s) as { targets: { id: string; numerator: unknown; denominator: unknown }[] }).targets.map((t) => [t.id, t.numerator, t.denominator]);
    expect(figures(r.stdout)).toEqual(figures(canonical.stdout));
  });
});
