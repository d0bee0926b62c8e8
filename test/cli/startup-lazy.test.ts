// Start-up stays small: the CSV parser loads only when data is read — a measure that misses the
// measure cache, from `plan attainment`, `plan report` or `plan status` through import(); chardet and
// iconv-lite only when a data file is not UTF-8.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticClosure } from '../helpers/bundle.js';


function command(name: string): string {
  const chunk = readdirSync('dist/chunks').find((f) => new RegExp(`^${name}-[A-Z0-9]+\\.js$`).test(f));
  expect(chunk, `the ${name} command's chunk`).toBeDefined();
  return staticClosure(join('dist/chunks', chunk!));
}

describe('the entry bundle', () => {
  const atStart = staticClosure('dist/plan.js');
  // What a measure that misses the cache loads (plan attainment, plan report, plan status with data).
  const attainment = command('attainment-data');
  const status = command('status');

  it('PapaParse loads with a measure that reads data, not at start-up nor with plan status or plan attainment themselves', () => {
    const marker = 'Quoted field unterminated';
    expect(attainment.includes(marker)).toBe(true);
    expect(command('attainment').includes(marker)).toBe(false);
    expect(atStart.includes(marker)).toBe(false);
    expect(status.includes(marker)).toBe(false);
  });

  it('a cached measure (plan status with data, warm) loads no CSV parser', () => {
    const marker = 'Quoted field unterminated';
    expect(command('measure-cache').includes(marker)).toBe(false);
    expect(command('data-findings').includes(marker)).toBe(false);
  });

  it.each([
    ['chardet', 'EUC-KR'],
    ['iconv-lite', 'DBCS'],
  ])('%s is not loaded with plan attainment itself, only for a file that is not UTF-8', (_name, marker) => {
    expect(atStart.includes(marker)).toBe(false);
    expect(attainment.includes(marker)).toBe(false);
    // It is in the bundle, in a chunk of its own that only a dynamic import() reaches.
    const chunks = readdirSync('dist/chunks').filter((f) => f.endsWith('.js') && readFileSync(join('dist/chunks', f), 'utf8').includes(marker));
    expect(chunks).toHaveLength(1);
  });
});

describe('Word and Excel libraries', () => {
  // Strings that only the docx and exceljs libraries hold.
  const DOCX = 'w:tblHeader';
  const EXCELJS = 'xl/worksheets/sheet';
  it.each(['render', 'tasks', 'status', 'report', 'attainment'])('neither loads at start-up nor with plan %s itself, only for --format docx or xlsx', (name) => {
    const atStart = staticClosure('dist/plan.js');
    const chunk = command(name);
    for (const marker of [DOCX, EXCELJS]) {
      expect(atStart.includes(marker)).toBe(false);
      expect(chunk.includes(marker)).toBe(false);
    }
    // Each is in the bundle, reached only through import().
    for (const marker of [DOCX, EXCELJS]) expect(readdirSync('dist/chunks').some((f) => f.endsWith('.js') && readFileSync(join('dist/chunks', f), 'utf8').includes(marker))).toBe(true);
  });
});
