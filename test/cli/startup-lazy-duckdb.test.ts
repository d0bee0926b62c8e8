// DuckDB (a native library) loads only for --engine duckdb: neither the entry bundle nor the
// attainment command imports it; one chunk reaches it, by require() inside the function that runs it. PGlite, a
// development dependency for tests, is never bundled.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticClosure } from '../helpers/bundle.js';


const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js'));
const chunk = (name: string) => chunks.find((f) => new RegExp(`^${name}-[A-Z0-9]+\\.js$`).test(f));

describe('DuckDB in the bundle', () => {
  it('is loaded by one chunk, when the engine runs, and by nothing at start-up or with plan attainment', () => {
    const DUCKDB = /from\s*["']@duckdb\/node-api["']|(?:import|require|\))\(["']@duckdb\/node-api["']\)/;
    const importing = chunks.filter((f) => DUCKDB.test(readFileSync(join('dist/chunks', f), 'utf8')));
    expect(importing).toEqual([chunk('duckdb-engine')]);
    const engine = readFileSync(join('dist/chunks', importing[0]!), 'utf8');
    // Not a static import: the package is required inside the function that opens the database.
    expect(engine).not.toMatch(/from\s*["']@duckdb\/node-api["']/);
    expect(engine).toMatch(/\(import\.meta\.url\)\(["']@duckdb\/node-api["']\)/);
    const start = staticClosure('dist/plan.js');
    const attainment = staticClosure(join('dist/chunks', chunk('attainment')!));
    for (const code of [start, attainment]) {
      expect(code).not.toMatch(DUCKDB);
      // The engine's own code (its statement for the registry's unit ids) is not loaded either.
      expect(code).not.toContain('AS ENUM (');
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
