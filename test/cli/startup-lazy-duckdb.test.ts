// DuckDB (a native library) loads only for --engine duckdb: neither the entry bundle nor the
// attainment command imports it statically; one chunk reaches it, through import(). PGlite, a
// development dependency for tests, is never bundled.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticClosure } from '../helpers/bundle.js';


const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js'));
const chunk = (name: string) => chunks.find((f) => new RegExp(`^${name}-[A-Z0-9]+\\.js$`).test(f));

describe('DuckDB in the bundle', () => {
  it('is imported by one chunk, dynamically, and by nothing at start-up or with plan attainment', () => {
    const importing = chunks.filter((f) => /from\s*["']@duckdb\/node-api["']|import\(["']@duckdb\/node-api["']\)/.test(readFileSync(join('dist/chunks', f), 'utf8')));
    expect(importing).toEqual([chunk('duckdb-engine')]);
    expect(readFileSync(join('dist/chunks', importing[0]!), 'utf8')).toMatch(/import\(["']@duckdb\/node-api["']\)/);
    const start = staticClosure('dist/plan.js');
    const attainment = staticClosure(join('dist/chunks', chunk('attainment')!));
    for (const code of [start, attainment]) {
      expect(code).not.toMatch(/import\(["']@duckdb\/node-api["']\)|from\s*["']@duckdb\/node-api["']/);
      // The engine's own code (its statement for the registry's unit names) is not loaded either.
      expect(code).not.toContain('CREATE TEMP TABLE __unit_ids');
    }
  });

  it('PGlite is not in the bundle at all', () => {
    // Neither imported nor inlined (its WebAssembly file); the name alone stands in the bundled package.json.
    for (const f of chunks) {
      const text = readFileSync(join('dist/chunks', f), 'utf8');
      expect(text).not.toMatch(/(?:from\s*|import\(\s*|require\(\s*)["']@electric-sql\/pglite/);
      expect(text).not.toContain('pglite.wasm');
    }
  });
});
