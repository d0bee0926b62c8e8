// Start-up stays small: the CSV parser, chardet and iconv-lite load only inside `plan attainment`.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the entry bundle', () => {
  const entry = readFileSync('dist/plan.js', 'utf8');
  // The chunks the entry imports statically; commands come through import() and load when they run.
  const staticImports = [...entry.matchAll(/import\s*(?:[\w{}$,\s*]+from\s*)?["']\.\/(chunks\/[^"']+)["']/g)].map((m) => m[1]!);
  const atStart = [entry, ...staticImports.map((c) => readFileSync(`dist/${c}`, 'utf8'))].join('\n');
  const attainment = readdirSync('dist/chunks').find((f) => /^attainment-.*\.js$/.test(f))!;
  const command = readFileSync(`dist/chunks/${attainment}`, 'utf8');

  it.each([
    ['PapaParse', 'Quoted field unterminated'],
    ['chardet', 'EUC-KR'],
    ['iconv-lite', 'DBCS'],
  ])('%s is in the attainment chunk only', (_name, marker) => {
    expect(command.includes(marker)).toBe(true);
    expect(atStart.includes(marker)).toBe(false);
  });
});
